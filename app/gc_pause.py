"""Pausing Python's cyclic garbage collector: one counted pause for the whole program.

Two callers, and they must share the count (with two, one resuming would switch the
collector back on under the other): the import, and the GUI's worker threads (see
``ui.workers``: a collection in a worker would free Qt objects off the GUI thread).

A 100 000-row import allocates millions of lists, dicts and drafts that all stay alive
until the import ends.  The cyclic collector runs every few hundred allocations and
every so often walks all of them, which took more time than the cleaning itself
(benchmarks/bench_import.py).  The import's objects hold no reference cycles worth
collecting early, so the collector is paused for the duration of ``read_table``,
``plan_import`` and ``apply_import``, and resumed when the last pause ends.  Nested
and concurrent pauses (a worker thread and the GUI) are counted.
"""
from __future__ import annotations

import functools
import gc
import threading

_lock = threading.Lock()
_depth = 0
_was_enabled = False


def pause() -> None:
    """Pause the collector until the matching ``resume`` (pauses are counted; any thread)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def resume() -> None:
    global _depth
    with _lock:
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()


def gc_paused(func):
    """Decorator: run ``func`` with the cyclic garbage collector paused."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        pause()
        try:
            return func(*args, **kwargs)
        finally:
            resume()
    return wrapper
