"""The calendar page: month, week and day views, a side agenda for the selected day,
navigation, filters by responsible and kind.  Wiring only; writes go through
``editing`` and the dialogs."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QHBoxLayout, QLabel, QMenu,
                               QPushButton, QSplitter, QStackedWidget, QToolButton, QVBoxLayout,
                               QWidget)

from app import calendar as core
from app.calendar import CalendarItem
from app.card_lookups import active_employees
from ui.bridge import bridge
from ui.widgets.complete_dialog import CompleteActivityDialog
from ui.widgets.labels import activity_kind_labels

from . import editing
from .activity_dialog import ActivityDialog
from .agenda import AgendaPanel
from .common import day_title, local_now, month_title, utc_of_local
from .month_view import WEEKS, MonthView, grid_start
from .time_grid import TimeGridView

MONTH, WEEK, DAY = range(3)
FILTER_KINDS = ("call_out", "call_in", "meeting", "task", "email", "note", "feedback", "birthday")
DEFAULT_HOUR = 10


class CalendarPage(QWidget):
    """Planned calls, meetings and tasks by month, week and day."""

    open_client_requested = Signal(int)
    """Open the card of this client."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        self.mode = MONTH
        self.anchor = date.today()
        self.selected = date.today()
        self.items: list[CalendarItem] = []
        self._range: tuple[date, date] = (self.anchor, self.anchor)
        self._dirty = True
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._build()
        self._wire()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.prev_button = QToolButton(self, text="‹", autoRaise=True)
        self.prev_button.setToolTip(self.tr("Previous"))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.next_button = QToolButton(self, text="›", autoRaise=True)
        self.next_button.setToolTip(self.tr("Next"))
        self.prev_button.setAccessibleName(self.prev_button.toolTip())
        self.next_button.setAccessibleName(self.next_button.toolTip())
        for button in (self.prev_button, self.next_button):
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            button.setFont(font)
        self.title = QLabel(self)
        self.title.setObjectName("PageTitle")
        self.mode_group = QButtonGroup(self)
        self.mode_buttons = []
        for mode, text in ((MONTH, self.tr("Month")), (WEEK, self.tr("Week")), (DAY, self.tr("Day"))):
            button = QToolButton(self, text=text, checkable=True)
            self.mode_group.addButton(button, mode)
            self.mode_buttons.append(button)
        self.mode_buttons[MONTH].setChecked(True)
        self.responsible = QComboBox(self)
        self.responsible.addItem(self.tr("Everyone"), None)
        for employee_id, name in active_employees():
            self.responsible.addItem(name, employee_id)
        self.kinds_button = QPushButton(self.tr("Kinds"), self)  # with its menu's arrow beside the word
        self.kinds_button.setToolTip(self.tr("Which kinds of activities the calendar shows"))
        self.kinds_menu = QMenu(self.kinds_button)
        labels = dict(activity_kind_labels(), birthday=self.tr("Birthdays"))
        self.kind_actions: dict[str, QAction] = {}
        for kind in FILTER_KINDS:
            action = self.kinds_menu.addAction(labels[kind])
            action.setCheckable(True)
            action.setChecked(True)
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(self.kinds_menu)
        self.new_button = QPushButton(self.tr("New activity…"), self)
        self.new_button.setObjectName("PrimaryButton")
        # two rows, so the month name and the controls never squeeze each other
        heading = QHBoxLayout()
        for widget in (self.prev_button, self.today_button, self.next_button, self.title):
            heading.addWidget(widget)
        heading.addStretch(1)
        heading.addWidget(self.new_button)
        controls = QHBoxLayout()
        for button in self.mode_buttons:
            controls.addWidget(button)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Responsible:"), self, buddy=self.responsible))
        controls.addWidget(self.responsible)
        controls.addWidget(self.kinds_button)
        controls.addStretch(1)
        top = QVBoxLayout()
        top.addLayout(heading)
        top.addLayout(controls)
        self.month_view = MonthView(self)
        self.week_view = TimeGridView(7, self)
        self.day_view = TimeGridView(1, self)
        self.views = QStackedWidget(self)
        for view in (self.month_view, self.week_view, self.day_view):
            self.views.addWidget(view)
        self.agenda = AgendaPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.agenda)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def _wire(self) -> None:
        self.prev_button.clicked.connect(self.on_prev_button_clicked)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        self.today_button.clicked.connect(self.on_today_button_clicked)
        self.mode_group.idClicked.connect(self.on_mode_group_id_clicked)
        self.responsible.currentIndexChanged.connect(self.schedule_refresh)
        for action in self.kind_actions.values():
            action.toggled.connect(self.schedule_refresh)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.month_view.day_double_clicked.connect(self.on_view_day_double_clicked)
        for view in (self.month_view, self.week_view, self.day_view):
            view.day_selected.connect(self.on_view_day_selected)
            view.item_activated.connect(self.on_view_item_activated)
            view.item_dropped.connect(self.on_view_item_dropped)
        for view in (self.week_view, self.day_view):
            view.slot_double_clicked.connect(self.on_view_slot_double_clicked)
        self.agenda.item_activated.connect(self.on_view_item_activated)
        self.agenda.open_client_requested.connect(self.open_client_requested)
        self.agenda.complete_requested.connect(self.on_agenda_complete_requested)
        self.agenda.new_requested.connect(self.on_view_day_double_clicked)
        self._refresh_timer.timeout.connect(self.refresh)
        bridge().changed.connect(self.on_bridge_changed)

    # -- what is shown ----------------------------------------------------------------
    def current_view(self):
        return (self.month_view, self.week_view, self.day_view)[self.mode]

    def visible_range(self) -> tuple[date, date]:
        """The first local day shown and the day after the last one."""
        if self.mode == MONTH:
            first = grid_start(self.anchor)
            return first, first + timedelta(days=WEEKS * 7)
        if self.mode == WEEK:
            first = self.anchor - timedelta(days=self.anchor.weekday())
            return first, first + timedelta(days=7)
        return self.anchor, self.anchor + timedelta(days=1)

    def kinds(self) -> set[str] | None:
        chosen = {k for k, a in self.kind_actions.items() if a.isChecked()}
        return None if len(chosen) == len(self.kind_actions) else chosen

    def schedule_refresh(self, *_args) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Read the visible range from the core and hand it to the view and the agenda."""
        self._refresh_timer.stop()
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        first, end = self.visible_range()
        self._range = (first, end)
        self.items = self._load(first, end)
        now = local_now()
        today = now.date()
        if self.mode == MONTH:
            self.month_view.set_month(self.anchor)
            self.month_view.set_items(self.items, today)
            self.month_view.set_selected(self.selected)
            self.title.setText(month_title(self.anchor))
        else:
            view = self.current_view()
            view.set_first_day(first)
            view.set_items(self.items, today, now)
            view.set_selected(self.selected)
            self.title.setText(month_title(first) if self.mode == WEEK else day_title(self.anchor))
        self._show_agenda()

    def _show_agenda(self) -> None:
        first, end = self._range
        if first <= self.selected < end:
            items = [i for i in self.items if i.day == self.selected]
        else:
            items = self._load(self.selected, self.selected + timedelta(days=1))
        self.agenda.set_day(self.selected, items)

    def _load(self, first: date, end: date) -> list[CalendarItem]:
        kinds = self.kinds()
        if kinds == set():
            return []
        return core.items(utc_of_local(first), utc_of_local(end),
                          responsible_id=self.responsible.currentData(), kinds=kinds)

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.selected = day
        self.refresh()

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.views.setCurrentIndex(mode)
        self.anchor = self.selected
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.schedule_refresh()

    # -- slots ------------------------------------------------------------------------
    def on_bridge_changed(self, change) -> None:
        if change.entity in ("activity", "client", "contact", "employee"):
            self.schedule_refresh()

    def on_prev_button_clicked(self) -> None:
        self._step(-1)

    def on_next_button_clicked(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        if self.mode == MONTH:
            month = self.anchor.replace(day=1) + timedelta(days=32 * direction if direction > 0 else -1)
            day = month.replace(day=1)
            self.go_to(day if not (day.year, day.month) == (date.today().year, date.today().month)
                       else date.today())
        else:
            self.go_to(self.anchor + timedelta(days=(7 if self.mode == WEEK else 1) * direction))

    def on_today_button_clicked(self) -> None:
        self.go_to(date.today())

    def on_mode_group_id_clicked(self, mode: int) -> None:
        self.set_mode(mode)

    def on_view_day_selected(self, day: date) -> None:
        self.selected = day
        if self.mode == MONTH and day.month != self.anchor.month:
            self.go_to(day)
            return
        self._show_agenda()

    def on_view_day_double_clicked(self, day: date) -> None:
        self.new_activity(datetime.combine(day, time(DEFAULT_HOUR)))

    def on_view_slot_double_clicked(self, at: datetime) -> None:
        self.new_activity(at)

    def on_new_button_clicked(self) -> None:
        self.new_activity(datetime.combine(self.selected, time(DEFAULT_HOUR)))

    def new_activity(self, start: datetime) -> int | None:
        dialog = ActivityDialog(self, start=start)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.selected = start.date()
            self.refresh()
            return dialog.saved_id
        return None

    def on_view_item_activated(self, item: CalendarItem) -> None:
        if item.activity_id is None:
            if item.client_id is not None:
                self.open_client_requested.emit(item.client_id)
            return
        if item.done:
            if item.client_id is not None:
                self.open_client_requested.emit(item.client_id)
            return
        dialog = ActivityDialog(self, activity_id=item.activity_id, occurrence=item.occurrence)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def on_view_item_dropped(self, item: CalendarItem, new_local: datetime) -> None:
        if editing.move_item(self, item, new_local):
            self.selected = new_local.date()
            self.refresh()

    def on_agenda_complete_requested(self, item: CalendarItem) -> None:
        dialog = CompleteActivityDialog(item.title, item.kind, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if editing.complete_item(self, item, dialog.result_text(), dialog.next_at(),
                                     dialog.next_kind_code()):
                self.refresh()
