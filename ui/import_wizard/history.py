"""Import history: past imports, and undoing one of them."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableView, QVBoxLayout)

from app.importer import undo_import
from app.importer.review import import_history

from ..errors import message
from ..formatting import fmt_datetime
from ..i18n import plural_s
from ..workers import run_in_worker

DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED = QColor("#8a9099")


class HistoryModel(QAbstractTableModel):
    class Columns(IntEnum):
        DATE = 0
        FILE = 1
        ROWS = 2
        CREATED = 3
        MERGED = 4
        SKIPPED = 5
        UNDONE = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.batches = []
        self.headers = {self.Columns.DATE: self.tr("Date"), self.Columns.FILE: self.tr("File"),
                        self.Columns.ROWS: self.tr("Rows"), self.Columns.CREATED: self.tr("Created"),
                        self.Columns.MERGED: self.tr("Merged"), self.Columns.SKIPPED: self.tr("Skipped"),
                        self.Columns.UNDONE: self.tr("Undone")}

    def reload(self) -> None:
        self.beginResetModel()
        self.batches = import_history()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.batches)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.Columns)

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        b = self.batches[index.row()]
        c = index.column()
        if role == ID_ROLE:
            return b.id
        if role == Qt.ItemDataRole.ForegroundRole and b.undone_at is not None:
            return MUTED
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (self.Columns.ROWS, self.Columns.CREATED,
                                                               self.Columns.MERGED, self.Columns.SKIPPED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and c == self.Columns.FILE and b.sheet:
            return self.tr("Sheet: %1").replace("%1", b.sheet)
        if role != DISPLAY:
            return None
        if c == self.Columns.DATE:
            return fmt_datetime(b.created_at)
        if c == self.Columns.FILE:
            return b.filename
        if c == self.Columns.UNDONE:
            return fmt_datetime(b.undone_at) if b.undone_at else ""
        return str({self.Columns.ROWS: b.rows, self.Columns.CREATED: b.created, self.Columns.MERGED: b.merged,
                    self.Columns.SKIPPED: b.skipped}[c])

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers.get(section)
        return str(section + 1)


class ImportHistoryDialog(QDialog):
    """Past imports, newest first; one can be undone (after asking)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import history"))
        self._task = None
        hint = QLabel(self.tr("Undoing an import deletes the clients it created and takes back what it added "
                              "to existing clients."), self)
        hint.setObjectName("PageHint")
        hint.setWordWrap(True)
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(HistoryModel.Columns.FILE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(HistoryModel.Columns.DATE, 140)
        header.resizeSection(HistoryModel.Columns.UNDONE, 140)
        for column in (HistoryModel.Columns.ROWS, HistoryModel.Columns.CREATED, HistoryModel.Columns.MERGED,
                       HistoryModel.Columns.SKIPPED):
            header.resizeSection(column, 80)
        self.empty = QLabel(self.tr("Nothing has been imported yet."), self)
        self.empty.setObjectName("PageHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo this import…"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)

        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(bottom)
        self.resize(860, 460)

        self.buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self.on_undo_button_clicked)
        self.model.modelReset.connect(self.on_model_model_reset)
        self.view.selectionModel().selectionChanged.connect(self.on_view_selection_changed)
        self.model.reload()

    def selected_batch(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.batches[rows[0].row()] if rows else None

    def undo(self, batch_id: int) -> None:
        """Undo one import in a worker (no question asked)."""
        self.undo_button.setEnabled(False)
        self.status.setText(self.tr("Undoing…"))
        self._task = run_in_worker(lambda _p, _c: undo_import(batch_id), on_done=self.on_task_done,
                                   on_error=self.on_task_error)

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def done(self, result: int) -> None:
        if self.is_running():
            self._task.wait()
        super().done(result)

    # ----------------------------------------------------------------- slots

    def on_model_model_reset(self) -> None:
        empty = self.model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty)
        if not empty:
            self.view.selectRow(0)
        self.on_view_selection_changed()

    def on_view_selection_changed(self, *_args) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None and not self.is_running())

    def on_undo_button_clicked(self) -> None:
        batch = self.selected_batch()
        if batch is None or batch.undone_at is not None:
            return
        text = plural_s(self.tr("Undo the import of «%1»? %n client(s) it created will be deleted for good, "
                                "and what it added to existing clients will be taken back.", "", batch.created),
                        batch.created).replace("%1", batch.filename)
        answer = QMessageBox.question(self, self.tr("Undo import"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.undo(batch.id)

    def on_task_done(self, outcome: dict) -> None:
        removed, restored = outcome["removed"], outcome["restored"]
        self.status.setText(plural_s(self.tr("Undone: %n client(s) removed", "", removed), removed) + "; "
                            + plural_s(self.tr("%n client(s) restored.", "", restored), restored))
        selected = outcome["batch"]
        self.model.reload()
        for row, b in enumerate(self.model.batches):
            if b.id == selected:
                self.view.selectRow(row)
        self.on_view_selection_changed()

    def on_task_error(self, exc) -> None:
        self.status.setText(message(exc))
        self.on_view_selection_changed()
