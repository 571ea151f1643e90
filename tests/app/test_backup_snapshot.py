"""The database inside a backup is one consistent moment of the live file, while the app
(and other programs) keep writing: read raw when the WAL can be emptied, else copied
by SQLite's online backup API."""
import os
import sqlite3
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from app import backup_snapshot, backup_stream
from app.backup import BackupVerifyError, OperationCancelled, make_backup, verify_backup
from app.backup_restore import restore_backup
from db.connection import close_database, open_database
from db.models import Client, database_proxy

pytestmark = pytest.mark.sqlite_only  # the raw copy of a live SQLite file

CLONE = ("INSERT INTO client(name, name_fold, kind, inn, kpp, address, city, region, source, segment, "
         "status, refusal_reason, notes, created_at, updated_at, version) SELECT ?, ?, kind, inn, kpp, "
         "address, city, region, source, segment, status, refusal_reason, notes, created_at, updated_at, 1 "
         "FROM client LIMIT 1")


@pytest.fixture
def live(db, tmp_path):
    """The app's database (open, WAL) with 400 clients with long notes: about 1.5 MB."""
    with database_proxy.atomic():
        for i in range(400):
            Client.create(name=f"Клиент {i:03d}", name_fold=f"клиент {i:03d}", notes=os.urandom(1500).hex())
    return tmp_path / "test.db"


@pytest.fixture
def copies(monkeypatch):
    """Small blocks (many steps while copying); records each use of the online backup API."""
    monkeypatch.setattr(backup_stream, "CHUNK", 16384)
    used = []
    real = backup_snapshot.online_copy

    def spy(*a, **k):
        used.append(True)
        return real(*a, **k)

    monkeypatch.setattr(backup_snapshot, "online_copy", spy)
    return used


def stored_database(backup, tmp_path) -> Path:
    target = tmp_path / "stored.db"
    with zipfile.ZipFile(backup) as zf:
        target.write_bytes(zf.read("kartoteka.db"))
    return target


def rows(path, upto=None):
    con = sqlite3.connect(path)
    try:
        sql = "SELECT id, name, notes FROM client" + ("" if upto is None else f" WHERE id <= {upto}")
        return con.execute(sql + " ORDER BY id").fetchall()
    finally:
        con.close()


def test_raw_copy_is_one_moment_while_another_connection_keeps_inserting(live, tmp_path, copies):
    go, stop, committed = threading.Event(), threading.Event(), threading.Event()
    inserted = []

    def writer():  # another connection, as another thread of the app or another program
        con = sqlite3.connect(live, isolation_level=None, timeout=10)
        go.wait(10)
        while not stop.is_set():
            con.execute(CLONE, (f"w{len(inserted)}", f"w{len(inserted)}"))
            inserted.append(True)
            committed.set()
        con.close()

    def progress(fraction):  # called while the file is copied
        go.set()
        if fraction < 0.6:
            committed.clear()
            assert committed.wait(10)  # at least one commit during each of these steps

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backup = make_backup(tmp_path / "b", on_progress=progress)
    finally:
        stop.set()
        go.set()
        thread.join()
    assert copies == []  # the file itself was read
    assert len(inserted) > 10
    manifest = verify_backup(backup)  # integrity_check, counts, checksums
    stored = stored_database(backup, tmp_path)
    assert manifest["counts"]["client"] == 400
    assert rows(stored) == rows(live, upto=400)  # the moment the backup began, row for row
    assert len(rows(live)) == 400 + len(inserted)  # nothing the writer did was lost
    con = sqlite3.connect(stored)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    con.close()


