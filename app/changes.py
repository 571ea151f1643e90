"""Noticing that SOMEONE ELSE changed the database: another Kartoteka window, the CLI,
another computer of the office.

``ChangeWatcher.poll()`` is called every couple of seconds by the GUI.  It first asks a
*cheap gate* whether anything was committed at all, and only then works out *what* changed:

* **SQLite**: ``PRAGMA data_version`` on the polling thread's own connection.  SQLite
  bumps it only for commits made through *other* connections (another process, or a
  worker thread of this one: peewee keeps one connection per thread), never for this
  connection's own writes.  Reading it touches no table: a few microseconds.
* **PostgreSQL**: ``txid_snapshot_xmax(txid_current_snapshot())``, the next transaction
  id the server will hand out.  A transaction gets an id only when it writes, so the
  number moves exactly when something was written (our own writes included, and those
  of other databases on the same server: a spare refresh, never a missed one).  Chosen
  over LISTEN/NOTIFY because it needs no cooperation from the writer (psql, the CLI, an
  older Kartoteka, a restore all count) and no second connection kept listening; and over
  ``pg_stat_database.xact_commit``, which also counts read-only transactions and is
  flushed to the statistics lazily.

When the gate moved, one aggregate per big table (clients, deals, activities: row count,
highest id, sum of versions, latest ``updated_at``) and a fingerprint of the small lookup
tables (stages, employees, tags, custom fields, settings) say which entities changed.
These are the names ``app.events.Change`` uses, so the GUI can refresh only the affected
pages.  When the gate moved but no fingerprint did (say, a phone number edited by a tool
that did not bump the client's version), ``poll`` reports every entity: better one
refresh too many than a stale screen.

Own writes: on SQLite the polling connection's own commits do not move the gate (the GUI
already refreshed through ``app.events``); they are only named along with the next change
made elsewhere.  On PostgreSQL they are reported once by the next poll.

Cost (100 000 clients, 440 000 activities, SQLite): an idle poll about 0.01 ms; after a
change the aggregates scan the big tables for 145–450 ms (the activities take most of it).
``poll`` does both in one call (the CLI, tests); the GUI splits it: ``look`` on its own
thread, ``fingerprints`` in a worker, ``settle`` back on its thread, so the window never
waits for the scan.  The first reading is taken at the first poll, not at start-up
(``baseline=False``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from peewee import DatabaseError, InterfaceError, PostgresqlDatabase, fn

from db.models import (Activity, Client, CustomField, Deal, Employee, Pipeline, Setting, Stage, Tag,
                       database_proxy)

BIG_TABLES = {"client": Client, "deal": Deal, "activity": Activity}
SMALL_TABLES = {"stage": (Pipeline, Stage), "employee": (Employee,), "tag": (Tag,),
                "custom_field": (CustomField,), "setting": (Setting,)}
ENTITIES = frozenset(BIG_TABLES) | frozenset(SMALL_TABLES)
EXTERNAL = "external"
"""The ``app.events.Change.action`` of a change noticed by polling (made elsewhere)."""


@dataclass(frozen=True)
class ExternalChanges:
    """What changed since the previous poll (entity names as in ``app.events``)."""

    entities: frozenset[str]

    def __contains__(self, entity: str) -> bool:
        return entity in self.entities


def _is_postgres(database) -> bool:  # db.sql.engine() once the office mode has landed
    return isinstance(database, PostgresqlDatabase)


def _big_fingerprint(model) -> tuple:
    row = model.select(fn.COUNT(model.id), fn.MAX(model.id), fn.SUM(model.version),
                       fn.MAX(model.updated_at)).tuples().get()
    return tuple(str(value) for value in row)


def _small_fingerprint(models) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for model in models:
        for row in model.select().order_by(model._meta.primary_key).tuples():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def fingerprints() -> dict[str, object]:
    """A value per entity that changes whenever its rows change (see the module doc)."""
    out: dict[str, object] = {name: _big_fingerprint(model) for name, model in BIG_TABLES.items()}
    out.update((name, _small_fingerprint(models)) for name, models in SMALL_TABLES.items())
    return out


class ChangeWatcher:
    """Polls the bound database (``database_proxy``) from one thread (the GUI's)."""

    def __init__(self, *, baseline: bool = True):
        """``baseline=False`` leaves the fingerprints (a scan of the big tables) to the first
        poll, so that opening the window does not wait for them."""
        self._connection = self.database.connection()
        self._gate = self._read_gate()
        self._prints: dict[str, object] | None = fingerprints() if baseline else None

    @property
    def database(self):
        return database_proxy.obj

    def _read_gate(self):
        database = self.database
        sql = ("SELECT txid_snapshot_xmax(txid_current_snapshot())" if _is_postgres(database)
               else "PRAGMA data_version")
        return database.execute_sql(sql).fetchone()[0]

    def poll(self) -> ExternalChanges | None:
        """None when nothing was committed since the last poll, else what changed.

        A database that does not answer (a server away for a moment) also gives None:
        the next poll after it is back reports what changed meanwhile."""
        try:
            pending = self.look()
            return None if pending is None else self.settle(pending, fingerprints())
        except (DatabaseError, InterfaceError):
            return None

    def look(self) -> "Pending | None":
        """The cheap half of a poll, on the polling thread: None when nothing was committed
        since the last look; else what ``settle`` needs once ``fingerprints()`` was read.
        The fingerprints may be read on any thread (the GUI reads them in a worker, so a
        scan of the big tables never freezes the window), after this call: a commit in
        between only means one refresh too many."""
        connection = self.database.connection()
        if connection is not self._connection:  # reconnected, or the database was reopened
            self._connection = connection
            self._gate, self._prints = self._read_gate(), None
            return Pending(self._gate, everything=True)
        gate = self._read_gate()
        if self._prints is None:  # the first poll of a watcher made without a baseline
            return Pending(gate, everything=gate != self._gate, baseline=True)
        return None if gate == self._gate else Pending(gate)

    def settle(self, pending: "Pending", prints: dict[str, object]) -> ExternalChanges | None:
        """What changed, from the fingerprints read after ``look`` returned ``pending``."""
        previous = self._prints
        self._gate, self._prints = pending.gate, prints  # refresh next time, never a missed one
        if pending.everything:
            return ExternalChanges(ENTITIES)
        if pending.baseline or previous is None:
            return None
        changed = frozenset(name for name, value in prints.items() if previous.get(name) != value)
        return ExternalChanges(changed or ENTITIES)


@dataclass(frozen=True)
class Pending:
    """A moved gate waiting for its fingerprints (see ``ChangeWatcher.look``)."""

    gate: object
    everything: bool = False
    """Report every entity whatever the fingerprints say."""
    baseline: bool = False
    """Only take the first reading: nothing to compare it with."""


def stored_version(entity: str, record_id: int) -> int | None:
    """The version a client, deal or activity has in the database now; None when it is
    gone or in the trash (one indexed lookup: cards ask it after every change)."""
    model = BIG_TABLES[entity]
    row = (model.select(model.version).where(model.id == record_id, model.deleted_at.is_null())
           .tuples().first())
    return row[0] if row else None
