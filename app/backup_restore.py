"""Restore a backup over the live database, safely.

Order of work (the live file is touched only after every check has passed):

1. the file is a Kartoteka backup (zip + manifest), not from a newer schema - or a
   plain database file, such as the safety copy an earlier restore left (see
   ``app.backup_plain``: checked in full with ``integrity_check`` first);
2. the database is extracted next to the live file by the kernel while a second thread
   reads the copy back and computes its CRC-32 (for an older backup, its sha256), which
   must equal the one recorded when the backup was made - and a backup is written only
   from bytes that passed the quick check, and compared with them after writing.  The
   copy then passes the quick check again (every page read, every b-tree and the free
   list checked: all that a disk or a copy can break) while it is flushed to the drive,
   and holds the rows the manifest counted; attachments are extracted and checked by
   their sha256;
3. the old file leaves WAL mode (this folds its -wal into it and fails if another
   connection still has it open);
4. the old file is kept as it is: a second name, ``safety/<name>-before-restore-….db``
   next to the database (or in ``safety_dir``), is given to it - a hard link, so nothing
   is copied; on a file system without hard links, or another drive, it is copied and
   compared.  Restoring that file undoes the restore.  A damaged old file is kept the
   same way, with its -wal if one could not be folded in;
5. the checked copy replaces the live file with ``os.replace`` (atomic in the same
   folder): at every moment the database's name holds either the old or the new file;
6. attachments from the backup are added to ``attachments/``.  Files not in the backup
   are kept: they are content-addressed, so an extra file is harmless.

The CALLER must close its own connection to ``db_path`` first
(``db.connection.close_database()``) and open the database again afterwards
(``open_database`` migrates a backup from an older schema, backing it up first).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from db import migrations

from .backup import _stage, check_copy
from .backup_archive import (ATTACHMENTS, DB_MEMBER, BackupDamagedError, BackupFolderMissingError,
                             BackupTooNewError, BackupVerifyError, DatabaseInUseError,
                             extract_member, fsync_dir, fsync_file, open_backup, os_error)
from .backup_plain import copy_verified, database_manifest, is_database_file, keep_file, safety_path
from .backup_snapshot import release_live_file
from .backup_stream import Background
from .access import require

SAFETY_FOLDER = "safety"


def _release_live(db_path: Path) -> None:
    """Fold the WAL into the live file and make sure nobody else has it open."""
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=1)
    except sqlite3.Error as exc:
        raise DatabaseInUseError(path=str(db_path)) from exc
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseInUseError(path=str(db_path)) from exc
        mode = "delete"  # a damaged file: it is kept as it is, with its -wal
    finally:
        conn.close()
    if str(mode).lower() == "wal":
        raise DatabaseInUseError(path=str(db_path))


def _merge_attachments(staged: Path, target: Path) -> int:
    if not staged.is_dir():
        return 0
    added = 0
    for path in sorted(staged.rglob("*")):
        if not path.is_file():
            continue
        dest = target / path.relative_to(staged)
        if dest.is_file() and dest.stat().st_size == path.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, dest)
        added += 1
    return added


def restore_backup(file, db_path, *, safety_dir=None, attachments_dir=None, on_progress=None,
                   now: datetime | None = None) -> Path | None:
    """Replace the database at ``db_path`` with the one in backup ``file`` (a ``.kbak``,
    or a plain database file such as a safety copy).

    Returns the safety copy of the replaced database (None when there was no file to
    replace): the replaced file itself, ``safety/<name>-before-restore-….db``.  Raises
    ``NotABackupError``, ``BackupDamagedError``, ``BackupTooNewError``,
    ``DatabaseInUseError`` or a disk error; in every such case the live database holds
    exactly what it held before (a failure after step 3 leaves it out of WAL mode, which
    the next open restores).  Close the app's connection before calling (see module doc).
    """
    require("restore")
    source, db_path = Path(file), Path(db_path).expanduser()
    folder = db_path.parent
    if not folder.is_dir():
        raise BackupFolderMissingError(folder=str(folder))
    att_dir = Path(attachments_dir) if attachments_dir else folder / ATTACHMENTS
    safety_folder = Path(safety_dir) if safety_dir else folder / SAFETY_FOLDER
    if is_database_file(source):
        zf, manifest = None, database_manifest(source, full_check=True)
    else:
        zf, manifest = open_backup(source)
    try:
        if manifest["schema_version"] > migrations.CURRENT_VERSION:
            raise BackupTooNewError(path=str(source), found=manifest["schema_version"],
                                    known=migrations.CURRENT_VERSION)
        try:
            staging = Path(tempfile.mkdtemp(prefix=".kartoteka-restore-", dir=folder))
        except OSError as exc:
            raise os_error(exc, folder) from exc
        try:
            if zf is None:
                copy = staging / DB_MEMBER
                copy_verified(source, copy)
                if on_progress:
                    on_progress(0.9)
            else:
                copy = _unpack(zf, manifest, source, staging, _stage(on_progress, 0.0, 0.9))
            safety = _replace(copy, db_path, safety_folder, now)
            _merge_attachments(staging / ATTACHMENTS, att_dir)
        except OSError as exc:
            raise os_error(exc, folder) from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        if zf is not None:
            zf.close()
    if on_progress:
        on_progress(1.0)
    return safety


def _checked(copy: Path, manifest: dict, backup: Path) -> int:
    """The quick check and row counts of the extracted database; its schema version."""
    try:
        schema = check_copy(copy, manifest.get("counts"), backup.parent, what="the database in it",
                            quick=True, mapped=True)
    except BackupVerifyError as exc:
        raise BackupDamagedError(path=str(backup), detail=exc.params["detail"]) from exc
    if schema > migrations.CURRENT_VERSION:
        raise BackupTooNewError(path=str(backup), found=schema, known=migrations.CURRENT_VERSION)
    return schema


def _unpack(zf, manifest: dict, backup: Path, staging: Path, on_progress) -> Path:
    """The backup's database and attachments, extracted into ``staging`` and checked;
    the database's path."""
    copy = staging / DB_MEMBER
    started: list[Background] = []

    def copied():
        # The kernel has copied every byte; while the checker thread still reads them
        # back for the CRC-32, the quick check of the copy (SQLite, the other core) and
        # its flush to the drive begin.  Should the CRC differ, their results are dropped.
        started.append(Background(_checked, copy, manifest, backup))
        started.append(Background(fsync_file, copy))

    try:
        extract_member(zf, DB_MEMBER, copy, manifest["database"]["sha256"], backup,
                       _stage(on_progress, 0.0, 0.8), copied)
        for item in manifest.get("attachments", []):
            target = staging / item["name"]
            if staging not in target.resolve().parents:  # a hand-made zip with ../ names
                raise BackupDamagedError(path=str(backup), detail=f"bad file name {item['name']}")
            target.parent.mkdir(parents=True, exist_ok=True)
            extract_member(zf, item["name"], target, item["sha256"], backup)
        for job in started:
            job.result()
    finally:
        for job in started:
            job.wait()
    return copy


def _keep_current(db_path: Path, safety_folder: Path, now: datetime | None) -> Path:
    """The replaced database, kept as it is under a name in the safety folder."""
    safety_folder.mkdir(parents=True, exist_ok=True)
    target = safety_path(safety_folder, db_path, now or datetime.now())
    keep_file(db_path, target)
    wal = Path(f"{db_path}-wal")
    if wal.is_file() and wal.stat().st_size:  # a damaged file whose WAL could not be folded in
        keep_file(wal, Path(f"{target}-wal"))
    fsync_dir(safety_folder)
    return target


def _replace(copy: Path, db_path: Path, safety_folder: Path, now: datetime | None) -> Path | None:
    """Keep the live file in the safety folder, then put the checked copy in its place."""
    safety = None
    if db_path.exists():
        _release_live(db_path)
        release_live_file(db_path)  # no connection has it now; do not keep the old file alive
        safety = _keep_current(db_path, safety_folder, now)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    try:
        os.replace(copy, db_path)
    except PermissionError as exc:  # Windows: still open somewhere (the safety copy stays)
        raise DatabaseInUseError(path=str(db_path)) from exc
    fsync_dir(db_path.parent)
    return safety
