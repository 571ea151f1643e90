"""The database file: created at the current version, safe pragmas, refuses strangers."""
import sqlite3

import pytest

from db import migrations
from db.connection import close_database, open_database
from db.errors import NotADatabaseError, SchemaTooNewError
from db.models import Employee, LostReason, SchemaMigration, Stage


def test_new_file_is_created_at_current_version_with_defaults(db):
    assert migrations.schema_version(db) == migrations.CURRENT_VERSION
    assert Stage.select().count() == 9
    assert LostReason.select().count() >= 4
    assert Employee.get().role == "owner"


@pytest.mark.sqlite_only
def test_pragmas_wal_foreign_keys_busy_timeout(db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_reopening_does_not_reseed(tmp_path):
    path = tmp_path / "a.db"
    open_database(path)
    close_database()
    open_database(path)
    assert Stage.select().count() == 9
    close_database()


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "new.db"
    open_database(path)
    SchemaMigration.create(version=migrations.CURRENT_VERSION + 5, name="from the future")
    close_database()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError):
        open_database(path)
    assert path.read_bytes() == before


def test_not_a_database(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is a spreadsheet, honest" * 100)
    with pytest.raises(NotADatabaseError):
        open_database(junk)


def test_foreign_sqlite_file_is_not_taken_over(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    con.commit()
    con.close()
    with pytest.raises(NotADatabaseError):
        open_database(other)
    con = sqlite3.connect(other)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["recipes"]
    con.close()
