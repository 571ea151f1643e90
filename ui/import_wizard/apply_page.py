"""Step 5: the import itself — progress, cancel (the database stays as it was), and a
summary with the rows that need attention."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout,
                               QWizardPage)

from app.importer import apply_import, problem_rows, write_problems_xlsx

from ..errors import message
from ..i18n import plural_s
from ..workers import run_in_worker
from .file_page import LAST_FOLDER_KEY


class ApplyPage(QWizardPage):
    imported = Signal(int)
    """The import was written; the batch id."""
    stopped = Signal()
    """The import ended without writing anything (cancelled or failed)."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self._task = None
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The rows are written in one go: if the import is stopped, nothing is written."))

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("SectionTitle")
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Stop the import"), self)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.hide()
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.save_problems = QPushButton(self.tr("Save the skipped and warning rows as xlsx…"), self)
        self.save_problems.hide()
        self.saved = QLabel(self)
        self.saved.setObjectName("PageHint")
        self.saved.setWordWrap(True)
        self.undo_note = QLabel(self.tr("Changed your mind? The import can be undone from "
                                        "File ▸ Import history."), self)
        self.undo_note.setObjectName("PageHint")
        self.undo_note.setWordWrap(True)
        self.undo_note.hide()

        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.retry_button)
        problems = QHBoxLayout()
        problems.addWidget(self.save_problems)
        problems.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.details)
        layout.addLayout(problems)
        layout.addSpacing(8)
        layout.addWidget(self.undo_note)
        layout.addStretch(1)

        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.retry_button.clicked.connect(self.on_retry_button_clicked)
        self.save_problems.clicked.connect(self.on_save_problems_clicked)

    # -------------------------------------------------------------- wizard

    def initializePage(self) -> None:
        self.start()

    def isComplete(self) -> bool:
        return self.state.result is not None

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def start(self) -> None:
        plan = self.state.plan
        self.state.result = None
        self.status.setText(self.tr("Importing…"))
        self.details.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.retry_button.hide()
        self.save_problems.hide()
        self.saved.clear()
        self.undo_note.hide()
        self._task = run_in_worker(lambda progress, cancelled: apply_import(plan, progress, cancelled),
                                   on_progress=self.on_task_progress, on_done=self.on_task_done,
                                   on_error=self.on_task_error, on_cancelled=self.on_task_cancelled)
        self.completeChanged.emit()

    def cancel(self) -> None:
        """Stop a running import and wait until it has rolled back."""
        if self.is_running():
            self._task.cancel()
            self._task.wait()

    def _ended(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.completeChanged.emit()

    # ----------------------------------------------------------------- slots

    def on_task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_task_done(self, result) -> None:
        self.state.result = result
        self._ended()
        self.status.setText(self.tr("Import finished"))
        lines = [plural_s(self.tr("<b>%n</b> client(s) created", "", result.created), result.created),
                 plural_s(self.tr("<b>%n</b> row(s) merged into existing clients", "", result.merged),
                          result.merged),
                 plural_s(self.tr("<b>%n</b> row(s) skipped", "", result.skipped), result.skipped),
                 plural_s(self.tr("<b>%n</b> warning(s)", "", len(result.warnings)), len(result.warnings))]
        self.details.setText("<p style='line-height: 150%'>" + "<br>".join(lines) + "</p>")
        self.save_problems.setVisible(bool(problem_rows(result)))
        self.undo_note.show()
        self.completeChanged.emit()
        self.imported.emit(result.batch)

    def on_task_cancelled(self, _exc) -> None:
        self._ended()
        self.status.setText(self.tr("The import was stopped. Nothing was imported."))
        self.details.setText(self.tr("The card index is exactly as it was before. You can try again or close "
                                     "the window."))
        self.retry_button.show()
        self.stopped.emit()

    def on_task_error(self, exc) -> None:
        self._ended()
        self.status.setText(self.tr("The import failed. Nothing was imported."))
        self.details.setText(html.escape(message(exc)))
        self.retry_button.show()
        self.stopped.emit()

    def on_cancel_button_clicked(self) -> None:
        if self.is_running():
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))

    def on_retry_button_clicked(self) -> None:
        self.start()

    def on_save_problems_clicked(self) -> None:
        settings = QSettings()
        folder = Path(str(settings.value(LAST_FOLDER_KEY, "") or Path.home()))
        suggested = folder / self.tr("%1 - problems.xlsx").replace("%1", Path(self.state.path).stem)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the rows that need attention"), str(suggested),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.save_problems_to(path)

    def save_problems_to(self, path: str) -> None:
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        result = self.state.result
        self._task = run_in_worker(lambda _p, _c: write_problems_xlsx(result, path),
                                   on_done=lambda n: self.on_problems_saved(path, n),
                                   on_error=self.on_problems_failed)

    def on_problems_saved(self, path: str, count: int) -> None:
        self.saved.setText(plural_s(self.tr("%n row(s) saved to %1", "", count), count).replace("%1", path))

    def on_problems_failed(self, exc) -> None:
        self.saved.setText(message(exc))
