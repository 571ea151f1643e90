"""The import wizard: file → sheet → columns → duplicates and preview → import."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QWizard

from .apply_page import ApplyPage
from .file_page import FilePage
from .mapping_page import MappingPage
from .preview_page import PreviewPage
from .sheet_page import SheetPage
from .state import ImportState

GEOMETRY_KEY = "import_wizard/geometry"


class ImportWizard(QWizard):
    """Import clients from a spreadsheet, CSV or vCard file, step by step."""

    FILE, SHEET, MAPPING, PREVIEW, APPLY = range(5)

    import_finished = Signal(int)
    """The import was written to the database; the ImportBatch id (for undo)."""

    def __init__(self, parent=None, path: str | None = None):
        super().__init__(parent)
        self.setObjectName("ImportWizard")
        self.setWindowTitle(self.tr("Import clients"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setMinimumSize(900, 600)
        self.state = ImportState()
        self.file_page = FilePage(self.state, self)
        self.sheet_page = SheetPage(self.state, self)
        self.mapping_page = MappingPage(self.state, self)
        self.preview_page = PreviewPage(self.state, self)
        self.apply_page = ApplyPage(self.state, self)
        for page_id, page in ((self.FILE, self.file_page), (self.SHEET, self.sheet_page),
                              (self.MAPPING, self.mapping_page), (self.PREVIEW, self.preview_page),
                              (self.APPLY, self.apply_page)):
            self.setPage(page_id, page)
        self.setStartId(self.FILE)
        self._close_after_stop = False
        if not self.restoreGeometry(QSettings().value(GEOMETRY_KEY, b"")):
            self.resize(1120, 720)

        self.apply_page.imported.connect(self.on_apply_page_imported)
        self.apply_page.stopped.connect(self.on_apply_page_stopped)
        self.currentIdChanged.connect(self.on_current_id_changed)

        if path:
            self.file_page.open_path(path)

    @property
    def result(self):
        """The ``ImportResult`` once the import was written, else None."""
        return self.state.result

    def reject(self) -> None:
        """Cancel while importing stops the import first (it rolls back), then closes."""
        if self.apply_page.is_running():
            self._close_after_stop = True
            self.apply_page.on_cancel_button_clicked()
            return
        super().reject()

    def done(self, result: int) -> None:
        for page in (self.file_page, self.sheet_page, self.preview_page, self.apply_page):
            page.cancel()
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)

    # ----------------------------------------------------------------- slots

    def on_apply_page_imported(self, batch: int) -> None:
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.import_finished.emit(batch)
        if self._close_after_stop:  # the cancel came too late: the import is in, keep the wizard open
            self._close_after_stop = False

    def on_apply_page_stopped(self) -> None:
        if self._close_after_stop:
            self._close_after_stop = False
            super().reject()

    def on_current_id_changed(self, page_id: int) -> None:
        if page_id == self.APPLY:
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
