"""Date and date-time editors that may hold "no date", with quick presets."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QMenu,
                               QPushButton, QWidget)

PRESET_HOUR = 10


def preset_datetime(preset: str, now: datetime | None = None) -> datetime:
    """Local date-time for a preset: tomorrow, in 3 days, next week (Monday), 10:00."""
    today = (now or datetime.now()).date()
    if preset == "tomorrow":
        day = today + timedelta(days=1)
    elif preset == "3days":
        day = today + timedelta(days=3)
    else:
        day = today + timedelta(days=7 - today.weekday())
    return datetime.combine(day, time(PRESET_HOUR, 0))


class _Optional(QWidget):
    """A check box that says "there is a date" next to an editor."""

    changed = Signal()
    """Emitted when the value (or its absence) changes."""

    def __init__(self, editor: QDateTimeEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.check.setToolTip(self.tr("Set a date"))
        self.editor = editor
        editor.setParent(self)
        editor.setCalendarPopup(True)
        editor.setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0)))
        editor.setSpecialValueText(self.tr("not set"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(editor, 1)
        self.setFocusProxy(self.check)  # a label's buddy or a click on the row lands on the box
        self.check.toggled.connect(self.on_check_toggled)
        editor.dateTimeChanged.connect(self.on_editor_changed)
        self.on_check_toggled(False)

    def set_name(self, name: str) -> None:
        """What a screen reader calls the date and its "there is a date" box."""
        self.editor.setAccessibleName(name)
        self.check.setAccessibleName(self.tr("{field}: set").format(field=name))

    def is_set(self) -> bool:
        return self.check.isChecked()

    def clear(self) -> None:
        self.check.setChecked(False)

    def default_value(self):
        """What the editor shows when the box is ticked with no date yet (a QDateTime)."""
        raise NotImplementedError

    def on_check_toggled(self, checked: bool) -> None:
        self.editor.blockSignals(True)
        if not checked:
            self.editor.setDateTime(self.editor.minimumDateTime())  # shows "not set"
        elif self.editor.dateTime() == self.editor.minimumDateTime():
            self.editor.setDateTime(self.default_value())
        self.editor.blockSignals(False)
        self.editor.setEnabled(checked)
        self.changed.emit()

    def on_editor_changed(self, _value) -> None:
        if self.check.isChecked():
            self.changed.emit()


class DateTimePicker(_Optional):
    """A local date-time or none, with presets: tomorrow, in 3 days, next week."""

    def __init__(self, parent: QWidget | None = None):
        editor = QDateTimeEdit()
        editor.setDisplayFormat("dd.MM.yyyy HH:mm")
        super().__init__(editor, parent)
        self.set_name(self.tr("Date and time"))
        self.presets = QPushButton(self.tr("Quick"), self)
        self.presets.setAutoDefault(False)
        self.presets.setToolTip(self.tr("Tomorrow, in 3 days, next week"))
        menu = QMenu(self.presets)
        for key, text in (("tomorrow", self.tr("Tomorrow")), ("3days", self.tr("In 3 days")),
                          ("week", self.tr("Next week"))):
            menu.addAction(text).triggered.connect(lambda _=False, k=key: self.apply_preset(k))
        menu.addSeparator()
        menu.addAction(self.tr("No date")).triggered.connect(self.clear)
        self.presets.setMenu(menu)
        self.layout().addWidget(self.presets)

    def default_value(self) -> QDateTime:
        return QDateTime(QDate.currentDate().addDays(1), QTime(PRESET_HOUR, 0))

    def apply_preset(self, preset: str) -> None:
        self.set_value(preset_datetime(preset))

    def value(self) -> datetime | None:
        """The chosen local date-time (naive), or None."""
        if not self.is_set():
            return None
        qdt = self.editor.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def set_value(self, value: datetime | None) -> None:
        if value is not None:
            self.editor.setDateTime(QDateTime(QDate(value.year, value.month, value.day),
                                              QTime(value.hour, value.minute)))
        self.check.setChecked(value is not None)


class OptionalDateEdit(_Optional):
    """A date or none (birthdays)."""

    def __init__(self, parent: QWidget | None = None):
        editor = QDateEdit()
        editor.setDisplayFormat("dd.MM.yyyy")
        super().__init__(editor, parent)
        self.set_name(self.tr("Date"))

    def default_value(self) -> QDateTime:
        return QDateTime(QDate(1980, 1, 1), QTime(0, 0))

    def value(self) -> date | None:
        if not self.is_set():
            return None
        d = self.editor.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.editor.setDate(QDate(value.year, value.month, value.day))
        self.check.setChecked(value is not None)
