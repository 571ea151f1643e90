"""The Reports page: the list of reports on the left; the filters, the tool bar, the
chart and the table behind it on the right.  Reports are built in a worker, a moment
after the last change of a filter, and again when the data they read changes."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QSplitter,
                               QStackedWidget, QToolBar, QVBoxLayout, QWidget)

from app.reports import build_report, definitions
from app.reports.base import Report, ReportDef

from ..bridge import bridge
from ..errors import message
from ..help import interface_language
from ..info_page import InfoPage
from ..widgets.a11y import tab_reachable
from ..workers import run_in_worker
from .chart_view import ChartView
from .filter_panel import ReportFilterPanel
from .output_actions import PLAN_METRICS, ReportOutputActions
from .table_model import ReportTableModel
from .table_view import ReportTableView

CURRENT_KEY = "reports/current"
SPLITTER_KEY = "reports/splitter"
REFRESH_ON = {"client", "deal", "activity", "plan", "stage", "pipeline", "employee", "tag", "invoice",
              "payment"}
CHOICES_ON = {"client", "deal", "employee", "tag", "pipeline"}


class ReportsPage(ReportOutputActions, QWidget):
    open_client_requested = Signal(int)
    """The user double-clicked a row about a client (client id)."""
    open_deal_requested = Signal(int)
    """The user double-clicked a row about a deal (deal id)."""
    message = Signal(str)
    """A short report for the status bar."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        self.definitions: list[ReportDef] = definitions()
        self.report: Report | None = None
        self.lang = interface_language()
        self._today = today
        self._generation = 0
        self._running = 0
        self._dirty = False
        self._choices_dirty = False
        self._build()
        self._connect()
        saved = QSettings().value(CURRENT_KEY, "sales")
        names = [d.name for d in self.definitions]
        self.report_list.setCurrentRow(names.index(saved) if saved in names else 0)

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        self.title = QLabel(self.tr("Reports"), self)
        self.title.setObjectName("PageTitle")
        self.report_list = QListWidget(self)
        self.report_list.setObjectName("ReportList")
        self.report_list.setAccessibleName(self.tr("Reports"))
        self.report_list.setWordWrap(True)
        self.report_list.setFixedWidth(200)
        self.report_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for definition in self.definitions:
            item = QListWidgetItem(definition.title(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, definition.name)
            item.setToolTip(definition.title(self.lang))
            self.report_list.addItem(item)
        self.filters = ReportFilterPanel(self, self._today)

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.setToolTip(self.tr("Print the report (Ctrl+P)"))
        self.pdf_action = QAction(self.tr("Save PDF…"), self)
        self.png_action = QAction(self.tr("Save chart…"), self)
        self.png_action.setToolTip(self.tr("Save the chart as a PNG picture"))
        self.xlsx_action = QAction(self.tr("Save xlsx…"), self)
        self.xlsx_action.setToolTip(self.tr("Save the table as an Excel workbook"))
        self.plan_action = QAction(self.tr("Plan…"), self)
        self.plan_action.setToolTip(self.tr("Monthly plans of the managers"))
        for action in (self.print_action, self.pdf_action, self.png_action, self.xlsx_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.plan_action)
        tab_reachable(self.toolbar)
        self.busy_label = QLabel(self.tr("Calculating…"), self)
        self.busy_label.setObjectName("PageHint")
        self.busy_label.hide()
        self._busy_timer = QTimer(self, singleShot=True, interval=200)
        self._run_timer = QTimer(self, singleShot=True, interval=250)

        self.chart_view = ChartView(self)
        self.table_model = ReportTableModel(self)
        self.table = ReportTableView(self)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("Report table"))
        self.notes = QLabel(self)
        self.notes.setObjectName("PageHint")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(4)
        bottom_layout.addWidget(self.table, 1)
        bottom_layout.addWidget(self.notes)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.chart_view)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([270, 330])
        state = QSettings().value(SPLITTER_KEY)
        if state is not None:
            self.splitter.restoreState(state)
        self.empty = InfoPage("reports", self.tr("Nothing to show"), self.tr(
            "No data for the chosen period and filters. Try a longer period or fewer filters."), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet("color: #c62828;")
        self.stack = QStackedWidget(self)
        for widget in (self.splitter, self.empty, self.error):
            self.stack.addWidget(widget)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.title)
        left.addWidget(self.report_list, 1)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.toolbar)
        tools.addStretch(1)
        tools.addWidget(self.busy_label)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addSpacing(4)
        right.addWidget(self.filters)
        right.addLayout(tools)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(16)
        layout.addLayout(left)
        layout.addLayout(right, 1)

    def _connect(self) -> None:
        self.report_list.currentRowChanged.connect(self.on_report_list_current_row_changed)
        self.filters.changed.connect(self._run_timer.start)
        self._run_timer.timeout.connect(self.run)
        self._busy_timer.timeout.connect(self.busy_label.show)
        self.table.activated.connect(self.on_table_activated)
        self.print_action.triggered.connect(self.print_report)
        self.pdf_action.triggered.connect(self.save_pdf)
        self.png_action.triggered.connect(self.save_png)
        self.xlsx_action.triggered.connect(self.save_xlsx)
        self.plan_action.triggered.connect(self.edit_plans)
        self.splitter.splitterMoved.connect(self.on_splitter_moved)
        bridge().changed.connect(self.on_bridge_changed)

    # ----------------------------------------------------------------- state

    def definition(self) -> ReportDef | None:
        row = self.report_list.currentRow()
        return self.definitions[row] if 0 <= row < len(self.definitions) else None

    def select_report(self, name: str) -> None:
        row = next((i for i, d in enumerate(self.definitions) if d.name == name), -1)
        if row >= 0:
            self.report_list.setCurrentRow(row)

    def busy(self) -> bool:
        """A report is being built (or about to be)."""
        return self._running > 0 or self._run_timer.isActive()

    def refresh(self) -> None:
        """Build the report again now (F5)."""
        self.filters.reload_choices()
        self.run()

    def run(self) -> None:
        """Build the chosen report under the current filters in a worker."""
        self._run_timer.stop()
        definition = self.definition()
        if definition is None:
            return
        self._dirty = False
        self._generation += 1
        generation, name, flt, lang = self._generation, definition.name, self.filters.filters(), self.lang
        today = self._today
        self._running += 1
        self._busy_timer.start()

        def finished(outcome) -> None:
            self._running -= 1
            if self._running == 0:
                self._busy_timer.stop()
                self.busy_label.hide()
            if generation == self._generation:
                self.show_result(outcome)

        run_in_worker(lambda _p, _c: build_report(name, flt, lang, today), on_done=finished,
                      on_error=finished, parent=self)

    def show_result(self, outcome) -> None:
        if isinstance(outcome, Exception):
            self.report = None
            self.table_model.set_report(None, self.lang)
            self.error.setText(self.tr("The report could not be built: {error}").format(error=message(outcome)))
            self.stack.setCurrentWidget(self.error)
        else:
            self.show_report(outcome)
        self._update_actions()

    def show_report(self, report: Report) -> None:
        self.report = report
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table_model.set_report(report, self.lang)
        if not report.rows:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.splitter)
        has_chart = report.chart is not None and bool(report.chart.categories)
        self.chart_view.setVisible(has_chart)
        if has_chart:
            self.chart_view.show_chart(report.chart, self.lang)
        notes = list(report.notes)
        self.table.viewport().setToolTip(self.tr("Double-click a row to open its card.")
                                         if any(report.refs) else "")
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.table.set_columns(report.columns)

    def _update_actions(self) -> None:
        shown = self.report is not None
        for action in (self.print_action, self.pdf_action, self.xlsx_action):
            action.setEnabled(shown)
        chart = self.report.chart if shown else None
        self.png_action.setEnabled(bool(chart and chart.categories and self.report.rows))
        definition = self.definition()
        from app.access import can  # the plans are the owner's to set
        self.plan_action.setVisible(definition is not None and definition.name in PLAN_METRICS and can("settings"))

    # ----------------------------------------------------------------- slots

    def on_report_list_current_row_changed(self, row: int) -> None:
        definition = self.definition()
        if definition is None:
            return
        QSettings().setValue(CURRENT_KEY, definition.name)
        self.filters.set_definition(definition, self.lang)
        self._update_actions()
        self.run()

    def on_table_activated(self, index) -> None:
        ref = self.table_model.ref(index.row()) if index.isValid() else None
        if ref is None:
            return
        kind, ident = ref
        if kind == "client":
            self.open_client_requested.emit(ident)
        elif kind == "deal":
            self.open_deal_requested.emit(ident)

    def on_splitter_moved(self, *_args) -> None:
        QSettings().setValue(SPLITTER_KEY, self.splitter.saveState())

    def on_bridge_changed(self, change) -> None:
        if change.entity not in REFRESH_ON:
            return
        self._choices_dirty = self._choices_dirty or change.entity in CHOICES_ON
        if self.isVisible():
            self._apply_changes()
        else:
            self._dirty = True

    def _apply_changes(self) -> None:
        if self._choices_dirty:
            self._choices_dirty = False
            self.filters.reload_choices()
        self._run_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self._apply_changes()
