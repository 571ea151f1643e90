"""The search box on PostgreSQL (db.pg_search): one prepared statement per query that finds
what SQLite finds, in the same order, with the same phones and e-mails, on every
connection.  Runs on a throwaway server whenever PostgreSQL is installed."""
from __future__ import annotations

from datetime import datetime

import pytest

from app import context
from app.clients import ClientData, PhoneItem, create_client
from app.search import search_clients
from db import pg_search
from db.connection import close_database, open_database
from db.models import database_proxy

NOW = datetime(2026, 3, 2, 10, 0)
QUERIES = ["ович", "евна", "снаб", "ольга", "Ёл", "ООО", "ИП Соколов", "Петров а", "mail.ru", "@mail.ru",
           "gmail", "ivan", "555-00-11", "8 (916) 555-00-11", "500100732259", "nothing-like-this"]


def _fill() -> None:
    from app.demo import generate
    generate(120, seed=11, now=NOW)
    create_client(ClientData(name="Ёлкин Пётр", kind="person", inn="500100732259",
                             phones=[PhoneItem(raw="8 (916) 555-00-11"), PhoneItem(raw="доб. 12-34")]))


def _results(queries) -> dict:
    return {q: [h.as_json() for h in search_clients(q, limit=7)] for q in queries}


@pytest.fixture
def both(server, tmp_path):
    """The same clients on SQLite and on PostgreSQL (the server database stays open)."""
    from tests.pg_server import TEMPLATE
    context.set_current_employee(None)
    open_database(tmp_path / "solo.db")
    _fill()
    close_database()
    url = server.new_database(TEMPLATE)
    server.created.append(url)
    open_database(url)
    _fill()
    yield tmp_path / "solo.db", url
    close_database()


@pytest.mark.parametrize("cap", [3, 2000])
def test_every_kind_of_query_finds_what_sqlite_finds(both, monkeypatch, cap):
    """Capped: common words take the first matches walking the ids, rare ones through the
    trigram index; both must be SQLite's first matches."""
    monkeypatch.setattr("app.search.SEARCH_CAP", cap)
    on_server = _results(QUERIES)
    close_database()
    open_database(both[0])
    on_file = _results(QUERIES)
    assert on_server == on_file
    assert max(len(hits) for hits in on_file.values()) == min(cap, 7)  # the cap, or the page, was reached
    assert "Ёлкин Пётр" in [hit["name"] for hit in on_file["Ёл"]]  # ё = е
    elkin = on_file["8 (916) 555-00-11"][0]
    assert elkin["phones"] == ["+79165550011", "доб. 12-34"]  # a number that did not parse, as typed


def test_one_statement_per_search_besides_the_role_check(both):
    sent = []
    db = database_proxy.obj
    original = db.execute_sql
    db.execute_sql = lambda sql, params=None: sent.append(sql) or original(sql, params)
    try:
        for query in ("снаб", "Ёл", "555-00-11", "@mail.ru"):
            sent.clear()
            assert search_clients(query)
            assert [s.split()[0] for s in sent if "employee" not in s] == ["PREPARE", "EXECUTE"]
            sent.clear()
            assert search_clients(query)  # planned once: the next search only executes
            assert [s.split()[0] for s in sent if "employee" not in s] == ["EXECUTE"]
    finally:
        del db.execute_sql


def test_a_new_connection_prepares_the_statements_again(both):
    before = _results(QUERIES[:6])
    close_database()  # a reconnect (or a restarted server): the prepared statements are gone
    open_database(both[1])
    assert _results(QUERIES[:6]) == before


def test_search_answers_after_a_rolled_back_transaction(both):
    expected = _results(QUERIES[:6])
    close_database()
    open_database(both[1])  # nothing prepared on this connection yet
    with pytest.raises(RuntimeError):
        with database_proxy.atomic():
            assert _results(QUERIES[:6]) == expected  # prepared inside the transaction
            raise RuntimeError("the user's operation failed")
    assert _results(QUERIES[:6]) == expected


def test_statements_beyond_the_prepared_ones_still_answer(both, monkeypatch):
    expected = _results(QUERIES)
    monkeypatch.setattr(pg_search, "_names", {})
    monkeypatch.setattr(pg_search, "MAX_STATEMENTS", 1)
    assert _results(QUERIES) == expected


def test_placeholders_are_numbered_for_prepare():
    assert pg_search.numbered("a = %s AND b LIKE '%%x' AND c IN (%s, %s)") == \
        "a = $1 AND b LIKE '%%x' AND c IN ($2, $3)"
