"""The Trash's "Files" section: attachments deleted from the cards (``deleted_at`` set),
newest deletion first, with the card each belongs to.  Restoring and deleting for good
are ``app.attachments.restore`` / ``purge_deleted`` (the stored bytes go only when no
attachment refers to them any more)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from db.models import Attachment, Client, Deal

from . import access, attachments


@dataclass
class DeletedFile:
    id: int
    filename: str
    size: int
    deleted_at: datetime
    client_id: int
    client_name: str
    deal_id: int | None = None
    deal_title: str = ""

    @property
    def card(self) -> str:
        """"Client" or "Client — Deal": where the file was attached."""
        return f"{self.client_name} — {self.deal_title}" if self.deal_id else self.client_name


def deleted_files() -> list[DeletedFile]:
    """Files in the trash whose client is alive and visible to the user."""
    query = (Attachment.select(Attachment.id, Attachment.filename, Attachment.size, Attachment.deleted_at,
                               Attachment.client, Client.name, Attachment.deal, Deal.title)
             .join(Client, on=(Attachment.client == Client.id))
             .switch(Attachment).join(Deal, JOIN.LEFT_OUTER, on=(Attachment.deal == Deal.id))
             .where(Attachment.deleted_at.is_null(False), Client.deleted_at.is_null(), *access.scope(Client))
             .order_by(Attachment.deleted_at.desc(), Attachment.id.desc()))
    return [DeletedFile(i, name, size or 0, deleted, cid, cname, did, title or "")
            for i, name, size, deleted, cid, cname, did, title in query.tuples()]


def restore_files(ids) -> list[int]:
    """Put files back on their cards; returns their ids (undo: ``delete_files``)."""
    return [attachments.restore(i) for i in ids]


def delete_files(ids) -> None:
    """Move files back to the trash (the undo of ``restore_files``)."""
    for i in ids:
        attachments.delete(i)
