"""Reading the client list: the ordered ids for a filter and a sort (one query), rows
for a page of ids, and the values the filters offer.  Read-only; writes go through
``app.clients`` and ``app.client_bulk``.

The GUI list holds only the ids and asks for rows a page at a time, so a list of
100 000 clients opens as fast as a list of ten.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from peewee import JOIN, fn

from .funnel import client_colors
from db.models import Activity, Client, ClientTag, Email, Employee, Phone, Tag, database_proxy, utcnow
from db.sql import indexed_by

from . import access, search

NOBODY = -1
"""``ClientFilter.responsible_id`` value meaning "no responsible employee"."""

SORT_KEYS = ("name", "kind", "city", "status", "responsible", "next_contact", "last_contact",
             "created", "deleted")


@dataclass
class ClientFilter:
    """What the list shows.  Empty values do not filter."""

    status: str = ""
    responsible_id: int | None = None
    tag: str = ""
    place: str = ""  # city or region
    segment: str = ""
    segment_id: int | None = None  # a saved segment (app.segments)
    overdue: bool = False
    text: str = ""
    trash: bool = False  # the trash: deleted clients only


@dataclass(slots=True)
class ClientRow:
    id: int
    name: str
    kind: str
    city: str
    status: str
    responsible: str
    next_contact_at: datetime | None
    last_contact_at: datetime | None
    created_at: datetime | None
    deleted_at: datetime | None
    phone_e164: str | None = None
    phone_raw: str = ""
    phone_valid: bool = True
    email: str = ""
    tags: list[str] = field(default_factory=list)
    color: str = ""  # the stage colour of the most advanced open deal, else the status colour


def _conditions(flt: ClientFilter, now: datetime | None = None) -> list:
    conds = [Client.deleted_at.is_null(False) if flt.trash else Client.deleted_at.is_null(),
             *access.scope(Client)]
    if flt.status:
        conds.append(Client.status == flt.status)
    if flt.responsible_id == NOBODY:
        conds.append(Client.responsible.is_null())
    elif flt.responsible_id is not None:
        conds.append(Client.responsible == flt.responsible_id)
    if flt.tag:
        conds.append(Client.id.in_(ClientTag.select(ClientTag.client).join(Tag)
                                   .where(Tag.name == flt.tag)))
    if flt.place:
        conds.append((Client.city == flt.place) | (Client.region == flt.place))
    if flt.segment:
        conds.append(Client.segment == flt.segment)
    if flt.segment_id is not None:
        from .segments import segment_condition
        conds.append(segment_condition(flt.segment_id, now))
    if flt.overdue:
        conds.append(Client.next_contact_at < (now or utcnow()))
    text = search.condition(flt.text)
    if text is not None:
        conds.append(text)
    return conds


def _order(query, sort: str, descending: bool):
    def direction(column, nulls_last=False):
        # ``column || ''`` sorts the same but keeps SQLite from walking the column's index:
        # reading 100 000 rows in index order means as many random row lookups, while a
        # scan and a sort in memory is about twice as fast.  The name keeps its index, so
        # a covering index (deleted_at, name_fold, id) would serve the default order alone.
        if column not in (Client.id, Client.name_fold):
            column = column.concat("")
        if descending:
            return column.desc(nulls="LAST" if nulls_last else None)
        return column.asc(nulls="LAST" if nulls_last else None)

    if sort == "responsible":
        query = query.join(Employee, JOIN.LEFT_OUTER, on=(Client.responsible == Employee.id))
        keys = [direction(Employee.name, nulls_last=True), Client.name_fold]
    elif sort == "next_contact":
        keys = [direction(Client.next_contact_at, nulls_last=True)]
    elif sort == "last_contact":
        keys = [direction(Client.last_contact_at, nulls_last=True)]
    elif sort == "created":
        keys = [direction(Client.created_at)]
    elif sort == "deleted":
        keys = [direction(Client.deleted_at)]
    elif sort in ("city", "status", "kind"):
        keys = [direction(getattr(Client, sort)), Client.name_fold]
    else:
        keys = [direction(Client.name_fold)]
    return query.order_by(*keys, direction(Client.id))


def _narrowed(flt: ClientFilter) -> bool:
    return any(getattr(flt, name) for name in ("status", "responsible_id", "tag", "place", "segment",
                                               "segment_id", "overdue", "text"))


def _pin_index(compiled: tuple[str, list], flt: ClientFilter, sort: str) -> tuple[str, list]:
    """On SQLite, walk the partial index made for the list (migrations 1 and 3); PostgreSQL
    needs no hint.

    With the statistics ANALYZE leaves, SQLite prefers the plain name index for the name
    order and then looks up every row to test ``deleted_at``: 100 000 clients took 260 ms
    against 30 ms through the covering ``client_alive_name``, and the (usually empty) trash
    200 ms against nothing through ``client_trash``."""
    sql, params = compiled
    if sort != "name" or _narrowed(flt):
        return sql, params  # a filter has its own better index (status, text, dates…)
    index = "client_trash" if flt.trash else "client_alive_name"
    table = 'FROM "client" AS "t1"'
    if sql.count(table) == 1:
        sql = sql.replace(table, table + indexed_by(index), 1)
    return sql, params


def client_ids(flt: ClientFilter | None = None, sort: str = "name", descending: bool = False,
               now: datetime | None = None, limit: int | None = None) -> list[int]:
    """The ids of the clients the filter selects, in display order (one query); only the
    first ``limit`` of them when given."""
    flt = flt or ClientFilter()
    query = _order(Client.select(Client.id).where(*_conditions(flt, now)), sort, descending)
    if limit is not None:
        query = query.limit(limit)
    sql, params = _pin_index(query.sql(), flt, sort)
    cursor = database_proxy.execute_sql(sql, params)
    return [row[0] for row in cursor.fetchall()]


def matching_count(flt: ClientFilter | None = None, now: datetime | None = None) -> int:
    """How many clients the filter selects: as many as ``client_ids`` returns."""
    flt = flt or ClientFilter()
    query = Client.select(fn.COUNT(Client.id)).where(*_conditions(flt, now))
    sql, params = _pin_index(query.sql(), flt, "name")
    return database_proxy.execute_sql(sql, params).fetchone()[0]


def client_rows(ids: list[int]) -> dict[int, ClientRow]:
    """Display rows for these ids (a page: a few hundred at most)."""
    ids = list(ids)
    if not ids:
        return {}
    rows: dict[int, ClientRow] = {}
    query = (Client.select(Client.id, Client.name, Client.kind, Client.city, Client.status,
                           Employee.name, Client.next_contact_at, Client.last_contact_at,
                           Client.created_at, Client.deleted_at)
             .join(Employee, JOIN.LEFT_OUTER, on=(Client.responsible == Employee.id))
             .where(Client.id.in_(ids)).tuples())
    for cid, name, kind, city, status, resp, nxt, last, created, deleted in query:
        rows[cid] = ClientRow(cid, name, kind, city, status, resp or "", nxt, last, created, deleted)
    seen = set()
    for cid, e164, raw, valid in (Phone.select(Phone.client, Phone.e164, Phone.raw, Phone.valid)
                                  .where(Phone.client.in_(ids))
                                  .order_by(Phone.client, Phone.contact.is_null(False), Phone.order, Phone.id)
                                  .tuples()):
        if cid not in seen:
            seen.add(cid)
            row = rows[cid]
            row.phone_e164, row.phone_raw, row.phone_valid = e164, raw, bool(valid)
    for cid, address in (Email.select(Email.client, Email.address).where(Email.client.in_(ids))
                         .order_by(Email.client, Email.contact.is_null(False), Email.order, Email.id)
                         .tuples()):
        if not rows[cid].email:
            rows[cid].email = address
    for cid, tag in (ClientTag.select(ClientTag.client, Tag.name).join(Tag)
                     .where(ClientTag.client.in_(ids)).order_by(Tag.name).tuples()):
        rows[cid].tags.append(tag)
    for cid, color in client_colors(list(rows)).items():
        rows[cid].color = color
    return rows


def client_count(trash: bool = False) -> int:
    # counted in the partial index, never the table (see _pin_index)
    index, cond = ("client_trash", "IS NOT NULL") if trash else ("client_alive_name", "IS NULL")
    sql = f'SELECT COUNT(*) FROM "client"{indexed_by(index)} WHERE "deleted_at" {cond}'
    return database_proxy.execute_sql(sql).fetchone()[0]


@dataclass
class FilterChoices:
    employees: list[tuple[int, str]]
    tags: list[str]
    places: list[str]
    segments: list[str]


def employees() -> list[tuple[int, str]]:
    """Active employees (id, name), for the filter and for "set responsible"."""
    return list(Employee.select(Employee.id, Employee.name).where(Employee.active == True)  # noqa: E712
                .order_by(Employee.name).tuples())


def filter_choices() -> FilterChoices:
    """What the filter bar offers: employees, tags, cities and regions, segments."""
    tags = [t for (t,) in Tag.select(Tag.name).order_by(Tag.name).tuples()]
    places = set()
    for column in (Client.city, Client.region):
        places.update(v for (v,) in Client.select(fn.DISTINCT(column)).where(column != "").tuples())
    segments = [s for (s,) in Client.select(fn.DISTINCT(Client.segment))
                .where(Client.segment != "").order_by(Client.segment).tuples()]
    return FilterChoices(employees(), tags, sorted(places, key=str.casefold), segments)



def sample_client_id() -> int | None:
    """A client worth showing (screenshots, demos): the one with the most activities."""
    row = (Activity.select(Activity.client).join(Client)
           .where(Activity.client.is_null(False), Activity.deleted_at.is_null(), Client.deleted_at.is_null())
           .group_by(Activity.client).order_by(fn.COUNT(Activity.id).desc(), Activity.client).limit(1)
           .tuples().first())
    if row:
        return row[0]
    first = Client.select(Client.id).where(Client.deleted_at.is_null()).order_by(Client.id).limit(1).tuples().first()
    return first[0] if first else None
