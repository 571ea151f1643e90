"""Backup now, verify, read a backup's description.  Restore: ``app.backup_restore``;
automatic backups and rotation: ``app.backup_rotation``; the file format:
``app.backup_archive``; the database image and how it stays consistent while the app
writes: ``app.backup_snapshot``.

Nothing here touches Qt: the GUI runs these from a worker thread.  Long calls take
``on_progress(fraction)``; to cancel, raise ``OperationCancelled`` from that callback
(temporary files are removed, nothing is left half-written).

A backup is one copy of the database file and one pass that checks it: the file (in
WAL mode read raw, while a read transaction keeps it unchanged) is copied into the zip
by the kernel, and a second thread reads back each block just written, compares it
with the source and computes its CRC-32, the zip's checksum (``app.backup_stream``).
Meanwhile the quick check of that same snapshot runs on the other core.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from db.models import database_proxy
from db.sql import is_postgres

from . import __version__
from .backup_archive import (ATTACHMENTS, DB_MEMBER, FORMAT, FORMAT_VERSION, MANIFEST,
                             BackupDamagedError, BackupError, BackupFileMissingError,
                             BackupFolderMissingError, BackupFolderReadOnlyError, BackupTooNewError, BackupVerifyError,
                             BackupWriteError, DatabaseInUseError, DiskFullError, NotABackupError,
                             OperationCancelled, database_entry, extract_member, fsync_dir,
                             fsync_file, list_attachments, open_backup, os_error, seek_stored_data,
                             sqlite_error, unique_backup_path)
from .backup_plain import database_manifest, is_database_file
from .backup_snapshot import Image, check_copy, take_image
from .backup_stream import Background, CopyMismatch, Flusher, copy_checked, copy_hashing
from .backup_zip import add_stored
from .errors import DatabaseOpenError

__all__ = [
    "BackupDamagedError", "BackupError", "BackupFileMissingError", "BackupFolderMissingError", "BackupFolderReadOnlyError",
    "BackupTooNewError", "BackupVerifyError", "BackupWriteError", "DatabaseInUseError", "DiskFullError",
    "NotABackupError", "OperationCancelled", "check_copy", "live_database_path", "make_backup", "read_manifest",
    "verify_backup",
]

def _stage(on_progress, start: float, end: float):
    if on_progress is None:
        return None
    return lambda fraction: on_progress(start + (end - start) * fraction)


def live_database_path() -> Path:
    """The file of the database the app has open (``db.connection.open_database``)."""
    obj = database_proxy.obj
    if not isinstance(obj, SqliteDatabase) or obj.database in ("", ":memory:"):
        raise BackupError(detail="no database file is open")
    return Path(obj.database)


def prepare_folder(dest_dir) -> Path:
    """The destination folder; created when only its last part is missing, so that a
    disconnected drive (missing parent) is reported instead of silently created."""
    dest = Path(dest_dir).expanduser()
    if dest.is_dir():
        return dest
    if dest.exists():
        raise BackupWriteError(folder=str(dest), detail="this is a file, not a folder")
    if not dest.parent.is_dir():
        raise BackupFolderMissingError(folder=str(dest))
    try:
        dest.mkdir()
    except OSError as exc:
        raise os_error(exc, dest) from exc
    return dest


def _zip_info(name: str, when: datetime, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = size
    return info


def _write_archive(part: Path, image: Image, attachments, manifest: dict, when: datetime,
                   on_progress) -> dict:
    """Copy the database image and the attachments into a new zip, each block of the
    database read back and compared with the image as it is written; the manifest,
    completed with their sizes and checksums, goes last."""
    sizes = {}
    for name, path in attachments:
        try:
            sizes[name] = path.stat().st_size
        except FileNotFoundError:  # deleted meanwhile: not in this backup
            pass
    total = image.size + sum(sizes.values()) or 1
    done = 0

    def advance(size):
        return None if on_progress is None else (lambda f: on_progress((done + f * size) / total))

    with zipfile.ZipFile(part, "x", allowZip64=True) as zf, Flusher(zf.fp):
        back = os.open(part, os.O_RDONLY | getattr(os, "O_BINARY", 0))  # reads what is written
        try:
            with image.descriptor() as src:
                crc = add_stored(zf, _zip_info(DB_MEMBER, when, image.size), image.size,
                                 lambda dst, offset: copy_checked(src, dst, back, image.size, dst_off=offset,
                                                                  fix=image.fix, progress=advance(image.size)))
        except CopyMismatch as exc:
            raise BackupVerifyError(folder=str(part.parent), detail=f"{DB_MEMBER} reads back wrong: {exc}") from exc
        finally:
            os.close(back)
        manifest["database"] = database_entry(image.size, crc)
        done += image.size
        listed = []
        for name, path in attachments:
            if name not in sizes:
                continue
            try:
                src = open(path, "rb")
            except FileNotFoundError:
                continue
            with src, zf.open(_zip_info(name, when, sizes[name]), "w") as dst:
                listed.append({"name": name, "size": sizes[name],
                               "sha256": copy_hashing(src, dst, sizes[name], advance(sizes[name]))})
            done += sizes[name]
        manifest["attachments"] = listed
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1),
                    compress_type=zipfile.ZIP_DEFLATED)
    return manifest


def check_members(zf: zipfile.ZipFile, manifest: dict, backup: Path, on_progress=None) -> None:
    """Read every attachment back and compare its sha256 with the manifest."""
    items = [(a["name"], a["sha256"]) for a in manifest.get("attachments", [])]
    names = set(zf.namelist())
    total = sum(zf.getinfo(n).file_size for n, _ in items if n in names) or 1
    done = 0
    for name, sha in items:
        if name not in names:
            raise BackupDamagedError(path=str(backup), detail=f"{name} is missing from it")
        size = zf.getinfo(name).file_size
        step = None if on_progress is None else (lambda f, d=done, s=size: on_progress((d + f * s) / total))
        try:
            with zf.open(name) as src:
                got = copy_hashing(src, _Sink(), size, step)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise BackupDamagedError(path=str(backup), detail=f"{name} cannot be read: {exc}") from exc
        if got != sha:
            raise BackupDamagedError(path=str(backup), detail=f"the checksum of {name} does not match")
        done += size


class _Sink:
    def write(self, block):
        return len(block)


def make_backup(dest_dir, *, reason: str = "manual", db_path=None, attachments_dir=None,
                on_progress=None, now: datetime | None = None) -> Path:
    """Back up the database (default: the open one) and its attachments into one
    ``kartoteka-YYYY-MM-DD_HHMM.kbak`` in ``dest_dir``; returns its path.

    The archive is written under a ``.part`` name, checked, flushed to disk and only
    then renamed.  The checks: the quick check of the database image whose rows were
    counted (in a thread, from the start: it reads the same unchanging snapshot that
    is being copied); every block of the stored database read back as soon as it is
    written and compared with that image, which gives the CRC-32 recorded in the zip
    and the manifest; the finished archive read back as a reader sees it (manifest,
    where the database is, the attachments' checksums).  So what was checked is what
    the file holds, byte for byte, and ``verify``/restore later check the same CRC-32.
    Any failure removes what was written and raises a ``BackupError`` saying what to do.
    """
    if db_path is None and is_postgres():  # the office mode: a logical export (app/backup_pg.py)
        from .backup_pg import backup_postgres
        return backup_postgres(dest_dir, reason=reason, attachments_dir=attachments_dir,
                               on_progress=on_progress, now=now)
    src = Path(db_path) if db_path else live_database_path()
    if not src.is_file():
        raise DatabaseOpenError(path=str(src), detail="file not found")
    dest = prepare_folder(dest_dir)
    when = now or datetime.now().astimezone()
    att_dir = Path(attachments_dir) if attachments_dir else src.parent / ATTACHMENTS
    try:
        work = Path(tempfile.mkdtemp(prefix=".kartoteka-backup-", dir=src.parent))
    except OSError as exc:
        raise os_error(exc, src.parent) from exc
    where, part, image, checking, reading, done = src.parent, None, None, None, None, False
    try:
        # (resolved: SQLite names the -wal file after the real path of a linked file)
        image = take_image(src.resolve(), work / DB_MEMBER, _stage(on_progress, 0.0, 0.35))
        checking = Background(image.check, dest)  # the quick check, on the other core
        attachments = list_attachments(att_dir)  # listed after the snapshot: none missing
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
                    "schema_version": image.schema, "created": when.isoformat(timespec="seconds"),
                    "reason": reason, "source": src.name, "counts": image.counts}
        where = dest
        final = unique_backup_path(dest, when)
        part = final.with_name(final.name + ".part")
        manifest = _write_archive(part, image, attachments, manifest, when,
                                  _stage(on_progress, 0.0 if image.raw else 0.35, 0.85))
        reading = Background(_read_back, part, manifest, dest)  # while the drive flushes
        fsync_file(part)
        if on_progress:
            on_progress(0.95)
        checking.result()
        reading.result()
        part.replace(final)
        part = None
        fsync_dir(dest)
        done = True
        if on_progress:
            on_progress(1.0)
        return final
    except OSError as exc:
        raise os_error(exc, where) from exc
    except sqlite3.Error as exc:
        raise sqlite_error(exc, where) from exc
    finally:
        if image is not None and not done:
            image.interrupt()
        for job in (checking, reading):
            if job is not None:
                job.wait()
        if image is not None:
            image.close()
        shutil.rmtree(work, ignore_errors=True)
        if part is not None:
            try:
                part.unlink(missing_ok=True)
            except OSError:
                pass


def _read_back(part: Path, manifest: dict, dest: Path) -> None:
    """The finished archive as ``verify`` and restore will read it: the same manifest,
    the database member's CRC-32 and size as recorded (``open_backup`` compares them
    with the manifest; its bytes were read back while being written), its local header
    where the central directory says, the attachments' sha256."""
    try:
        zf, found = open_backup(part)
        with zf:
            if found != manifest:
                raise BackupDamagedError(path=str(part), detail="its manifest reads back differently")
            try:
                with open(part, "rb") as stored:
                    seek_stored_data(stored, zf.getinfo(DB_MEMBER))
            except (zipfile.BadZipFile, OSError) as exc:
                raise BackupDamagedError(path=str(part), detail=f"{DB_MEMBER} cannot be read: {exc}") from exc
            check_members(zf, manifest, part)
    except (BackupDamagedError, NotABackupError) as exc:
        raise BackupVerifyError(folder=str(dest), detail=exc.plain()) from exc


