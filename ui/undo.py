"""Undo/redo: one ``QUndoStack`` for the main window; commands call app services,
never widgets (so undo works whatever view is open)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

_stack: QUndoStack | None = None


def undo_stack() -> QUndoStack:
    global _stack
    if _stack is None:
        _stack = QUndoStack()
        _stack.setUndoLimit(200)
    return _stack


def reset_undo_stack() -> None:
    global _stack
    if _stack is not None:
        _stack.clear()
        _stack.deleteLater()
    _stack = None


_NOT_RUN = object()


class ServiceCommand(QUndoCommand):
    """An undoable action made of two service calls.

    ``do()`` returns a state (ids, previous values…) and ``undo(state)`` takes the
    action back.  When ``state`` is given, the action already ran, so the push does
    not run it again.
    """

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[object], None],
                 state: object = _NOT_RUN):
        super().__init__(text)
        self._do, self._undo = do, undo
        self._already_done = state is not _NOT_RUN
        self.state = None if state is _NOT_RUN else state

    def redo(self) -> None:  # Qt calls redo() on push and on every redo
        if self._already_done:
            self._already_done = False
            return
        self.state = self._do()

    def undo(self) -> None:
        self._undo(self.state)


def run_undoable(text: str, do: Callable[[], object], undo: Callable[[object], None]) -> object:
    """Run ``do`` now and push it on the stack; returns what ``do`` returned.

    If ``do`` raises, the exception reaches the caller and nothing is pushed.
    """
    state = do()
    undo_stack().push(ServiceCommand(text, do, undo, state))
    return state


def run_undoable_or_say(parent, text: str, do: Callable[[], object], undo: Callable[[object], None],
                        say: Callable[[Exception], None] | None = None) -> object:
    """``run_undoable``, but a core error is shown to the user (``say``, or a message box
    over ``parent``) instead of raised; returns None then."""
    from app.errors import KartotekaError

    from .errors import show_error
    try:
        return run_undoable(text, do, undo)
    except KartotekaError as exc:
        if say is not None:
            say(exc)
        else:
            show_error(parent, exc)
        return None
