"""backup / verify / restore / check from the command line, as a user would run them."""
import subprocess
import sys
from pathlib import Path

import pytest

from db import migrations
from db.connection import close_database, open_database
from db.models import Client, SchemaMigration

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def failed_plainly(result):
    return (result.returncode == 2 and result.stderr.startswith("kartoteka: ")
            and "Traceback" not in result.stderr)


@pytest.fixture
def live(tmp_path):
    path = tmp_path / "k.db"
    open_database(path)
    Client.create(name="Альфа", name_fold="альфа")
    close_database()
    return path


def client_names(path):
    open_database(path)
    try:
        return sorted(c.name for c in Client.select())
    finally:
        close_database()


def test_backup_verify_check_restore(live, tmp_path):
    made = run("--db", live, "backup", tmp_path / "backups")
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    assert backup.parent == tmp_path / "backups" and backup.suffix == ".kbak"

    verified = run("verify", backup)
    assert verified.returncode == 0, verified.stderr
    assert "1 clients" in verified.stdout and verified.stdout.strip().endswith("OK")

    checked = run("--db", live, "check")
    assert checked.returncode == 0 and "OK" in checked.stdout

    open_database(live)
    Client.create(name="Бета", name_fold="бета")
    close_database()
    restored = run("--db", live, "restore", backup)
    assert restored.returncode == 0, restored.stderr
    safety = Path(restored.stdout.strip())
    assert safety.parent == tmp_path / "safety" and "to undo" in restored.stderr
    assert client_names(live) == ["Альфа"]
    assert run("--db", live, "restore", safety, "--safety-dir", tmp_path / "s2").returncode == 0
    assert client_names(live) == ["Альфа", "Бета"]


def test_verify_a_truncated_backup(live, tmp_path):
    backup = Path(run("--db", live, "backup", tmp_path).stdout.strip())
    backup.write_bytes(backup.read_bytes()[:-2000])
    result = run("verify", backup)
    assert failed_plainly(result) and "incomplete" in result.stderr


def test_restore_of_a_newer_backup_leaves_the_database_alone(live, tmp_path):
    newer = tmp_path / "newer.db"
    open_database(newer)
    SchemaMigration.create(version=migrations.CURRENT_VERSION + 1, name="future")
    close_database()
    backup = Path(run("--db", newer, "backup", tmp_path / "b").stdout.strip())
    before = live.read_bytes()
    result = run("--db", live, "restore", backup)
    assert failed_plainly(result) and "newer Kartoteka" in result.stderr
    assert live.read_bytes() == before
    assert not (tmp_path / "safety").exists()


def test_check_a_damaged_database(live):
    data = bytearray(live.read_bytes())
    data[4096 * 3:4096 * 4] = b"\xee" * 4096
    live.write_bytes(bytes(data))
    result = run("--db", live, "check")
    assert result.returncode == 2 and "PROBLEMS FOUND" in result.stderr
    assert "restore the most recent backup" in result.stderr


def test_backup_to_a_drive_that_is_not_there(live, tmp_path):
    result = run("--db", live, "backup", tmp_path / "no-stick" / "backups")
    assert failed_plainly(result) and "does not exist" in result.stderr


def test_a_database_from_a_newer_version_is_refused_and_untouched(live):
    open_database(live)
    SchemaMigration.create(version=migrations.CURRENT_VERSION + 1, name="future")
    close_database()
    before = live.read_bytes()
    result = run("--db", live, "search", "Альфа")
    assert failed_plainly(result) and "newer Kartoteka" in result.stderr
    assert live.read_bytes() == before