def read_manifest(file) -> dict:
    """The description of a backup (to show before confirming a restore), or of a plain
    database file such as a restore's safety copy.  Raises ``NotABackupError`` /
    ``BackupDamagedError``; does not read the whole file."""
    if is_database_file(file):
        return database_manifest(file)
    zf, manifest = open_backup(file)
    zf.close()
    return manifest


def verify_backup(file, *, on_progress=None) -> dict:
    """Check a backup completely without restoring it: checksums of every member, and
    the database copy opens, passes ``integrity_check`` and has the counted rows.
    Returns the manifest.  A backup from a newer version is checked too (it is valid,
    though this program cannot restore it)."""
    backup = Path(file)
    if is_database_file(backup):
        return database_manifest(backup, full_check=True)
    zf, manifest = open_backup(backup)
    with zf, tempfile.TemporaryDirectory(prefix="kartoteka-verify-") as tmp:
        copy = Path(tmp) / DB_MEMBER
        try:
            extract_member(zf, DB_MEMBER, copy, manifest["database"]["sha256"], backup,
                           _stage(on_progress, 0.0, 0.5))
            try:
                check_copy(copy, manifest.get("counts"), backup.parent, what="the database in it", mapped=True)
            except BackupVerifyError as exc:
                raise BackupDamagedError(path=str(backup), detail=exc.params["detail"]) from exc
            check_members(zf, manifest, backup, _stage(on_progress, 0.6, 1.0))
        except OSError as exc:
            raise os_error(exc, tmp) from exc
    return manifest
