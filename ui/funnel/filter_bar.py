"""The funnel's filter bar: pipeline, responsible, period, tag and text, and the switch
between the board and the list."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit,
                               QToolButton, QWidget)

from app.card_lookups import active_employees, tag_names
from app.funnel import FunnelFilter
from app.stages import pipelines

from ..widgets.combos import refill_combo

PERIODS = ("all", "this_month", "last_month", "quarter", "year", "custom")


def period_range(key: str, today: date) -> tuple[date | None, date | None]:
    """The first and last day of a named period around ``today`` (None: not limited)."""
    if key == "this_month":
        start = today.replace(day=1)
    elif key == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    elif key == "quarter":
        start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    elif key == "year":
        start = date(today.year, 1, 1)
    else:
        return None, None
    return start, today


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class FunnelFilterBar(QWidget):
    filter_changed = Signal()
    """The user changed a filter; read it with ``current_filter()``."""
    mode_changed = Signal(str)
    """The user switched between "board" and "list"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FunnelFilterBar")
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setObjectName("pipeline")
        self.pipeline_combo.setMinimumContentsLength(12)
        self.responsible_combo = QComboBox()
        self.responsible_combo.setObjectName("responsible")
        self.responsible_combo.setMinimumContentsLength(12)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        labels = {"all": self.tr("All time"), "this_month": self.tr("This month"),
                  "last_month": self.tr("Last month"), "quarter": self.tr("This quarter"),
                  "year": self.tr("This year"), "custom": self.tr("Dates…")}
        for key in PERIODS:
            self.period_combo.addItem(labels[key], key)
        self.period_combo.setToolTip(self.tr("Open deals created in the period, won and lost ones closed "
                                             "in it (all time: closed in the last 30 days)"))
        today = date.today()
        self.from_edit = QDateEdit(_qdate(today.replace(day=1)))
        self.to_edit = QDateEdit(_qdate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setVisible(False)
        self.dash = QLabel("—")
        self.dash.setVisible(False)
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("tag")
        self.tag_combo.setMinimumContentsLength(10)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("text")
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setPlaceholderText(self.tr("Client, phone or deal title"))
        self.board_button = QToolButton()
        self.board_button.setText(self.tr("Board"))
        self.list_button = QToolButton()
        self.list_button.setText(self.tr("List"))
        self.mode_group = QButtonGroup(self)
        for button in (self.board_button, self.list_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.mode_group.addButton(button)
        self.board_button.setChecked(True)
        for widget, name in ((self.pipeline_combo, self.tr("Pipeline")),
                             (self.responsible_combo, self.tr("Responsible filter")),
                             (self.period_combo, self.tr("Period")), (self.from_edit, self.tr("From")),
                             (self.to_edit, self.tr("To")), (self.tag_combo, self.tr("Tag filter"))):
            widget.setAccessibleName(name)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(300)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        for widget in (self.pipeline_combo, self.responsible_combo, self.period_combo, self.from_edit,
                       self.dash, self.to_edit, self.tag_combo):
            layout.addWidget(widget)
        from ..segments.filter_combo import SegmentFilterCombo  # only deals of a saved segment's clients
        self.segment_combo = SegmentFilterCombo(self)
        layout.addWidget(self.segment_combo)
        layout.addWidget(self.text_edit, 1)
        layout.addSpacing(8)
        layout.addWidget(self.board_button)
        layout.addWidget(self.list_button)

        self.reload_choices()
        for combo in (self.pipeline_combo, self.responsible_combo, self.tag_combo):
            combo.activated.connect(self.on_combo_activated)
        self.period_combo.activated.connect(self.on_period_combo_activated)
        self.from_edit.dateChanged.connect(self.on_combo_activated)
        self.to_edit.dateChanged.connect(self.on_combo_activated)
        self.text_edit.textChanged.connect(self._text_timer.start)
        self._text_timer.timeout.connect(self.filter_changed)
        self.mode_group.buttonClicked.connect(self.on_mode_group_buttonClicked)
        self.segment_combo.segment_changed.connect(self.on_combo_activated)

    def reload_choices(self) -> None:
        """Pipelines, employees and tags again (keeping what is chosen when it still exists)."""
        refill_combo(self.pipeline_combo, [(p.id, p.name) for p in pipelines()], None)
        refill_combo(self.responsible_combo, active_employees(), self.tr("Any responsible"))
        refill_combo(self.tag_combo, [(n, n) for n in tag_names()], self.tr("Any tag"))
        self.pipeline_combo.setVisible(self.pipeline_combo.count() > 1)

    def current_filter(self) -> FunnelFilter:
        start, end = self.period()
        return FunnelFilter(pipeline_id=self.pipeline_combo.currentData(),
                            responsible_id=self.responsible_combo.currentData(),
                            tag=self.tag_combo.currentData() or "", date_from=start, date_to=end,
                            text=self.text_edit.text().strip(), segment_id=self.segment_combo.segment_id())

    def period(self) -> tuple[date | None, date | None]:
        key = self.period_combo.currentData()
        if key == "custom":
            a, b = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            return min(a, b), max(a, b)
        return period_range(key, date.today())

    def mode(self) -> str:
        return "list" if self.list_button.isChecked() else "board"

    def set_mode(self, mode: str) -> None:
        (self.list_button if mode == "list" else self.board_button).setChecked(True)
        self.mode_changed.emit(self.mode())

    def on_combo_activated(self, *_args) -> None:
        self.filter_changed.emit()

    def on_period_combo_activated(self, *_args) -> None:
        custom = self.period_combo.currentData() == "custom"
        for widget in (self.from_edit, self.dash, self.to_edit):
            widget.setVisible(custom)
        self.filter_changed.emit()

    def on_mode_group_buttonClicked(self, _button) -> None:  # noqa: N802
        self.mode_changed.emit(self.mode())
