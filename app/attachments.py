"""Files attached to clients, deals and activities.

The files live with the database, in its ``attachments/`` folder (the backup packs that
folder and restore puts it back), named by their sha256: ``attachments/ab/abcdef…``.
The same file attached twice, anywhere, is stored once.  A file is hashed while it is
copied (in chunks, into a temporary file renamed into place when complete), so a
failure leaves nothing half-written.

Deleting an attachment is soft (``deleted_at``); its stored file stays until nothing
refers to it any more and the trash is emptied (``purge_unreferenced``).
"""
from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import shutil
import tempfile
from pathlib import Path

from peewee import JOIN, SqliteDatabase

from db.models import Activity, Attachment, Client, Deal, database_proxy, utcnow

from . import access, audit
from .backup_archive import ATTACHMENTS, os_error
from .errors import KartotekaError, NotFoundError, ValidationError
from .events import publish
from .paths import data_dir

MAX_BYTES = 200 * 1024 * 1024
"""The largest file that can be attached (200 MB)."""
CHUNK = 1024 * 1024
_STORED = re.compile(r"^[0-9a-f]{64}$")
_MB = 1024 * 1024


class AttachmentTooLargeError(KartotekaError):
    code = "attachment_too_large"
    message = "{name} is {size_mb} MB; files up to {limit_mb} MB can be attached."


class AttachmentReadError(KartotekaError):
    code = "attachment_read"
    message = "Cannot read the file {path}: {detail}"


class AttachmentMissingError(KartotekaError):
    code = "attachment_missing"
    message = ("The stored copy of {name} is missing or damaged. Restore a backup that has it, "
               "or attach the file again.")


def _mb(size: int) -> str:
    return f"{size / _MB:.1f}".rstrip("0").rstrip(".")


def attachments_dir() -> Path:
    """The folder of the stored files: next to the SQLite file, or, for an office
    (PostgreSQL) database, ``<user data folder>/attachments/<database name>``."""
    db = database_proxy.obj
    if db is None:
        raise KartotekaError(detail="no database is open")
    if isinstance(db, SqliteDatabase):
        if db.database in ("", ":memory:"):
            return data_dir() / ATTACHMENTS / "memory"
        return Path(db.database).parent / ATTACHMENTS
    return data_dir() / ATTACHMENTS / str(db.database)


def safe_filename(name: str) -> str:
    """A file name that is safe to create on any system (no folders, no reserved marks)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r'[<>:"|?*\x00-\x1f]', "_", base).strip(" .")
    return base or "file"


def stored_path(sha256: str) -> Path:
    return attachments_dir() / sha256[:2] / sha256


def _owner(client_id, deal_id, activity_id) -> tuple[int | None, int | None, int | None]:
    if activity_id is not None:
        act = Activity.get_or_none(Activity.id == activity_id)
        if act is None:
            raise NotFoundError(entity="activity", id=activity_id)
        client_id = client_id or act.client_id
        deal_id = deal_id or act.deal_id
    if deal_id is not None:
        deal = Deal.get_or_none(Deal.id == deal_id)
        if deal is None:
            raise NotFoundError(entity="deal", id=deal_id)
        client_id = client_id or deal.client_id
    if client_id is None:
        raise ValidationError(field="attachment", detail="a file must belong to a client, a deal or an activity")
    if not Client.select().where(Client.id == client_id).exists():
        raise NotFoundError(entity="client", id=client_id)
    return client_id, deal_id, activity_id


def _too_large(name: str, size: int) -> AttachmentTooLargeError:
    return AttachmentTooLargeError(name=name, size_mb=_mb(size), limit_mb=_mb(MAX_BYTES))


def _store(src: Path, name: str) -> tuple[str, int]:
    """Copy ``src`` into the store while hashing it; returns (sha256, size)."""
    folder = attachments_dir()
    try:
        reader = open(src, "rb")
    except OSError as exc:
        raise AttachmentReadError(path=str(src), detail=exc.strerror or str(exc)) from exc
    with reader:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=folder)
        except OSError as exc:
            raise os_error(exc, folder) from exc
        tmp = Path(tmp_name)
        try:
            digest, size = hashlib.sha256(), 0
            with os.fdopen(fd, "wb") as out:
                while True:
                    try:
                        block = reader.read(CHUNK)
                    except OSError as exc:
                        raise AttachmentReadError(path=str(src), detail=exc.strerror or str(exc)) from exc
                    if not block:
                        break
                    size += len(block)
                    if size > MAX_BYTES:  # it grew since it was measured
                        raise _too_large(name, size)
                    digest.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = folder / sha[:2] / sha
            if target.is_file() and target.stat().st_size == size:
                return sha, size  # stored already: once is enough
            target.parent.mkdir(exist_ok=True)
            os.replace(tmp, target)
            return sha, size
        except OSError as exc:
            raise os_error(exc, folder) from exc
        finally:
            tmp.unlink(missing_ok=True)


def add_file(path, *, client_id: int | None = None, deal_id: int | None = None,
             activity_id: int | None = None, filename: str | None = None) -> int:
    """Attach the file at ``path`` to a client, a deal (and its client) or an activity;
    returns the Attachment id.  The same file already attached there is not added twice
    (its id is returned)."""
    src = Path(path)
    name = (filename or src.name).strip() or src.name
    client_id, deal_id, activity_id = _owner(client_id, deal_id, activity_id)
    access.require("edit", ("deal", deal_id) if deal_id else ("client", client_id))
    try:
        info = src.stat()
    except OSError as exc:
        raise AttachmentReadError(path=str(src), detail=exc.strerror or str(exc)) from exc
    if not src.is_file():
        raise AttachmentReadError(path=str(src), detail="it is a folder, not a file")
    if info.st_size > MAX_BYTES:
        raise _too_large(name, info.st_size)
    sha, size = _store(src, name)
    with database_proxy.atomic():
        same = Attachment.get_or_none(Attachment.sha256 == sha, Attachment.client == client_id,
                                      Attachment.deal == deal_id, Attachment.deleted_at.is_null())
        if same is not None:
            return same.id
        row = Attachment.create(client=client_id, deal=deal_id, activity=activity_id, filename=name,
                                sha256=sha, size=size, mime=mimetypes.guess_type(name)[0] or "")
        audit.record("attachment", row.id, "create", {"filename": [None, name], "size": [None, size]})
    publish("attachment", "create", [row.id])
    return row.id


def list_for(client_id: int | None = None, deal_id: int | None = None) -> list[dict]:
    """The files of a deal, or of a client with its deals' files (newest first)."""
    query = (Attachment.select(Attachment, Deal.title.alias("deal_title"))
             .join(Deal, JOIN.LEFT_OUTER, on=(Attachment.deal == Deal.id))
             .where(Attachment.deleted_at.is_null()))
    if deal_id is not None:
        query = query.where(Attachment.deal == deal_id)
    elif client_id is not None:
        query = query.where(((Attachment.client == client_id) | (Deal.client == client_id))
                            & (Deal.id.is_null() | Deal.deleted_at.is_null()))
    else:
        return []
    rows = query.order_by(Attachment.created_at.desc(), Attachment.id.desc()).objects()
    return [dict(id=r.id, filename=r.filename, size=r.size, mime=r.mime, created_at=r.created_at,
                 sha256=r.sha256, deal_id=r.deal_id, deal_title=r.deal_title or "",
                 activity_id=r.activity_id)
            for r in rows]


