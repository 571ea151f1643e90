"""Opening the database: SQLite by default (WAL, foreign keys, busy timeout) through
``database_proxy`` so that PostgreSQL can be plugged in without touching the models."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from .errors import DatabaseOpenError, NotADatabaseError, SchemaTooNewError
from .migrations import CURRENT_VERSION, migrate, schema_version
from .models import database_proxy
from .postgres import is_postgres_url
from .sql import engine  # noqa: F401 - "sqlite" | "postgres", for code that must branch

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # FULL: a committed change survives a crash of the app and of the machine.
    "synchronous": "full",
    "cache_size": -32000,  # 32 MB page cache
    "temp_store": "memory",
}


def _sqlite(path: Path) -> SqliteDatabase:
    # IMMEDIATE: a transaction takes the write lock when it begins, waiting (busy_timeout)
    # for another process's write to finish; a deferred one that read first would be refused
    # at once with "database is locked" instead of reaching the conflict check.
    return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False,
                          lock_type="IMMEDIATE")


def backup_sqlite_file(src_db: SqliteDatabase, dest: Path) -> Path:
    """A consistent copy of a live SQLite database via the online backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(dest))
    try:
        src_db.connection().backup(target)
    finally:
        target.close()
    return dest


def _foreign_tables(db) -> list[str]:
    """Tables of some other program in a file that has no Kartoteka schema."""
    rows = db.execute_sql("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    return [r[0] for r in rows.fetchall()]


def open_database(target: str | Path, *, create: bool = True):
    """Open (creating or migrating as needed) and bind ``database_proxy``.

    Returns the peewee database.  Raises ``SchemaTooNewError`` for a file from a newer
    version (left untouched) and ``NotADatabaseError`` for a file that is not SQLite.
    """
    text = str(target)
    if is_postgres_url(text):
        return _open_postgres(text)
    path = Path(text).expanduser()
    if not path.exists() and not create:
        raise DatabaseOpenError(path=text, detail="file not found")
    path.parent.mkdir(parents=True, exist_ok=True)
    db = _sqlite(path)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master")
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database
        db.close()
        raise NotADatabaseError(path=text) from exc
    database_proxy.initialize(db)
    found = schema_version(db)
    if found == 0 and _foreign_tables(db):
        db.close()
        raise NotADatabaseError(path=text)
    if found > CURRENT_VERSION:
        db.close()
        raise SchemaTooNewError(path=text, found=found, known=CURRENT_VERSION)
    if 0 < found < CURRENT_VERSION:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_sqlite_file(db, path.with_name(f"{path.stem}.before-v{CURRENT_VERSION}-{stamp}{path.suffix}"))
    if found < CURRENT_VERSION:
        migrate(db, found)
    return db


def _open_postgres(url: str):
    """The office mode: connect, then create or migrate the schema like a file's.  A
    server keeps its own backups, so no copy is made before migrating."""
    from .postgres import connect, foreign_tables, safe_url
    db = connect(url)
    database_proxy.initialize(db)
    found = schema_version(db)
    if found == 0 and foreign_tables(db):
        db.close()
        raise NotADatabaseError(path=safe_url(url))
    if found > CURRENT_VERSION:
        db.close()
        raise SchemaTooNewError(path=safe_url(url), found=found, known=CURRENT_VERSION)
    if found < CURRENT_VERSION:
        migrate(db, found)
    return db


def close_database() -> None:
    """Close the database, first letting SQLite refresh its planner statistics
    (cheap with an analysis limit), so queries keep choosing the right index as
    the data grows."""
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        if isinstance(db, SqliteDatabase):
            try:
                db.execute_sql("PRAGMA analysis_limit=400")
                db.execute_sql("PRAGMA optimize")
            except Exception:  # a read-only or damaged file: closing matters more
                pass
        db.close()
