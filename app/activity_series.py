"""Recurring activities: one row per series, expanded on the fly.

A planned activity with a rule is ONE row: its next occurrence plus the rule.
Completing an occurrence writes it as its own done row; editing asks "this one"
(the occurrence leaves the series as a separate row and the series skips that date)
or "all future" (the rule changes from that occurrence on).
"""
from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime, timedelta

from db.models import Activity, database_proxy

from . import access, recurrence
from .activities import (ActivityData, _lead, _save, _set_planned, load_activity, log_activity,
                         update_activity)
from .errors import ValidationError
from .events import publish


def series_of(data: ActivityData):
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


def complete_in_series(data: ActivityData, series, result: str, occ: datetime,
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
    access.require("edit", ("activity", activity_id))
    with database_proxy.atomic():
        data = load_activity(activity_id)
        series = series_of(data)
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
    access.require("edit", ("activity", activity_id))
    with database_proxy.atomic():
        data = load_activity(activity_id)
        series = series_of(data)
        if series is not None:
            occ = occurrence or data.planned_at
            _check_occurrence(data, series, occ)
            if _skip(data, series, occ) is not None:
                return
        data.status = "cancelled"
        update_activity(data)
