"""Restore a backup over the live database, safely.

Order of work (the live file is touched only after every check has passed):

1. the file is a Kartoteka backup (zip + manifest), not from a newer schema;
2. the database is extracted next to the live file by the kernel while a second thread
   reads the copy back and checks its CRC-32 (or, for an older backup, its sha256);
   the copy opens, passes ``integrity_check`` and holds the rows the manifest counted;
   attachments are extracted and checked the same way;
3. the current database (and attachments) is saved as a normal backup, the *safety
   copy*, in ``safety/`` next to the database (or ``safety_dir``) - restoring that
   file undoes the restore.  It is made while the integrity check of step 2 runs on
   the other core (it only reads the live file); should that check fail, the safety
   copy is deleted again;
4. the old file leaves WAL mode (this folds its -wal into it and fails if another
   connection still has it open), stale -wal/-shm files are removed, and the
   checked copy replaces it with ``os.replace`` (atomic in the same folder);
5. attachments from the backup are added to ``attachments/``.  Files not in the backup
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

from .backup import _stage, check_copy, make_backup
from .backup_archive import (ATTACHMENTS, DB_MEMBER, BackupDamagedError, BackupFolderMissingError,
                             BackupTooNewError, BackupVerifyError, DatabaseInUseError,
                             extract_member, fsync_dir, fsync_file, open_backup, os_error)
from .backup_snapshot import release_live_file
from .backup_stream import Background
from .access import require
from .errors import NotADatabaseError

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
        mode = "delete"  # a damaged file: nothing in it to keep beyond the safety copy
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


def _keep_damaged(db_path: Path, folder: Path, now: datetime | None) -> Path:
    """A damaged live file cannot become a checked backup: keep it (and its -wal) as it is,
    as ``kartoteka-damaged-YYYY-MM-DD_HHMM.db`` in the safety folder."""
    when = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    n, target = 1, folder / f"{db_path.stem}-damaged-{when:%Y-%m-%d_%H%M}{db_path.suffix}"
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-damaged-{when:%Y-%m-%d_%H%M}-{n}{db_path.suffix}"
    shutil.copyfile(db_path, target)
    wal = Path(f"{db_path}-wal")
    if wal.is_file():
        shutil.copyfile(wal, Path(f"{target}-wal"))
    fsync_file(target)
    return target


def restore_backup(file, db_path, *, safety_dir=None, attachments_dir=None, on_progress=None,
                   now: datetime | None = None) -> Path | None:
    """Replace the database at ``db_path`` with the one in backup ``file``.

    Returns the safety copy of the replaced database (None when there was no file to
    replace): a ``.kbak``, or - when the replaced file was too damaged to back up - a
    plain copy of it (``…-damaged-….db``).  Raises ``NotABackupError``, ``BackupDamagedError``, ``BackupTooNewError``,
    ``DatabaseInUseError`` or a disk error; in every such case the live database is
    exactly as before.  Close the app's connection before calling (see module doc).
    """
    require("restore")
    backup, db_path = Path(file), Path(db_path).expanduser()
    folder = db_path.parent
    if not folder.is_dir():
        raise BackupFolderMissingError(folder=str(folder))
    att_dir = Path(attachments_dir) if attachments_dir else folder / ATTACHMENTS
    zf, manifest = open_backup(backup)
    with zf:
        if manifest["schema_version"] > migrations.CURRENT_VERSION:
            raise BackupTooNewError(path=str(backup), found=manifest["schema_version"],
                                    known=migrations.CURRENT_VERSION)
        try:
            staging = Path(tempfile.mkdtemp(prefix=".kartoteka-restore-", dir=folder))
        except OSError as exc:
            raise os_error(exc, folder) from exc
        try:
            return _restore(zf, manifest, backup, staging, db_path, att_dir, safety_dir, on_progress, now)
        except OSError as exc:
            raise os_error(exc, folder) from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _checked(copy: Path, manifest: dict, backup: Path) -> int:
    """The integrity check and row counts of the extracted database; its schema version."""
    try:
        schema = check_copy(copy, manifest.get("counts"), backup.parent, what="the database in it",
                            mapped=True)
    except BackupVerifyError as exc:
        raise BackupDamagedError(path=str(backup), detail=exc.params["detail"]) from exc
    if schema > migrations.CURRENT_VERSION:
        raise BackupTooNewError(path=str(backup), found=schema, known=migrations.CURRENT_VERSION)
    return schema


def _save_current(db_path: Path, safety_folder: Path, att_dir: Path, on_progress, now) -> Path:
    """The safety copy of the database about to be replaced (it is only read here)."""
    try:
        return make_backup(safety_folder, reason="before-restore", db_path=db_path,
                           attachments_dir=att_dir, on_progress=on_progress, now=now)
    except (BackupVerifyError, NotADatabaseError) as exc:
        if isinstance(exc, BackupVerifyError) and "integrity" not in exc.params.get("detail", ""):
            raise
        return _keep_damaged(db_path, safety_folder, now)  # the very reason to restore


def _restore(zf, manifest, backup, staging, db_path, att_dir, safety_dir, on_progress, now):
    copy = staging / DB_MEMBER
    extract_member(zf, DB_MEMBER, copy, manifest["database"]["sha256"], backup,
                   _stage(on_progress, 0.0, 0.3))
    # The integrity check of the copy (SQLite, one core) and its flush to the drive run
    # while the attachments are unpacked and the current database is saved (the safety
    # copy only reads the live file).  Should the check fail, that copy is removed
    # again: nothing was changed.
    checking = Background(_checked, copy, manifest, backup)
    flushing = Background(fsync_file, copy)
    safety = None
    safety_folder = Path(safety_dir) if safety_dir else db_path.parent / SAFETY_FOLDER
    new_folder = not safety_folder.exists()
    try:
        staged_att = staging / ATTACHMENTS
        for item in manifest.get("attachments", []):
            target = staging / item["name"]
            if staging not in target.resolve().parents:  # a hand-made zip with ../ names
                raise BackupDamagedError(path=str(backup), detail=f"bad file name {item['name']}")
            target.parent.mkdir(parents=True, exist_ok=True)
            extract_member(zf, item["name"], target, item["sha256"], backup)
        if on_progress:
            on_progress(0.35)
        if db_path.exists():
            safety = _save_current(db_path, safety_folder, att_dir, _stage(on_progress, 0.35, 0.9), now)
        checking.result()
        flushing.result()
    except BaseException:
        checking.wait()
        flushing.wait()
        if safety is not None:
            safety.unlink(missing_ok=True)
            if new_folder:
                try:
                    safety_folder.rmdir()
                except OSError:  # not empty after all
                    pass
        raise

    # Everything checked: from here on the live files are touched.
    if db_path.exists():
        try:
            _release_live(db_path)
        except DatabaseInUseError:
            safety.unlink(missing_ok=True)
            raise
        release_live_file(db_path)  # no connection has it now; do not keep the old file alive
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    try:
        os.replace(copy, db_path)
    except PermissionError as exc:  # Windows: still open somewhere
        raise DatabaseInUseError(path=str(db_path)) from exc
    fsync_dir(db_path.parent)
    _merge_attachments(staged_att, att_dir)
    if on_progress:
        on_progress(1.0)
    return safety
