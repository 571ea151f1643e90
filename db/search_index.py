"""The client search index: an FTS5 trigram table (SQLite) over folded client text;
on PostgreSQL a plain table of the same name and columns with a pg_trgm GIN index, so
a substring of three or more characters is an indexed lookup there too.

Row id = client id.  The text holds the client's name, INN, city, address, notes,
contact persons' names and positions, and emails, all folded (lower case, ё→е), so a
substring of three or more characters is an indexed lookup, not a ``LIKE`` scan.
Phones are searched through ``Phone.digits_rev`` instead (see ``app.search``).
"""
from __future__ import annotations

from typing import Iterable

from .models import Client, ContactPerson, Email, database_proxy
from .sql import insert_many_rows, is_postgres, mark, marks, portable
from .text import fold

FTS_TABLE = "client_fts"


def create_index(db) -> None:
    if is_postgres(db):
        db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        db.execute_sql(f"CREATE TABLE IF NOT EXISTS {FTS_TABLE} (rowid integer PRIMARY KEY, "
                       "body text NOT NULL DEFAULT '')")
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {FTS_TABLE}_trgm ON {FTS_TABLE} "
                       "USING gin (body gin_trgm_ops)")
        return
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, tokenize='trigram')"
    )


def _documents(client_cond, contact_cond, email_cond, sort_keys: dict | None = None) -> dict[int, str]:
    """Folded index text of the clients matching the three conditions (same clients);
    ``sort_keys`` (when given) receives each one's ``name_fold``."""
    docs: dict[int, list[str]] = {}
    for c in (Client.select(Client.id, Client.name_fold, Client.name, Client.inn, Client.city, Client.region,
                            Client.address, Client.notes, Client.source, Client.segment)
              .where(client_cond).order_by(Client.id).tuples()):
        docs[c[0]] = [x for x in c[2:] if x]
        if sort_keys is not None:
            sort_keys[c[0]] = c[1]
    for cid, name, position in (ContactPerson
                                .select(ContactPerson.client, ContactPerson.name, ContactPerson.position)
                                .where(contact_cond, ContactPerson.deleted_at.is_null())
                                .order_by(ContactPerson.client, ContactPerson.id).tuples()):
        if cid in docs:
            docs[cid] += [name, position]
    for cid, address in (Email.select(Email.client, Email.address).where(email_cond)
                         .order_by(Email.client, Email.id).tuples()):
        if cid in docs:
            docs[cid].append(address)
    return {cid: fold(" | ".join(p for p in parts if p)) for cid, parts in docs.items()}


