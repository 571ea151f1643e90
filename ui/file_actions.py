"""The File menu's work: import, import history, export and backup.

Each opens its dialog or runs its job in a worker; the main window only wires the
actions to these functions."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .errors import show_error
from .workers import run_in_worker


def open_import_wizard(parent: QWidget, path: str | None = None):
    from app.access import require
    from app.errors import PermissionDeniedError
    try:
        require("import")  # a viewer (also a file dropped on the window)
    except PermissionDeniedError as exc:
        show_error(parent, exc)
        return None
    from .import_wizard import ImportWizard
    wizard = ImportWizard(parent, path)
    wizard.setModal(False)
    wizard.show()
    return wizard


def open_import_history(parent: QWidget):
    from .import_wizard import ImportHistoryDialog
    dialog = ImportHistoryDialog(parent)
    dialog.show()
    return dialog


def open_export(parent: QWidget, client_ids: list[int] | None = None):
    from .export_dialog import ExportDialog
    dialog = ExportDialog(parent, "clients", client_ids)
    dialog.show()
    return dialog


def backup_now(parent: QWidget, folder: str | None = None, on_finished=None):
    """Ask for a folder (a USB stick is typical), back up there in a worker, say where.
    ``on_finished()`` runs afterwards, however it ended (the status line refreshes)."""
    from .backup.settings import MANUAL_FOLDER_KEY, backup_folder
    settings = QSettings()
    if folder is None:
        start = str(settings.value(MANUAL_FOLDER_KEY, "") or backup_folder())
        folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("FileActions", "Where to save the backup"), start)
        if not folder:
            return None
    settings.setValue(MANUAL_FOLDER_KEY, folder)

    from app.backup import make_backup

    def job(progress, _cancelled):
        return make_backup(folder, reason="manual", on_progress=lambda f: progress(int(f * 100), 100))

    def done(path):
        if on_finished is not None:
            on_finished()
        QMessageBox.information(parent, QCoreApplication.translate("FileActions", "Backup"),
                                QCoreApplication.translate("FileActions", "The backup is saved and checked:\n{path}").format(path=str(path)))

    def failed(exc):
        if on_finished is not None:
            on_finished()
        show_error(parent, exc, QCoreApplication.translate("FileActions", "Backup"))

    return run_in_worker(job, on_progress=lambda *_: None, on_done=done, on_error=failed, parent=parent)
