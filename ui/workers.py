"""Long work off the GUI thread, with progress and cancel.

    task = run_in_worker(fn, on_progress=..., on_done=..., on_error=..., on_cancelled=...)
    task.cancel()          # asks fn to stop; fn decides when (the core rolls back)

``fn(progress, cancelled)`` runs in its own thread and gets two callables:
``progress(done, total)`` (throttled, safe to call often) and ``cancelled() -> bool``.
Every callback runs in the GUI thread, in order: progress…, then exactly one of
done / error / cancelled.  A cancel that ``fn`` noticed ends in ``on_cancelled``
(whatever the core raised to stop); a cancel that came too late ends in ``on_done``.

peewee opens one connection per thread, so the worker's own connection to the
database is closed when ``fn`` ends, before the result is reported.

Python's cyclic garbage collector runs in whichever thread happens to allocate; a
collection in a worker would destroy unreachable Qt objects (a closed window, a timer)
outside the GUI thread, which Qt does not allow (warnings, then a crash).  So the
automatic collector is paused while a worker runs, and collections happen in the GUI
thread only.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from app import gc_pause

PROGRESS_INTERVAL = 0.05  # seconds between two progress reports

_running: set["WorkerTask"] = set()


def close_thread_connection() -> None:
    """Close this thread's database connection (if it opened one)."""
    from db.models import database_proxy
    if database_proxy.obj is None:
        return
    try:
        database_proxy.close()
    except Exception:  # noqa: BLE001 - an unfinished transaction: the connection dies with the thread
        pass


class _Thread(QThread):
    progressed = Signal(int, int)
    """Throttled progress of the function (done, total)."""
    ended = Signal(str, object)
    """("done", result) or ("error", exception), after the connection was closed."""

    def __init__(self, fn: Callable, cancel_event: threading.Event):
        super().__init__()
        self._fn, self._cancel = fn, cancel_event
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self.progressed.emit(int(done), int(total))

    def run(self) -> None:
        outcome: tuple[str, object]
        try:
            outcome = ("done", self._fn(self._progress, self._cancel.is_set))
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread
            outcome = ("error", exc)
        finally:
            close_thread_connection()
        try:
            self.ended.emit(*outcome)
        finally:
            gc_pause.resume()


class WorkerTask(QObject):
    """One function running in a worker thread; its signals arrive in the GUI thread."""

    progress = Signal(int, int)
    """Progress of the work: (done, total); total 0 means "unknown"."""
    done = Signal(object)
    """The function returned this value."""
    failed = Signal(object)
    """The function raised this exception (not after a cancel)."""
    cancelled = Signal(object)
    """The function stopped after ``cancel()``; the exception it raised to stop."""
    finished = Signal()
    """Emitted last, whatever the outcome."""

    def __init__(self, fn: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._ended = False
        self._thread = _Thread(fn, self._cancel)
        queued = Qt.ConnectionType.QueuedConnection
        self._thread.progressed.connect(self.on_thread_progressed, queued)
        self._thread.ended.connect(self.on_thread_ended, queued)

    def start(self) -> "WorkerTask":
        _running.add(self)
        gc_pause.pause()  # resumed by the thread when it ends (see the module docstring)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the function to stop (it checks ``cancelled()``)."""
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        """True until the outcome has been reported in the GUI thread."""
        return not self._ended

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread ends (the outcome is reported by the event loop)."""
        return self._thread.wait(msecs)

    @Slot(int, int)
    def on_thread_progressed(self, done: int, total: int) -> None:
        if not self._ended:
            self.progress.emit(done, total)

    @Slot(str, object)
    def on_thread_ended(self, kind: str, value: object) -> None:
        self._thread.wait()
        self._ended = True
        _running.discard(self)
        if kind == "done":
            self.done.emit(value)
        elif self._cancel.is_set():
            self.cancelled.emit(value)
        else:
            self.failed.emit(value)
        self.finished.emit()


def _report(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)


def run_in_worker(fn: Callable, *, on_progress: Callable[[int, int], None] | None = None,
                  on_done: Callable[[object], None] | None = None,
                  on_error: Callable[[BaseException], None] | None = None,
                  on_cancelled: Callable[[BaseException], None] | None = None,
                  parent: QObject | None = None) -> WorkerTask:
    """Start ``fn(progress, cancelled)`` in a worker thread; callbacks run in the GUI thread.

    Without ``on_cancelled`` a cancel reaches ``on_error``; without ``on_error`` an error
    goes to ``sys.excepthook``.  Keep the returned task to cancel or wait for it.
    """
    task = WorkerTask(fn, parent)
    if on_progress is not None:
        task.progress.connect(on_progress)
    if on_done is not None:
        task.done.connect(on_done)
    task.failed.connect(on_error or _report)
    task.cancelled.connect(on_cancelled or on_error or _report)
    return task.start()


def running_tasks() -> list[WorkerTask]:
    """The tasks whose outcome has not been reported yet."""
    return list(_running)
