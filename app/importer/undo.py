"""Undoing an import: the clients it created are removed for good, the clients it merged
into get back the fields it filled (unless someone changed them since) and lose the
phones, e-mails, contacts, tags, custom values and deals it added."""
from __future__ import annotations

import json

from db.models import (Client, ClientTag, ContactPerson, CustomFieldValue, Deal, Email, ImportBatch,
                       ImportChange, Phone, database_proxy, utcnow)
from db.search_index import FTS_TABLE, index_clients
from db.sql import marks

from .. import access, audit
from ..errors import NotFoundError
from ..events import publish
from .campaigns import remove_created
from .errors import ImportUndoError

_MODELS = {"phones": Phone, "emails": Email, "contacts": ContactPerson, "tags": ClientTag,
           "custom": CustomFieldValue, "deals": Deal}


def _chunks(items, size=500):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _same(current, stored) -> bool:
    if current is None or stored is None:
        return current is None and stored is None
    return str(current) == str(stored)


def undo_import(batch_id: int) -> dict:
    """Revert one import; returns ``{"removed": n, "restored": m}``."""
    access.require("import")
    batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
    if batch is None:
        raise NotFoundError(entity="import", id=batch_id)
    if access.role() == "manager" and batch.employee_id != access.context.current_employee_id():
        access.deny("delete")  # a manager undoes only their own imports
    if batch.undone_at is not None:
        raise ImportUndoError(batch=batch_id, detail=f"it was already undone on {batch.undone_at:%d.%m.%Y %H:%M} (UTC)")
    created = [c for (c,) in ImportChange.select(ImportChange.client)
               .where(ImportChange.batch == batch_id, ImportChange.action == "create").tuples()]
    merges = list(ImportChange.select(ImportChange.client, ImportChange.before)
                  .where(ImportChange.batch == batch_id, ImportChange.action == "merge").tuples())
    with database_proxy.atomic():
        for chunk in _chunks(created):
            Client.delete().where(Client.id.in_(chunk)).execute()
            database_proxy.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks(len(chunk))})", chunk)
        restored = []
        for cid, before_json in merges:
            before = json.loads(before_json or "{}")
            for kind, ids in before.get("added", {}).items():
                model = _MODELS.get(kind)
                for chunk in _chunks(ids):
                    if model is not None:
                        model.delete().where(model.id.in_(chunk)).execute()
            client = Client.get_or_none(Client.id == cid)
            if client is None:
                continue
            values = {}
            for name, (old, new) in before.get("fields", {}).items():
                column = "responsible_id" if name == "responsible" else name
                if _same(getattr(client, column), new):
                    values["responsible" if name == "responsible_id" else name] = old
            values.update(updated_at=utcnow(), version=Client.version + 1)
            Client.update(**values).where(Client.id == cid).execute()
            restored.append(cid)
        index_clients(restored)
        campaigns = remove_created(batch_id)  # the campaigns it created, unless used since
        ImportBatch.update(undone_at=utcnow()).where(ImportBatch.id == batch_id).execute()
        audit.record_many("client", created, "purge", {"undo_import": batch_id})
        audit.record_many("client", restored, "update", {"undo_import": batch_id})
    if campaigns:
        publish("campaign", "delete", campaigns)
    if created:
        publish("client", "purge", created)
    if restored:
        publish("client", "update", restored)
    return {"batch": batch_id, "removed": len(created), "restored": len(restored)}
