"""Every call, e-mail, meeting, task and note across all clients, newest first."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from app.activities import complete_activity
from app.activity_list import ActivityFilter
from app.card_lookups import active_employees
from app.errors import KartotekaError
from ui.activities_model import ActivitiesModel, ClientIdRole, IdRole, StatusRole
from ui.bridge import bridge
from ui.errors import show_error
from ui.formatting import to_utc
from ui.widgets.complete_dialog import CompleteActivityDialog
from ui.widgets.labels import activity_kind_labels

PERIODS = ("all", "today", "week", "month", "custom")


def period_bounds(period: str, today: date, start: date | None = None,
                  end: date | None = None) -> tuple[datetime | None, datetime | None]:
    """Local [start, end) for a period name; (None, None) for "all"."""
    if period == "today":
        first, last = today, today
    elif period == "week":
        first = today - timedelta(days=today.weekday())
        last = first + timedelta(days=6)
    elif period == "month":
        first = today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    elif period == "custom" and start and end:
        first, last = min(start, end), max(start, end)
    else:
        return None, None
    return datetime.combine(first, time()), datetime.combine(last + timedelta(days=1), time())


class ActivitiesPage(QWidget):
    open_client_requested = Signal(int)
    """Emitted with a client id when a row that has a client is double-clicked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ActivitiesModel(self)
        self._build()
        self._fill_filters()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._connect()
        self.apply_filter()

    # --- building --------------------------------------------------------------------
    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        self.period_combo = QComboBox(self)
        self.from_edit = QDateEdit(self, calendarPopup=True)
        self.to_edit = QDateEdit(self, calendarPopup=True)
        self.from_edit.setAccessibleName(self.tr("From"))
        self.to_edit.setAccessibleName(self.tr("To"))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setDate(QDate.currentDate())
            edit.setVisible(False)
        self.responsible_combo = QComboBox(self)
        self.status_combo = QComboBox(self)
        from .segments.filter_combo import SegmentFilterCombo  # only a saved segment's clients
        self.segment_combo = SegmentFilterCombo(self)
        self.client_edit = QLineEdit(self)
        self.client_edit.setPlaceholderText(self.tr("Client name"))
        self.client_edit.setClearButtonEnabled(True)
        self.complete_button = QPushButton(self.tr("Complete…"), self)
        self.complete_button.setEnabled(False)
        self.complete_button.setToolTip(self.tr("Mark the selected planned activity done and write down the result"))
        self.count_label = QLabel(self)

        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Activities"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(ActivitiesModel.Columns.WHEN,
                                                      Qt.SortOrder.DescendingOrder)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        vh = self.view.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        widths = {ActivitiesModel.Columns.WHEN: 130, ActivitiesModel.Columns.KIND: 165,
                  ActivitiesModel.Columns.CLIENT: 240, ActivitiesModel.Columns.SUBJECT: 200,
                  ActivitiesModel.Columns.RESPONSIBLE: 160, ActivitiesModel.Columns.STATUS: 120}
        for col, width in widths.items():
            header.resizeSection(col, width)
        # the result takes what is left: at 1366 px the names and the status are read in full
        header.setSectionResizeMode(ActivitiesModel.Columns.RESULT, QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("Kind:"), self.kind_combo), (self.tr("Period:"), self.period_combo),
                              (None, self.from_edit), (None, self.to_edit),
                              (self.tr("Responsible:"), self.responsible_combo),
                              (self.tr("Status:"), self.status_combo),
                              (self.tr("Segment:"), self.segment_combo)):
            if label:
                filters.addWidget(QLabel(label, self, buddy=widget))
            filters.addWidget(widget)
        filters.addWidget(self.client_edit, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def _fill_filters(self) -> None:
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for code, label in activity_kind_labels().items():
            self.kind_combo.addItem(label, code)
        for code, label in zip(PERIODS, (self.tr("All time"), self.tr("Today"), self.tr("This week"),
                                         self.tr("This month"), self.tr("Custom…"))):
            self.period_combo.addItem(label, code)
        self.status_combo.addItem(self.tr("Any status"), "")
        for code, label in (("planned", self.tr("Planned")), ("done", self.tr("Done")),
                            ("overdue", self.tr("Overdue"))):
            self.status_combo.addItem(label, code)
        self._fill_responsible()

    def _fill_responsible(self) -> None:
        current = self.responsible_combo.currentData()
        self.responsible_combo.blockSignals(True)
        self.responsible_combo.clear()
        self.responsible_combo.addItem(self.tr("Anyone"), None)
        for emp_id, name in active_employees():
            self.responsible_combo.addItem(name, emp_id)
        self.responsible_combo.setCurrentIndex(max(self.responsible_combo.findData(current), 0))
        self.responsible_combo.blockSignals(False)

    def _connect(self) -> None:
        for combo in (self.kind_combo, self.period_combo, self.responsible_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.on_filter_changed)
        self.from_edit.dateChanged.connect(self.on_filter_changed)
        self.to_edit.dateChanged.connect(self.on_filter_changed)
        self.client_edit.textChanged.connect(self.on_filter_changed)
        self.segment_combo.segment_changed.connect(self.on_filter_changed)
        self.view.doubleClicked.connect(self.on_view_doubleClicked)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.modelReset.connect(self.on_selection_changed)
        self.complete_button.clicked.connect(self.on_complete_button_clicked)
        self._refresh_timer.timeout.connect(self.on_refresh_timer_timeout)
        bridge().changed.connect(self.on_bridge_changed)

    # --- filtering ---------------------------------------------------------------------
    def current_filter(self) -> ActivityFilter:
        kind = self.kind_combo.currentData()
        period = self.period_combo.currentData()
        start, end = period_bounds(period, date.today(), self.from_edit.date().toPython(),
                                   self.to_edit.date().toPython())
        return ActivityFilter(kinds=(kind,) if kind else (), status=self.status_combo.currentData() or "",
                              start=to_utc(start), end=to_utc(end),
                              responsible_id=self.responsible_combo.currentData(),
                              client_text=self.client_edit.text(), segment_id=self.segment_combo.segment_id())

    def apply_filter(self, at_least: int = 0) -> None:
        """Show what the filters select; ``at_least`` rows fetched (to keep a scrolled place)."""
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.model.set_filter(self.current_filter(), at_least)
        self.count_label.setText(self.tr("Activities: {}").format(self.model.total()))

    def on_filter_changed(self, *_args) -> None:
        self.apply_filter()

    def on_refresh_timer_timeout(self) -> None:
        selected = self.selected_id()
        self.apply_filter(at_least=self.model.rowCount())
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.view.selectRow(row)

    def on_bridge_changed(self, change) -> None:
        if change.entity == "employee":
            self._fill_responsible()
        if change.entity in ("activity", "client", "employee"):
            self._refresh_timer.start()

    # --- rows --------------------------------------------------------------------------
    def selected_index(self):
        rows = self.view.selectionModel().selectedRows()
        return rows[0] if rows else None

    def selected_id(self) -> int | None:
        index = self.selected_index()
        return index.data(IdRole) if index is not None else None

    def on_selection_changed(self, *_args) -> None:
        index = self.selected_index()
        self.complete_button.setEnabled(index is not None
                                        and index.data(StatusRole) in ("planned", "overdue"))

    def on_view_doubleClicked(self, index) -> None:  # noqa: N802 - Qt signal name
        client_id = index.data(ClientIdRole)
        if client_id:
            self.open_client_requested.emit(int(client_id))

    def on_complete_button_clicked(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        row = self.model.row_data(index.row())
        dialog = CompleteActivityDialog(row.subject, row.kind, self)
        if dialog.exec() != CompleteActivityDialog.DialogCode.Accepted:
            return
        try:
            complete_activity(row.id, dialog.result_text(), next_at=to_utc(dialog.next_at()),
                              next_kind=dialog.next_kind_code())
        except KartotekaError as exc:
            show_error(self, exc)
            return
        self.on_refresh_timer_timeout()
