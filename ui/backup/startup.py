"""Before the main window opens: is the database file healthy, and is it on a local disk?"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from app.backup_archive import BackupDamagedError, BackupTooNewError, NotABackupError
from app.backup_rotation import list_backups
from app.integrity import is_network_path, quick_check

from ..errors import show_error
from .restore import restored_message, run_restore
from .settings import backup_folder

NETWORK_WARNED_KEY = "backup/network_warned"



def warn_if_on_network(path: Path) -> bool:
    """Say once per database file that a network folder can damage it.  True if said."""
    if not is_network_path(path if path.exists() else path.parent):
        return False
    settings = QSettings()
    warned = settings.value(NETWORK_WARNED_KEY, [], type=list) or []
    if str(path) in warned:
        return False
    QMessageBox.warning(None, QCoreApplication.translate("StartupCheck", "Database on a network folder"), QCoreApplication.translate("StartupCheck", 
        "The database {path} is in a network folder. If two computers write to it at once, "
        "or the network drops while saving, the file can be damaged.\n\nKeep the database on "
        "this computer's disk, or, for an office where several people work together, use the "
        "office mode: one PostgreSQL server that every computer connects to.").format(path=str(path)))
    settings.setValue(NETWORK_WARNED_KEY, [*warned, str(path)])
    return True


def check_at_start(path: Path) -> bool:
    """Quick check of the file; when damaged, offer the latest good backup or opening it
    anyway.  False: the user chose to quit."""
    if not path.is_file():
        return True
    report = quick_check(path)
    if report.ok:
        return True
    try:
        backups = [p for p, _ in list_backups(backup_folder())]
    except OSError:
        backups = []
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("StartupCheck", "The database is damaged"),
                      QCoreApplication.translate("StartupCheck", "The database file {path} is damaged.").format(path=str(path)))
    box.setInformativeText(QCoreApplication.translate("StartupCheck", "Restore it from the latest good backup (the damaged file is kept), "
                               "or open it anyway to save what can still be read."))
    box.setDetailedText("\n".join(report.findings))
    restore = box.addButton(QCoreApplication.translate("StartupCheck", "Restore from the latest good backup"), QMessageBox.ButtonRole.AcceptRole)
    restore.setEnabled(bool(backups))
    if not backups:
        restore.setToolTip(QCoreApplication.translate("StartupCheck", "There is no backup in {folder}").format(folder=str(backup_folder())))
    box.addButton(QCoreApplication.translate("StartupCheck", "Open anyway"), QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton(QCoreApplication.translate("StartupCheck", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if backups else quit_button)
    box.exec()
    if box.clickedButton() is quit_button:
        return False
    if box.clickedButton() is restore:
        restore_latest(path, backups)
    return True


def restore_latest(path: Path, backups: list[Path]) -> Path | None:
    """Restore the newest backup that passes the checks; the one used, or None."""
    for backup in backups:
        safety, error = run_restore(str(backup), path)
        if error is None:
            restored_message(None, str(backup), safety)
            return backup
        if not isinstance(error, (BackupDamagedError, NotABackupError, BackupTooNewError)):
            show_error(None, error, QCoreApplication.translate("StartupCheck", "Restore from backup"))
            return None
    QMessageBox.warning(None, QCoreApplication.translate("StartupCheck", "Restore from backup"),
                        QCoreApplication.translate("StartupCheck", "None of the backups could be used; the database was not changed."))
    return None
