"""Actions on many clients at once: trash and restore, set responsible / status, tags.

Each returns what it needs to be undone (the previous values), so the UI's undo
commands call these services again instead of touching widgets or rows.
"""
from __future__ import annotations

from db.models import Client, ClientTag, Tag, database_proxy, utcnow

from . import audit
from .errors import ValidationError
from .events import publish

_BULK_FIELDS = {"responsible_id": Client.responsible, "status": Client.status,
                "refusal_reason": Client.refusal_reason, "segment": Client.segment,
                "next_contact_at": Client.next_contact_at}


def _chunks(ids, size=500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def trash_clients(ids) -> list[int]:
    """Soft-delete; returns the ids that were moved to the trash (for undo)."""
    ids = list(ids)
    moved = []
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            moved += [i for (i,) in Client.select(Client.id).where(
                Client.id.in_(chunk), Client.deleted_at.is_null()).tuples()]
            Client.update(deleted_at=utcnow(), version=Client.version + 1).where(
                Client.id.in_(chunk), Client.deleted_at.is_null()).execute()
        audit.record_many("client", moved, "delete")
    publish("client", "delete", moved)
    return moved


def restore_clients(ids) -> list[int]:
    ids = list(ids)
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            Client.update(deleted_at=None, version=Client.version + 1).where(Client.id.in_(chunk)).execute()
        audit.record_many("client", ids, "restore")
    publish("client", "restore", ids)
    return ids


def purge_clients(ids) -> int:
    """Delete for good (only clients already in the trash)."""
    count = 0
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            count += Client.delete().where(Client.id.in_(chunk), Client.deleted_at.is_null(False)).execute()
    publish("client", "purge", list(ids))
    return count


def set_field(ids, field: str, value) -> dict[int, object]:
    """Set one field on many clients; returns {id: previous value} for undo."""
    column = _BULK_FIELDS.get(field)
    if column is None:
        raise ValidationError(field=field, detail="cannot be changed in bulk")
    if field == "status" and value not in Client.STATUSES:
        raise ValidationError(field="status", detail=f"unknown status {value!r}")
    previous: dict[int, object] = {}
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            previous.update(Client.select(Client.id, column).where(Client.id.in_(chunk)).tuples())
            Client.update({column: value, Client.updated_at: utcnow(), Client.version: Client.version + 1}
                          ).where(Client.id.in_(chunk)).execute()
        audit.record_many("client", previous, "update", {field: [None, value]})
    publish("client", "bulk", list(previous))
    return previous


def restore_field(field: str, previous: dict[int, object]) -> None:
    """Put back the values ``set_field`` returned."""
    column = _BULK_FIELDS[field]
    by_value: dict[object, list[int]] = {}
    for cid, value in previous.items():
        by_value.setdefault(value, []).append(cid)
    with database_proxy.atomic():
        for value, ids in by_value.items():
            for chunk in _chunks(ids):
                Client.update({column: value, Client.version: Client.version + 1}).where(
                    Client.id.in_(chunk)).execute()
    publish("client", "bulk", list(previous))


def add_tag(ids, tag_name: str) -> list[int]:
    """Tag clients; returns the ids that did not have the tag before (for undo)."""
    tag_name = tag_name.strip()
    if not tag_name:
        raise ValidationError(field="tag", detail="the tag name is empty")
    with database_proxy.atomic():
        tag, _ = Tag.get_or_create(name=tag_name)
        added = []
        for chunk in _chunks(ids):
            have = {i for (i,) in ClientTag.select(ClientTag.client).where(
                ClientTag.tag == tag, ClientTag.client.in_(chunk)).tuples()}
            new = [i for i in chunk if i not in have]
            if new:
                ClientTag.insert_many([{"client": i, "tag": tag.id} for i in new]).execute()
            added += new
    publish("client", "bulk", added)
    return added


def remove_tag(ids, tag_name: str) -> None:
    tag = Tag.get_or_none(Tag.name == tag_name)
    if tag is None:
        return
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            ClientTag.delete().where(ClientTag.tag == tag, ClientTag.client.in_(chunk)).execute()
    publish("client", "bulk", list(ids))