def _write(docs: dict[int, str], sort_keys: dict[int, str]) -> None:
    if not docs:
        return
    if is_postgres():  # the sort key of a capped search (migration 7)
        insert_many_rows(f"INSERT INTO {FTS_TABLE}(rowid, body, name_fold) VALUES", "(?, ?, ?)",
                         [(cid, body, sort_keys[cid]) for cid, body in docs.items()])
    else:
        insert_many_rows(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES", "(?, ?)", list(docs.items()))


def index_clients(client_ids: Iterable[int]) -> None:
    """(Re)write the index rows of these clients; call inside the writing transaction."""
    ids = list(dict.fromkeys(client_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        database_proxy.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks(len(chunk))})", chunk)
        keys: dict[int, str] = {}
        _write(_documents(Client.id.in_(chunk), ContactPerson.client.in_(chunk), Email.client.in_(chunk), keys), keys)


def index_client_range(first_id: int, last_id: int, window: int = 5000) -> int:
    """Index clients ``first_id..last_id`` after a bulk load with ordered range scans;
    returns how many were written."""
    written = 0
    for low in range(first_id, last_id + 1, window):
        high = min(low + window - 1, last_id)
        keys: dict[int, str] = {}
        docs = _documents(Client.id.between(low, high), ContactPerson.client.between(low, high),
                          Email.client.between(low, high), keys)
        database_proxy.execute_sql(portable(f"DELETE FROM {FTS_TABLE} WHERE rowid BETWEEN ? AND ?"),
                                   (low, high))
        _write(docs, keys)
        written += len(docs)
    return written


def rebuild_index() -> None:
    """Re-index every client (after a bulk load)."""
    db = database_proxy
    db.execute_sql(f"DELETE FROM {FTS_TABLE}")
    last = 0
    while True:
        ids = [r[0] for r in Client.select(Client.id).where(Client.id > last)
               .order_by(Client.id).limit(5000).tuples()]
        if not ids:
            break
        index_clients(ids)
        last = ids[-1]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


PILOT_ROWS = 300
"""PostgreSQL: how many index rows (in id order) a capped match tries first, to see how
common the words are."""
DENSE = 0.1
"""The share of pilot rows matching above which walking the ids in order beats the trigram
index: that reads ``limit / share`` rows, the trigram index every match (and rechecks them)."""


def _pg_pilot(folded_terms: list[str]) -> tuple[str, list]:
    """A CTE ``pilot`` whose one boolean ``dense`` says whether the words match at least
    ``DENSE`` of the first ``PILOT_ROWS`` rows (part of the search statement: no round trip)."""
    where, params = _pg_contains(folded_terms)
    share = round(1 / DENSE)
    return (f"WITH pilot AS (SELECT count(*) FILTER (WHERE {where}) * {share} >= count(*) AS dense FROM "
            f"(SELECT body FROM {FTS_TABLE} ORDER BY rowid LIMIT {PILOT_ROWS}) sample) "), params


def _pg_contains(folded_terms: list[str]) -> tuple[str, list]:
    """Every term in the text, checked row by row (``strpos`` is about twice as fast as
    ``LIKE '%…%'``, which only the trigram index needs)."""
    return " AND ".join([f"strpos(body, {mark()}) > 0"] * len(folded_terms)), list(folded_terms)


def match_sql(folded_terms: list[str], limit: int | None = None, columns: str = "rowid") -> tuple[str, list]:
    """``SELECT rowid …`` of the clients whose text contains every term (each at least
    three characters), in id order, and its parameters.

    With a ``limit`` on PostgreSQL a pilot over the first rows (a CTE of the same statement)
    decides: when the words are common the first ``limit`` matches come from walking the ids
    in order; when they are rare, from the trigram index (``rowid + 0`` keeps the planner off the walk, which would read
    most of the table to find them).  Either gives the same ids.  ``columns`` may add
    ``name_fold`` there (migration 7: the clients' sort key, by code point)."""
    cap = f" LIMIT {int(limit)}" if limit else ""
    if is_postgres():
        like = " AND ".join([f"body LIKE {mark()}"] * len(folded_terms))
        likes = [_like(t) for t in folded_terms]
        if not limit:
            return f"SELECT {columns} FROM {FTS_TABLE} WHERE {like} ORDER BY rowid", likes
        # one statement: the pilot's answer gates the two ways (the other one is not run)
        pilot, pilot_params = _pg_pilot(folded_terms)
        where, params = _pg_contains(folded_terms)
        return (f"{pilot}(SELECT {columns} FROM {FTS_TABLE} WHERE (SELECT dense FROM pilot) AND {where} "
                f"ORDER BY rowid{cap}) UNION ALL (SELECT {columns} FROM {FTS_TABLE} WHERE "
                f"NOT (SELECT dense FROM pilot) AND {like} ORDER BY rowid + 0{cap})",
                pilot_params + params + likes)
    query = " AND ".join('"' + t.replace('"', '""') + '"' for t in folded_terms)
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?{cap}", [query]


def match_ids(folded_terms: list[str], limit: int) -> list[int]:
    """Client ids whose text contains every term (each at least three characters)."""
    if not folded_terms:
        return []
    sql, params = match_sql(folded_terms, limit)
    return [r[0] for r in database_proxy.execute_sql(sql, params).fetchall()]

