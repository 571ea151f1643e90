"""The proxy every model binds to, with a per-thread override.

``database_proxy.initialize(db)`` binds the app's database for every thread, as peewee's
``DatabaseProxy`` does.  ``bound_to(other)`` points the models of the calling thread
alone at another database for a while: copying between two databases (``app.db_copy``),
or a backup of a PostgreSQL database exported through a temporary SQLite file while the
GUI thread keeps working on the server."""
from __future__ import annotations

import threading
from contextlib import contextmanager

from peewee import DatabaseProxy


class SwitchableProxy(DatabaseProxy):
    __slots__ = ("_shared",)
    _local = threading.local()

    @property
    def obj(self):
        override = getattr(SwitchableProxy._local, "db", None)
        return override if override is not None else self._shared

    @obj.setter
    def obj(self, value):
        self._shared = value

    def __setattr__(self, attr, value):
        if attr not in ("obj", "_shared", "_callbacks", "_Model"):
            raise AttributeError("Cannot set attribute on proxy.")
        object.__setattr__(self, attr, value)


@contextmanager
def bound_to(db):
    """Inside the block, the models of this thread use ``db``."""
    before = getattr(SwitchableProxy._local, "db", None)
    SwitchableProxy._local.db = db
    try:
        yield db
    finally:
        SwitchableProxy._local.db = before
