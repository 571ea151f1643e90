"""Work that waits for a widget's first paint, so that a start-up shows the window first
and fills what can wait (the Today panel, the rest of the client list, the reminder
timer) right after."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

_WATCHER = "kartoteka_first_paint"
_PAINTED = "kartoteka_painted"


class _FirstPaint(QObject):
    """Watches one widget until it has been painted, then runs the callbacks once."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.setObjectName(_WATCHER)
        self.widget = widget
        self.callbacks: list[Callable[[], None]] = []
        self._pending = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._run)  # once this paint has reached the screen
        return False

    def _run(self) -> None:
        self._pending = False
        if not self.widget.isVisible():
            return  # closed meanwhile (a restore replaces the window): wait for another paint
        self.widget.removeEventFilter(self)
        self.widget.setProperty(_PAINTED, True)
        callbacks, self.callbacks = self.callbacks, []
        self.deleteLater()
        for callback in callbacks:
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` from the event loop once ``widget`` has been painted for the first
    time and is still shown (soon, from the event loop, when that was already the case)."""
    if widget.property(_PAINTED):
        QTimer.singleShot(0, widget, callback)
        return
    watcher = widget.findChild(_FirstPaint, _WATCHER, Qt.FindChildOption.FindDirectChildrenOnly)
    if watcher is None:
        watcher = _FirstPaint(widget)
    watcher.callbacks.append(callback)
