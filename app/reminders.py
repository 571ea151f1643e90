"""Reminders of planned activities, without polling.

The UI keeps one ``ReminderScheduler``: on start-up and after every activity change it
shows ``due()`` (including reminders that fell due while the application was closed)
and arms ONE timer for ``next_due_at()``.  The clock is injectable, so tests never sleep.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import Callable

from peewee import JOIN

from db.models import Activity, Client, database_proxy, utcnow
from db.sql import no_index

from . import access, audit
from .activities import complete_activity
from .errors import NotFoundError, ValidationError
from .events import publish

#: How long before the planned time a reminder rings.
REMINDER_PRESETS: dict[str, timedelta] = {
    "5min": timedelta(minutes=5),
    "15min": timedelta(minutes=15),
    "1h": timedelta(hours=1),
    "1day": timedelta(days=1),
}
#: "Remind me again" choices; "tomorrow" is 9:00 local time tomorrow.
SNOOZE_PRESETS = ("10min", "1h", "tomorrow")
TOMORROW_AT = time(9, 0)


def reminder_time(planned_at: datetime | None, preset: str | datetime | None) -> datetime | None:
    """When to remind of an activity planned at ``planned_at`` (UTC).

    ``preset``: a key of ``REMINDER_PRESETS`` ("5min", "15min", "1h", "1day"), a
    datetime (UTC: "at a given time"), or None (no reminder).
    """
    if preset is None or preset == "":
        return None
    if isinstance(preset, datetime):
        return preset
    if preset not in REMINDER_PRESETS:
        raise ValidationError(field="reminder", detail=f"unknown reminder {preset!r}")
    if planned_at is None:
        raise ValidationError(field="planned_at", detail="a reminder needs a planned time")
    return planned_at - REMINDER_PRESETS[preset]


@dataclass(frozen=True)
class DueReminder:
    activity_id: int
    kind: str
    subject: str
    client_id: int | None
    client_name: str
    planned_at: datetime | None  # UTC
    reminder_at: datetime        # UTC
    missed: bool                 # fell due before this run of the application started
    overdue: bool                # the planned time itself has passed


def _pending(by_time: bool = False):
    """Reminders that may still ring: planned, not dismissed, not in the trash.

    Past ones are found through the status index (only planned rows; done ones keep
    their old reminder times), future ones through the reminder_at index ("+status"
    keeps SQLite from choosing the status index there).
    """
    status, deleted = Activity.status, Activity.deleted_at
    mine = access.editable(Activity)  # reminders ring for who may act on them
    if by_time:
        status, deleted = (no_index(f) for f in (status, deleted))
    return (Activity.select(Activity.id, Activity.kind, Activity.subject, Activity.client,
                            Activity.planned_at, Activity.reminder_at, Client.name.alias("client_name"))
            .join(Client, join_type=JOIN.LEFT_OUTER, on=(Activity.client == Client.id))
            .where(status == "planned", Activity.reminder_dismissed == False,  # noqa: E712
                   deleted.is_null(), Activity.reminder_at.is_null(False),
                   Client.deleted_at.is_null(), *([] if mine is True else [mine]))
            .namedtuples())


class ReminderScheduler:
    """Which reminders are due, when the next one is, and what the user did with them."""

    def __init__(self, now: Callable[[], datetime] = utcnow, tz: tzinfo | None = None):
        self.now = now
        self.tz = tz
        self.started_at = now()

    def due(self) -> list[DueReminder]:
        """Reminders due now, oldest first (missed ones included)."""
        now = self.now()
        rows = _pending().where(Activity.reminder_at <= now).order_by(Activity.reminder_at, Activity.id)
        return [DueReminder(r.id, r.kind, r.subject, r.client, r.client_name or "",
                            r.planned_at, r.reminder_at, r.reminder_at < self.started_at,
                            r.planned_at is not None and r.planned_at <= now)
                for r in rows]

    def next_due_at(self) -> datetime | None:
        """When the next reminder after now rings (UTC), or None: arm one timer for it."""
        row = (_pending(by_time=True).where(Activity.reminder_at > self.now())
               .order_by(Activity.reminder_at).limit(1).first())
        return row.reminder_at if row else None

    def snooze(self, activity_id: int, preset: str) -> datetime:
        """Ring again in 10 minutes, in an hour or tomorrow at 9:00 local; returns when.

        Only the reminder moves, never the planned time.
        """
        now = self.now()
        if preset == "10min":
            at = now + timedelta(minutes=10)
        elif preset == "1h":
            at = now + timedelta(hours=1)
        elif preset == "tomorrow":
            from . import recurrence  # dateutil: not needed to start the reminder timer
            day = recurrence.to_local(now, self.tz).date() + timedelta(days=1)
            at = recurrence.to_utc(datetime.combine(day, TOMORROW_AT), self.tz)
        else:
            raise ValidationError(field="snooze", detail=f"unknown choice {preset!r}")
        self._set(activity_id, reminder_at=at, reminder_dismissed=False)
        return at

    def dismiss(self, activity_id: int) -> None:
        """Stop reminding of this activity (it stays planned)."""
        self._set(activity_id, reminder_dismissed=True)

    def done(self, activity_id: int, result: str = "") -> int | None:
        """Complete the activity from the reminder (a recurring one moves on)."""
        return complete_activity(activity_id, result, now=self.now())

    def _set(self, activity_id: int, **values) -> None:
        access.require("edit", ("activity", activity_id))
        with database_proxy.atomic():
            act = Activity.get_or_none(Activity.id == activity_id)
            if act is None:
                raise NotFoundError(entity="activity", id=activity_id)
            old = {k: getattr(act, k) for k in values}
            Activity.update(**values, updated_at=utcnow(), version=Activity.version + 1).where(
                Activity.id == activity_id).execute()
            audit.record("activity", activity_id, "update", audit.diff(old, values))
        publish("activity", "update", [activity_id])
