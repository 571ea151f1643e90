"""Restoring a backup: choose the file, show what it holds, confirm; then (in the
session, with the main window closed) replace the database in a worker."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.backup import read_manifest

from ..errors import show_error
from .settings import backup_folder

RESTORE_FOLDER_KEY = "backup/restore_folder"



def describe(manifest: dict) -> str:
    """When, which version, how many clients, deals and activities (HTML)."""
    try:
        made = datetime.fromisoformat(manifest.get("created", ""))
        when = QLocale().toString(made.date(), QLocale.FormatType.LongFormat) + " " + \
            QLocale().toString(made.time(), QLocale.FormatType.ShortFormat)
    except ValueError:
        when = "?"
    counts = manifest.get("counts", {})
    rows = [
        (QCoreApplication.translate("Restore", "Made:"), when),
        (QCoreApplication.translate("Restore", "Kartoteka version:"), str(manifest.get("app_version", "?"))),
        (QCoreApplication.translate("Restore", "Clients:"), str(counts.get("client", 0))),
        (QCoreApplication.translate("Restore", "Deals:"), str(counts.get("deal", 0))),
        (QCoreApplication.translate("Restore", "Activities:"), str(counts.get("activity", 0))),
    ]
    if not manifest.get("app_version"):  # a plain database file (a restore's safety copy)
        del rows[1]
    return "<table>" + "".join(f"<tr><td>{a}&nbsp;&nbsp;</td><td><b>{b}</b></td></tr>" for a, b in rows) + "</table>"


def choose_backup(parent: QWidget) -> str | None:
    """Ask for a backup (.kbak, or the .db a restore kept as its safety copy), show its
    description and ask to confirm.  The file, or None."""
    settings = QSettings()
    start = str(settings.value(RESTORE_FOLDER_KEY, "") or backup_folder())
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Restore", "Restore from backup"), start,
                                          QCoreApplication.translate("Restore", "Kartoteka backups (*.kbak *.db)"))
    if not path:
        return None
    settings.setValue(RESTORE_FOLDER_KEY, str(Path(path).parent))
    try:
        manifest = read_manifest(path)
    except Exception as exc:  # noqa: BLE001 - not a backup, damaged, too new: say so
        show_error(parent, exc, QCoreApplication.translate("Restore", "Restore from backup"))
        return None
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Restore", "Restore from backup"),
                      QCoreApplication.translate("Restore", "Replace the current database with this backup?"),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(describe(manifest) + "<p>" + QCoreApplication.translate("Restore", 
        "Everything entered after this backup was made will be replaced. The current database "
        "is saved first, so this can be undone.") + "</p>")
    restore = box.addButton(QCoreApplication.translate("Restore", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setObjectName("RestoreConfirmation")
    box.exec()
    return path if box.clickedButton() is restore else None


def restored_message(parent: QWidget | None, backup: str, safety: Path | None, *, damaged: bool = False) -> None:
    """Say what was restored and where the replaced database was kept (``damaged``: it
    was replaced because the start-up check found it damaged)."""
    text = QCoreApplication.translate("Restore", "The backup {name} is restored.").format(name=Path(backup).name)
    if safety is not None and not damaged:
        text += "\n\n" + QCoreApplication.translate("Restore", "The database before the restore was saved as\n{path}\n"
                             "— you can restore it the same way.").format(path=str(safety))
    elif safety is not None:
        text += "\n\n" + QCoreApplication.translate("Restore", "The damaged database was kept as\n{path}").format(path=str(safety))
    QMessageBox.information(parent, QCoreApplication.translate("Restore", "Restore from backup"), text)


def run_restore(backup: str, db_path: Path) -> tuple[Path | None, BaseException | None]:
    """``restore_backup`` in a worker behind a progress window; waits for it (the main
    window is closed meanwhile).  Returns (safety copy, None) or (None, the error)."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog

    from app.backup_restore import restore_backup

    from ..workers import run_in_worker

    dialog = QProgressDialog(QCoreApplication.translate("Restore", "Restoring the backup…"), "", 0, 100)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(QCoreApplication.translate("Restore", "Restore from backup"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    dialog.show()
    outcome: list = []
    loop = QEventLoop()

    def job(progress, _cancelled):
        return restore_backup(backup, db_path, on_progress=lambda f: progress(int(f * 100), 100))

    def ended(value):
        outcome.append(value)
        loop.quit()

    task = run_in_worker(job, on_progress=lambda done, _total: dialog.setValue(done),
                         on_done=ended, on_error=ended)
    if task.is_running():
        loop.exec()
    dialog.hide()
    dialog.deleteLater()
    value = outcome[0] if outcome else None
    if isinstance(value, BaseException):
        return None, value
    return value, None