def test_checkpoints_during_the_raw_copy_cannot_change_the_file_being_read(live, tmp_path, copies):
    """Rows rewritten in place, and a checkpoint after each: the backup still holds the
    rows as they were when it began, and the app keeps every change."""
    before = rows(live)
    other = sqlite3.connect(live, isolation_level=None)
    moved = []

    def rewrite_and_checkpoint(fraction):
        if fraction < 0.8:
            n = len(moved) + 1
            other.execute("UPDATE client SET notes = ? WHERE id IN (?, ?)", (f"changed {n}", n, 401 - n))
            moved.append(other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[2])

    backup = make_backup(tmp_path / "b", on_progress=rewrite_and_checkpoint)
    assert copies == [] and len(moved) > 10
    assert set(moved) == {0}  # SQLite moved no page into the main file meanwhile
    assert rows(stored_database(backup, tmp_path)) == before
    assert verify_backup(backup)["counts"]["client"] == 400
    after = dict((r[0], r[2]) for r in rows(live))
    assert after[1] == "changed 1" and after[400] == "changed 1" and after[len(moved)] == f"changed {len(moved)}"
    other.close()


def test_a_reader_holding_an_older_snapshot_makes_it_copy_with_sqlite(live, tmp_path, copies, monkeypatch):
    monkeypatch.setattr(backup_snapshot, "CHECKPOINT_WAIT_MS", 50)
    reader = sqlite3.connect(live, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM client").fetchone()[0] == 400
    Client.create(name="после", name_fold="после")  # in the WAL, after the reader's snapshot
    try:
        backup = make_backup(tmp_path / "b")
    finally:
        reader.close()
    assert copies == [True]
    assert verify_backup(backup)["counts"]["client"] == 401
    assert rows(stored_database(backup, tmp_path)) == rows(live)


def test_a_database_not_in_wal_mode_is_copied_with_sqlite(live, tmp_path, copies):
    close_database()
    con = sqlite3.connect(live)
    assert con.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
    con.close()
    backup = make_backup(tmp_path / "b", db_path=live)
    open_database(live)  # for the fixture's teardown
    assert copies == [True]
    assert verify_backup(backup)["counts"]["client"] == 400


def test_cancel_during_the_raw_copy_ends_its_read_transaction(live, tmp_path, copies):
    def cancel(fraction):
        if fraction > 0.3:
            raise OperationCancelled(what="backup")

    with pytest.raises(OperationCancelled):
        make_backup(tmp_path / "b", on_progress=cancel)
    assert list((tmp_path / "b").iterdir()) == []
    Client.create(name="потом", name_fold="потом")
    con = sqlite3.connect(live, isolation_level=None)
    assert con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone() == (0, 0, 0)  # nobody holds it
    con.close()


def test_a_damaged_wal_database_is_not_backed_up_as_if_fine(tmp_path):
    path = tmp_path / "live.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("CREATE INDEX client_name ON client(name)")
    con.executemany("INSERT INTO client(name) VALUES (?)", [(f"n{i:05d}" * 20,) for i in range(3000)])
    con.commit()
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='client_name'").fetchone()[0]
    con.close()  # the last connection folds the WAL into the file
    data = bytearray(path.read_bytes())
    data[root * 4096 - 300:root * 4096] = b"\x07" * 300
    path.write_bytes(bytes(data))
    with pytest.raises(BackupVerifyError) as err:
        make_backup(tmp_path / "b", db_path=path)
    assert "integrity" in str(err.value)
    assert list((tmp_path / "b").iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX record locks")
def test_reading_the_live_file_keeps_the_apps_locks(live, tmp_path):
    """On POSIX, closing any descriptor of a file drops the process's locks on it: a
    backup must not, or another program closing the database deletes the app's WAL."""
    Client.create(name="в WAL", name_fold="в wal")
    make_backup(tmp_path / "b")
    Client.create(name="ещё", name_fold="ещё")  # the app goes on, in WAL mode
    other = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "c.execute('SELECT count(*) FROM client').fetchone(); c.close()")
    subprocess.run([sys.executable, "-c", other, str(live)], check=True, timeout=60)
    assert Path(f"{live}-wal").exists()
    assert Client.select().count() == 402


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_restore_does_not_keep_the_replaced_file_open(live, tmp_path):
    backup = make_backup(tmp_path / "b")
    close_database()
    restore_backup(backup, live, safety_dir=tmp_path / "safety")
    open_database(live)
    assert not [h for h in open_files() if h.startswith(str(live)) and h.endswith("(deleted)")]


def open_files():
    for fd in os.listdir("/proc/self/fd"):
        try:
            yield os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # the listing's own descriptor, closed by now
            pass
