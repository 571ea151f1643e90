"""The recurrence editor: none / daily / weekly on chosen weekdays / monthly on day N,
the last day or "the n-th weekday" / yearly; every N; ends never, on a date or after N
times.  It reads and gives an ``app.recurrence.Rule`` and says the rule in words."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel,
                               QRadioButton, QSpinBox, QToolButton, QVBoxLayout, QWidget)

from app import recurrence
from app.recurrence import DAILY, LAST, LAST_DAY, MONTHLY, WEEKLY, YEARLY, Rule

from ..i18n import plural_s


def _a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # Feb 29
        return date(day.year + 1, 2, 28)


class RecurrenceEditor(QWidget):
    """``rule()`` is None when the activity does not repeat."""

    changed = Signal()
    """Emitted whenever the rule shown changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = datetime.now().replace(second=0, microsecond=0)
        self.freq = QComboBox(self)
        for code, text in (("", self.tr("Does not repeat")), (DAILY, self.tr("Daily")),
                           (WEEKLY, self.tr("Weekly")), (MONTHLY, self.tr("Monthly")),
                           (YEARLY, self.tr("Yearly"))):
            self.freq.addItem(text, code)
        self.interval = QSpinBox(self, minimum=1, maximum=99)
        self.unit = QLabel(self)
        self.details = QWidget(self)
        # weekly
        self.weekday_group = QButtonGroup(self)
        self.weekday_group.setExclusive(False)
        self.weekday_buttons: list[QToolButton] = []
        weekdays = QHBoxLayout()
        weekdays.setSpacing(2)
        for day in range(7):
            button = QToolButton(self)
            button.setText(QLocale().dayName(day + 1, QLocale.FormatType.ShortFormat))
            button.setCheckable(True)
            button.setMinimumWidth(34)
            self.weekday_group.addButton(button, day)
            self.weekday_buttons.append(button)
            weekdays.addWidget(button)
        weekdays.addStretch(1)
        self.weekly_row = QWidget(self)
        self.weekly_row.setLayout(weekdays)
        weekdays.setContentsMargins(0, 0, 0, 0)
        # monthly
        self.by_day = QRadioButton(self.tr("On day"), self)
        self.month_day = QSpinBox(self, minimum=1, maximum=31)
        self.last_day = QRadioButton(self.tr("On the last day"), self)
        self.by_weekday = QRadioButton(self.tr("On the"), self)
        self.nth = QComboBox(self)
        for n, text in ((1, self.tr("first")), (2, self.tr("second")), (3, self.tr("third")),
                        (4, self.tr("fourth")), (LAST, self.tr("last"))):
            self.nth.addItem(text, n)
        self.nth_weekday = QComboBox(self)
        for day in range(7):
            self.nth_weekday.addItem(QLocale().dayName(day + 1), day)
        monthly = QGridLayout()
        monthly.setContentsMargins(0, 0, 0, 0)
        monthly.addWidget(self.by_day, 0, 0)
        monthly.addWidget(self.month_day, 0, 1)
        monthly.addWidget(self.last_day, 1, 0, 1, 3)
        monthly.addWidget(self.by_weekday, 2, 0)
        monthly.addWidget(self.nth, 2, 1)
        monthly.addWidget(self.nth_weekday, 2, 2)
        monthly.setColumnStretch(3, 1)
        self.monthly_box = QWidget(self)
        self.monthly_box.setLayout(monthly)
        self.month_group = QButtonGroup(self)
        for button in (self.by_day, self.last_day, self.by_weekday):
            self.month_group.addButton(button)
        # end
        self.end_never = QRadioButton(self.tr("Never"), self)
        self.end_on = QRadioButton(self.tr("On"), self)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd.MM.yyyy")
        self.end_after = QRadioButton(self.tr("After"), self)
        self.count = QSpinBox(self, minimum=1, maximum=999, value=10)
        self.count_unit = QLabel(self)
        self.end_group = QButtonGroup(self)
        for button in (self.end_never, self.end_on, self.end_after):
            self.end_group.addButton(button)
        self.end_never.setChecked(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("PageHint")
        self.summary.setWordWrap(True)
        self._build_layout()
        for signal in (self.freq.currentIndexChanged, self.interval.valueChanged,
                       self.weekday_group.idToggled, self.month_day.valueChanged,
                       self.month_group.buttonToggled, self.nth.currentIndexChanged,
                       self.nth_weekday.currentIndexChanged, self.end_group.buttonToggled,
                       self.until.dateChanged, self.count.valueChanged):
            signal.connect(self.on_any_changed)
        self.set_rule(None, self.start)

    def _build_layout(self) -> None:
        every = QHBoxLayout()
        every.addWidget(self.freq)
        self.every_label = QLabel(self.tr("every"), self, buddy=self.interval)
        for widget, name in ((self.freq, self.tr("Repeat")), (self.month_day, self.tr("Day of the month")),
                             (self.nth, self.tr("Which week of the month")), (self.nth_weekday, self.tr("Weekday")),
                             (self.until, self.tr("Last date")), (self.count, self.tr("Number of times"))):
            widget.setAccessibleName(name)
        every.addWidget(self.every_label)
        every.addWidget(self.interval)
        every.addWidget(self.unit)
        every.addStretch(1)
        end = QHBoxLayout()
        self.ends_label = QLabel(self.tr("Ends:"), self)
        for widget in (self.ends_label, self.end_never, self.end_on, self.until, self.end_after,
                       self.count, self.count_unit):
            end.addWidget(widget)
        end.addStretch(1)
        self.end_row = QWidget(self)
        self.end_row.setLayout(end)
        end.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(every)
        layout.addWidget(self.weekly_row)
        layout.addWidget(self.monthly_box)
        layout.addWidget(self.end_row)
        layout.addWidget(self.summary)

    # -- value ------------------------------------------------------------------------
    def set_start(self, start: datetime) -> None:
        """The first occurrence (local): the defaults and the words follow it."""
        if not self.freq.currentData():
            self.set_rule(None, start)  # not repeating yet: the defaults follow the date
            return
        self.start = start
        self._refresh()

    def set_rule(self, rule: Rule | None, start: datetime) -> None:
        self.start = start
        widgets = (self.freq, self.interval, self.weekday_group, self.month_day, self.month_group,
                   self.nth, self.nth_weekday, self.end_group, self.until, self.count)
        for widget in widgets:
            widget.blockSignals(True)
        rule = rule.anchored(start) if rule is not None else None
        self.freq.setCurrentIndex(max(self.freq.findData(rule.freq if rule else ""), 0))
        self.interval.setValue(rule.interval if rule else 1)
        days = rule.weekdays if rule and rule.weekdays else (start.weekday(),)
        for day, button in enumerate(self.weekday_buttons):
            button.setChecked(day in days)
        self.month_day.setValue(rule.month_day if rule and rule.month_day not in (None, LAST_DAY)
                                else start.day)
        if rule is not None and rule.nth is not None:
            self.by_weekday.setChecked(True)
        elif rule is not None and rule.month_day == LAST_DAY:
            self.last_day.setChecked(True)
        else:
            self.by_day.setChecked(True)
        nth = rule.nth if rule and rule.nth is not None else min((start.day - 1) // 7 + 1, 4)
        self.nth.setCurrentIndex(max(self.nth.findData(nth), 0))
        self.nth_weekday.setCurrentIndex(rule.weekday if rule and rule.weekday is not None
                                         else start.weekday())
        until = rule.until if rule and rule.until else _a_year_after(start.date())
        self.until.setDate(QDate(until.year, until.month, until.day))
        self.count.setValue(rule.count if rule and rule.count else 10)
        (self.end_on if rule and rule.until else self.end_after if rule and rule.count
         else self.end_never).setChecked(True)
        for widget in widgets:
            widget.blockSignals(False)
        self._refresh()

    def rule(self) -> Rule | None:
        freq = self.freq.currentData()
        if not freq:
            return None
        kw: dict = {"freq": freq, "interval": self.interval.value()}
        if freq == WEEKLY:
            kw["weekdays"] = tuple(d for d, b in enumerate(self.weekday_buttons) if b.isChecked())
        elif freq == MONTHLY:
            if self.by_weekday.isChecked():
                kw["nth"], kw["weekday"] = self.nth.currentData(), self.nth_weekday.currentData()
            else:
                kw["month_day"] = LAST_DAY if self.last_day.isChecked() else self.month_day.value()
        elif freq == YEARLY:
            kw["month"], kw["month_day"] = self.start.month, self.start.day
        if self.end_on.isChecked():
            d = self.until.date()
            kw["until"] = date(d.year(), d.month(), d.day())
        elif self.end_after.isChecked():
            kw["count"] = self.count.value()
        return Rule(**kw)

    # -- reactions --------------------------------------------------------------------
    def on_any_changed(self, *_args) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        freq = self.freq.currentData()
        self.weekly_row.setVisible(freq == WEEKLY)
        self.monthly_box.setVisible(freq == MONTHLY)
        for widget in (self.every_label, self.interval, self.unit, self.end_row, self.summary):
            widget.setVisible(bool(freq))
        n = self.interval.value()
        units = {DAILY: self.tr("day(s)", "", n), WEEKLY: self.tr("week(s)", "", n),
                 MONTHLY: self.tr("month(s)", "", n), YEARLY: self.tr("year(s)", "", n)}
        self.unit.setText(plural_s(units.get(freq, ""), n))
        times = self.count.value()
        self.count_unit.setText(plural_s(self.tr("time(s)", "", times), times))
        self.month_day.setEnabled(self.by_day.isChecked())
        self.nth.setEnabled(self.by_weekday.isChecked())
        self.nth_weekday.setEnabled(self.by_weekday.isChecked())
        self.until.setEnabled(self.end_on.isChecked())
        self.count.setEnabled(self.end_after.isChecked())
        rule = self.rule()
        lang = "ru" if QLocale().language() == QLocale.Language.Russian else "en"
        self.summary.setText(recurrence.describe(rule, lang, start=self.start) if rule else "")
