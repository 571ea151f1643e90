"""Showing what other people changed: another window, the CLI, a colleague's computer.

A timer polls ``app.changes.ChangeWatcher`` every couple of seconds and hands what it
found to the pages as ``app.events.Change`` objects (action ``"external"``, no ids) on the
usual ``bridge().changed`` signal.  The pages already know what to do with them: the
visible one refreshes (the client list keeps its selection and scroll position), the
others remember to refresh when shown; open cards show a banner instead of changing
under the user's hands.  Polling pauses while the window is hidden or minimised and
while a modal dialog is open (the conflict dialog, a question): what changed meanwhile
is found by the first poll after.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.changes import EXTERNAL, ChangeWatcher, ExternalChanges
from app.events import Change

from .bridge import bridge

POLL_INTERVAL_MS = 2000

ALSO = {"stage": ("pipeline",)}
"""Entities the watcher reports together (one fingerprint) that pages listen to apart."""


class ChangeRefresher(QObject):
    """Polls for changes made elsewhere while ``window`` is on screen."""

    noticed = Signal(object)
    """Emitted with the ``ExternalChanges`` after they were handed to the pages."""

    def __init__(self, window: QWidget, interval_ms: int = POLL_INTERVAL_MS):
        super().__init__(window)
        self._window = window
        self.watcher = ChangeWatcher(baseline=False)  # the first poll takes it, not the start-up
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.timer.start()

    def paused(self) -> bool:
        window = self._window
        return (not window.isVisible() or window.isMinimized()
                or QApplication.activeModalWidget() is not None)

    def poll(self) -> ExternalChanges | None:
        """Look once (unless paused) and hand what changed to the pages."""
        if self.paused():
            return None
        changes = self.watcher.poll()
        if changes is not None:
            self.apply(changes)
        return changes

    def apply(self, changes: ExternalChanges) -> None:
        signal = bridge().changed
        for entity in sorted(changes.entities):
            for name in (entity, *ALSO.get(entity, ())):
                signal.emit(Change(name, EXTERNAL))
        self.noticed.emit(changes)

    def on_timer_timeout(self) -> None:
        self.poll()
