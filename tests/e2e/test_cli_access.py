"""The command line obeys the roles: ``--user NAME`` with the password from
KARTOTEKA_PASSWORD, and no change at all without signing in once passwords are set."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office_db(tmp_path):
    """An office database: the owner and Anna (manager) have passwords, Vera (viewer) too;
    one client of the owner's."""
    from app import context
    from app.clients import ClientData, create_client
    from app.employees import create_employee, set_password
    from db.connection import close_database, open_database
    from db.models import Employee
    path = tmp_path / "office.db"
    open_database(path)
    owner = Employee.get(Employee.role == "owner").id
    create_client(ClientData(name="Клиент владельца"))
    anna = create_employee("Анна", "manager", login="anna")
    vera = create_employee("Вера", "viewer", login="vera")
    for emp, password in ((owner, "owner-secret"), (anna, "anna-secret"), (vera, "vera-secret")):
        set_password(emp, password)
    close_database()
    context.set_current_employee(None)
    yield path
    context.set_current_employee(None)


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "new.csv"
    path.write_text("Название;Телефон\nООО Новые;+7 916 555-00-11\n", encoding="utf-8")
    return path


def run(capsys, monkeypatch, *argv, password=None):
    if password is None:
        monkeypatch.delenv("KARTOTEKA_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("KARTOTEKA_PASSWORD", password)
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def count_clients(path) -> int:
    import sqlite3
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]


def test_without_signing_in_nothing_changes_but_reading_works(office_db, sheet, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "--db", office_db, "import", sheet)
    assert code == 2 and "sign in with --user name" in err.lower()
    assert "Traceback" not in err and count_clients(office_db) == 1
    code, out, _ = run(capsys, monkeypatch, "--db", office_db, "search", "Клиент", "--json")
    assert code == 0 and [h["name"] for h in json.loads(out)] == ["Клиент владельца"]


def test_a_manager_signs_in_imports_and_sees_only_her_clients(office_db, sheet, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "--db", office_db, "--user", "anna", "import", sheet,
                       password="wrong-one")
    assert code == 2 and "password is wrong" in err and count_clients(office_db) == 1
    code, out, _ = run(capsys, monkeypatch, "--db", office_db, "--user", "Анна", "import", sheet, "--json",
                       password="anna-secret")
    assert code == 0 and json.loads(out)["created"] == 1
    code, out, _ = run(capsys, monkeypatch, "--db", office_db, "--user", "anna", "search", "о", "--json",
                       password="anna-secret")
    assert [h["name"] for h in json.loads(out)] == ["ООО Новые"]  # not the owner's client
    code, out, _ = run(capsys, monkeypatch, "--db", office_db, "--user", "anna", "export", "clients",
                       office_db.parent / "mine.csv", password="anna-secret")
    assert code == 0 and "1 clients" in out
    code, _, err = run(capsys, monkeypatch, "--db", office_db, "--user", "anna", "restore",
                       office_db.parent / "any.kbak", password="anna-secret")
    assert code == 2 and err.strip() == ("kartoteka: Your role (Manager) does not allow you to restore a backup. "
                                         "Ask the owner.")


def test_a_viewer_may_not_import(office_db, sheet, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "--db", office_db, "--user", "vera", "import", sheet,
                       password="vera-secret")
    assert code == 2 and "Your role (Viewer) does not allow you to create records" in err and "Traceback" not in err
    assert count_clients(office_db) == 1
    code, out, _ = run(capsys, monkeypatch, "--db", office_db, "--user", "vera", "search", "Клиент", "--json",
                       password="vera-secret")
    assert code == 0 and len(json.loads(out)) == 1


def test_the_owner_signs_in_from_a_separate_process(office_db, sheet):
    import os
    env = dict(os.environ, KARTOTEKA_PASSWORD="owner-secret")
    result = subprocess.run([sys.executable, "-m", "app", "--db", str(office_db), "--user", "Владелец",
                             "import", str(sheet)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert count_clients(office_db) == 2
