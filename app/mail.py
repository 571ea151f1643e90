"""E-mail through the user's own mail program: no server, no passwords in the app.

With files, ``compose_eml`` writes a draft ``.eml`` (marked ``X-Unsent: 1``, so Outlook
and Thunderbird open it as a new message ready to send); without, ``mailto_url`` is
enough.  ``log_sent_email`` writes the outgoing e-mail into the client's history."""
from __future__ import annotations

import mimetypes
import re
import tempfile
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from urllib.parse import quote

from db.models import Attachment, Deal, Email, database_proxy

from . import access
from .activities import ActivityData, log_activity
from .attachments import AttachmentReadError
from .backup_archive import os_error
from .events import publish

OUTBOX = "kartoteka-outbox"


def outbox_dir() -> Path:
    """Where drafts are written (a folder in the system's temporary folder)."""
    return Path(tempfile.gettempdir()) / OUTBOX


def recipient(client_id: int, deal_id: int | None = None) -> str:
    """The address to write to: the deal's contact person's, else the client's own,
    else the first contact person's; "" when the client has none."""
    order = (Email.order, Email.id)
    if deal_id is not None:
        deal = Deal.get_or_none(Deal.id == deal_id)
        if deal is not None and deal.contact_id:
            row = Email.select().where(Email.contact == deal.contact_id).order_by(*order).first()
            if row is not None:
                return row.address
    row = (Email.select().where(Email.client == client_id, Email.contact.is_null()).order_by(*order).first()
           or Email.select().where(Email.client == client_id).order_by(*order).first())
    return row.address if row is not None else ""


def addresses(client_id: int) -> list[str]:
    """Every address of the client: its own first, then its contact persons'."""
    rows = (Email.select(Email.address).where(Email.client == client_id)
            .order_by(Email.contact.is_null(False), Email.order, Email.id).tuples())
    seen: list[str] = []
    for (address,) in rows:
        if address not in seen:
            seen.append(address)
    return seen


def _file_and_name(item) -> tuple[Path, str]:
    if isinstance(item, (tuple, list)):
        return Path(item[0]), str(item[1])
    return Path(item), Path(item).name


def _draft_name(subject: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", subject, flags=re.UNICODE).strip()[:60] or "message"
    return f"{stem} {datetime.now():%Y-%m-%d %H%M%S}"


def compose_eml(to: str, subject: str, body: str, files) -> Path:
    """Write a draft message with the files attached; returns the ``.eml`` file.

    ``files`` holds paths, or (path, name shown in the letter) pairs."""
    msg = EmailMessage(policy=SMTP)
    msg["To"] = to
    msg["Subject"] = subject
    msg["X-Unsent"] = "1"
    msg.set_content(body or "")
    for item in files:
        path, name = _file_and_name(item)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise AttachmentReadError(path=str(path), detail=exc.strerror or str(exc)) from exc
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    folder = outbox_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{_draft_name(subject)}.eml"
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{_draft_name(subject)} ({n}).eml"
        target.write_bytes(msg.as_bytes())
    except OSError as exc:
        raise os_error(exc, folder) from exc
    return target


def mailto_url(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068) with the subject and the text."""
    params = []
    if subject:
        params.append("subject=" + quote(subject, safe=""))
    if body:
        params.append("body=" + quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe=""))
    return "mailto:" + quote(to or "", safe="@,+") + ("?" + "&".join(params) if params else "")


def log_sent_email(client_id: int, subject: str, body: str, deal_id: int | None = None,
                   attachment_ids=(), contact_id: int | None = None) -> int:
    """Write a done outgoing e-mail into the client's (and deal's) history, the attached
    files linked to it; returns the activity id."""
    access.require("edit", ("deal", deal_id) if deal_id else ("client", client_id))
    with database_proxy.atomic():
        activity_id = log_activity(ActivityData(kind="email", subject=subject, result=body or "",
                                                client_id=client_id, deal_id=deal_id,
                                                contact_id=contact_id, status="done"))
        ids = [int(i) for i in attachment_ids]
        if ids:
            Attachment.update(activity=activity_id).where(Attachment.id.in_(ids)).execute()
    if ids:
        publish("attachment", "update", ids)
    return activity_id
