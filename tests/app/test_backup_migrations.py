"""Opening a database from an older version backs it up before migrating; one from a
newer version is refused and left byte for byte as it was."""
import sqlite3

import pytest

from db import connection, migrations
from db.connection import close_database, open_database
from db.errors import SchemaTooNewError
from db.models import Client, SchemaMigration


OLD = migrations.CURRENT_VERSION
NEW = OLD + 1


def upgrade_program(monkeypatch, step):
    """From now on this program knows one more (fake) migration."""
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [(NEW, "fake", step)])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", NEW)
    monkeypatch.setattr(connection, "CURRENT_VERSION", NEW)


def make_v1(path):
    open_database(path)
    Client.create(name="Альфа", name_fold="альфа")
    close_database()


def tables(path):
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_older_database_is_backed_up_then_migrated(tmp_path, monkeypatch):
    path = tmp_path / "k.db"
    make_v1(path)
    upgrade_program(monkeypatch, lambda db: db.execute_sql(
        "CREATE TABLE loyalty_card (id INTEGER PRIMARY KEY, client_id INTEGER)"))
    db = open_database(path)
    try:
        assert migrations.schema_version(db) == NEW
        assert Client.get().name == "Альфа"
    finally:
        close_database()
    copies = list(tmp_path.glob(f"k.before-v{NEW}-*.db"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT max(version) FROM schema_migration").fetchone()[0] == OLD
    assert con.execute("SELECT name FROM client").fetchall() == [("Альфа",)]
    con.close()
    assert "loyalty_card" in tables(path) and "loyalty_card" not in tables(copies[0])


def test_a_failed_migration_leaves_the_old_version_and_its_backup(tmp_path, monkeypatch):
    path = tmp_path / "k.db"
    make_v1(path)

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("power cut")

    upgrade_program(monkeypatch, broken)
    with pytest.raises(RuntimeError):
        open_database(path)
    close_database()
    assert "half_done" not in tables(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT max(version) FROM schema_migration").fetchone()[0] == OLD
    con.close()
    assert len(list(tmp_path.glob(f"k.before-v{NEW}-*.db"))) == 1


def test_newer_database_is_refused_and_byte_identical(tmp_path):
    path = tmp_path / "k.db"
    open_database(path)
    SchemaMigration.create(version=migrations.CURRENT_VERSION + 1, name="from a newer program")
    close_database()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as err:
        open_database(path)
    close_database()
    assert "Update the program" in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.db"]  # no backup, no leftovers
