"""The client search index: an FTS5 trigram table (SQLite) over folded client text.

Row id = client id.  The text holds the client's name, INN, city, address, notes,
contact persons' names and positions, and emails, all folded (lower case, ё→е), so a
substring of three or more characters is an indexed lookup, not a ``LIKE`` scan.
Phones are searched through ``Phone.digits_rev`` instead (see ``app.search``).
"""
from __future__ import annotations

from typing import Iterable

from .models import Client, ContactPerson, Email, database_proxy
from .text import fold

FTS_TABLE = "client_fts"


def create_index(db) -> None:
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, tokenize='trigram')"
    )


def _documents(client_ids: list[int]) -> dict[int, str]:
    docs: dict[int, list[str]] = {}
    for c in (Client.select(Client.id, Client.name, Client.inn, Client.city, Client.region,
                            Client.address, Client.notes, Client.source, Client.segment)
              .where(Client.id.in_(client_ids)).tuples()):
        docs[c[0]] = [x for x in c[1:] if x]
    for cid, name, position in (ContactPerson
                                .select(ContactPerson.client, ContactPerson.name, ContactPerson.position)
                                .where(ContactPerson.client.in_(client_ids),
                                       ContactPerson.deleted_at.is_null()).tuples()):
        if cid in docs:
            docs[cid] += [name, position]
    for cid, address in Email.select(Email.client, Email.address).where(Email.client.in_(client_ids)).tuples():
        if cid in docs:
            docs[cid].append(address)
    return {cid: fold(" | ".join(p for p in parts if p)) for cid, parts in docs.items()}


def index_clients(client_ids: Iterable[int]) -> None:
    """(Re)write the index rows of these clients; call inside the writing transaction."""
    ids = list(dict.fromkeys(client_ids))
    db = database_proxy
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        db.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        docs = _documents(chunk)
        if docs:
            db.execute_sql(
                f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES " + ",".join(["(?,?)"] * len(docs)),
                [v for item in docs.items() for v in item],
            )


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


def match_ids(folded_terms: list[str], limit: int) -> list[int]:
    """Client ids whose text contains every term (each at least three characters)."""
    if not folded_terms:
        return []
    query = " AND ".join('"' + t.replace('"', '""') + '"' for t in folded_terms)
    cur = database_proxy.execute_sql(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?", (query, limit)
    )
    return [r[0] for r in cur.fetchall()]
