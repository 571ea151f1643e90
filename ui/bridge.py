"""Bridges the core's change events (``app.events``) to one Qt signal.

Views connect to ``bridge().changed`` and refresh only what the ``Change`` names.
Events published from a worker thread arrive in the GUI thread (queued connection).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app import events


class ChangeBridge(QObject):
    changed = Signal(object)
    """Emitted with an ``app.events.Change`` after every committed write."""

    def __init__(self):
        super().__init__()
        self._unsubscribe = events.subscribe(self.changed.emit)

    def close(self) -> None:
        self._unsubscribe()


_bridge: ChangeBridge | None = None


def bridge() -> ChangeBridge:
    global _bridge
    if _bridge is None:
        _bridge = ChangeBridge()
    return _bridge


def reset_bridge() -> None:
    """Drop the bridge (tests, or after reopening another database)."""
    global _bridge
    if _bridge is not None:
        _bridge.close()
        _bridge.deleteLater()
        _bridge = None
