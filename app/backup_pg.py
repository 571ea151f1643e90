"""Backup and restore in the office mode (PostgreSQL): a logical export.

A backup copies the server's database into a temporary SQLite file (``app.db_copy``) and
writes the usual verified ``.kbak`` from it, so one backup format serves both engines and
a backup of the office database restores onto a laptop as it is.  A restore onto
PostgreSQL checks the backup like any restore, then copies it into an *empty* database
(a server database is not replaced from the desktop: create a new database, restore into
it, and point the office at it).
"""
from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from db.connection import _sqlite
from db import migrations

from .backup_archive import (ATTACHMENTS, DB_MEMBER, BackupDamagedError, BackupTooNewError,
                             BackupVerifyError, extract_member, open_backup)
from .db_copy import copy_database, export_to_sqlite

EXPORT_SHARE = 0.5
"""The part of a backup's progress the export from the server takes."""


def _attachments_dir() -> Path | None:
    try:
        from .attachments import attachments_dir
    except ImportError:  # a build without attachments
        return None
    return attachments_dir()


def backup_postgres(dest_dir, *, reason: str = "manual", attachments_dir=None, on_progress=None,
                    now: datetime | None = None) -> Path:
    """A ``.kbak`` of the bound PostgreSQL database (and its attachments folder)."""
    from .backup import make_backup
    work = Path(tempfile.mkdtemp(prefix="kartoteka-export-"))
    try:
        copy = work / "kartoteka.db"
        export_to_sqlite(copy)
        if on_progress:
            on_progress(EXPORT_SHARE)
        rest = None if on_progress is None else (lambda f: on_progress(EXPORT_SHARE + (1 - EXPORT_SHARE) * f))
        att = Path(attachments_dir) if attachments_dir else (_attachments_dir() or work / ATTACHMENTS)
        return make_backup(dest_dir, reason=reason, db_path=copy, attachments_dir=att,
                           on_progress=rest, now=now)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def restore_to_postgres(file, url: str, *, attachments_dir=None, on_progress=None) -> dict[str, int]:
    """Check the backup ``file``, then copy its database into the empty PostgreSQL
    database ``url``; returns {table: rows}."""
    from .backup import check_copy
    backup = Path(file)
    zf, manifest = open_backup(backup)
    work = Path(tempfile.mkdtemp(prefix="kartoteka-restore-"))
    try:
        with zf:
            if manifest["schema_version"] > migrations.CURRENT_VERSION:
                raise BackupTooNewError(path=str(backup), found=manifest["schema_version"],
                                        known=migrations.CURRENT_VERSION)
            copy = work / DB_MEMBER
            extract_member(zf, DB_MEMBER, copy, manifest["database"]["sha256"], backup)
            try:
                check_copy(copy, manifest.get("counts"), backup.parent, what="the database in it", mapped=True)
            except BackupVerifyError as exc:
                raise BackupDamagedError(path=str(backup), detail=exc.params["detail"]) from exc
            att = Path(attachments_dir) if attachments_dir else _attachments_dir()
            for item in manifest.get("attachments", []):
                if att is None:
                    break
                target = att / item["name"].split("/", 1)[1]
                if att.resolve() not in target.resolve().parents:
                    raise BackupDamagedError(path=str(backup), detail=f"bad file name {item['name']}")
                target.parent.mkdir(parents=True, exist_ok=True)
                extract_member(zf, item["name"], target, item["sha256"], backup)
        if on_progress:
            on_progress(0.3)
        source = _sqlite(copy)
        source.connect()
        try:
            from db.proxy import bound_to
            with bound_to(source):  # a backup of an older version: brought forward first
                found = migrations.schema_version(source)
                if found < migrations.CURRENT_VERSION:
                    migrations.migrate(source, found)
            counts = copy_database(source, url)
        finally:
            source.close()
        if on_progress:
            on_progress(1.0)
        return counts
    finally:
        shutil.rmtree(work, ignore_errors=True)
