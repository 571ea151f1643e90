"""The backup file format and its low-level pieces (used by ``app.backup``).

A backup is ONE zip file named ``kartoteka-YYYY-MM-DD_HHMM.kbak`` holding

* ``kartoteka.db`` - a consistent copy of the database (ZIP_STORED: compressing
  hundreds of megabytes would make a backup many times slower than copying the file);
* ``attachments/…`` - the files of the ``attachments/`` folder next to the database
  (stored as they are: documents and photos are compressed already);
* ``manifest.json`` - what it is: format, app and schema version, time, reason, row
  counts per table, size and checksum of the database copy and of every attachment.

The database's checksum is the CRC-32 the zip keeps of the member anyway (format 2;
``"crc32"`` in the manifest, ``"sha256"`` left empty): the manifest's value must equal
the zip's, and every read of the member checks its bytes against it.  sha256 took a
second pass over hundreds of megabytes, three times slower than the CRC, and in a
manifest stored in the same zip it protects against nothing more: both catch a damaged
or cut-short file, neither a deliberate forgery.  Attachments keep their sha256 (small
files).  Format-1 backups (sha256 of the database) are still checked by their sha256.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import Callable

from db.models import ALL_MODELS, SchemaMigration

from .backup_stream import CopyMismatch, copy_checked, copy_hashing
from .backup_zip import seek_stored_data
from .errors import KartotekaError

FORMAT = "kartoteka-backup"
FORMAT_VERSION = 2  # 2: the database's checksum is the zip's CRC-32 (see above)
SUFFIX = ".kbak"
DB_MEMBER = "kartoteka.db"
MANIFEST = "manifest.json"
ATTACHMENTS = "attachments"
NAME_RE = re.compile(r"^kartoteka-(\d{4}-\d{2}-\d{2}_\d{4})(?:-(\d+))?\.kbak$")

Progress = Callable[[float], None]


# --- errors the user may see ------------------------------------------------------

class BackupError(KartotekaError):
    code = "backup"
    message = "The backup failed: {detail}"


class NotABackupError(BackupError):
    code = "not_a_backup"
    message = ("{path} is not a Kartoteka backup. Choose a .kbak file made by Kartoteka; "
               "nothing was changed.")


class BackupFileMissingError(BackupError):
    code = "backup_missing"
    message = "The file {path} does not exist. Check its name, or connect the drive it is on."


class BackupDamagedError(BackupError):
    code = "backup_damaged"
    message = ("The backup {path} is damaged or incomplete ({detail}). It cannot be used: "
               "choose another (older) backup. Nothing was changed.")


class BackupTooNewError(BackupError):
    code = "backup_too_new"
    message = ("The backup {path} was made by a newer Kartoteka (schema {found}, this program "
               "knows up to {known}). Update Kartoteka, then restore it. Nothing was changed.")


class BackupFolderMissingError(BackupError):
    code = "backup_folder_missing"
    message = ("The folder {folder} does not exist. Connect the drive it is on (USB stick, "
               "network drive) or choose another folder.")


class BackupFolderReadOnlyError(BackupError):
    code = "backup_folder_readonly"
    message = ("Kartoteka may not write into {folder}. Choose another folder (a USB stick may "
               "have its write-protect switch on). Nothing was changed.")


class DiskFullError(BackupError):
    code = "disk_full"
    message = ("There is not enough free space in {folder}. Free some space or choose another "
               "disk, then try again. Nothing was changed.")


class BackupWriteError(BackupError):
    code = "backup_write"
    message = "Could not write into {folder}: {detail}. Check the drive and try again. Nothing was changed."


class BackupVerifyError(BackupError):
    code = "backup_verify"
    message = ("The backup written to {folder} failed its check ({detail}) and was deleted. "
               "Try again, or use another disk.")


class DatabaseInUseError(BackupError):
    code = "db_in_use"
    message = ("The database {path} is still open in Kartoteka or another program. Close it and "
               "try again. Nothing was changed.")


class OperationCancelled(BackupError):
    code = "cancelled"
    message = "The {what} was cancelled. Nothing was changed."


def os_error(exc: OSError, folder) -> BackupError:
    """The plain-words error for a failed write into ``folder``."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFullError(folder=str(folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupFolderReadOnlyError(folder=str(folder))
    return BackupWriteError(folder=str(folder), detail=exc.strerror or str(exc))


def sqlite_error(exc: sqlite3.Error, folder) -> BackupError:
    text = str(exc).lower()
    if "full" in text:
        return DiskFullError(folder=str(folder))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return BackupFolderReadOnlyError(folder=str(folder))
    return BackupWriteError(folder=str(folder), detail=str(exc))


# --- names ------------------------------------------------------------------------

def backup_name(when: datetime, n: int = 1) -> str:
    return f"kartoteka-{when:%Y-%m-%d_%H%M}{'' if n == 1 else f'-{n}'}{SUFFIX}"


def parse_backup_name(name: str) -> datetime | None:
    """The (local, naive) time in a backup file name; None for any other name."""
    m = NAME_RE.match(name)
    if not m:
        return None
    try:
        return datetime.strptime(m.group(1), "%Y-%m-%d_%H%M")
    except ValueError:
        return None


