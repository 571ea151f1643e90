"""The activity list across all clients: ids in SQL order and filter, rows by pages.

The GUI's lazy table model asks for the ids once and for rows page by page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from db.models import Activity, Client, Employee, utcnow
from db.text import fold

STATUSES = ("planned", "done", "overdue")
SORT_KEYS = ("when", "kind", "client", "subject", "responsible", "status")


@dataclass
class ActivityFilter:
    kinds: tuple[str, ...] = ()       # empty: every kind
    status: str = ""                  # "", planned, done, overdue
    start: datetime | None = None     # UTC, inclusive
    end: datetime | None = None       # UTC, exclusive
    responsible_id: int | None = None
    client_text: str = ""


@dataclass
class ActivityRow:
    id: int
    kind: str
    status: str           # planned / done / cancelled / overdue
    when: datetime | None
    subject: str
    result: str
    client_id: int | None
    client_name: str
    responsible_name: str


def _when():
    return fn.COALESCE(Activity.done_at, Activity.planned_at, Activity.created_at)


def _base():
    return (Activity.select(Activity.id)
            .join(Client, JOIN.LEFT_OUTER, on=(Activity.client == Client.id))
            .switch(Activity)
            .join(Employee, JOIN.LEFT_OUTER, on=(Activity.responsible == Employee.id))
            .where(Activity.deleted_at.is_null(),
                   Client.id.is_null() | Client.deleted_at.is_null()))


def activity_ids(flt: ActivityFilter | None = None, sort: str = "when", descending: bool = True,
                 now: datetime | None = None) -> list[int]:
    """Ids of the matching activities in the asked order (newest first by default)."""
    flt = flt or ActivityFilter()
    now = now or utcnow()
    query = _base()
    if flt.kinds:
        query = query.where(Activity.kind.in_(list(flt.kinds)))
    if flt.status == "overdue":
        query = query.where(Activity.status == "planned", Activity.planned_at < now)
    elif flt.status:
        query = query.where(Activity.status == flt.status)
    if flt.start is not None:
        query = query.where(_when() >= flt.start)
    if flt.end is not None:
        query = query.where(_when() < flt.end)
    if flt.responsible_id is not None:
        query = query.where(Activity.responsible == flt.responsible_id)
    text = fold(flt.client_text)
    if text:
        query = query.where(Client.name_fold.contains(text))
    column = {"when": _when(), "kind": Activity.kind, "client": Client.name_fold,
              "subject": Activity.subject, "responsible": Employee.name,
              "status": Activity.status}.get(sort, _when())
    order = column.desc(nulls="LAST") if descending else column.asc(nulls="LAST")
    tie = Activity.id.desc() if descending else Activity.id.asc()
    return [i for (i,) in query.order_by(order, tie).tuples()]


def activity_rows(ids, now: datetime | None = None) -> dict[int, ActivityRow]:
    """The rows for the given ids (one query); overdue planned ones say "overdue"."""
    ids = list(ids)
    if not ids:
        return {}
    now = now or utcnow()
    query = (Activity.select(Activity.id, Activity.kind, Activity.status, Activity.planned_at,
                             Activity.done_at, Activity.created_at, Activity.subject,
                             Activity.result, Activity.client, Client.name, Employee.name)
             .join(Client, JOIN.LEFT_OUTER, on=(Activity.client == Client.id))
             .switch(Activity)
             .join(Employee, JOIN.LEFT_OUTER, on=(Activity.responsible == Employee.id))
             .where(Activity.id.in_(ids)))
    out = {}
    for (aid, kind, status, planned_at, done_at, created_at, subject, result, client_id,
         client_name, employee_name) in query.tuples():
        if status == "planned" and planned_at is not None and planned_at < now:
            status = "overdue"
        out[aid] = ActivityRow(aid, kind, status, done_at or planned_at or created_at, subject,
                               result, client_id, client_name or "", employee_name or "")
    return out
