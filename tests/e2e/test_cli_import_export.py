"""The import / undo-import / export commands, as a user runs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / ".." / "shared" / "samples"


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_json_undo_and_export(tmp_path, capsys):
    db = str(tmp_path / "k.db")
    code, out, _ = _run(capsys, "--db", db, "import", str(SAMPLES / "shop_clients.xlsx"), "--dry-run", "--json")
    dry = json.loads(out)
    assert code == 0 and dry["batch"] is None and dry["created"] == 4

    code, out, _ = _run(capsys, "--db", db, "import", str(SAMPLES / "shop_clients.xlsx"), "--json")
    result = json.loads(out)
    assert code == 0 and (result["rows"], result["created"], result["merged"], result["skipped"]) == (5, 4, 1, 0)
    assert {"row": 7, "message": "phone '12345' could not be recognised; kept as typed"} in result["warnings"]

    code, out, _ = _run(capsys, "--db", db, "import", str(SAMPLES / "shop_clients.xlsx"),
                        "--on-duplicate", "skip", "--json")
    assert json.loads(out)["skipped"] == 5

    code, out, _ = _run(capsys, "--db", db, "export", "clients", str(tmp_path / "c.csv"))
    assert code == 0 and "4 clients" in out
    assert "Громова Ольга Викторовна" in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")

    code, out, _ = _run(capsys, "--db", db, "undo-import", str(result["batch"]))
    assert code == 0 and "4 clients removed" in out
    code, out, _ = _run(capsys, "--db", db, "search", "Громова", "--json")
    assert json.loads(out) == []
    code, _, err = _run(capsys, "--db", db, "undo-import", str(result["batch"]))
    assert code == 2 and "already undone" in err


def test_bad_file_and_bad_export_exit_with_code_2(tmp_path, capsys):
    db = str(tmp_path / "k.db")
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is not a workbook at all")
    code, out, err = _run(capsys, "--db", db, "import", str(junk))
    assert code == 2 and "junk.xlsx" in err and "not a spreadsheet" in err and "Traceback" not in err
    code, _, err = _run(capsys, "--db", db, "export", "deals", str(tmp_path / "d.vcf"))
    assert code == 2 and "cannot be saved as .vcf" in err


def test_as_a_separate_process(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "app", "--db", str(tmp_path / "k.db"), "import",
                           str(SAMPLES / "counterparties_1c.csv"), "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["created"] == 1
