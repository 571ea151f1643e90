"""The "Today" panel: what is overdue, what is planned for today, whom we forgot to call.

A missed contact is a client (not in the trash) whose ``next_contact_at`` has passed
and who has had no done call, e-mail or meeting since that day began.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone, tzinfo

from peewee import JOIN, fn

from db.models import Activity, Client, Employee, utcnow
from db.sql import local_day_start

from . import access


@dataclass(frozen=True)
class TodayActivity:
    activity_id: int
    kind: str
    subject: str
    planned_at: datetime          # UTC
    client_id: int | None
    client_name: str
    responsible_id: int | None
    responsible_name: str
    recurring: bool
    reminder_at: datetime | None  # UTC


@dataclass(frozen=True)
class MissedContact:
    client_id: int
    client_name: str
    next_contact_at: datetime     # UTC
    days_overdue: int             # whole local days since the planned contact day
    last_contact_at: datetime | None
    responsible_id: int | None
    responsible_name: str


@dataclass
class TodayData:
    now: datetime
    overdue: list[TodayActivity] = field(default_factory=list)   # oldest first
    today: list[TodayActivity] = field(default_factory=list)     # rest of today, by time
    missed_contacts: list[MissedContact] = field(default_factory=list)  # longest forgotten first
    overdue_total: int = 0
    missed_contacts_total: int = 0


def today(now: datetime | None = None, tz: tzinfo | None = None, *,
          responsible_id: int | None = None, limit: int = 200) -> TodayData:
    """The Today panel at ``now`` (UTC).

    ``overdue``: planned activities whose time has passed; ``today``: those still ahead
    today (local day); ``missed_contacts``: see the module docstring.  Lists hold at most
    ``limit`` entries, the ``*_total`` fields say how many there are.  ``responsible_id``
    shows one employee's work only.
    """
    from . import recurrence  # dateutil: loaded when the panel is first read, not with the window
    now = now or utcnow()
    zone = tz or recurrence.local_tz()
    local_day = recurrence.to_local(now, zone).date()
    day_end = recurrence.to_utc(datetime.combine(local_day + timedelta(days=1), time()), zone)
    planned = _planned(responsible_id)
    overdue = planned.where(Activity.planned_at < now)
    data = TodayData(now=now)
    data.overdue = [_activity(r) for r in overdue.order_by(Activity.planned_at, Activity.id).limit(limit)]
    data.overdue_total = _total(data.overdue, limit, overdue)
    data.today = [_activity(r) for r in planned.where(Activity.planned_at >= now, Activity.planned_at < day_end)
                  .order_by(Activity.planned_at, Activity.id).limit(limit)]
    missed = _missed(now, zone, responsible_id)
    data.missed_contacts = [
        MissedContact(c.id, c.name, c.next_contact_at,
                      (local_day - recurrence.to_local(c.next_contact_at, zone).date()).days,
                      c.last_contact_at, c.responsible, c.responsible_name or "")
        for c in missed.order_by(Client.next_contact_at, Client.id).limit(limit)]
    data.missed_contacts_total = _total(data.missed_contacts, limit, missed)
    return data


def _total(page: list, limit: int, query) -> int:
    """How many rows the query has; counted only when the page is full."""
    return len(page) if len(page) < limit else query.count()


def _planned(responsible_id):
    query = (Activity.select(Activity.id, Activity.kind, Activity.subject, Activity.planned_at,
                             Activity.reminder_at, Activity.recurrence, Activity.client,
                             Activity.responsible, Client.name.alias("client_name"),
                             Employee.name.alias("responsible_name"))
             .join(Client, JOIN.LEFT_OUTER, on=(Activity.client == Client.id))
             .switch(Activity).join(Employee, JOIN.LEFT_OUTER, on=(Activity.responsible == Employee.id))
             .where(Activity.status == "planned", Activity.deleted_at.is_null(),
                    Client.deleted_at.is_null()))
    if responsible_id is not None:
        query = query.where(Activity.responsible == responsible_id)
    for mine in access.scope(Activity):
        query = query.where(mine)
    return query.namedtuples()


def _activity(row) -> TodayActivity:
    return TodayActivity(row.id, row.kind, row.subject, row.planned_at, row.client,
                         row.client_name or "", row.responsible, row.responsible_name or "",
                         bool(row.recurrence), row.reminder_at)


def _missed(now: datetime, zone, responsible_id):
    # "since that day began": the local midnight of next_contact_at, shifted by the
    # zone's current UTC offset (a DST change can make it an hour off, never a day).
    from .activities import CONTACT_KINDS
    offset = int(now.replace(tzinfo=timezone.utc).astimezone(zone).utcoffset().total_seconds())
    day_start = local_day_start(Client.next_contact_at, offset)
    contacted = (Activity.select(Activity.id)
                 .where(Activity.client == Client.id, Activity.status == "done",
                        Activity.kind.in_(CONTACT_KINDS), Activity.deleted_at.is_null(),
                        Activity.done_at >= day_start))
    query = (Client.select(Client.id, Client.name, Client.next_contact_at, Client.last_contact_at,
                           Client.responsible, Employee.name.alias("responsible_name"))
             .join(Employee, JOIN.LEFT_OUTER, on=(Client.responsible == Employee.id))
             # the living clients by next contact: the partial index client_alive_next_contact
             .where(Client.deleted_at.is_null(),
                    Client.next_contact_at < now,
                    ~fn.EXISTS(contacted)))
    if responsible_id is not None:
        query = query.where(Client.responsible == responsible_id)
    for mine in access.scope(Client):
        query = query.where(mine)
    return query.namedtuples()
