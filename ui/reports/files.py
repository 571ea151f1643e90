"""Saving a report or a printout to a file: the file dialog (remembering the folder),
a safe file name from the title, and the writing in a worker with a wait cursor."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..errors import show_error
from ..workers import run_in_worker

LAST_FOLDER_KEY = "reports/last_folder"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_stem(title: str, day: date | None = None) -> str:
    """"Продажи" → "Продажи 2026-11-30": no characters a file system refuses."""
    name = " ".join(_UNSAFE.sub(" ", title).split())[:80].strip(" .") or "report"
    return f"{name} {(day or date.today()).isoformat()}"


def _folder() -> str:
    saved = str(QSettings().value(LAST_FOLDER_KEY, "") or "")
    if saved and Path(saved).is_dir():
        return saved
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def ask_save_path(parent: QWidget | None, caption: str, title: str, suffix: str, name_filter: str) -> str:
    """The path the user chose ("" when cancelled), ending in ``.suffix``."""
    suggested = str(Path(_folder()) / f"{file_stem(title)}.{suffix}")
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, name_filter)
    if not path:
        return ""
    if not path.lower().endswith("." + suffix):
        path += "." + suffix
    QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return path


def write_in_worker(parent: QWidget | None, path: str, write, on_saved=None):
    """Run ``write()`` off the GUI thread; errors are shown, ``on_saved(path)`` follows success."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def done(_result):
        QGuiApplication.restoreOverrideCursor()
        if on_saved is not None:
            on_saved(path)

    def failed(exc):
        QGuiApplication.restoreOverrideCursor()
        show_error(parent, exc, QCoreApplication.translate("ReportFiles", "Could not save {path}").format(path=path))

    return run_in_worker(lambda _progress, _cancelled: write(), on_done=done, on_error=failed, parent=parent)
