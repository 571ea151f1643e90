"""A plain database file as the source of a restore.

A restore keeps the database it replaces as it is - the file itself, moved into
``safety/`` as ``kartoteka-before-restore-YYYY-MM-DD_HHMM.db`` - so undoing a restore
means restoring that file.  It carries no manifest and no checksum, so it is checked in
full before it is used: it must be a Kartoteka database (it has the schema's migration
table), not from a newer version, and pass ``integrity_check``.
"""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from .backup_archive import (BackupDamagedError, NotABackupError, fsync_file, schema_version_of,
                             table_counts)
from .backup_snapshot import SQLITE_MAGIC
from .backup_stream import copy_checked
from .integrity import integrity_problems

SAFETY_NAME = "before-restore"


def is_database_file(path) -> bool:
    """True when ``path`` is an SQLite file (by its first 16 bytes)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _open(path: Path) -> sqlite3.Connection:
    # An ordinary connection: closing it folds a -wal left next to the file into it.
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA query_only=1")
    return conn


def database_manifest(path, *, full_check: bool = False) -> dict:
    """What ``read_manifest`` tells of a backup, for a plain database file: when it was
    last written, its schema version and row counts.  ``full_check`` also runs
    ``integrity_check``.  Raises ``NotABackupError`` for an SQLite file that is not a
    Kartoteka database and ``BackupDamagedError`` for a damaged one."""
    path = Path(path)
    try:
        conn = _open(path)
    except sqlite3.Error as exc:
        raise BackupDamagedError(path=str(path), detail=str(exc)) from exc
    try:
        if full_check:
            problems = integrity_problems(conn)
            if problems:
                raise BackupDamagedError(path=str(path), detail=f"it failed the integrity check ({problems[0]})")
        schema = schema_version_of(conn)
        if not schema:
            raise NotABackupError(path=str(path))
        counts = table_counts(conn)
    except sqlite3.DatabaseError as exc:
        raise BackupDamagedError(path=str(path), detail=str(exc)) from exc
    finally:
        conn.close()
    made = datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
    return {"format": "database", "created": made, "schema_version": schema, "counts": counts,
            "reason": SAFETY_NAME if SAFETY_NAME in path.name else "", "app_version": ""}


def copy_verified(src: Path, dst: Path) -> None:
    """Copy a file by the kernel, read every block back and compare it with the source,
    then flush the copy to the drive."""
    with open(src, "rb") as s, open(dst, "wb+") as d:
        copy_checked(s.fileno(), d.fileno(), d.fileno(), os.fstat(s.fileno()).st_size)
    fsync_file(dst)


def safety_path(folder: Path, db_path: Path, when: datetime) -> Path:
    """``<name>-before-restore-YYYY-MM-DD_HHMM[-N].db`` in ``folder``, not yet taken."""
    stem = f"{db_path.stem}-{SAFETY_NAME}-{when:%Y-%m-%d_%H%M}"
    n, target = 1, folder / f"{stem}{db_path.suffix or '.db'}"
    while target.exists() or Path(f"{target}-wal").exists():
        n += 1
        target = folder / f"{stem}-{n}{db_path.suffix or '.db'}"
    return target


def keep_file(src: Path, target: Path) -> None:
    """Give ``src`` a second name ``target`` (a hard link: nothing is copied), or - on a
    file system without hard links, or another drive - a verified copy."""
    try:
        os.link(src, target)
    except OSError:
        try:
            copy_verified(src, target)
        except BaseException:  # a full or failing drive: no half copy left behind
            target.unlink(missing_ok=True)
            raise
