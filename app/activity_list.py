"""The activity list across all clients: ids in SQL order and filter, rows by pages.

The GUI's lazy table model reads the ids a chunk at a time (``ActivityPages``), the exact
total with one cheap count, and the rows page by page.  The default order ("when": done,
else planned, else created; newest first) walks the indexes of migration 4, which are
built on the very expression ``_when()`` renders, so the first rows of 400 000 come as
fast as those of ten.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, SQL, fn

from db.models import Activity, Client, Employee, database_proxy, utcnow
from db.sql import no_index
from db.text import fold

from . import access

STATUSES = ("planned", "done", "overdue")
SORT_KEYS = ("when", "kind", "client", "subject", "responsible", "status")
CHUNK = 5000
"""How many ids one chunk of the default order reads."""


@dataclass
class ActivityFilter:
    kinds: tuple[str, ...] = ()       # empty: every kind
    status: str = ""                  # "", planned, done, overdue
    start: datetime | None = None     # UTC, inclusive
    end: datetime | None = None       # UTC, exclusive
    responsible_id: int | None = None
    client_text: str = ""
    segment_id: int | None = None     # only activities of clients in this saved segment


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
    # keep identical to the indexed expression of migration 4 (db/migrations.py)
    return fn.COALESCE(Activity.done_at, Activity.planned_at, Activity.created_at)


def _conditions(flt: ActivityFilter, now: datetime, walk: bool = True) -> list:
    """The filter as conditions on the activity table alone (deleted clients aside).

    ``walk=False`` keeps SQLite off the partial indexes (``+deleted_at IS NULL`` does not
    imply their ``deleted_at IS NULL``): to read every row, one pass over the table and a
    sort in memory are several times faster than a walk through an index that does not
    hold the columns, with a look-up of the row for each entry."""
    alive = Activity.deleted_at if walk else no_index(Activity.deleted_at)
    conds = [alive.is_null(), *access.scope(Activity)]
    if flt.kinds:
        conds.append(Activity.kind.in_(list(flt.kinds)))
    if flt.status == "overdue":
        conds += [Activity.status == "planned", Activity.planned_at < now]
    elif flt.status:
        conds.append(Activity.status == flt.status)
    if flt.start is not None:
        conds.append(_when() >= flt.start)
    if flt.end is not None:
        conds.append(_when() < flt.end)
    if flt.responsible_id is not None:
        conds.append(Activity.responsible == flt.responsible_id)
    if flt.segment_id is not None:
        from .segment_filters import of_segment
        conds += of_segment(Activity.client, flt.segment_id, now)
    text = fold(flt.client_text)
    if text:
        # the clients first (one pass over their names), then their activities by index
        conds.append(Activity.client.in_(Client.select(Client.id).where(
            Client.deleted_at.is_null(), Client.name_fold.contains(text))))
    return conds


def _query(flt: ActivityFilter, now: datetime, *columns, walk: bool = True):
    return (Activity.select(*columns)
            .join(Client, JOIN.LEFT_OUTER, on=(Activity.client == Client.id))
            .switch(Activity)
            .join(Employee, JOIN.LEFT_OUTER, on=(Activity.responsible == Employee.id))
            .where(*_conditions(flt, now, walk), Client.id.is_null() | Client.deleted_at.is_null()))


def _order(sort: str, descending: bool) -> list:
    column = {"when": _when(), "kind": Activity.kind, "client": Client.name_fold,
              "subject": Activity.subject, "responsible": Employee.name,
              "status": Activity.status}.get(sort, _when())
    order = column.desc(nulls="LAST") if descending else column.asc(nulls="LAST")
    tie = Activity.id.desc() if descending else Activity.id.asc()
    return [order, tie]


def _fetch(query) -> list[tuple]:
    """Raw tuples: no conversion, so a "when" value goes back to SQLite exactly as read."""
    sql, params = query.sql()
    return database_proxy.execute_sql(sql, params).fetchall()


def activity_ids(flt: ActivityFilter | None = None, sort: str = "when", descending: bool = True,
                 now: datetime | None = None) -> list[int]:
    """Ids of the matching activities in the asked order (newest first by default)."""
    query = _query(flt or ActivityFilter(), now or utcnow(), Activity.id, walk=False)
    return [i for (i,) in _fetch(query.order_by(*_order(sort, descending)))]


def activity_count(flt: ActivityFilter | None = None, now: datetime | None = None) -> int:
    """How many activities ``activity_ids`` gives for this filter, without reading them.

    The activities of clients in the trash are counted apart (the trash is small), so the
    big count needs no look-up of each activity's client."""
    conds = _conditions(flt or ActivityFilter(), now or utcnow())
    alive = Activity.select(fn.COUNT(SQL("*"))).where(*conds).scalar()
    in_trash = Client.deleted_at.is_null(False)
    if not Client.select().where(in_trash).exists():
        return alive
    # CROSS JOIN: SQLite keeps this order, from the trashed clients to their activities
    trashed = (Client.select(fn.COUNT(SQL("*"))).join(Activity, JOIN.CROSS)
               .where(in_trash, Activity.client == Client.id, *conds).scalar())
    return alive - trashed


class ActivityPages:
    """One reading of the list: the ids in display order a chunk at a time, and the total.

    In the "when" order each chunk starts right after the last row of the one before
    (keyset), walking the index, so the last chunk costs what the first one does.  The
    other orders have no index to walk: their ids come whole with the first chunk.
    ``now`` is fixed for the reading, so "overdue" means the same in every chunk."""

    def __init__(self, flt: ActivityFilter | None = None, sort: str = "when",
                 descending: bool = True, now: datetime | None = None):
        self.filter = flt or ActivityFilter()
        self.sort = sort if sort in SORT_KEYS else "when"
        self.descending = descending
        self.now = now or utcnow()
        self.more = True
        self._after: tuple | None = None

    @property
    def chunked(self) -> bool:
        """True when the ids come a chunk at a time (the "when" order)."""
        return self.sort == "when"

    def count(self) -> int:
        return activity_count(self.filter, self.now)

    def next_ids(self, limit: int | None = None) -> list[int]:
        """The next ``limit`` ids (``CHUNK``; all of them in an order that is not "when")."""
        limit = limit or CHUNK
        if not self.more:
            return []
        if not self.chunked:
            self.more = False
            return activity_ids(self.filter, self.sort, self.descending, self.now)
        query = _query(self.filter, self.now, Activity.id, _when())
        if self._after is not None:
            key, last = self._after
            # (when, id) past the last row, spelled so that SQLite walks the index from there
            if self.descending:
                query = query.where(_when() <= key, (_when() < key) | (Activity.id < last))
            else:
                query = query.where(_when() >= key, (_when() > key) | (Activity.id > last))
        rows = _fetch(query.order_by(*_order("when", self.descending)).limit(limit))
        if rows:
            self._after = (rows[-1][1], rows[-1][0])
        self.more = len(rows) == limit
        return [aid for aid, _when_value in rows]


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
