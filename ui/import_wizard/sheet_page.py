"""Step 2: the sheet, and the table the program found in it."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QProgressBar, QTableView,
                               QVBoxLayout, QWizardPage)

from ..errors import message
from ..i18n import plural_s
from ..workers import run_in_worker
from .models import RawPreviewModel
from .state import load_sheet


class SheetPage(QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self._task = None
        self.setTitle(self.tr("Sheet and table"))
        self.setSubTitle(self.tr("The header row (column names) is highlighted; grey rows are not imported."))

        self.sheet_label = QLabel(self.tr("Sheet:"), self)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setMinimumContentsLength(24)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(160)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = RawPreviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setDefaultSectionSize(150)

        top = QHBoxLayout()
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)
        top.addWidget(self.busy)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

        self.sheet_combo.currentTextChanged.connect(self.on_sheet_combo_current_text_changed)

    def initializePage(self) -> None:
        sheet = self.state.sheet
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(self.state.sheets)
        self.sheet_combo.setCurrentText(sheet.name if sheet else "")
        self.sheet_combo.blockSignals(False)
        several = len(self.state.sheets) > 1
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)
        self._show(sheet)

    def cleanupPage(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()
            self._task.wait()
        self._task = None
        self.busy.hide()

    def isComplete(self) -> bool:
        loading = self._task is not None and self._task.is_running()
        return not loading and self.state.sheet is not None and self.state.sheet.table is not None

    def _show(self, sheet) -> None:
        if sheet is None:
            self.model.set_sheet([], None, ())
            self.summary.clear()
            return
        table = sheet.table
        if table is None:
            self.model.set_sheet(sheet.raw.rows, None, ())
            self.summary.setStyleSheet("color: #c62828;")
            self.summary.setText(message(sheet.error))
        else:
            self.model.set_sheet(sheet.raw.rows, table.header_row, (r for r, _ in table.rows), table.ignored)
            self.summary.setStyleSheet("")
            self.summary.setText(self._describe(table))
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(max(header.sectionSize(column) + 12, 70), 280))
        self.completeChanged.emit()

    def _describe(self, table) -> str:
        n = len(table.rows)
        rows = plural_s(self.tr("%n row(s) to import", "", n), n)
        if table.header_row:
            text = self.tr("Column names are in row %1; %2.").replace("%1", str(table.header_row)).replace("%2", rows)
        else:
            text = self.tr("No row of column names was found; the columns are named by letter; %1.").replace(
                "%1", rows)
        left = len(table.ignored)
        if left:
            text += " " + plural_s(self.tr("%n row(s) left out (totals).", "", left), left)
        return text

    # ----------------------------------------------------------------- slots

    def on_sheet_combo_current_text_changed(self, name: str) -> None:
        if not name or (self.state.sheet is not None and self.state.sheet.name == name):
            return
        self.cancel()
        self.busy.show()
        path = self.state.path
        self._task = run_in_worker(lambda _p, _c: load_sheet(path, name),
                                   on_done=self.on_task_done, on_error=self.on_task_error)
        self.completeChanged.emit()  # Next waits for the sheet

    def on_task_done(self, sheet) -> None:
        self.busy.hide()
        self.state.sheet, self.state.plan = sheet, None
        self._show(sheet)

    def on_task_error(self, exc) -> None:
        self.busy.hide()
        self.state.sheet, self.state.plan = None, None
        self.model.set_sheet([], None, ())
        self.summary.setStyleSheet("color: #c62828;")
        self.summary.setText(message(exc))
        self.completeChanged.emit()
