"""Writing what the calendar's dialogs and drags ask for, through app services: the
"only this one or all future" question for repeating activities, undoable moves and
creation, completion.  No widgets are built here beyond the questions asked."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app import activities, activity_series, recurrence
from app.activities import ActivityData
from app.calendar import CalendarItem, reschedule, set_next_contact, undo_reschedule
from app.errors import KartotekaError
from app.recurrence import Rule
from app.reminders import reminder_time
from app.today import MissedContact
from ui.errors import show_error
from ui.undo import run_undoable

THIS, FUTURE = "this", "future"


@dataclass
class ActivityForm:
    """What the activity dialog holds (times are local wall-clock)."""

    kind: str
    subject: str
    client_id: int | None
    start: datetime
    duration_min: int | None
    responsible_id: int | None
    reminder: str | None          # a REMINDER_PRESETS key, "keep" (the old lead time) or None
    rule: Rule | None


def ask_scope(parent: QWidget | None, title: str) -> str | None:
    """"Only this one" / "This and all future" / cancel (None) for a repeating activity."""
    box = QMessageBox(QMessageBox.Icon.Question, title,
                      QCoreApplication.translate("Calendar", "This activity repeats. Change only this occurrence, "
                                                 "or this and all the following ones?"), parent=parent)
    this = box.addButton(QCoreApplication.translate("Calendar", "Only this one"),
                         QMessageBox.ButtonRole.AcceptRole)
    future = box.addButton(QCoreApplication.translate("Calendar", "This and all future"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(this)
    box.exec()
    clicked = box.clickedButton()
    return THIS if clicked is this else FUTURE if clicked is future else None


def move_item(parent: QWidget | None, item: CalendarItem, new_local: datetime) -> bool:
    """Drag and drop: move ``item`` to ``new_local``, undoable; True when it moved."""
    scope = THIS
    if item.recurring:
        scope = ask_scope(parent, QCoreApplication.translate("Calendar", "Move activity"))
        if scope is None:
            return False
    new_utc = recurrence.to_utc(new_local)
    occurrence = item.occurrence if item.recurring else None
    try:
        run_undoable(QCoreApplication.translate("Calendar", "Move «{title}»").format(
                         title=item.title or item.client_name),
                     lambda: reschedule(item.activity_id, new_utc, occurrence, series=scope == FUTURE),
                     undo_reschedule)
    except KartotekaError as exc:
        show_error(parent, exc)
        return False
    return True


def _planned(form: ActivityForm) -> tuple[datetime, datetime | None]:
    planned = recurrence.to_utc(form.start)
    return planned, None if form.reminder in (None, "keep") else reminder_time(planned, form.reminder)


def create_activity(form: ActivityForm) -> int:
    """A new planned activity (undo puts it in the trash); returns its id."""
    planned, remind = _planned(form)
    data = ActivityData(kind=form.kind, subject=form.subject, client_id=form.client_id,
                        status="planned", planned_at=planned, duration_min=form.duration_min,
                        reminder_at=remind, responsible_id=form.responsible_id,
                        recurrence=form.rule.to_rrule() if form.rule else "")
    state = run_undoable(QCoreApplication.translate("Calendar", "New activity"),
                         lambda: [activities.log_activity(ActivityData(**vars(data)))],
                         activities.trash_activities)
    return state[0]


def update_activity(form: ActivityForm, activity_id: int, occurrence: datetime | None,
                    scope: str = THIS) -> int:
    """Save the dialog over an existing activity; ``scope`` for a repeating one.
    Returns the id of the row that holds the edited occurrence."""
    current = activities.load_activity(activity_id)
    planned, remind = _planned(form)
    if form.reminder == "keep":
        remind = current.reminder_at
        if remind is not None and current.planned_at is not None:
            remind = planned - (current.planned_at - current.reminder_at)
    changes = {"kind": form.kind, "subject": form.subject, "client_id": form.client_id,
               "duration_min": form.duration_min, "responsible_id": form.responsible_id,
               "planned_at": planned, "reminder_at": remind}
    if not current.recurrence:
        for key, value in changes.items():
            setattr(current, key, value)
        current.recurrence = form.rule.to_rrule() if form.rule else ""
        activities.update_activity(current)
        return activity_id
    if scope == THIS:
        return activity_series.update_occurrence(activity_id, changes, THIS, occurrence=occurrence)
    if form.rule is None:  # stop repeating: a one-time series from here, then a single activity
        changes["recurrence"] = Rule(freq=recurrence.DAILY, count=1)
        moved = activity_series.update_occurrence(activity_id, changes, FUTURE, occurrence=occurrence)
        return activity_series.update_occurrence(moved, {}, THIS)
    old = recurrence.parse(current.recurrence)
    if old is None or form.rule.anchored(form.start) != old.rule.anchored(old.start or form.start):
        changes["recurrence"] = form.rule
    return activity_series.update_occurrence(activity_id, changes, FUTURE, occurrence=occurrence)


def complete_item(parent: QWidget | None, item: CalendarItem, result: str,
                  next_at_local: datetime | None = None, next_kind: str | None = None) -> bool:
    try:
        activities.complete_activity(
            item.activity_id, result, occurrence=item.occurrence,
            next_at=recurrence.to_utc(next_at_local) if next_at_local else None, next_kind=next_kind)
    except KartotekaError as exc:
        show_error(parent, exc)
        return False
    return True


# -- the Today panel ---------------------------------------------------------------------

def log_from_today(parent: QWidget | None, row, result: str, next_at: datetime | None,
                   next_kind: str | None) -> bool:
    """"Log call" on a Today row: complete the activity, or log a call to a missed
    contact (``quick_log``); ``next_at`` (UTC) plans the next contact."""
    try:
        if isinstance(row, MissedContact):
            activities.quick_log(row.client_id, "call_out", result, next_at=next_at,
                                 next_kind=next_kind or "call_out")
        else:
            activities.complete_activity(row.activity_id, result, next_at=next_at, next_kind=next_kind)
    except KartotekaError as exc:
        show_error(parent, exc)
        return False
    return True


def reschedule_from_today(parent: QWidget | None, row, new_local: datetime) -> bool:
    """Move an overdue or today's activity, or a missed contact, to ``new_local``; undoable."""
    new_utc = recurrence.to_utc(new_local)
    try:
        if isinstance(row, MissedContact):
            run_undoable(QCoreApplication.translate("Calendar", "Reschedule the contact with {name}").format(
                             name=row.client_name),
                         lambda: set_next_contact(row.client_id, new_utc),
                         lambda previous: set_next_contact(row.client_id, previous))
        else:
            run_undoable(QCoreApplication.translate("Calendar", "Move «{title}»").format(
                             title=row.subject or row.client_name),
                         lambda: reschedule(row.activity_id, new_utc), undo_reschedule)
    except KartotekaError as exc:
        show_error(parent, exc)
        return False
    return True
