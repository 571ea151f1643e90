"""Backup now, verify, read a backup's description.  Restore: ``app.backup_restore``;
automatic backups and rotation: ``app.backup_rotation``; the file format:
``app.backup_archive``.

Nothing here touches Qt: the GUI runs these from a worker thread.  Long calls take
``on_progress(fraction)``; to cancel, raise ``OperationCancelled`` from that callback
(temporary files are removed, nothing is left half-written).

The live database is copied through its own SQLite connection holding one read
transaction, so the copy (and its row counts) is one consistent moment even while
the app keeps writing, and the app's own connection is not needed (any thread).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import threading
import zipfile
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from db.models import database_proxy

from . import __version__
from .backup_archive import (ATTACHMENTS, DB_MEMBER, FORMAT, FORMAT_VERSION, MANIFEST,
                             BackupDamagedError, BackupError, BackupFileMissingError,
                             BackupFolderMissingError, BackupFolderReadOnlyError, BackupTooNewError, BackupVerifyError,
                             BackupWriteError, DatabaseInUseError, DiskFullError, NotABackupError,
                             OperationCancelled, copy_hashing, extract_member, fsync_dir, fsync_file,
                             list_attachments, open_backup, os_error, schema_version_of,
                             sqlite_error, table_counts, unique_backup_path)
from .errors import DatabaseOpenError, NotADatabaseError
from .integrity import integrity_problems

__all__ = [
    "BackupDamagedError", "BackupError", "BackupFileMissingError", "BackupFolderMissingError", "BackupFolderReadOnlyError",
    "BackupTooNewError", "BackupVerifyError", "BackupWriteError", "DatabaseInUseError", "DiskFullError",
    "NotABackupError", "OperationCancelled", "live_database_path", "make_backup", "read_manifest",
    "verify_backup",
]

PAGES_PER_STEP = 4096  # 16 MB with 4 KB pages: smooth progress, a cancel within ~50 ms


class _Background:
    """Run ``fn`` in a thread (SQLite, hashing and file I/O release the GIL, so two
    checks really overlap); ``result()`` waits and re-raises what it raised."""

    def __init__(self, fn, *args):
        self._value = self._error = None
        self._thread = threading.Thread(target=self._run, args=(fn, *args), daemon=True)
        self._thread.start()

    def _run(self, fn, *args):
        try:
            self._value = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            self._error = exc

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value

    def wait(self) -> None:
        self._thread.join()


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


def snapshot_database(src: Path, copy: Path, on_progress=None) -> dict[str, int]:
    """Copy ``src`` to ``copy`` with SQLite's online backup API; returns row counts taken
    in the same read transaction.  The copy is switched to rollback-journal mode so it
    is one self-contained file."""
    try:
        conn = sqlite3.connect(str(src), isolation_level=None, timeout=10)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(path=str(src), detail=str(exc)) from exc
    try:
        try:
            conn.execute("BEGIN")
            counts = table_counts(conn)  # opens the read transaction the copy will see
        except sqlite3.DatabaseError as exc:
            raise NotADatabaseError(path=str(src)) from exc
        target = sqlite3.connect(str(copy), isolation_level=None)
        try:
            # A scratch file, checked afterwards: no journal and no fsync while copying.
            target.execute("PRAGMA synchronous=OFF")
            target.execute("PRAGMA journal_mode=OFF")
            def step(_status, remaining, total):
                if on_progress and total:
                    on_progress(1.0 - remaining / total)
            conn.backup(target, pages=PAGES_PER_STEP, progress=step)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    return counts


def check_copy(copy: Path, counts: dict | None, folder, *, what="the copy") -> int:
    """integrity_check and row counts of a database copy; returns its schema version."""
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        try:
            problems = integrity_problems(conn)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems:
            raise BackupVerifyError(folder=str(folder), detail=f"{what} failed the integrity check "
                                    f"({problems[0]}); run 'kartoteka check' on the database")
        if counts is not None and table_counts(conn) != counts:
            raise BackupVerifyError(folder=str(folder), detail=f"the row counts of {what} differ")
        return schema_version_of(conn)
    finally:
        conn.close()


def _zip_info(name: str, when: datetime, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = size
    return info


def _write_archive(part: Path, copy: Path, attachments, manifest: dict, when: datetime, on_progress,
                   schema=None) -> dict:
    """Stream the copy and the attachments into a new zip, hashing in the same pass.
    ``schema()`` (waits for the check of the copy running meanwhile) fills the
    manifest's schema version just before the manifest is written."""
    sizes = {}
    for name, path in attachments:
        try:
            sizes[name] = path.stat().st_size
        except FileNotFoundError:  # deleted meanwhile: not in this backup
            pass
    total = copy.stat().st_size + sum(sizes.values()) or 1
    done = 0

    def advance(size):
        return None if on_progress is None else (lambda f: on_progress((done + f * size) / total))

    with zipfile.ZipFile(part, "x", allowZip64=True) as zf:
        size = copy.stat().st_size
        with open(copy, "rb") as src, zf.open(_zip_info(DB_MEMBER, when, size), "w") as dst:
            manifest["database"] = {"size": size, "sha256": copy_hashing(src, dst, size, advance(size))}
        done += size
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
        if schema is not None:
            manifest["schema_version"] = schema()
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1),
                    compress_type=zipfile.ZIP_DEFLATED)
    return manifest


