"""The office mode on PostgreSQL: opening by URL with clear errors, the copy between
engines (SQLite → PostgreSQL → SQLite, nothing lost), search the same on both, and the
backup of a server database.  Runs on a throwaway server (tests/pg_server.py) whenever
PostgreSQL is installed, with or without ``--pg``."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app import context
from app.clients import ClientData, PhoneItem, create_client
from app.search import search_clients
from db.connection import close_database, engine, open_database
from db.errors import DatabaseOpenError
from db.models import Activity, Client, Deal, Setting

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_demo(tmp_path):
    """A small SQLite database with demo data (closed again)."""
    from app.demo import generate
    context.set_current_employee(None)
    path = tmp_path / "solo.db"
    open_database(path)
    generate(60, seed=3)
    create_client(ClientData(name="Ёлкин Пётр", kind="person", inn="500100732259",
                             phones=[PhoneItem(raw="8 (916) 555-00-11")]))
    close_database()
    yield path
    close_database()


def _snapshot() -> dict:
    return {
        "clients": sorted(Client.select(Client.id, Client.name, Client.name_fold, Client.created_at,
                                        Client.birthday, Client.deleted_at).tuples()),
        "deals": sorted(Deal.select(Deal.id, Deal.amount, Deal.stage, Deal.expected_close).tuples()),
        "activities": Activity.select().count(),
        "settings": sorted(Setting.select(Setting.key, Setting.value).tuples()),
        "search": [h.id for h in search_clients("ёлкин")] + [h.id for h in search_clients("555-00-11")],
    }


def _copy(source, dest) -> dict:
    from app.db_copy import copy_database
    from db.models import database_proxy
    open_database(source)
    try:
        return copy_database(database_proxy.obj, dest)
    finally:
        close_database()


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_a_database_opens_by_url_and_says_which_engine(server):
    url = server.new_database()
    db = open_database(url)
    try:
        assert engine() == "postgres"
        assert Setting.select().count() > 0  # the same migrations made the same schema
        assert db.execute_sql("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'").fetchone()
        create_client(ClientData(name="Офисный клиент", kind="company"))
        assert [h.name for h in search_clients("офисн")] == ["Офисный клиент"]
    finally:
        close_database()
    open_database(url)  # a second open finds the schema current: nothing is redone
    try:
        assert Client.select().count() == 1
    finally:
        close_database()


def test_the_driver_loads_only_for_a_server_and_the_office_mode_still_works(server):
    """An SQLite start never loads psycopg2 (libpq and OpenSSL: 12-15 ms of every start);
    the first server database hands it to peewee, and everything works as before."""
    url = server.new_database()
    code = ("import sys\n"
            "from db.connection import open_database, close_database, engine\n"
            "from db.models import Client\n"
            "print('psycopg2' in sys.modules)\n"
            f"open_database({url!r})\n"
            "Client.create(name='Офис', name_fold='офис')\n"
            "with Client._meta.database.atomic():\n"
            "    Client.create(name='Второй', name_fold='второй')\n"
            "print(engine(), Client.select().count(), 'psycopg2' in sys.modules)\n"
            "close_database()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == ["False", "postgres", "2", "True"]


@pytest.mark.parametrize("case, expected", [
    ("no_db", "does not exist"),
    ("no_server", "is not reachable"),
    ("no_user", "has no user"),
])
def test_opening_fails_with_a_message_a_user_can_act_on(server, case, expected):
    url = {"no_db": server.url("no_such_database"),
           "no_server": "postgresql://postgres@127.0.0.1:1/kartoteka",
           "no_user": server.url("postgres").replace("postgres@", "nobody_here@")}[case]
    with pytest.raises(DatabaseOpenError) as err:
        open_database(url)
    assert expected in err.value.plain()


def test_the_password_never_shows_in_a_message(server):
    from db.postgres import safe_url
    assert safe_url("postgresql://anna:s3cret@db.office:5433/crm") == "postgresql://anna@db.office:5433/crm"
    with pytest.raises(DatabaseOpenError) as err:
        open_database("postgresql://anna:s3cret@127.0.0.1:1/crm")
    assert "s3cret" not in err.value.plain()


def test_copy_to_postgres_and_back_loses_nothing(server, sqlite_demo, tmp_path):
    open_database(sqlite_demo)
    before = _snapshot()
    close_database()
    url = server.new_database()
    out = _cli("--db", str(sqlite_demo), "copy-db", url)
    assert out.returncode == 0, out.stderr
    assert "every table's row count matches" in out.stdout
    assert "client\t61" in out.stdout

    open_database(url)
    try:
        assert _snapshot() == before
        # new rows get new ids after the copied ones (the sequences were moved on)
        new_id = create_client(ClientData(name="После переезда", kind="person")).id
        assert new_id > max(c[0] for c in before["clients"])
    finally:
        close_database()

    back = tmp_path / "back.db"
    assert _copy(url, back)["client"] == 62
    open_database(back)
    try:
        after = _snapshot()
        assert after["clients"][:-1] == before["clients"] and after["deals"] == before["deals"]
        assert after["search"] == before["search"] and after["settings"] == before["settings"]
    finally:
        close_database()


def test_copy_refuses_a_target_holding_data(server, sqlite_demo):
    url = server.new_database()
    open_database(url)
    create_client(ClientData(name="Уже здесь", kind="person"))
    close_database()
    out = _cli("--db", str(sqlite_demo), "copy-db", url)
    assert out.returncode == 2
    assert "not empty" in out.stderr
    open_database(url)
    try:
        assert [c.name for c in Client.select()] == ["Уже здесь"]  # untouched
    finally:
        close_database()
    from app.db_copy import DbCopyError
    with pytest.raises(DbCopyError, match="already exists"):
        _copy(url, sqlite_demo)


def test_backup_of_a_server_database_restores_into_an_empty_one(server, sqlite_demo, tmp_path):
    from app.backup import make_backup, verify_backup
    from app.backup_pg import restore_to_postgres
    url = server.new_database()
    _copy(sqlite_demo, url)
    open_database(url)
    try:
        before = _snapshot()
        kbak = make_backup(tmp_path / "backups")
    finally:
        close_database()
    assert verify_backup(kbak)["counts"]["client"] == 61
    target = server.new_database()
    counts = restore_to_postgres(kbak, target)
    assert counts["client"] == 61
    open_database(target)
    try:
        assert _snapshot() == before
        assert Deal.select().where(Deal.amount > Decimal("0")).count() > 0
    finally:
        close_database()
