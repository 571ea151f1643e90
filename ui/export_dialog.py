"""Export: clients, deals or activities to a spreadsheet or CSV, the calendar to .ics,
contacts to vCard — in a worker, with progress and cancel."""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout)

from app.exporter import export

from .errors import message
from .i18n import plural_s
from .workers import run_in_worker

LAST_FOLDER_KEY = "export/last_folder"

# what → (entity for app.exporter, extensions offered)
KINDS = {"clients": ("clients", (".xlsx", ".csv")), "deals": ("deals", (".xlsx", ".csv")),
         "activities": ("activities", (".xlsx", ".csv")), "calendar": ("activities", (".ics",)),
         "vcard": ("clients", (".vcf",))}


class ExportDialog(QDialog):
    """Choose what to export, the format and the file; the export runs in a worker."""

    exported = Signal(str, int)
    """The file was written: its path and the number of records."""

    def __init__(self, parent=None, what: str = "clients", client_ids: list[int] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.client_ids = list(client_ids) if client_ids is not None else None
        self._task = None
        self._path_edited = False
        self.written: tuple[str, int] | None = None

        self.what_combo = QComboBox(self)
        for key, label in (("clients", self.tr("Clients")), ("deals", self.tr("Deals")),
                           ("activities", self.tr("Activities (calls, meetings, tasks)")),
                           ("calendar", self.tr("Calendar of planned activities (.ics)")),
                           ("vcard", self.tr("Contacts for a phone or mail program (vCard)"))):
            self.what_combo.addItem(label, key)
        self.format_combo = QComboBox(self)
        for combo in (self.what_combo, self.format_combo):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.only_shown = QCheckBox(self)
        self.path_edit = QLineEdit(self)
        self.path_edit.setMinimumWidth(380)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("What:"), self.what_combo)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow("", self.only_shown)
        form.addRow(QLabel(self.tr("File:"), self, buddy=self.path_edit), path_row)

        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.open_folder = QPushButton(self.tr("Open the folder"), self)
        self.open_folder.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_folder)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.resize(640, 250)

        self.what_combo.currentIndexChanged.connect(self.on_what_combo_current_index_changed)
        self.format_combo.currentIndexChanged.connect(self.on_format_combo_current_index_changed)
        self.path_edit.textEdited.connect(self.on_path_edit_text_edited)
        self.path_edit.textChanged.connect(self.on_path_edit_text_changed)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.close_button.clicked.connect(self.on_close_button_clicked)
        self.open_folder.clicked.connect(self.on_open_folder_clicked)

        index = self.what_combo.findData(what)
        self.what_combo.setCurrentIndex(max(index, 0))
        self.on_what_combo_current_index_changed()

    # ------------------------------------------------------------------ API

    def what(self) -> str:
        return self.what_combo.currentData()

    def extension(self) -> str:
        return self.format_combo.currentData()

    def ids(self) -> list[int] | None:
        """The client ids to export, or None for everything."""
        if self.only_shown.isVisible() and self.only_shown.isChecked():
            return self.client_ids
        return None

    def set_path(self, path: str) -> None:
        self.path_edit.setText(path)
        self._path_edited = True

    def start(self) -> None:
        """Export to the chosen file in a worker."""
        path = self._target_path()
        if not path:
            return
        entity = KINDS[self.what()][0]
        ids = self.ids()
        QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        self.written = None
        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self._task = run_in_worker(
            lambda progress, cancelled: export(entity, path, ids, on_progress=progress, should_cancel=cancelled),
            on_progress=self.on_task_progress, on_done=lambda n: self.on_task_done(path, n),
            on_error=self.on_task_error, on_cancelled=self.on_task_cancelled)

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def done(self, result: int) -> None:
        if self.is_running():
            self._task.cancel()
            self._task.wait()
        super().done(result)

    # ------------------------------------------------------------- internals

    def _default_folder(self) -> str:
        folder = str(QSettings().value(LAST_FOLDER_KEY, "") or "")
        if folder and Path(folder).is_dir():
            return folder
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def _default_name(self) -> str:
        names = {"clients": self.tr("clients"), "deals": self.tr("deals"), "activities": self.tr("activities"),
                 "calendar": self.tr("calendar"), "vcard": self.tr("contacts")}
        return names[self.what()] + "-" + date.today().isoformat() + self.extension()

    def _target_path(self) -> str:
        text = self.path_edit.text().strip()
        if not text:
            return ""
        path = Path(text).expanduser()
        if path.suffix.lower() != self.extension():
            path = path.with_name(path.name + self.extension())
        return str(path)

    def _set_running(self, running: bool) -> None:
        for widget in (self.what_combo, self.format_combo, self.only_shown, self.path_edit, self.browse_button,
                       self.export_button):
            widget.setEnabled(not running)
        self.close_button.setText(self.tr("Stop") if running else self.tr("Close"))
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.open_folder.hide()

    # ----------------------------------------------------------------- slots

    def on_what_combo_current_index_changed(self, *_args) -> None:
        labels = {".xlsx": self.tr("Excel workbook (.xlsx)"), ".csv": self.tr("CSV, semicolon-separated (.csv)"),
                  ".ics": self.tr("iCalendar (.ics)"), ".vcf": self.tr("vCard (.vcf)")}
        self.format_combo.blockSignals(True)
        self.format_combo.clear()
        for ext in KINDS[self.what()][1]:
            self.format_combo.addItem(labels[ext], ext)
        self.format_combo.blockSignals(False)
        self.format_combo.setEnabled(self.format_combo.count() > 1)
        shown = self.client_ids is not None and KINDS[self.what()][0] == "clients"
        n = len(self.client_ids or [])
        self.only_shown.setText(plural_s(self.tr("Only the %n client(s) currently shown", "", n), n))
        self.only_shown.setChecked(shown)
        self.only_shown.setVisible(shown)
        self.on_format_combo_current_index_changed()

    def on_format_combo_current_index_changed(self, *_args) -> None:
        text = self.path_edit.text().strip()
        if not self._path_edited or not text:
            self.path_edit.setText(str(Path(self._default_folder()) / self._default_name()))
        else:
            self.path_edit.setText(str(Path(text).with_suffix(self.extension())))

    def on_path_edit_text_edited(self, _text: str) -> None:
        self._path_edited = True

    def on_path_edit_text_changed(self, text: str) -> None:
        self.export_button.setEnabled(bool(text.strip()) and not self.is_running())

    def on_browse_button_clicked(self) -> None:
        ext = self.extension()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self._target_path() or self._default_folder(),
                                              self.format_combo.currentText().replace(f"({ext})", f"(*{ext})"))
        if path:
            self.set_path(path)
            self.path_edit.setText(self._target_path())

    def on_export_button_clicked(self) -> None:
        self.start()

    def on_close_button_clicked(self) -> None:
        if self.is_running():
            self._task.cancel()
            self.status.setText(self.tr("Stopping…"))
            return
        self.reject()

    def on_task_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def on_task_done(self, path: str, count: int) -> None:
        self._set_running(False)
        self.written = (path, count)
        text = plural_s(self.tr("%n record(s) written to %1", "", count), count).replace(
            "%1", "<b>" + html.escape(path) + "</b>")
        self.status.setText(text)
        self.open_folder.show()
        self.exported.emit(path, count)

    def on_task_cancelled(self, _exc) -> None:
        self._set_running(False)
        self.status.setText(self.tr("The export was stopped; no file was written."))

    def on_task_error(self, exc) -> None:
        self._set_running(False)
        self.status.setText("<span style='color:#c62828'>" + html.escape(message(exc)) + "</span>")

    def on_open_folder_clicked(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.written[0]).parent)))
