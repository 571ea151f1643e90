"""The reusable worker: progress, result, errors and cancel arrive in the GUI thread;
the worker's own database connection is closed when it ends."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from ui.workers import WorkerTask, run_in_worker


def _wait(qtbot, task: WorkerTask) -> None:
    qtbot.waitUntil(lambda: not task.is_running(), timeout=10_000)


def test_progress_and_result_arrive_in_the_gui_thread(qtbot):
    seen, threads = [], []
    main = threading.get_ident()

    def work(progress, cancelled):
        for i in range(1, 4):
            progress(i, 3)
        return "ok"

    def on_progress(done, total):
        threads.append(threading.get_ident())
        seen.append((done, total))

    results = []
    task = run_in_worker(work, on_progress=on_progress, on_done=results.append)
    _wait(qtbot, task)
    assert results == ["ok"]
    assert seen[0] == (1, 3) and seen[-1] == (3, 3)  # throttled, but first and last arrive
    assert set(threads) == {main}


def test_cancel_is_honoured(qtbot):
    started = threading.Event()

    class Stopped(Exception):
        pass

    def work(progress, cancelled):
        started.set()
        for i in range(10_000):
            if cancelled():
                raise Stopped()
            progress(i, 10_000)
            threading.Event().wait(0.001)
        return "finished anyway"

    outcome = []
    task = run_in_worker(work, on_done=lambda v: outcome.append(("done", v)),
                         on_error=lambda e: outcome.append(("error", e)),
                         on_cancelled=lambda e: outcome.append(("cancelled", type(e))))
    assert started.wait(5)
    task.cancel()
    _wait(qtbot, task)
    assert outcome == [("cancelled", Stopped)]


def test_an_error_reaches_on_error(qtbot):
    errors = []

    def work(progress, cancelled):
        raise ValueError("broken")

    task = run_in_worker(work, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["broken"]


def test_the_worker_closes_its_database_connection(db, qtbot):
    from db.models import Client, database_proxy
    connections = []

    def work(progress, cancelled):
        connections.append(database_proxy.connection())
        return Client.select().count()

    counted = []
    task = run_in_worker(work, on_done=counted.append)
    _wait(qtbot, task)
    assert counted == [0]
    with pytest.raises(sqlite3.ProgrammingError):
        connections[0].execute("select 1")
    assert not database_proxy.is_closed()  # the GUI thread's own connection is untouched


def test_a_write_in_the_worker_refreshes_the_gui(db, qtbot):
    from app.clients import ClientData, create_client
    from ui.bridge import bridge
    changes = []
    bridge().changed.connect(changes.append)
    task = run_in_worker(lambda p, c: create_client(ClientData(name="Орлов")).id)
    with qtbot.waitSignal(task.done, timeout=5000) as blocker:
        pass
    qtbot.waitUntil(lambda: any(ch.entity == "client" for ch in changes))
    assert blocker.args[0] in next(ch.ids for ch in changes if ch.entity == "client")


def test_the_garbage_collector_waits_while_a_worker_runs(qtbot):
    """Qt objects must die in the GUI thread: no automatic collection inside a worker."""
    import gc
    assert gc.isenabled()
    results = []
    task = run_in_worker(lambda _p, _c: gc.isenabled(), on_done=results.append)
    _wait(qtbot, task)
    assert results == [False] and gc.isenabled()


def test_an_import_ending_meanwhile_does_not_restart_the_collector_under_a_worker(qtbot):
    """The import's pause and the workers' share one count: an import that began before
    a worker and ends while it runs leaves the collector off until the worker is done."""
    import gc
    import threading

    from app import gc_pause
    release = threading.Event()
    gc_pause.pause()  # an import begins (in the GUI thread)…
    task = run_in_worker(lambda _p, _c: release.wait(5))
    gc_pause.resume()  # …and ends while the worker runs
    assert not gc.isenabled()
    release.set()
    _wait(qtbot, task)
    assert gc.isenabled()
