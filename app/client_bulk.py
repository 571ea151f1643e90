"""Actions on many clients at once: trash and restore, set responsible / status, tags.

Each returns what it needs to be undone (the previous values), so the UI's undo
commands call these services again instead of touching widgets or rows.
"""
from __future__ import annotations

from db.models import Client, ClientTag, Tag, database_proxy, utcnow

from . import access, audit
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
    access.require_all("delete", Client, ids)
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
    access.require_all("delete", Client, ids)
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            Client.update(deleted_at=None, version=Client.version + 1).where(Client.id.in_(chunk)).execute()
        audit.record_many("client", ids, "restore")
    publish("client", "restore", ids)
    return ids


def purge_clients(ids) -> int:
    """Delete for good (only clients already in the trash)."""
    access.require("purge")
    count = 0
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            count += Client.delete().where(Client.id.in_(chunk), Client.deleted_at.is_null(False)).execute()
    from .attachments import purge_unreferenced
    purge_unreferenced()  # the files of the purged clients' attachments
    publish("client", "purge", list(ids))
    return count


def set_field(ids, field: str, value) -> dict[int, object]:
    """Set one field on many clients; returns {id: previous value} for undo."""
    column = _BULK_FIELDS.get(field)
    if column is None:
        raise ValidationError(field=field, detail="cannot be changed in bulk")
    if field == "status" and value not in Client.STATUSES:
        raise ValidationError(field="status", detail=f"unknown status {value!r}")
    ids = list(ids)
    access.require_all("edit", Client, ids)
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
    _may_restore(field, previous)
    by_value: dict[object, list[int]] = {}
    for cid, value in previous.items():
        by_value.setdefault(value, []).append(cid)
    with database_proxy.atomic():
        for value, ids in by_value.items():
            for chunk in _chunks(ids):
                Client.update({column: value, Client.version: Client.version + 1}).where(
                    Client.id.in_(chunk)).execute()
    publish("client", "bulk", list(previous))


def _may_restore(field: str, previous: dict) -> None:
    """Undo of a bulk change: a manager may put back only what was theirs (a handed-over
    client is no longer theirs, but it was before: its previous responsible says so)."""
    if field == "responsible_id" and access.role() == "manager":
        access.require("edit")
        if any(v not in (None, access.context.current_employee_id()) for v in previous.values()):
            access.deny("edit")
    else:
        access.require_all("edit", Client, list(previous))


def add_tag(ids, tag_name: str) -> list[int]:
    """Tag clients; returns the ids that did not have the tag before (for undo)."""
    tag_name = tag_name.strip()
    if not tag_name:
        raise ValidationError(field="tag", detail="the tag name is empty")
    ids = list(ids)
    access.require_all("edit", Client, ids)
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
    ids = list(ids)
    access.require_all("edit", Client, ids)
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            ClientTag.delete().where(ClientTag.tag == tag, ClientTag.client.in_(chunk)).execute()
    publish("client", "bulk", list(ids))


def set_status(ids, status: str, refusal_reason: str = "") -> dict[int, tuple[str, str]]:
    """Change the status of many clients in one step ("refused" needs a reason, which is
    written with it).  Returns {id: (previous status, previous reason)} for undo."""
    if status not in Client.STATUSES:
        raise ValidationError(field="status", detail=f"unknown status {status!r}")
    refusal_reason = (refusal_reason or "").strip()
    if status == "refused" and not refusal_reason:
        raise ValidationError(field="refusal_reason", detail="say why the client refused")
    ids = list(ids)
    access.require_all("edit", Client, ids)
    values = {Client.status: status, Client.updated_at: utcnow(), Client.version: Client.version + 1}
    if status == "refused":
        values[Client.refusal_reason] = refusal_reason
    previous: dict[int, tuple[str, str]] = {}
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            previous.update((cid, (old, reason)) for cid, old, reason in Client.select(
                Client.id, Client.status, Client.refusal_reason).where(Client.id.in_(chunk)).tuples())
            Client.update(values).where(Client.id.in_(chunk)).execute()
        audit.record_many("client", previous, "update", {"status": [None, status]})
    publish("client", "bulk", list(previous))
    return previous


def restore_status(previous: dict[int, tuple[str, str]]) -> None:
    """Put back the statuses (and refusal reasons) ``set_status`` returned."""
    access.require_all("edit", Client, list(previous))
    by_value: dict[tuple[str, str], list[int]] = {}
    for cid, value in previous.items():
        by_value.setdefault(value, []).append(cid)
    with database_proxy.atomic():
        for (status, reason), ids in by_value.items():
            for chunk in _chunks(ids):
                Client.update(status=status, refusal_reason=reason, version=Client.version + 1).where(
                    Client.id.in_(chunk)).execute()
    publish("client", "bulk", list(previous))
