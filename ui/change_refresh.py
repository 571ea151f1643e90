"""Showing what other people changed: another window, the CLI, a colleague's computer.

A timer polls ``app.changes.ChangeWatcher`` every couple of seconds (the cheap look on
the GUI thread; after a commit, the scan of the big tables in a worker) and hands what it
found to the pages as ``app.events.Change`` objects (action ``"external"``, no ids) on the
usual ``bridge().changed`` signal.  The pages already know what to do with them: the
visible one refreshes (the client list keeps its selection and scroll position), the
others remember to refresh when shown; open cards show a banner instead of changing
under the user's hands.  Polling pauses while the window is hidden or minimised and
while a modal dialog is open (the conflict dialog, a question): what changed meanwhile
is found by the first poll after.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from peewee import DatabaseError, InterfaceError

from app.changes import EXTERNAL, ChangeWatcher, ExternalChanges, fingerprints
from app.events import Change

from .bridge import bridge
from .workers import run_in_worker

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
        self._task = None

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

    def poll_in_background(self) -> None:
        """Look once (unless paused or still measuring); when something was committed,
        read the fingerprints in a worker and hand what changed to the pages after."""
        if self.paused() or self._task is not None:
            return
        try:
            pending = self.watcher.look()
        except (DatabaseError, InterfaceError):
            return  # a server away for a moment: the next poll finds what changed meanwhile
        if pending is None:
            return

        def settle(prints) -> None:
            changes = self.watcher.settle(pending, prints)
            if changes is not None:
                self.apply(changes)

        self._task = run_in_worker(lambda _progress, _cancelled: fingerprints(), on_done=settle,
                                   on_error=self._unmeasured, parent=self)
        self._task.finished.connect(self._measured)

    def _measured(self) -> None:
        self._task = None

    @staticmethod
    def _unmeasured(exc: BaseException) -> None:
        """The server went away during the scan: the next poll finds what changed meanwhile."""
        if not isinstance(exc, (DatabaseError, InterfaceError)):
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def on_timer_timeout(self) -> None:
        self.poll_in_background()
