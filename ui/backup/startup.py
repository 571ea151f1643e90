"""Is the database file healthy, and is it on a local disk?

Before the main window opens only the file's header and schema are read (milliseconds);
SQLite's quick check of every page (0.7 s warm, several seconds cold on a 400 MB file)
runs in a worker once the window has been painted, and offers the latest good backup
if it finds damage."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from app.backup_archive import BackupDamagedError, BackupTooNewError, NotABackupError
from app.backup_rotation import list_backups
from app.integrity import IntegrityReport, header_check, is_network_path, quick_check

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


def _backups() -> list[Path]:
    try:
        return [p for p, _ in list_backups(backup_folder())]
    except OSError:
        return []


def check_at_start(path: Path) -> bool:
    """The file's header and schema, before the window opens; when damaged, offer the
    latest good backup or opening it anyway.  False: the user chose to quit."""
    if not path.is_file():
        return True
    report = header_check(path)
    if report.ok:
        return True
    backups = _backups()
    box = _damaged_box(path, report, backups)
    quit_button = box.addButton(QCoreApplication.translate("StartupCheck", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.restore if backups else quit_button)
    box.exec()
    if box.clickedButton() is quit_button:
        return False
    if box.clickedButton() is box.restore:
        restore_latest(path, backups)
    return True


def check_in_background(window, path: Path) -> None:
    """Once ``window`` has been painted, SQLite's quick check of every page in a worker;
    when it finds damage, offer the latest good backup (restored through the window's
    usual restore) or going on with the damaged file."""
    from ..deferred import after_first_paint
    from ..workers import run_in_worker

    def found(report: IntegrityReport) -> None:
        if report.ok or not window.isVisible():
            return
        backups = _backups()
        box = _damaged_box(path, report, backups, parent=window)
        box.setDefaultButton(box.restore if backups else box.keep)
        box.exec()
        if box.clickedButton() is box.restore:
            window.restore_requested.emit(str(backups[0]))

    def start() -> None:
        if path.is_file():  # the check's report says what it found; it does not raise
            run_in_worker(lambda _p, _c: quick_check(path), on_done=found, parent=window)
    after_first_paint(window, start)


def _damaged_box(path: Path, report: IntegrityReport, backups: list[Path], parent=None) -> QMessageBox:
    """The question about a damaged file: ``box.restore`` and ``box.keep`` buttons (before
    the window opens ``parent`` is None and keeping it means opening it anyway)."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("StartupCheck", "The database is damaged"),
                      QCoreApplication.translate("StartupCheck", "The database file {path} is damaged.").format(path=str(path)),
                      parent=parent)
    box.setInformativeText(
        QCoreApplication.translate("StartupCheck", "Restore it from the latest good backup (the damaged file is kept), "
                                   "or open it anyway to save what can still be read.") if parent is None else
        QCoreApplication.translate("StartupCheck", "Restore it from the latest good backup (the damaged file is kept), "
                                   "or keep working to save what can still be read."))
    box.setDetailedText("\n".join(report.findings))
    box.restore = box.addButton(QCoreApplication.translate("StartupCheck", "Restore from the latest good backup"),
                                QMessageBox.ButtonRole.AcceptRole)
    box.restore.setEnabled(bool(backups))
    if not backups:
        box.restore.setToolTip(QCoreApplication.translate("StartupCheck", "There is no backup in {folder}").format(
            folder=str(backup_folder())))
    keep = (QCoreApplication.translate("StartupCheck", "Open anyway") if parent is None
            else QCoreApplication.translate("StartupCheck", "Keep working"))
    box.keep = box.addButton(keep, QMessageBox.ButtonRole.DestructiveRole)
    return box


def restore_latest(path: Path, backups: list[Path]) -> Path | None:
    """Restore the newest backup that passes the checks; the one used, or None."""
    for backup in backups:
        safety, error = run_restore(str(backup), path)
        if error is None:
            restored_message(None, str(backup), safety, damaged=True)
            return backup
        if not isinstance(error, (BackupDamagedError, NotABackupError, BackupTooNewError)):
            show_error(None, error, QCoreApplication.translate("StartupCheck", "Restore from backup"))
            return None
    QMessageBox.warning(None, QCoreApplication.translate("StartupCheck", "Restore from backup"),
                        QCoreApplication.translate("StartupCheck", "None of the backups could be used; the database was not changed."))
    return None
