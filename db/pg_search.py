"""PostgreSQL: the search box's page of clients in one round trip, planned once.

On a server every statement costs a round trip and a plan (0.3–1.4 ms for the search
queries, more than running a rare word takes); SQLite pays neither.  So the search asks
PostgreSQL once per query: the page of clients together with their phones and e-mails
(arrays, in the card's order), through a server-side prepared statement: ``PREPARE`` once
per connection and SQL text, then ``EXECUTE`` with the values.  The connection uses
generic plans for these (``plan_cache_mode``, db.postgres): the statements are written so
that the generic plan is the right one (db.search_index: the pilot chooses between the
id walk and the trigram index when the statement runs, not when it is planned).
"""
from __future__ import annotations

import hashlib
import re
import weakref

from .models import database_proxy

MAX_STATEMENTS = 64
"""Distinct statements prepared (their shape depends on the number of words and on the
role's filters); a rarer shape beyond these runs unprepared."""

CONTACTS = (
    # ``e164 or raw`` as the card shows a phone; both lists in the card's order
    "ARRAY(SELECT COALESCE(NULLIF(p.e164, ''), p.raw) FROM phone p WHERE p.client_id = page.id "
    'ORDER BY p."order", p.id)',
    'ARRAY(SELECT e.address FROM email e WHERE e.client_id = page.id ORDER BY e."order", e.id)',
)

_names: dict[str, str] = {}  # SQL text -> statement name (from the text: the same on every connection)
_prepared: "weakref.WeakKeyDictionary[object, set[str]]" = weakref.WeakKeyDictionary()
_MARK = re.compile(r"%[s%]")


def numbered(sql: str) -> str:
    """psycopg2's ``%s`` placeholders as PostgreSQL's ``$1, $2…`` (``%%`` stays escaped)."""
    counter = iter(range(1, 10_000))
    return _MARK.sub(lambda m: m.group(0) if m.group(0) == "%%" else f"${next(counter)}", sql)


def run(sql: str, params) -> list[tuple]:
    """The rows of ``sql`` (``%s`` placeholders), prepared on this connection the first time."""
    params = list(params)
    name = _names.get(sql)
    if name is None and len(_names) < MAX_STATEMENTS:
        name = _names[sql] = "kartoteka_search_" + hashlib.sha1(sql.encode()).hexdigest()[:20]
    if name is None:
        return database_proxy.execute_sql(sql, params).fetchall()
    conn = database_proxy.connection()
    done = _prepared.get(conn)
    if done is None:
        done = _prepared[conn] = set()
    if name not in done:  # PREPARE outlives a rolled-back transaction: once per connection
        database_proxy.execute_sql(f"PREPARE {name} AS {numbered(sql)}")
        done.add(name)
    call = f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}"
    return database_proxy.execute_sql(call, params).fetchall()


def page_with_contacts(sql: str, params) -> list[tuple]:
    """``sql`` selects one page of clients (``id, name, kind, city, status, sort_key`` in
    the order ``sort_key, id``); returns those rows with the lists of their phones and
    e-mails appended, in one prepared statement."""
    return run(f"SELECT page.id, page.name, page.kind, page.city, page.status, {CONTACTS[0]}, {CONTACTS[1]} "
               f"FROM ({sql}) AS page ORDER BY page.sort_key, page.id", params)
