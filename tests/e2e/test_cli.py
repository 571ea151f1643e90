"""The command line, run as a user would: a separate process."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args, check=True):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, check=check, timeout=120)


def test_version():
    assert run("--version").stdout.startswith("Kartoteka ")


def test_search_json_finds_a_phone_typed_another_way(tmp_path):
    db = tmp_path / "k.db"
    code = ("import sys; from db.connection import open_database; open_database(sys.argv[1]);"
            "from app.clients import ClientData, PhoneItem, create_client;"
            "create_client(ClientData(name='Иванов Пётр', phones=[PhoneItem('+7 916 555-12-34')],"
            " emails=['petr@mail.ru']))")
    subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, check=True)
    out = json.loads(run("--db", db, "search", "55-12-34", "--json").stdout)
    assert out == [{"id": 1, "name": "Иванов Пётр", "kind": "person", "city": "", "status": "lead",
                    "phones": ["+79165551234"], "emails": ["petr@mail.ru"]}]
    assert json.loads(run("--db", db, "search", "nobody", "--json").stdout) == []


def test_errors_go_to_stderr_with_exit_code_2_and_no_traceback(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 1000)
    result = run("--db", junk, "search", "x", check=False)
    assert result.returncode == 2
    assert "not a Kartoteka database" in result.stderr
    assert "Traceback" not in result.stderr
    bad = run("--db", tmp_path / "k.db", "no-such-command", check=False)
    assert bad.returncode == 2


def test_without_a_display_the_gui_says_so_plainly(tmp_path):
    import os
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "app", "--db", str(tmp_path / "k.db")], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 2
    assert "no graphical display" in result.stderr and "Traceback" not in result.stderr