def unique_backup_path(folder: Path, when: datetime) -> Path:
    n = 1
    while (folder / backup_name(when, n)).exists() or (folder / (backup_name(when, n) + ".part")).exists():
        n += 1
    return folder / backup_name(when, n)


# --- files --------------------------------------------------------------------------

def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory; NTFS renames are journaled
        return
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def list_attachments(folder: Path | None) -> list[tuple[str, Path]]:
    """(name in the archive, file) for every file under the attachments folder."""
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found.append((f"{ATTACHMENTS}/{path.relative_to(folder).as_posix()}", path))
    return found


# --- the database copy -----------------------------------------------------------------

def table_names() -> list[str]:
    return [m._meta.table_name for m in ALL_MODELS]


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in table_names() if t in present}


def schema_version_of(conn: sqlite3.Connection) -> int:
    table = SchemaMigration._meta.table_name
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone():
        return 0
    return conn.execute(f'SELECT coalesce(max(version), 0) FROM "{table}"').fetchone()[0]


# --- reading a backup -------------------------------------------------------------------

def open_backup(path) -> tuple[zipfile.ZipFile, dict]:
    """The open zip and its manifest, or a plain-words error (nothing is extracted)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except FileNotFoundError:
        raise BackupFileMissingError(path=str(path)) from None
    except IsADirectoryError:
        raise NotABackupError(path=str(path)) from None
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        if head.startswith(b"PK") or path.suffix == SUFFIX:
            raise BackupDamagedError(path=str(path), detail="the file is incomplete or cut short") from exc
        raise NotABackupError(path=str(path)) from exc
    try:
        manifest = _load_manifest(zf, path)
    except BaseException:
        zf.close()
        raise
    return zf, manifest


def _load_manifest(zf: zipfile.ZipFile, path: Path) -> dict:
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError:
        raise NotABackupError(path=str(path)) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise BackupDamagedError(path=str(path), detail="its description (manifest) cannot be read") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotABackupError(path=str(path))
    db = manifest.get("database")
    if (not isinstance(manifest.get("format_version"), int)
            or not isinstance(manifest.get("schema_version"), int)
            or not isinstance(db, dict) or not isinstance(db.get("sha256"), str)
            or not (db["sha256"] or isinstance(db.get("crc32"), str))):
        raise BackupDamagedError(path=str(path), detail="its description (manifest) is incomplete")
    if manifest["format_version"] > FORMAT_VERSION:
        raise BackupTooNewError(path=str(path), found=f"format {manifest['format_version']}",
                                known=f"format {FORMAT_VERSION}")
    if DB_MEMBER not in zf.namelist():
        raise BackupDamagedError(path=str(path), detail="the database is missing from it")
    info = zf.getinfo(DB_MEMBER)
    if not db["sha256"] and (db["crc32"] != f"{info.CRC:08x}" or db.get("size") != info.file_size):
        raise BackupDamagedError(path=str(path), detail=f"the checksum of {DB_MEMBER} does not match")
    return manifest


def database_entry(size: int, crc: int) -> dict:
    """The manifest's description of the database member (format 2).  ``sha256`` is kept
    (empty) for the readers that look it up: an empty one means "see crc32"."""
    return {"size": size, "crc32": f"{crc:08x}", "sha256": ""}


def extract_member(zf: zipfile.ZipFile, name: str, target: Path, sha256: str, backup: Path,
                   progress: Progress | None = None, copied: Callable[[], None] | None = None) -> None:
    """Extract one member to ``target`` and check it: its sha256 against the manifest's
    (``sha256``), or - ``sha256`` empty, the database of a format-2 backup - its CRC-32,
    which ``open_backup`` has matched with the manifest's.  ``copied`` is called once
    ``target`` holds every byte, possibly before their checksum is known."""
    info = zf.getinfo(name)
    try:
        if info.compress_type == zipfile.ZIP_STORED and isinstance(zf.filename, str):
            got = _extract_stored(zf.filename, info, target, bool(sha256), progress, copied)
        else:
            with zf.open(info) as src, open(target, "wb") as dst:  # zipfile checks the CRC
                got = copy_hashing(src, dst, info.file_size, progress)
            if copied is not None:
                copied()
    except (zipfile.BadZipFile, EOFError, zlib.error, CopyMismatch) as exc:
        raise BackupDamagedError(path=str(backup), detail=f"{name} cannot be read: {exc}") from exc
    if got != (sha256 or f"{info.CRC:08x}"):
        raise BackupDamagedError(path=str(backup), detail=f"the checksum of {name} does not match")


def _extract_stored(archive: str, info: zipfile.ZipInfo, target: Path, with_sha256: bool,
                    progress: Progress | None, copied: Callable[[], None] | None = None) -> str:
    """Copy a stored member out of the zip in the kernel; the copy is read back and its
    CRC-32 (and sha256) computed meanwhile.  Returns the sha256 (``with_sha256``) or the
    CRC-32, as hex, of the extracted file."""
    with open(archive, "rb") as src, open(target, "wb+") as dst:
        seek_stored_data(src, info)
        digest = hashlib.sha256() if with_sha256 else None
        crc = copy_checked(src.fileno(), dst.fileno(), dst.fileno(), info.file_size, src_off=src.tell(),
                           progress=progress, digest=digest, compare=False, copied=copied)
    return digest.hexdigest() if digest is not None else f"{crc:08x}"
