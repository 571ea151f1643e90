"""The calendar: planned and done activities, repeating ones expanded, and birthdays.

A repeating activity stays one row; ``items`` expands it into occurrences for the
range asked (each item knows its activity id and occurrence time), so the calendar
never creates rows by being looked at.  ``reschedule`` is the drag-and-drop write and
returns what ``undo_reschedule`` needs.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from peewee import JOIN, SQL, fn

from db.models import Activity, Client, ContactPerson, database_proxy, utcnow
from db.sql import month_day, no_index

from . import access, audit, recurrence
from .activity_series import update_occurrence
from .errors import NotFoundError, ValidationError
from .events import publish

#: Colour of each activity kind on the calendar (and of birthdays).
KIND_COLORS: dict[str, str] = {
    "call_in": "#2e7d32",
    "call_out": "#1565c0",
    "email": "#6a1b9a",
    "meeting": "#ef6c00",
    "task": "#455a64",
    "note": "#9e9e9e",
    "feedback": "#c62828",
    "birthday": "#d81b60",
}
DEFAULT_DURATION = timedelta(minutes=30)  # how long an item without a duration is drawn


@dataclass(frozen=True)
class CalendarItem:
    """One box on the calendar.  Times are naive UTC; ``day`` is the local date."""

    start: datetime
    end: datetime
    day: date
    title: str
    kind: str                           # an Activity kind, or "birthday"
    color: str
    all_day: bool = False
    activity_id: int | None = None
    occurrence: datetime | None = None  # a repeating activity: this occurrence (UTC)
    recurring: bool = False
    done: bool = False
    client_id: int | None = None
    client_name: str = ""
    contact_id: int | None = None       # birthdays of contact persons
    responsible_id: int | None = None
    age: int | None = None              # birthdays: the age reached that day


def items(start_utc: datetime, end_utc: datetime, *, responsible_id: int | None = None,
          kinds=None, tz: tzinfo | None = None, include_done: bool = True,
          birthdays: bool = True) -> list[CalendarItem]:
    """Everything on the calendar in ``[start_utc, end_utc)``, in time order.

    Planned activities (repeating ones expanded), done ones (``done=True``, at their
    done time) unless ``include_done`` is False, and birthdays of clients and contact
    persons as all-day items (Feb 29 birthdays on Feb 28 in other years).  Filters:
    ``responsible_id`` (also limits birthdays to that employee's clients) and
    ``kinds`` (activity kinds).  Trashed activities and clients are left out.
    """
    zone = tz or recurrence.local_tz()
    days = _Days(start_utc, end_utc, zone)
    out: list[CalendarItem] = []
    base = _activities(responsible_id, kinds)
    single = base.where(Activity.status == "planned", Activity.recurrence == "",
                        Activity.planned_at >= start_utc, Activity.planned_at < end_utc)
    out += [_item(row, row.planned_at, days) for row in single]
    series = base.where(Activity.status == "planned", Activity.recurrence != "",
                        Activity.planned_at < end_utc)
    for row in series:
        out += [_item(row, at, days, recurring=True) for at in _pending(row, start_utc, end_utc, zone)]
    if include_done:
        # "+status": search by the done_at index, not through every done activity
        done = base.where(_unindexed(Activity.status) == "done",
                          Activity.done_at >= start_utc,
                          Activity.done_at < end_utc)
        out += [_item(row, row.done_at, days, done=True) for row in done]
    if birthdays and (kinds is None or "birthday" in kinds):
        out += _birthdays(days, responsible_id)
    out.sort(key=lambda i: (i.day, not i.all_day, i.start, i.title))
    return out


def _unindexed(column):
    """``+column``: SQLite will not pick that column's index for this condition."""
    return no_index(column)


def _activities(responsible_id, kinds):
    query = (Activity.select(Activity.id, Activity.kind, Activity.subject, Activity.status,
                             Activity.planned_at, Activity.done_at, Activity.duration_min,
                             Activity.recurrence, Activity.client, Activity.responsible,
                             Client.name.alias("client_name"))
             .join(Client, JOIN.LEFT_OUTER, on=(Activity.client == Client.id))
             .where(_unindexed(Activity.deleted_at).is_null(), Client.deleted_at.is_null()))
    if responsible_id is not None:
        query = query.where(Activity.responsible == responsible_id)
    for mine in access.scope(Activity):
        query = query.where(mine)
    if kinds is not None:
        query = query.where(Activity.kind.in_([k for k in kinds if k != "birthday"]))
    return query.namedtuples()


def _pending(row, start_utc, end_utc, zone) -> list[datetime]:
    """The occurrences of a repeating row in the range: its current one and those after."""
    out = [row.planned_at] if start_utc <= row.planned_at < end_utc else []
    try:
        series = recurrence.parse(row.recurrence)
    except ValidationError:
        return out
    if series.start is None:  # a bare rule written by older code: anchored at planned_at
        local = recurrence.to_local(row.planned_at, zone)
        series = recurrence.Recurrence(series.rule.anchored(local), local, series.exdates)
    later = series.occurrences(max(start_utc, row.planned_at), end_utc, zone)
    return out + [at for at in later if at > row.planned_at]


def _item(row, at: datetime, days: _Days, *, recurring=False, done=False) -> CalendarItem:
    minutes = row.duration_min
    return CalendarItem(
        start=at, end=at + (timedelta(minutes=minutes) if minutes else DEFAULT_DURATION),
        day=days.day_of(at), title=row.subject, kind=row.kind,
        color=KIND_COLORS.get(row.kind, KIND_COLORS["note"]), activity_id=row.id,
        occurrence=at if recurring else None, recurring=recurring, done=done,
        client_id=row.client, client_name=row.client_name or "", responsible_id=row.responsible)


# -- birthdays -----------------------------------------------------------------------

def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class _Days:
    """The local days of a UTC range: their UTC bounds, and which day a time is in."""

    def __init__(self, start_utc: datetime, end_utc: datetime, zone):
        first = recurrence.to_local(start_utc, zone).date()
        last = (recurrence.to_local(end_utc, zone) - timedelta(microseconds=1)).date()
        self.days = [first + timedelta(days=n) for n in range(max((last - first).days + 1, 0))]
        edges = self.days + [last + timedelta(days=1)] if self.days else []
        self.starts = [recurrence.to_utc(datetime.combine(d, time()), zone) for d in edges]
        self.zone = zone

    def day_of(self, at: datetime) -> date:
        i = bisect_right(self.starts, at) - 1
        if 0 <= i < len(self.days):
            return self.days[i]
        return recurrence.to_local(at, self.zone).date()

    def bounds(self, i: int) -> tuple[datetime, datetime]:
        return self.starts[i], self.starts[i + 1]

    def by_month_day(self) -> dict[str, list[int]]:
        """"MM-DD" → indexes of the days that celebrate it (Feb 29 on Feb 28 if not leap)."""
        out: dict[str, list[int]] = {}
        for i, day in enumerate(self.days):
            out.setdefault(f"{day:%m-%d}", []).append(i)
            if day.month == 2 and day.day == 28 and not _leap(day.year):
                out.setdefault("02-29", []).append(i)
        return out


def _birthdays(range_days: _Days, responsible_id) -> list[CalendarItem]:
    days = range_days.by_month_day()
    if not days:
        return []
    month_days = list(days)
    clients = (Client.select(Client.birthday, Client.name, Client.id, Client.name, SQL("NULL"),
                             Client.responsible)
               .where(Client.deleted_at.is_null(), Client.birthday.is_null(False),
                      month_day(Client.birthday).in_(month_days)))
    contacts = (ContactPerson.select(ContactPerson.birthday, ContactPerson.name, Client.id, Client.name,
                                     ContactPerson.id, Client.responsible)
                .join(Client).where(ContactPerson.deleted_at.is_null(), Client.deleted_at.is_null(),
                                    ContactPerson.birthday.is_null(False),
                                    month_day(ContactPerson.birthday).in_(month_days)))
    if responsible_id is not None:
        clients = clients.where(Client.responsible == responsible_id)
        contacts = contacts.where(Client.responsible == responsible_id)
    for mine in access.scope(Client):
        clients, contacts = clients.where(mine), contacts.where(mine)
    people = list(clients.tuples()) + list(contacts.tuples())
    out = []
    for born, name, client_id, client_name, contact_id, responsible in people:
        for i in days.get(f"{born:%m-%d}", ()):
            day = range_days.days[i]
            if day.year < born.year:
                continue
            start, end = range_days.bounds(i)
            out.append(CalendarItem(start=start, end=end, day=day, title=name, kind="birthday",
                                    color=KIND_COLORS["birthday"], all_day=True, client_id=client_id,
                                    client_name=client_name, contact_id=contact_id,
                                    responsible_id=responsible, age=day.year - born.year))
    return out


# -- drag and drop -------------------------------------------------------------------

_RESTORED = ("planned_at", "reminder_at", "reminder_dismissed", "recurrence", "status")


@dataclass(frozen=True)
class RescheduleState:
    """What one ``reschedule`` changed, for ``undo_reschedule``."""

    activity_id: int
    moved_id: int                  # the row that now holds the moved item
    before: dict                   # the activity's fields before the move
    created_ids: tuple[int, ...]   # rows the move created (a detached occurrence)


def reschedule(activity_id: int, new_planned_utc: datetime, occurrence_utc: datetime | None = None,
               *, series: bool = False) -> RescheduleState:
    """Move a planned activity to ``new_planned_utc``; its reminder keeps its lead time.

    A repeating one: only the occurrence ``occurrence_utc`` (default: the current one)
    moves and becomes a separate activity, or with ``series=True`` the series from
    that occurrence on.  Returns what ``undo_reschedule`` needs.
    """
    with database_proxy.atomic():
        act = Activity.get_or_none(Activity.id == activity_id, Activity.deleted_at.is_null())
        if act is None:
            raise NotFoundError(entity="activity", id=activity_id)
        if act.status != "planned":
            raise ValidationError(field="status", detail="only a planned activity can be moved")
        before = {name: getattr(act, name) for name in _RESTORED}
        moved = update_occurrence(activity_id, {"planned_at": new_planned_utc},
                                  "future" if series else "this", occurrence=occurrence_utc)
    return RescheduleState(activity_id, moved, before, (moved,) if moved != activity_id else ())


def undo_reschedule(state: RescheduleState) -> None:
    """Put everything back as it was before ``reschedule``."""
    access.require("edit", ("activity", state.activity_id))
    with database_proxy.atomic():
        if state.created_ids:
            Activity.update(series=None).where(Activity.series.in_(state.created_ids)).execute()
            Activity.delete().where(Activity.id.in_(state.created_ids)).execute()
            audit.record_many("activity", state.created_ids, "delete", {"undo": "reschedule"})
        current = Activity.get_or_none(Activity.id == state.activity_id)
        if current is None:
            raise NotFoundError(entity="activity", id=state.activity_id)
        old = {name: getattr(current, name) for name in _RESTORED}
        Activity.update(**state.before, updated_at=utcnow(), version=Activity.version + 1).where(
            Activity.id == state.activity_id).execute()
        audit.record("activity", state.activity_id, "update", audit.diff(old, state.before))
    if state.created_ids:
        publish("activity", "delete", state.created_ids)
    publish("activity", "update", [state.activity_id])


# -- the Today panel's "reschedule" of a missed contact ------------------------------

def set_next_contact(client_id: int, when_utc: datetime | None) -> datetime | None:
    """Move a client's next contact to ``when_utc`` (None: no next contact).

    Returns the previous value, so that undo is ``set_next_contact(client_id, previous)``.
    """
    access.require("edit", ("client", client_id))
    with database_proxy.atomic():
        client = Client.get_or_none(Client.id == client_id, Client.deleted_at.is_null())
        if client is None:
            raise NotFoundError(entity="client", id=client_id)
        previous = client.next_contact_at
        Client.update(next_contact_at=when_utc, updated_at=utcnow(),
                      version=Client.version + 1).where(Client.id == client_id).execute()
        audit.record("client", client_id, "update", audit.diff({"next_contact_at": previous},
                                                              {"next_contact_at": when_utc}))
    publish("client", "update", [client_id])
    return previous