def _row(att_id: int) -> Attachment:
    row = Attachment.get_or_none(Attachment.id == att_id)
    if row is None:
        raise NotFoundError(entity="attachment", id=att_id)
    return row


def _require_edit(row: Attachment) -> None:
    access.require("edit", ("deal", row.deal_id) if row.deal_id else ("client", row.client_id))


def file_path(att_id: int) -> Path:
    """The stored file of an attachment (read it, never change it)."""
    row = _row(att_id)
    path = stored_path(row.sha256)
    if not path.is_file() or path.stat().st_size != row.size:
        raise AttachmentMissingError(name=row.filename)
    return path


def export(att_id: int, dest_path) -> Path:
    """Copy an attachment to ``dest_path`` (complete, or not at all)."""
    src, dest = file_path(att_id), Path(dest_path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".kartoteka-", dir=dest.parent)
        os.close(fd)
    except OSError as exc:
        raise os_error(exc, dest.parent) from exc
    try:
        shutil.copyfile(src, tmp_name)
        os.replace(tmp_name, dest)
    except OSError as exc:
        raise os_error(exc, dest.parent) from exc
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    return dest


def delete(att_id: int) -> int:
    """Move an attachment to the trash; returns its id (for undo)."""
    with database_proxy.atomic():
        row = _row(att_id)
        _require_edit(row)
        Attachment.update(deleted_at=utcnow()).where(Attachment.id == att_id).execute()
        audit.record("attachment", att_id, "delete", {"filename": [row.filename, None]})
    publish("attachment", "delete", [att_id])
    return att_id


def restore(att_id: int) -> int:
    with database_proxy.atomic():
        row = _row(att_id)
        _require_edit(row)
        Attachment.update(deleted_at=None).where(Attachment.id == att_id).execute()
        audit.record("attachment", att_id, "restore", {"filename": [None, row.filename]})
    publish("attachment", "restore", [att_id])
    return att_id


def is_intact(att_id: int) -> bool:
    """True when the stored bytes still hash to what was attached."""
    row = _row(att_id)
    return _hash_of(stored_path(row.sha256)) == row.sha256


def _hash_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(CHUNK):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def damaged_files() -> list[dict]:
    """Attachments whose stored file is missing or no longer matches (id, filename)."""
    found, checked = [], {}
    for row in Attachment.select().order_by(Attachment.id):
        if row.sha256 not in checked:
            checked[row.sha256] = _hash_of(stored_path(row.sha256)) == row.sha256
        if not checked[row.sha256]:
            found.append(dict(id=row.id, filename=row.filename))
    return found


def purge_deleted(ids=None) -> int:
    """Delete for good attachments in the trash (those of ``ids``, or all), then their
    files when nothing else refers to them.  Returns how many were deleted."""
    access.require("purge")
    query = Attachment.delete().where(Attachment.deleted_at.is_null(False))
    if ids is not None:
        query = query.where(Attachment.id.in_(list(ids)))
    with database_proxy.atomic():
        count = query.execute()
    purge_unreferenced()
    publish("attachment", "purge")
    return count


def purge_unreferenced() -> int:
    """Remove stored files no attachment (in use or in the trash) refers to; returns
    how many were removed."""
    try:
        folder = attachments_dir()
    except KartotekaError:
        return 0
    if not folder.is_dir():
        return 0
    used = {sha for (sha,) in Attachment.select(Attachment.sha256).distinct().tuples()}
    removed = 0
    for path in folder.glob("*/*"):
        if path.is_file() and _STORED.match(path.name) and path.name not in used:
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue  # open elsewhere (Windows): the next purge takes it
    return removed
