"""Step 1: the file — chosen in a dialog or dropped onto the page."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QFrame, QLabel, QProgressBar, QPushButton, QVBoxLayout,
                               QWizardPage)

from ..errors import message
from ..i18n import plural_s
from ..workers import run_in_worker
from .state import load_file

LAST_FOLDER_KEY = "import/last_folder"
SUPPORTED = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".vcf")


class FilePage(QWizardPage):
    file_loaded = Signal(str)
    """The file was read; its path."""

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self._task = None
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A spreadsheet (Excel, LibreOffice), a CSV file from 1C or a bank, or "
                                 "contacts from a phone (vCard). Nothing is written until the last step."))
        self.setAcceptDrops(True)

        self.drop_zone = QFrame(self)
        self.drop_zone.setObjectName("DropZone")
        self.drop_zone.setStyleSheet("QFrame#DropZone { border: 2px dashed #b8c2cf; border-radius: 10px; "
                                     "background: #f7f9fc; }")
        self.drop_zone.setMinimumHeight(190)
        hint = QLabel(self.tr("Drag a file here"), self.drop_zone)
        hint.setObjectName("SectionTitle")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        kinds = QLabel(self.tr(".xlsx .xlsm .xls .ods · .csv · .vcf"), self.drop_zone)
        kinds.setObjectName("PageHint")
        kinds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self.tr("Choose a file…"), self.drop_zone)
        self.choose_button.setObjectName("PrimaryButton")
        zone = QVBoxLayout(self.drop_zone)
        zone.addStretch(1)
        zone.addWidget(hint)
        zone.addWidget(kinds)
        zone.addSpacing(8)
        zone.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignHCenter)
        zone.addStretch(1)

        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("ImportStatus")

        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_zone)
        layout.addSpacing(6)
        layout.addWidget(self.path_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

        self.choose_button.clicked.connect(self.on_choose_button_clicked)

    # ------------------------------------------------------------------ API

    def open_path(self, path: str) -> None:
        """Read ``path`` in a worker; the page completes when the file is understood."""
        self.cancel()
        self.state.reset()
        self.state.path = str(path)
        self.path_label.setText(self.tr("File: %1").replace("%1", str(path)))
        self._show_status(self.tr("Reading the file…"), error=False)
        self.busy.show()
        self._task = run_in_worker(lambda _progress, _cancelled: load_file(str(path)),
                                   on_done=self.on_task_done, on_error=self.on_task_error)
        self.completeChanged.emit()

    def is_loading(self) -> bool:
        return self._task is not None and self._task.is_running()

    def cancel(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()
            self._task.wait()
        self._task = None

    def isComplete(self) -> bool:
        return not self.is_loading() and self.state.sheet is not None

    # ------------------------------------------------------------- internals

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status_label.setStyleSheet("color: #c62828;" if error else "")
        self.status_label.setText(text)

    @staticmethod
    def _local_file(mime) -> str | None:
        if not mime.hasUrls():
            return None
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        return files[0] if len(files) == 1 else None

    # ---------------------------------------------------------------- events

    def dragEnterEvent(self, event) -> None:
        path = self._local_file(event.mimeData())
        if path and Path(path).suffix.lower() in SUPPORTED:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        path = self._local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.open_path(path)

    # ----------------------------------------------------------------- slots

    def on_choose_button_clicked(self) -> None:
        settings = QSettings()
        folder = str(settings.value(LAST_FOLDER_KEY, "") or "")
        filters = ";;".join([
            self.tr("All supported files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.vcf)"),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods)"),
            self.tr("CSV files (*.csv *.txt)"),
            self.tr("vCard contacts (*.vcf)"),
        ])
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import clients from a file"), folder, filters)
        if path:
            settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
            self.open_path(path)

    def on_task_done(self, loaded) -> None:
        self.busy.hide()
        self.state.sheets, self.state.sheet = loaded
        sheet = self.state.sheet
        if sheet.table is None:
            self._show_status(message(sheet.error), error=True)
        else:
            n = len(sheet.table.rows)
            self._show_status(plural_s(self.tr("%n row(s) found. Press Next to check them.", "", n), n),
                              error=False)
        self.completeChanged.emit()
        self.file_loaded.emit(self.state.path)

    def on_task_error(self, exc) -> None:
        self.busy.hide()
        self.state.reset()
        self._show_status(message(exc), error=True)
        self.completeChanged.emit()
