"""The activity log: calls, e-mails, meetings, tasks, notes and feedback.

``quick_log`` is the manager's one step: what was done and said, and when to contact
the client next ("взял контакт — позвонил — результат записал").
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta

from db.models import Activity, Client, database_proxy, utcnow

from . import access, audit
from .context import current_employee_id
from .errors import ConflictError, NotFoundError, ValidationError
from .events import publish

CONTACT_KINDS = ("call_in", "call_out", "email", "meeting")


@dataclass
class ActivityData:
    kind: str = "note"
    subject: str = ""
    result: str = ""
    client_id: int | None = None
    contact_id: int | None = None
    deal_id: int | None = None
    status: str = "done"
    planned_at: datetime | None = None
    done_at: datetime | None = None
    duration_min: int | None = None
    reminder_at: datetime | None = None
    recurrence: str = ""
    sentiment: str = ""
    responsible_id: int | None = None
    id: int | None = None
    version: int = 0


def _validate(data: ActivityData) -> None:
    if data.kind not in Activity.KINDS:
        raise ValidationError(field="kind", detail=f"unknown kind {data.kind!r}")
    if data.status not in Activity.STATUSES:
        raise ValidationError(field="status", detail=f"unknown status {data.status!r}")
    if data.status == "planned" and data.planned_at is None:
        raise ValidationError(field="planned_at", detail="a planned activity needs a date")
    if data.sentiment not in ("", "positive", "negative"):
        raise ValidationError(field="sentiment", detail=f"unknown value {data.sentiment!r}")


def _values(data: ActivityData) -> dict:
    out = {f.name: getattr(data, f.name) for f in fields(data) if f.name not in ("id", "version")}
    for key in ("client", "contact", "deal", "responsible"):
        out[key] = out.pop(key + "_id")
    return out


def _touch_client(client_id: int | None, done_at: datetime | None, kind: str) -> None:
    if client_id and done_at and kind in CONTACT_KINDS:
        Client.update(last_contact_at=done_at).where(
            Client.id == client_id,
            (Client.last_contact_at.is_null()) | (Client.last_contact_at < done_at)).execute()


def _lead(data: ActivityData) -> timedelta | None:
    """How long before the planned time the reminder rings (None: no reminder)."""
    if data.reminder_at is None or data.planned_at is None:
        return None
    return data.planned_at - data.reminder_at


def _set_planned(data: ActivityData, planned_at: datetime, lead: timedelta | None = None) -> None:
    """Move the planned time; the reminder keeps its lead time."""
    lead = _lead(data) if lead is None else lead
    data.planned_at = planned_at
    if lead is not None:
        data.reminder_at = planned_at - lead


def _prepare_recurrence(data: ActivityData, previous: ActivityData | None = None) -> None:
    """Check the recurrence text and anchor a bare rule at the planned time.

    A bare rule (``FREQ=WEEKLY;BYDAY=MO``) gets ``DTSTART`` = the planned time in local
    time, and the planned time moves to the rule's first occurrence at or after it.
    When only the planned time of a recurring activity changes, that occurrence was
    moved: the series skips its old date so that it does not come back.
    """
    if not data.recurrence.strip():
        data.recurrence = ""
        return
    from . import recurrence  # dateutil, loaded with the first repeating activity
    series = recurrence.parse(data.recurrence)
    if data.status != "planned":
        return
    if series.start is None:
        start = recurrence.to_local(data.planned_at)
        series = recurrence.Recurrence(series.rule.anchored(start), start, series.exdates)
        first = series.first()
        if first is None:
            raise ValidationError(field="recurrence", detail="the rule gives no date")
        _set_planned(data, first)
        data.recurrence = replace(series, start=recurrence.to_local(first)).to_text()
    elif (previous is not None and previous.status == "planned" and previous.planned_at is not None
          and previous.recurrence == data.recurrence and previous.planned_at != data.planned_at
          and series.next_after(previous.planned_at - timedelta(seconds=1)) == previous.planned_at):
        old = recurrence.to_local(previous.planned_at)
        data.recurrence = replace(series, exdates=series.exdates + (old,)).to_text()


def log_activity(data: ActivityData) -> int:
    """Write a new activity (done or planned); returns its id."""
    access.require_attach(data.client_id, data.deal_id)
    _validate(data)
    _prepare_recurrence(data)
    if data.status == "done" and data.done_at is None:
        data.done_at = utcnow()
    if data.responsible_id is None:
        data.responsible_id = current_employee_id()
    with database_proxy.atomic():
        act = Activity.create(**_values(data), created_by=current_employee_id())
        _touch_client(data.client_id, data.done_at, data.kind)
        audit.record("activity", act.id, "create", {"kind": [None, data.kind]})
    publish("activity", "create", [act.id])
    if data.client_id:
        publish("client", "update", [data.client_id])
    return act.id


def quick_log(client_id: int, kind: str, result: str, *, subject: str = "",
              next_at: datetime | None = None, next_kind: str = "call_out",
              next_subject: str = "", contact_id: int | None = None,
              sentiment: str = "") -> tuple[int, int | None]:
    """Log what was done and, in the same transaction, plan the next contact.

    ``sentiment`` ("positive" / "negative") applies to feedback only; a negative one
    marks the client until it is resolved (``resolve_feedback``).
    Returns (logged activity id, planned activity id or None).
    """
    access.require("edit", ("client", client_id))
    with database_proxy.atomic():
        done_id = log_activity(ActivityData(kind=kind, subject=subject, result=result,
                                            client_id=client_id, contact_id=contact_id,
                                            sentiment=sentiment if kind == "feedback" else ""))
        planned_id = None
        if next_at is not None:
            planned_id = log_activity(ActivityData(kind=next_kind, subject=next_subject or result[:80],
                                                   client_id=client_id, contact_id=contact_id,
                                                   status="planned", planned_at=next_at))
        Client.update(next_contact_at=next_at, updated_at=utcnow()).where(Client.id == client_id).execute()
    return done_id, planned_id


def load_activity(activity_id: int) -> ActivityData:
    act = Activity.get_or_none(Activity.id == activity_id)
    if act is None:
        raise NotFoundError(entity="activity", id=activity_id)
    data = ActivityData(id=act.id, version=act.version)
    for f in fields(ActivityData):
        if f.name not in ("id", "version"):
            setattr(data, f.name, getattr(act, f.name))
    return data


def _save(data: ActivityData, **extra) -> None:
    """Write ``data`` over its row (optimistic lock on ``data.version``), with audit."""
    current = load_activity(data.id)
    values = _values(data)
    values.update(updated_at=utcnow(), version=Activity.version + 1, **extra)
    if data.reminder_at != current.reminder_at:
        values["reminder_dismissed"] = False  # a new reminder time rings again
    if not Activity.update(**values).where(Activity.id == data.id,
                                           Activity.version == data.version).execute():
        raise ConflictError(entity="activity", id=data.id, expected=data.version, actual=current.version)
    data.version += 1
    _touch_client(data.client_id, data.done_at, data.kind)
    audit.record("activity", data.id, "update", audit.diff(_values(current), _values(data)))


def update_activity(data: ActivityData) -> None:
    access.require("edit", ("activity", data.id))
    _validate(data)
    with database_proxy.atomic():
        _prepare_recurrence(data, load_activity(data.id))
        _save(data)
    publish("activity", "update", [data.id])


def complete_activity(activity_id: int, result: str, *, next_at: datetime | None = None,
                      next_kind: str | None = None, occurrence: datetime | None = None,
                      now: datetime | None = None) -> int | None:
    """Mark a planned activity done with its result; optionally plan the next step.

    A recurring activity: the done occurrence becomes its own row (status done,
    ``series`` = this id) and this row moves to the next occurrence after the later of
    its planned time and ``now`` (occurrences missed while late are not replayed); the
    reminder keeps its lead time.  When the rule has ended (UNTIL/COUNT) this row
    itself becomes the done last occurrence.  ``occurrence`` (UTC) completes a later
    occurrence of the series instead of the current one (from the calendar).

    Returns the id of the planned next step: the activity planned for ``next_at``, else
    this activity when its series goes on, else None.
    """
    from .activity_series import complete_in_series, series_of
    access.require("edit", ("activity", activity_id))
    now = now or utcnow()
    with database_proxy.atomic():
        data = load_activity(activity_id)
        series = series_of(data)
        goes_on = None
        if series is not None:
            goes_on = complete_in_series(data, series, result, occurrence or data.planned_at, now)
        else:
            data.status, data.result, data.done_at = "done", result, now
            update_activity(data)
        next_id = None
        if next_at is not None:
            next_id = log_activity(ActivityData(kind=next_kind or data.kind, subject=data.subject,
                                                client_id=data.client_id, contact_id=data.contact_id,
                                                deal_id=data.deal_id, status="planned", planned_at=next_at))
        if data.client_id:
            Client.update(next_contact_at=next_at or goes_on).where(Client.id == data.client_id).execute()
    if next_id is not None:
        return next_id
    return activity_id if goes_on is not None else None


def trash_activities(ids) -> list[int]:
    ids = list(ids)
    access.require_all("delete", Activity, ids)
    with database_proxy.atomic():
        Activity.update(deleted_at=utcnow()).where(Activity.id.in_(ids)).execute()
        audit.record_many("activity", ids, "delete")
    publish("activity", "delete", ids)
    return ids


def restore_activities(ids) -> None:
    ids = list(ids)
    access.require_all("delete", Activity, ids)
    with database_proxy.atomic():
        Activity.update(deleted_at=None).where(Activity.id.in_(ids)).execute()
    publish("activity", "restore", ids)


def timeline(client_id: int, limit: int = 500) -> list[Activity]:
    """A client's activities, planned ones first (soonest), then done ones newest first."""
    base = Activity.select().where(Activity.client == client_id, Activity.deleted_at.is_null())
    planned = list(base.where(Activity.status == "planned").order_by(Activity.planned_at))
    done = list(base.where(Activity.status != "planned")
                .order_by(Activity.done_at.desc(nulls="LAST"), Activity.id.desc()).limit(limit))
    return planned + done


