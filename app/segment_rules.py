"""What a segment definition means in SQL: the client list's filters plus behaviour
conditions, as peewee conditions on ``Client``.

A definition is a plain dict (stored as JSON); ``app.segments.clean_definition`` checks
it.  Keys:

* the client list's filters — ``status``, ``responsible_id`` (``NOBODY`` = nobody),
  ``tag``, ``place`` (city or region), ``segment`` (the card's "segment" text),
  ``overdue``, ``text`` (the list's search) — plus ``source`` (the card's source, any
  case) and ``custom`` ({field id: value}, any case, outer spaces ignored);
* behaviour — ``bought_months`` (a won deal closed in the last N months),
  ``no_contact_days`` (no contact for N days: the last contact, or for a client never
  contacted its creation, is older than that), ``lost_to_competitor`` (a lost deal
  naming a competitor), ``birthday_this_month`` (the client's birthday, local month),
  ``abc_a`` (A-class in the ABC report over the last ``abc_months`` months; 0 = all
  time), ``campaign_id`` (the client's source campaign).

Everything is evaluated when used: a segment is a live list.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from db.models import Client, CustomFieldValue, Deal, Stage, utcnow

from .client_list import ClientFilter, _conditions

LIST_KEYS = ("status", "responsible_id", "tag", "place", "segment", "overdue", "text")
"""The keys that are the client list's own filters (``ClientFilter`` fields)."""
OTHER_KEYS = ("source", "custom")
BEHAVIOUR_KEYS = ("bought_months", "no_contact_days", "lost_to_competitor", "birthday_this_month",
                  "abc_a", "abc_months", "campaign_id")
KEYS = LIST_KEYS + OTHER_KEYS + BEHAVIOUR_KEYS


def months_before(day: date | datetime, months: int):
    """The same moment ``months`` calendar months earlier (the 31st → the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last_day = (nxt - timedelta(days=1)).day
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def _folded_values(column, wanted: str, *where) -> list[str]:
    """The stored values of ``column`` equal to ``wanted`` ignoring case and outer spaces
    (SQLite's LOWER() folds ASCII only, so this is matched in Python)."""
    target = wanted.strip().casefold()
    query = column.model.select(column).distinct()
    if where:
        query = query.where(*where)
    return [v for (v,) in query.tuples() if v is not None and v.strip().casefold() == target]


def _deals_of_kind(kind: str):
    return (Deal.select(Deal.client).join(Stage, on=(Deal.stage == Stage.id))
            .where(Stage.kind == kind, Deal.deleted_at.is_null()))


def a_class_ids(months: int, now: datetime) -> list[int]:
    """The clients in class A of the ABC report over the last ``months`` months (0: all time)."""
    from .reports.abc import _revenues, classify   # the report's own computation
    from .reports.base import Filters
    from .recurrence import to_local
    today = to_local(now).date()
    flt = Filters(date_from=months_before(today, months) + timedelta(days=1) if months else None,
                  date_to=today)
    rows = _revenues(flt)
    return [row[0] for row, cls in zip(rows, classify([r[3] for r in rows])) if cls == "A"]


def list_filter(definition: dict) -> ClientFilter:
    """The part of a definition the client list understands by itself."""
    return ClientFilter(**{k: definition[k] for k in LIST_KEYS if k in definition})


def conditions(definition: dict, now: datetime | None = None) -> list:
    """Conditions on ``Client`` selecting the live clients of a (clean) definition."""
    now = now or utcnow()
    d = definition
    conds = _conditions(list_filter(d), now)
    if d.get("source"):
        conds.append(Client.source.in_(_folded_values(Client.source, d["source"])))
    for field_id, value in (d.get("custom") or {}).items():
        spellings = _folded_values(CustomFieldValue.value, str(value), CustomFieldValue.field == int(field_id))
        conds.append(Client.id.in_(CustomFieldValue.select(CustomFieldValue.client).where(
            CustomFieldValue.field == int(field_id), CustomFieldValue.value.in_(spellings),
            CustomFieldValue.client.is_null(False))))
    if d.get("bought_months"):
        since = months_before(now, int(d["bought_months"]))
        conds.append(Client.id.in_(_deals_of_kind("won").where(Deal.closed_at >= since)))
    if d.get("no_contact_days"):
        cutoff = now - timedelta(days=int(d["no_contact_days"]))
        conds.append((Client.last_contact_at < cutoff)
                     | (Client.last_contact_at.is_null() & (Client.created_at < cutoff)))
    if d.get("lost_to_competitor"):
        conds.append(Client.id.in_(_deals_of_kind("lost").where(Deal.competitor != "")))
    if d.get("birthday_this_month"):
        from .recurrence import to_local  # dateutil: only for this rule
        conds.append(Client.birthday.is_null(False) & (Client.birthday.month == to_local(now).month))
    if d.get("abc_a"):
        conds.append(Client.id.in_(a_class_ids(int(d.get("abc_months") or 0), now)))
    if d.get("campaign_id"):
        conds.append(Client.campaign == int(d["campaign_id"]))
    return conds


def members_query(definition: dict, now: datetime | None = None):
    """A query of the member client ids (``SELECT id FROM client WHERE …``)."""
    return Client.select(Client.id).where(*conditions(definition, now))
