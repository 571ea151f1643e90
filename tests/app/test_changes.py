"""ChangeWatcher: another connection's (or process's) commits are noticed; own ones are
not on SQLite (documented: they may be on PostgreSQL).  Runs on both engines (``--pg``)."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from peewee import PostgresqlDatabase

from app.changes import ENTITIES, ChangeWatcher
from app.clients import ClientData, create_client, load_client
from db.models import database_proxy
from tests.elsewhere import elsewhere


def is_postgres(database) -> bool:
    return isinstance(database, PostgresqlDatabase)


@pytest.fixture
def target(db, tmp_path):
    """What another program would open: the file, or the server's URL."""
    if not is_postgres(db):
        return tmp_path / "test.db"
    from db.postgres import make_url
    params = db.connect_params
    return make_url(params["host"], params["port"], db.database, params.get("user", ""))


@pytest.fixture
def other(db, target):
    """A second connection to the same database; ``other(sql)`` commits one statement."""
    if is_postgres(db):
        import psycopg2
        conn = psycopg2.connect(str(target))
        conn.autocommit = True

        def run(sql):
            with conn.cursor() as cursor:
                cursor.execute(sql)
    else:
        conn = sqlite3.connect(str(target), isolation_level=None, timeout=5)

        def run(sql):
            conn.execute(sql)
    yield run
    conn.close()


def test_nothing_committed_nothing_reported(db):
    watcher = ChangeWatcher()
    assert watcher.poll() is None
    assert watcher.poll() is None


@pytest.mark.sqlite_only
def test_own_writes_are_not_reported(db):
    watcher = ChangeWatcher()
    client = create_client(ClientData(name="Свой"))
    assert watcher.poll() is None
    assert load_client(client.id).name == "Свой"


def test_own_writes_on_postgres_are_reported_once_and_named(db):
    if not is_postgres(db):
        pytest.skip("PostgreSQL only (run with --pg)")
    watcher = ChangeWatcher()
    create_client(ClientData(name="Свой"))
    assert watcher.poll().entities == {"client"}
    assert watcher.poll() is None


def test_a_write_by_another_process_is_seen_and_named(db, target):
    watcher = ChangeWatcher()
    elsewhere(target, "from app.clients import ClientData, create_client\n"
                      "create_client(ClientData(name='Из другого окна'))")
    changes = watcher.poll()
    assert changes is not None and "client" in changes
    assert "stage" not in changes and "deal" not in changes
    assert watcher.poll() is None  # reported once


def test_an_update_by_another_connection_names_only_that_entity(db, other):
    client = create_client(ClientData(name="Старое имя"))
    watcher = ChangeWatcher()
    other("UPDATE client SET name = 'Новое', version = version + 1 WHERE id = %d" % client.id)
    assert watcher.poll().entities == {"client"}
    other("UPDATE stage SET name = 'Горячий' WHERE id = (SELECT min(id) FROM stage)")
    assert watcher.poll().entities == {"stage"}


def test_a_change_nothing_fingerprints_reports_everything(db, other):
    create_client(ClientData(name="С заметкой"))
    watcher = ChangeWatcher()
    other("UPDATE client SET notes = 'тихо'")  # no version bump, no updated_at
    assert watcher.poll().entities == ENTITIES


def test_own_earlier_writes_come_along_with_a_foreign_one(db, other):
    """Documented: own writes are taken in at the next foreign change."""
    watcher = ChangeWatcher()
    create_client(ClientData(name="Моё"))
    other("UPDATE stage SET color = '#000000'")
    assert watcher.poll().entities == {"client", "stage"}


def test_a_worker_thread_of_this_process_counts_as_another_connection(db):
    watcher = ChangeWatcher()

    def work():
        create_client(ClientData(name="Из потока"))
        database_proxy.close()
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert "client" in watcher.poll()


def test_after_reconnecting_everything_is_reported_once(db, other):
    watcher = ChangeWatcher()
    database_proxy.close()
    database_proxy.connect()
    assert watcher.poll().entities == ENTITIES
    assert watcher.poll() is None
    other("UPDATE stage SET color = '#111111'")
    assert watcher.poll().entities == {"stage"}


def test_the_idle_poll_is_cheap(db):
    for i in range(300):
        create_client(ClientData(name=f"Клиент {i}"))
    watcher = ChangeWatcher()
    started = time.perf_counter()
    for _ in range(200):
        assert watcher.poll() is None
    assert (time.perf_counter() - started) / 200 < 0.001
