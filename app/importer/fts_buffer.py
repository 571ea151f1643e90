"""A bigger in-memory buffer for the search index while an import writes.

SQLite's FTS5 keeps the index entries of the rows a transaction inserts in memory and
writes them out as a new index segment each time that buffer passes ``hashsize`` bytes
(1 MB by default); the segments are then merged again and again.  100 000 imported
clients make dozens of segments that way; with a 64 MB buffer for the import's
transaction they are written as a few large ones, and indexing them takes about half
the time (3.1 s → 1.6 s in benchmarks/bench_import.py).  The setting lives in the index's config
table, so it is changed inside the import's transaction and put back before the commit
(a cancelled import rolls it back with everything else).  PostgreSQL: nothing to do.
"""
from __future__ import annotations

from contextlib import contextmanager

from db.models import database_proxy
from db.search_index import FTS_TABLE
from db.sql import is_postgres

IMPORT_HASHSIZE = 64 << 20
FTS5_DEFAULT_HASHSIZE = 1 << 20


def _set_hashsize(size: int) -> None:
    database_proxy.execute_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', ?)", (int(size),))


@contextmanager
def big_index_buffer():
    """Use inside the writing transaction; on an exception the rollback restores the setting."""
    if is_postgres():
        yield
        return
    row = database_proxy.execute_sql(f"SELECT v FROM {FTS_TABLE}_config WHERE k = 'hashsize'").fetchone()
    before = int(row[0]) if row else FTS5_DEFAULT_HASHSIZE
    _set_hashsize(max(before, IMPORT_HASHSIZE))
    yield
    _set_hashsize(before)
