"""The History tab of a client card: the audit rows of the client and of its deals,
activities, files and imports, newest first, optionally of one employee only.

Each entry keeps the stored values; ``changes`` is a list of (field, old, new) with
employee ids already turned into names, so the UI only translates and joins.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from db.models import Activity, Attachment, AuditLog, Deal, Employee, ImportChange

LIMIT = 1000
_EMPLOYEE_FIELDS = {"responsible_id", "responsible", "employee"}


@dataclass
class HistoryEntry:
    at: datetime                 # UTC
    employee_id: int | None
    employee: str                # the name ("" when unknown: a system change)
    entity: str                  # client | deal | activity | attachment | import
    entity_id: int
    action: str                  # create | update | delete | restore | purge | …
    subject: str = ""            # the deal's title, the activity's subject…
    changes: list[tuple[str, object, object]] = field(default_factory=list)
    notes: dict = field(default_factory=dict)  # other details (e.g. {"undo_import": 3})


def _related(client_id: int) -> dict[str, dict[int, str]]:
    """{entity: {id: subject}} of everything that belongs to the client."""
    deals = dict(Deal.select(Deal.id, Deal.title).where(Deal.client == client_id).tuples())
    acts = {i: subject or kind for i, subject, kind in Activity.select(Activity.id, Activity.subject, Activity.kind)
            .where((Activity.client == client_id) | Activity.deal.in_(list(deals) or [0])).tuples()}
    files = dict(Attachment.select(Attachment.id, Attachment.filename)
                 .where((Attachment.client == client_id) | Attachment.deal.in_(list(deals) or [0])).tuples())
    imports = {b: "" for (b,) in ImportChange.select(ImportChange.batch).where(ImportChange.client == client_id)
               .distinct().tuples()}
    return {"client": {client_id: ""}, "deal": deals, "activity": acts, "attachment": files, "import": imports}


def _rows(entity: str, ids: list[int], employee_id: int | None, limit: int):
    out = []
    for start in range(0, len(ids), 500):
        q = AuditLog.select().where(AuditLog.entity == entity, AuditLog.entity_id.in_(ids[start:start + 500]))
        if employee_id is not None:
            q = q.where(AuditLog.employee == employee_id)
        out += list(q.order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit))
    return out


def _changes(raw: str, names: dict[int, str]) -> tuple[list, dict]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return [], {}
    if not isinstance(data, dict):
        return [], {}
    pairs, notes = [], {}
    for key, value in data.items():
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            if key in _EMPLOYEE_FIELDS:
                old, new = (names.get(v, v) if isinstance(v, int) else v for v in (old, new))
            pairs.append((key, old, new))
        else:
            notes[key] = value
    return pairs, notes


def client_history(client_id: int, employee_id: int | None = None, limit: int = LIMIT) -> list[HistoryEntry]:
    """Who did what to the client and its deals, activities, files and imports, newest first."""
    names = dict(Employee.select(Employee.id, Employee.name).tuples())
    rows = []
    related = _related(client_id)
    for entity, subjects in related.items():
        if subjects:
            rows += [(entity, r) for r in _rows(entity, list(subjects), employee_id, limit)]
    rows.sort(key=lambda er: (er[1].at, er[1].id), reverse=True)
    out = []
    for entity, r in rows[:limit]:
        pairs, notes = _changes(r.changes, names)
        out.append(HistoryEntry(r.at, r.employee_id, names.get(r.employee_id, ""), entity, r.entity_id,
                                r.action, related[entity].get(r.entity_id, ""), pairs, notes))
    return out


def history_employees(client_id: int) -> list[tuple[int, str]]:
    """The employees who appear in the client's history (for the filter), by name."""
    seen = {e.employee_id: e.employee for e in client_history(client_id) if e.employee_id is not None}
    return sorted(seen.items(), key=lambda item: item[1].casefold())