class _Sink:
    def write(self, block):
        return len(block)


def check_members(zf: zipfile.ZipFile, manifest: dict, backup: Path, on_progress=None, *,
                  with_database: bool = True) -> None:
    """Read every member back and compare its sha256 with the manifest."""
    items = [(DB_MEMBER, manifest["database"]["sha256"])] if with_database else []
    items += [(a["name"], a["sha256"]) for a in manifest.get("attachments", [])]
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


def make_backup(dest_dir, *, reason: str = "manual", db_path=None, attachments_dir=None,
                on_progress=None, now: datetime | None = None) -> Path:
    """Back up the database (default: the open one) and its attachments into one
    ``kartoteka-YYYY-MM-DD_HHMM.kbak`` in ``dest_dir``; returns its path.

    The archive is written under a ``.part`` name, checked (integrity and row counts of
    the copy, checksums read back), flushed to disk and only then renamed.  The checks
    overlap the writing and the flush (see ``_Background``), so they cost little time.  Any
    failure removes what was written and raises a ``BackupError`` saying what to do.
    """
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
    where, part, checking, reading = src.parent, None, None, None
    try:
        copy = work / DB_MEMBER
        counts = snapshot_database(src, copy, _stage(on_progress, 0.0, 0.35))
        # The integrity check of the copy (the real verification) runs while the
        # copy is streamed into the zip: both take about as long, and both need it intact.
        checking = _Background(check_copy, copy, counts, dest)
        attachments = list_attachments(att_dir)  # listed after the snapshot: none missing
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
                    "schema_version": None, "created": when.isoformat(timespec="seconds"),
                    "reason": reason, "source": src.name, "counts": counts}
        where = dest
        final = unique_backup_path(dest, when)
        part = final.with_name(final.name + ".part")
        manifest = _write_archive(part, copy, attachments, manifest, when, _stage(on_progress, 0.35, 0.85),
                                  schema=checking.result)
        checking.result()
        # Read everything back and compare checksums while the same bytes are flushed
        # to the disk: the read comes from the cache, the flush waits for the drive.
        reading = _Background(_read_back, part, manifest, dest)
        fsync_file(part)
        if on_progress:
            on_progress(0.95)
        reading.result()
        part.replace(final)
        part = None
        fsync_dir(dest)
        if on_progress:
            on_progress(1.0)
        return final
    except OSError as exc:
        raise os_error(exc, where) from exc
    except sqlite3.Error as exc:
        raise sqlite_error(exc, where) from exc
    finally:
        for job in (checking, reading):
            if job is not None:
                job.wait()
        shutil.rmtree(work, ignore_errors=True)
        if part is not None:
            try:
                part.unlink(missing_ok=True)
            except OSError:
                pass


def _read_back(part: Path, manifest: dict, dest: Path) -> None:
    try:
        zf, found = open_backup(part)
        with zf:
            if found != manifest:
                raise BackupDamagedError(path=str(part), detail="its manifest reads back differently")
            check_members(zf, manifest, part)
    except (BackupDamagedError, NotABackupError) as exc:
        raise BackupVerifyError(folder=str(dest), detail=exc.plain()) from exc


def read_manifest(file) -> dict:
    """The description of a backup (to show before confirming a restore).  Raises
    ``NotABackupError`` / ``BackupDamagedError``; does not read the whole file."""
    zf, manifest = open_backup(file)
    zf.close()
    return manifest


def verify_backup(file, *, on_progress=None) -> dict:
    """Check a backup completely without restoring it: checksums of every member, and
    the database copy opens, passes ``integrity_check`` and has the counted rows.
    Returns the manifest.  A backup from a newer version is checked too (it is valid,
    though this program cannot restore it)."""
    backup = Path(file)
    zf, manifest = open_backup(backup)
    with zf, tempfile.TemporaryDirectory(prefix="kartoteka-verify-") as tmp:
        copy = Path(tmp) / DB_MEMBER
        try:
            extract_member(zf, DB_MEMBER, copy, manifest["database"]["sha256"], backup,
                           _stage(on_progress, 0.0, 0.5))
            try:
                check_copy(copy, manifest.get("counts"), backup.parent, what="the database in it")
            except BackupVerifyError as exc:
                raise BackupDamagedError(path=str(backup), detail=exc.params["detail"]) from exc
            check_members(zf, manifest, backup, _stage(on_progress, 0.6, 1.0), with_database=False)
        except OSError as exc:
            raise os_error(exc, tmp) from exc
    return manifest