def _feedback(activity_id: int) -> Activity:
    act = Activity.get_or_none(Activity.id == activity_id)
    if act is None:
        raise NotFoundError(entity="activity", id=activity_id)
    if act.kind != "feedback":
        raise ValidationError(field="kind", detail="only feedback has a sentiment", rule="not_feedback")
    return act


def _set_feedback(act: Activity, **values) -> None:
    access.require("edit", act)
    old = {k: getattr(act, k) for k in values}
    with database_proxy.atomic():
        Activity.update(updated_at=utcnow(), version=Activity.version + 1, **values).where(
            Activity.id == act.id).execute()
        audit.record("activity", act.id, "update", {k: [old[k], v] for k, v in values.items()})
    publish("activity", "update", [act.id])
    if act.client_id:
        publish("client", "update", [act.client_id])  # its complaint marker changed


def resolve_feedback(activity_id: int) -> None:
    """Mark a negative feedback as dealt with; the client card stops warning."""
    _set_feedback(_feedback(activity_id), resolved=True)


def reopen_feedback(activity_id: int) -> None:
    """Take back ``resolve_feedback``: the complaint is open again."""
    _set_feedback(_feedback(activity_id), resolved=False)


def set_feedback_sentiment(activity_id: int, sentiment: str) -> str:
    """Say how a logged feedback went ("positive", "negative" or "" unknown); returns
    the previous value (a feedback task completed without saying, or undo)."""
    if sentiment not in ("", "positive", "negative"):
        raise ValidationError(field="sentiment", detail=f"unknown value {sentiment!r}")
    act = _feedback(activity_id)
    old = act.sentiment
    if sentiment != old:
        _set_feedback(act, sentiment=sentiment)
    return old


def open_complaints(client_id: int) -> list[Activity]:
    """A client's negative feedback not yet resolved, newest first."""
    return list(Activity.select().where(
        Activity.client == client_id, Activity.kind == "feedback", Activity.sentiment == "negative",
        Activity.resolved == False, Activity.deleted_at.is_null())  # noqa: E712
        .order_by(Activity.done_at.desc(nulls="LAST"), Activity.id.desc()))


def clients_with_open_complaints(client_ids) -> set[int]:
    """Clients that have a negative feedback not yet resolved."""
    ids = list(client_ids)
    if not ids:
        return set()
    return {c for (c,) in Activity.select(Activity.client).where(
        Activity.client.in_(ids), Activity.kind == "feedback", Activity.sentiment == "negative",
        Activity.resolved == False, Activity.deleted_at.is_null()).tuples()}  # noqa: E712
