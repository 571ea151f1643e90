"""The search index's settings while an import writes: a bigger in-memory buffer and no
merging of the index's existing segments.

SQLite's FTS5 keeps the index entries of the rows a transaction inserts in memory and
writes them out as a new index segment each time that buffer passes ``hashsize`` bytes
(1 MB by default); the segments are then merged again and again.  100 000 imported
clients make dozens of segments that way; with a 64 MB buffer for the import's
transaction they are written as a few large ones, and indexing them takes about half
the time (3.1 s → 1.6 s in benchmarks/bench_import.py).

Writing the buffer out also merges older segments of the index (``automerge``), work
in proportion to what was written: for 100 000 imported clients 0.8 s of rewriting the
index of the clients already there.  During the import that merging is off; the new
rows are one more segment, complete and searchable at once, and the later writes of the
program merge it in a little at a time (FTS5's ``crisismerge`` still caps how many
segments a level may hold).  The buffer is written out before the setting is put back
(FTS5 writes it when a savepoint opens), or the commit would write it with merging on.

Both settings live in the index's config table, so they are changed inside the
import's transaction and put back before the commit (a cancelled import rolls them
back with everything else).  PostgreSQL: nothing to do.
"""
from __future__ import annotations

from contextlib import contextmanager

from db.models import database_proxy
from db.search_index import FTS_TABLE
from db.sql import is_postgres

IMPORT_HASHSIZE = 64 << 20
FTS5_DEFAULT_HASHSIZE = 1 << 20
FTS5_DEFAULT_AUTOMERGE = 4


def _get(key: str, default: int) -> int:
    row = database_proxy.execute_sql(f"SELECT v FROM {FTS_TABLE}_config WHERE k = ?", (key,)).fetchone()
    return int(row[0]) if row else default


def _set(key: str, value: int) -> None:
    database_proxy.execute_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES (?, ?)", (key, int(value)))


@contextmanager
def big_index_buffer():
    """Use inside the writing transaction; on an exception the rollback restores the settings."""
    if is_postgres():
        yield
        return
    hashsize = _get("hashsize", FTS5_DEFAULT_HASHSIZE)
    automerge = _get("automerge", FTS5_DEFAULT_AUTOMERGE)
    _set("hashsize", max(hashsize, IMPORT_HASHSIZE))
    _set("automerge", 0)
    yield
    # Write the buffer out now, while merging is off (the commit would write it after the
    # setting is back): FTS5 writes its pending rows when a savepoint opens.
    with database_proxy.savepoint():
        pass
    _set("automerge", automerge)
    _set("hashsize", hashsize)
