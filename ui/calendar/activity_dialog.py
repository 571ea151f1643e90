"""Create or edit a planned activity: kind, subject, client, date and time, duration,
responsible, reminder and how it repeats.  The dialog saves through ``editing`` when
accepted and stays open (with the message) when the core refuses."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget)

from app import activities, recurrence
from app.card_lookups import active_employees
from app.clients import load_client
from app.context import current_employee_id
from app.errors import KartotekaError
from app.reminders import REMINDER_PRESETS
from ui.errors import show_error
from ui.widgets.labels import activity_kind_labels

from . import editing
from .client_picker import ClientPicker
from .recurrence_editor import RecurrenceEditor

PLANNED_KINDS = ("call_out", "call_in", "meeting", "task", "email", "note", "feedback")


class ActivityDialog(QDialog):
    """``ActivityDialog(parent, start=local datetime, client_id=…)`` plans a new activity;
    ``activity_id`` (and ``occurrence``, UTC, for one date of a repeating one) edits.
    After ``exec()`` returns Accepted, ``saved_id`` is the row written."""

    def __init__(self, parent: QWidget | None = None, *, activity_id: int | None = None,
                 occurrence: datetime | None = None, start: datetime | None = None,
                 client_id: int | None = None, client_name: str = "", kind: str = "call_out"):
        super().__init__(parent)
        self.activity_id, self.occurrence = activity_id, occurrence
        self.saved_id: int | None = None
        self._recurring = False
        self.setWindowTitle(self.tr("Edit activity") if activity_id else self.tr("New activity"))
        labels = activity_kind_labels()
        self.kind = QComboBox(self)
        for code in PLANNED_KINDS:
            self.kind.addItem(labels[code], code)
        self.subject = QLineEdit(self)
        self.subject.setPlaceholderText(self.tr("What to do: call about the contract, meet at the office…"))
        self.client = ClientPicker(self)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.duration = QSpinBox(self, minimum=0, maximum=24 * 60, singleStep=15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("not set"))
        self.responsible = QComboBox(self)
        self.responsible.addItem(self.tr("(nobody)"), None)
        for employee_id, name in active_employees():
            self.responsible.addItem(name, employee_id)
        self.reminder = QComboBox(self)
        self.reminder.addItem(self.tr("No reminder"), None)
        texts = {"5min": self.tr("5 minutes before"), "15min": self.tr("15 minutes before"),
                 "1h": self.tr("1 hour before"), "1day": self.tr("1 day before")}
        for key in REMINDER_PRESETS:
            self.reminder.addItem(texts.get(key, key), key)
        self.repeat = RecurrenceEditor(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.duration)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.tr("Client:"), self.client)
        form.addRow(QLabel(self.tr("When:"), self, buddy=self.when), when_row)
        self.duration.setAccessibleName(self.tr("Duration"))
        form.addRow(self.tr("Responsible:"), self.responsible)
        form.addRow(self.tr("Reminder:"), self.reminder)
        form.addRow(self.tr("Repeat:"), self.repeat)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.when.dateTimeChanged.connect(self.on_when_date_time_changed)
        if activity_id is not None:
            self._load(activity_id, occurrence)
        else:
            self._set_kind(kind)
            self.set_start(start or _next_hour())
            self.client.set_client(client_id, client_name)
            self.duration.setValue(30)
            self._set_combo(self.responsible, current_employee_id())
            self._set_combo(self.reminder, "15min")
        self.resize(560, 0)

    # -- filling ----------------------------------------------------------------------
    def _load(self, activity_id: int, occurrence: datetime | None) -> None:
        data = activities.load_activity(activity_id)
        planned = occurrence or data.planned_at or recurrence.to_utc(_next_hour())
        self._set_kind(data.kind)
        self.subject.setText(data.subject)
        self.client.set_client(data.client_id, _client_name(data.client_id))
        self.set_start(recurrence.to_local(planned))
        self.duration.setValue(data.duration_min or 0)
        self._set_combo(self.responsible, data.responsible_id)
        self._select_reminder(data)
        series = recurrence.parse(data.recurrence) if data.recurrence else None
        self._recurring = series is not None
        if series is not None:
            self.repeat.set_rule(series.rule, recurrence.to_local(planned))

    def _select_reminder(self, data) -> None:
        if data.reminder_at is None or data.planned_at is None:
            self._set_combo(self.reminder, None)
            return
        lead = data.planned_at - data.reminder_at
        key = next((k for k, v in REMINDER_PRESETS.items() if v == lead), None)
        if key is None:
            minutes = int(lead.total_seconds() // 60)
            self.reminder.addItem(self.tr("{minutes} min before (as set)").format(minutes=minutes), "keep")
            key = "keep"
        self._set_combo(self.reminder, key)

    def _set_kind(self, kind: str) -> None:
        self._set_combo(self.kind, kind)

    @staticmethod
    def _set_combo(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def set_start(self, start: datetime) -> None:
        self.when.setDateTime(QDateTime(QDate(start.year, start.month, start.day),
                                        QTime(start.hour, start.minute)))
        self.repeat.set_start(start)

    def start(self) -> datetime:
        value = self.when.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def form(self) -> editing.ActivityForm:
        return editing.ActivityForm(
            kind=self.kind.currentData(), subject=self.subject.text().strip(),
            client_id=self.client.client_id(), start=self.start(),
            duration_min=self.duration.value() or None, responsible_id=self.responsible.currentData(),
            reminder=self.reminder.currentData(), rule=self.repeat.rule())

    def on_when_date_time_changed(self, _value) -> None:
        self.repeat.set_start(self.start())

    # -- saving -----------------------------------------------------------------------
    def accept(self) -> None:
        form = self.form()
        scope = editing.THIS
        if self.activity_id is not None and self._recurring:
            scope = editing.ask_scope(self, self.windowTitle())
            if scope is None:
                return
        try:
            if self.activity_id is None:
                self.saved_id = editing.create_activity(form)
            else:
                self.saved_id = editing.update_activity(form, self.activity_id, self.occurrence, scope)
        except KartotekaError as exc:
            show_error(self, exc)
            return
        super().accept()


def _next_hour() -> datetime:
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    return now + timedelta(hours=1)


def _client_name(client_id: int | None) -> str:
    if client_id is None:
        return ""
    try:
        return load_client(client_id).name
    except KartotekaError:
        return ""
