"""The activity log: calls, e-mails, meetings, tasks, notes and feedback.

``quick_log`` is the manager's one step: what was done and said, and when to contact
the client next ("взял контакт — позвонил — результат записал").
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta

from db.models import Activity, Client, database_proxy, utcnow

from . import audit, recurrence
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
              next_subject: str = "", contact_id: int | None = None) -> tuple[int, int | None]:
    """Log what was done and, in the same transaction, plan the next contact.

    Returns (logged activity id, planned activity id or None).
    """
    with database_proxy.atomic():
        done_id = log_activity(ActivityData(kind=kind, subject=subject, result=result,
                                            client_id=client_id, contact_id=contact_id))
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
    now = now or utcnow()
    with database_proxy.atomic():
        data = load_activity(activity_id)
        series = _series_of(data)
        goes_on = None
        if series is not None:
            goes_on = _complete_in_series(data, series, result, occurrence or data.planned_at, now)
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


# -- recurring activities: one row per series ------------------------------------------

def _series_of(data: ActivityData):
    """The series of a planned recurring activity (a bare rule: anchored at planned_at);
    None when it does not repeat or its rule cannot be read (it is then a single one)."""
    try:
        series = recurrence.parse(data.recurrence) if data.status == "planned" else None
    except ValidationError:
        return None
    if series is not None and series.start is None:
        start = recurrence.to_local(data.planned_at)
        series = recurrence.Recurrence(series.rule.anchored(start), start, series.exdates)
    return series


def _check_occurrence(data: ActivityData, series, occ: datetime) -> None:
    if occ == data.planned_at:
        return
    if occ < data.planned_at or series.next_after(occ - timedelta(seconds=1)) != occ:
        raise ValidationError(field="occurrence", detail=f"{occ:%Y-%m-%d %H:%M} is not a date of this series")


def _write_occurrence(data: ActivityData, **changes) -> int:
    """A separate row for one occurrence of the series ``data`` (``series`` = its id)."""
    one = replace(data, id=None, version=0, recurrence="", reminder_at=None)
    for key, value in changes.items():
        setattr(one, key, value)
    one.recurrence = ""
    new_id = log_activity(one)
    Activity.update(series=data.id).where(Activity.id == new_id).execute()
    return new_id


def _save_series(data: ActivityData, series, **extra) -> None:
    data.recurrence = series.to_text()
    _save(data, **extra)
    publish("activity", "update", [data.id])


def _move_series(data: ActivityData, series, planned_at: datetime) -> None:
    """The series row now stands for its occurrence at ``planned_at``."""
    _set_planned(data, planned_at)
    local = recurrence.to_local(planned_at)
    _save_series(data, replace(series, exdates=tuple(d for d in series.exdates if d > local)),
                 reminder_dismissed=False)


def _skip(data: ActivityData, series, occ: datetime) -> datetime | None:
    """Take ``occ`` out of the series; returns the row's planned time (None: nothing left)."""
    if occ != data.planned_at:
        _save_series(data, replace(series, exdates=series.exdates + (recurrence.to_local(occ),)))
        return data.planned_at
    nxt = series.next_after(occ)
    if nxt is not None:
        _move_series(data, series, nxt)
    return nxt


def _complete_in_series(data: ActivityData, series, result: str, occ: datetime,
                        now: datetime) -> datetime | None:
    _check_occurrence(data, series, occ)
    if occ == data.planned_at and series.next_after(max(occ, now)) is None:
        data.status, data.result, data.done_at = "done", result, now
        update_activity(data)
        return None
    _write_occurrence(data, status="done", planned_at=occ, result=result, done_at=now)
    if occ != data.planned_at:
        return _skip(data, series, occ)
    nxt = series.next_after(max(occ, now))
    _move_series(data, series, nxt)
    return nxt


def _apply(data: ActivityData, changes: dict) -> None:
    """Apply field changes; a new planned time carries the reminder along."""
    allowed = {f.name for f in fields(ActivityData)} - {"id", "version"}
    for key in changes:
        if key not in allowed:
            raise ValidationError(field=key, detail="cannot be changed here")
    if "planned_at" in changes:
        lead = _lead(data)
        data.planned_at = changes["planned_at"]
        if "reminder_at" not in changes and lead is not None:
            data.reminder_at = data.planned_at - lead
    for key, value in changes.items():
        if key == "recurrence":
            if isinstance(value, recurrence.Rule):
                value = value.to_rrule()
            elif isinstance(value, recurrence.Recurrence):
                value = value.to_text()
        if key != "planned_at":
            setattr(data, key, value)


def update_occurrence(activity_id: int, changes: dict, scope: str = "this", *,
                      occurrence: datetime | None = None) -> int:
    """Edit one occurrence of a recurring activity, or the series from it on.

    ``changes``: ActivityData field names → new values (``recurrence`` may be a
    ``Rule``, a ``Recurrence`` or text; only used with "future").  ``occurrence`` (UTC)
    is the occurrence edited; default: the row's current one.

    ``scope="this"``: the occurrence becomes a separate planned activity (``series`` =
    this id) with the changes; the series skips that date (EXDATE).
    ``scope="future"``: the series changes from that occurrence on.  Moving its time
    moves the rule along (a Monday series dragged to Tuesday becomes a Tuesday
    series); a later occurrence splits the series: the old row ends the day before,
    a new row (``series`` = this id) carries on with the changes.  COUNT counts on.
    A non-recurring activity simply takes the changes.

    Returns the id of the row that now holds the edited occurrence.
    """
    if scope not in ("this", "future"):
        raise ValidationError(field="scope", detail=f"unknown scope {scope!r}")
    with database_proxy.atomic():
        data = load_activity(activity_id)
        series = _series_of(data)
        if series is None:
            _apply(data, changes)
            update_activity(data)
            return activity_id
        occ = occurrence or data.planned_at
        _check_occurrence(data, series, occ)
        if scope == "this":
            return _detach(data, series, occ, changes)
        return _change_future(data, series, occ, changes)


def _detach(data: ActivityData, series, occ: datetime, changes: dict) -> int:
    changes = {k: v for k, v in changes.items() if k != "recurrence"}
    if occ == data.planned_at and series.next_after(occ) is None:
        data.recurrence = ""  # the last occurrence: the row becomes a single activity
        _apply(data, changes)
        update_activity(data)
        return data.id
    lead = _lead(data)
    one = replace(data, planned_at=occ, reminder_at=occ - lead if lead is not None else None)
    _apply(one, changes)
    new_id = _write_occurrence(data, **{f.name: getattr(one, f.name) for f in fields(one)
                                        if f.name not in ("id", "version")})
    _skip(data, series, occ)
    return new_id


def _change_future(data: ActivityData, series, occ: datetime, changes: dict) -> int:
    old_local = recurrence.to_local(occ)
    new_local = recurrence.to_local(changes.get("planned_at", occ))
    given = changes.get("recurrence")
    if given is not None:
        if isinstance(given, str):
            given = recurrence.parse(given)
        rule = given.rule if isinstance(given, recurrence.Recurrence) else given
        exdates = ()
    else:
        rule = series.rule.moved(old_local, new_local)
        if rule.count is not None:
            rule = replace(rule, count=rule.count - recurrence.count_before(series.rule, series.start, old_local))
        shift = new_local - old_local
        exdates = tuple(d + shift for d in series.exdates if d > old_local)
    new_series = recurrence.Recurrence(rule.anchored(new_local), new_local, exdates)
    first = new_series.first()
    if first is None:
        raise ValidationError(field="recurrence", detail="the rule gives no date")
    rest = {k: v for k, v in changes.items() if k != "recurrence"}
    if occ == data.planned_at:
        _apply(data, rest)
        _set_planned(data, first)
        _save_series(data, new_series, reminder_dismissed=False)
        return data.id
    lead = _lead(data)
    new = replace(data, id=None, version=0, planned_at=occ,
                  reminder_at=occ - lead if lead is not None else None)
    _apply(new, rest)
    _set_planned(new, first)
    new.recurrence = new_series.to_text()
    old_rule = replace(series.rule.anchored(series.start), count=None,
                       until=old_local.date() - timedelta(days=1))
    _save_series(data, recurrence.Recurrence(old_rule, series.start,
                                             tuple(d for d in series.exdates if d < old_local)))
    new_id = log_activity(new)
    Activity.update(series=data.id).where(Activity.id == new_id).execute()
    return new_id


def cancel_occurrence(activity_id: int, occurrence: datetime | None = None) -> None:
    """Cancel a planned activity; for a recurring one only ``occurrence`` (UTC; default:
    the current one) is skipped, and the series is cancelled when nothing is left."""
    with database_proxy.atomic():
        data = load_activity(activity_id)
        series = _series_of(data)
        if series is not None:
            occ = occurrence or data.planned_at
            _check_occurrence(data, series, occ)
            if _skip(data, series, occ) is not None:
                return
        data.status = "cancelled"
        update_activity(data)


def trash_activities(ids) -> list[int]:
    ids = list(ids)
    with database_proxy.atomic():
        Activity.update(deleted_at=utcnow()).where(Activity.id.in_(ids)).execute()
        audit.record_many("activity", ids, "delete")
    publish("activity", "delete", ids)
    return ids


def restore_activities(ids) -> None:
    ids = list(ids)
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


def resolve_feedback(activity_id: int) -> None:
    """Mark a negative feedback as dealt with; the client card stops warning."""
    with database_proxy.atomic():
        Activity.update(resolved=True, updated_at=utcnow(), version=Activity.version + 1).where(
            Activity.id == activity_id).execute()
        audit.record("activity", activity_id, "update", {"resolved": [False, True]})
    publish("activity", "update", [activity_id])


def clients_with_open_complaints(client_ids) -> set[int]:
    """Clients that have a negative feedback not yet resolved."""
    ids = list(client_ids)
    if not ids:
        return set()
    return {c for (c,) in Activity.select(Activity.client).where(
        Activity.client.in_(ids), Activity.kind == "feedback", Activity.sentiment == "negative",
        Activity.resolved == False, Activity.deleted_at.is_null()).tuples()}  # noqa: E712
