"""The database image that goes into a backup: one consistent moment of the live file,
taken while the app keeps running and writing (used by ``app.backup``).

Fast path, for a database in WAL mode (the app always opens it so):

1. ``PRAGMA wal_checkpoint(TRUNCATE)`` moves every commit into the main file and
   empties the -wal file.  It waits at most ``CHECKPOINT_WAIT_MS`` for the app's readers,
   and the app's writers wait no longer than that for it.
2. A read transaction starts on a connection of our own.  If the -wal file is still
   empty then, the transaction reads the main file alone: SQLite gives it read-mark 0
   ("the WAL is ignored"), and a checkpoint must lock that mark exclusively before it
   writes one page into the main file (``walCheckpoint`` in SQLite's wal.c).  So while
   the transaction lasts, the app's commits only grow the -wal file and the main file
   does not change by one byte (tests/app/test_backup_snapshot.py checks it with a
   writer and its checkpoints running during a backup).
3. The main file is read as plain bytes in big blocks - no per-page work in SQLite -
   and its header is marked as a rollback-journal database (bytes 18-19: 2 -> 1), as
   ``PRAGMA journal_mode=DELETE`` leaves an empty-WAL database: the copy is one
   self-contained file, as backups have always been.
4. The row counts and the schema version are taken in the same transaction, and so is
   the integrity check, once the bytes are written: it is of exactly these bytes.

Fallback - the -wal file could not be emptied (a reader of the app held an older
snapshot for longer than ``CHECKPOINT_WAIT_MS``) or the database is not in WAL mode:
SQLite's online backup API copies the transaction's snapshot into a scratch file,
which is then the image (slower: SQLite copies it page by page).

Reading the live file: on POSIX, closing *any* descriptor of a file drops every fcntl
lock the process holds on it, SQLite's included (sqlite.org/howtocorrupt.html, 2.2);
another program could then delete the -wal file under the app.  So the descriptor used
to read a live database is opened once and kept for the life of the process (one per
database file), and ``release_live_file`` closes it once no SQLite connection of this
process has that file any more (restore does, before it replaces the file).
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from .backup_archive import BackupVerifyError, schema_version_of, table_counts
from .errors import DatabaseOpenError, NotADatabaseError
from .integrity import integrity_problems

CHECKPOINT_WAIT_MS = 500
BUSY_MS = 10_000
PAGES_PER_STEP = 4096  # online backup: 16 MB per step with 4 KB pages, a cancel within ~50 ms
SQLITE_MAGIC = b"SQLite format 3\x00"
LOCK_BYTE = 0x40000000  # SQLite's lock-byte page; Windows forbids reading locked ranges

# The integrity check of a new backup is ``quick_check``: it reads every page and
# checks every b-tree, the free list and that each page is used exactly once - all
# that copying or a failing disk can break.  It skips what integrity_check adds: that
# every index entry matches its row (the O(N log N) part, some 0.3 s of 0.8 s for a
# 530 MB database).  An index can disagree with its table only in the live database
# itself (a SQLite bug, a hand-edited schema), never through copying: the stored
# bytes are compared with the checked ones after writing.  ``verify``, restore and
# ``kartoteka check`` run the full integrity_check.
QUICK_CHECK_AFTER_WRITING = True
# Checks read through memory-mapped I/O: no system call and no copy per page, about
# three times faster.  Only a file that was just read or written whole is checked so:
# its pages are in memory, so a disk error (through a mapping, a crash by SIGBUS instead
# of an error) has already been reported as a plain error, and it cannot shrink meanwhile
# (our own copy, or the live file under our read transaction).
MAPPED = 0x7FFF0000  # SQLite's default upper limit


def check_copy(copy: Path, counts: dict | None, folder, *, what="the copy", quick=False,
               mapped=False) -> int:
    """Integrity check and row counts of a database copy; returns its schema version.
    ``mapped``: the copy was just written whole (see MAPPED)."""
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        if mapped:
            conn.execute(f"PRAGMA mmap_size={MAPPED}")
        _check(conn, folder, what, quick)
        if counts is not None and table_counts(conn) != counts:
            raise BackupVerifyError(folder=str(folder), detail=f"the row counts of {what} differ")
        return schema_version_of(conn)
    finally:
        conn.close()


def _check(conn: sqlite3.Connection, folder, what: str, quick: bool) -> None:
    try:
        problems = integrity_problems(conn, quick=quick)
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems:
        raise BackupVerifyError(folder=str(folder), detail=f"{what} failed the integrity check "
                                f"({problems[0]}); run 'kartoteka check' on the database")


class Image:
    """What goes into a backup as the database: ``path`` holds it from byte 0 to
    ``size`` (the live file, read raw, or a scratch copy); ``counts`` are its rows,
    ``schema`` its schema version."""

    def __init__(self, path: Path, size: int, counts: dict, schema: int, conn: sqlite3.Connection | None):
        self.path, self.size, self.counts, self.schema, self._conn = path, size, counts, schema, conn

    @property
    def raw(self) -> bool:
        """True when the live file itself is read (the fast path)."""
        return self._conn is not None

    def open(self):
        """The image as a binary stream (a context manager)."""
        return _open_live(self.path) if self.raw else open(self.path, "rb")

    @contextmanager
    def descriptor(self):
        """A descriptor that reads the image (positioned reads only: it may be shared)."""
        if self.raw and os.name != "nt":
            yield _kept_descriptor(self.path)  # never closed here: see the module doc
            return
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            yield fd
        finally:
            os.close(fd)

    def fix(self, block: bytes) -> bytes:
        """The first block as stored: a WAL-mode header marked rollback-journal."""
        if self.raw and block.startswith(SQLITE_MAGIC) and block[18:20] == b"\x02\x02":
            return block[:18] + b"\x01\x01" + block[20:]
        return block

    def check(self, folder) -> None:
        """The integrity check of the image, once it has been read whole (may run in
        another thread).  Read raw, its rows were counted in this same transaction:
        the counts are of these very bytes, which the stored copy is compared with."""
        if not self.raw:
            check_copy(self.path, self.counts, folder, quick=QUICK_CHECK_AFTER_WRITING, mapped=True)
            return
        self._conn.execute(f"PRAGMA mmap_size={MAPPED}")
        _check(self._conn, folder, "the copy", QUICK_CHECK_AFTER_WRITING)

    def interrupt(self) -> None:
        """Stop a running check (cancel, or a failure elsewhere)."""
        if self._conn is not None:
            self._conn.interrupt()

    def close(self) -> None:
        """End the read transaction: the app's checkpoints may write into the file again."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def take_image(src: Path, scratch: Path, on_progress=None) -> Image:
    """One consistent moment of the database ``src`` (see the module doc).  ``scratch``:
    where the fallback writes its copy.  Close the image when done with it."""
    try:
        conn = sqlite3.connect(str(src), isolation_level=None, timeout=BUSY_MS / 1000,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(path=str(src), detail=str(exc)) from exc
    try:
        try:
            raw = _begin(conn, src)
            counts, schema = table_counts(conn), schema_version_of(conn)
        except sqlite3.DatabaseError as exc:
            raise NotADatabaseError(path=str(src)) from exc
        size = src.stat().st_size
        if raw and not (os.name == "nt" and size > LOCK_BYTE):
            image, conn = Image(src, size, counts, schema, conn), None
            return image
        online_copy(conn, scratch, on_progress)
        conn.execute("ROLLBACK")
        return Image(scratch, scratch.stat().st_size, counts, schema, None)
    finally:
        if conn is not None:
            conn.close()


def _begin(conn: sqlite3.Connection, src: Path) -> bool:
    """Start the read transaction; True when it reads the main file alone."""
    emptied = False
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        conn.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
        try:
            busy, _frames, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            emptied = busy == 0
        except sqlite3.OperationalError:  # locked: take the fallback
            emptied = False
        conn.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
    if not emptied:
        return False
    try:  # frames written before our snapshot began cannot vanish while we hold it
        return os.stat(f"{src}-wal").st_size == 0
    except OSError:
        return False


def online_copy(conn: sqlite3.Connection, copy: Path, on_progress=None) -> None:
    """Copy the snapshot of ``conn``'s open read transaction into the new file ``copy``
    with SQLite's online backup API; the copy is in rollback-journal mode."""
    target = sqlite3.connect(str(copy), isolation_level=None)
    try:
        # A scratch file, checked afterwards: no journal and no fsync while copying.
        target.execute("PRAGMA synchronous=OFF")
        target.execute("PRAGMA journal_mode=OFF")

        def step(_status, remaining, total):
            if on_progress and total:
                on_progress(1.0 - remaining / total)
        conn.backup(target, pages=PAGES_PER_STEP, progress=step)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


# --- reading the live file without dropping SQLite's locks (see the module doc) --------

_kept: dict[tuple[int, int], int] = {}
_kept_lock = threading.Lock()


class _LiveReader:
    """A read-only stream over a kept descriptor (``os.pread``: no shared file position)."""

    def __init__(self, fd: int):
        self._fd, self._pos = fd, 0

    def read(self, n: int) -> bytes:
        parts = []
        while n > 0:
            block = os.pread(self._fd, n, self._pos)
            if not block:
                break
            parts.append(block)
            self._pos += len(block)
            n -= len(block)
        return parts[0] if len(parts) == 1 else b"".join(parts)


@contextmanager
def _open_live(path: Path):
    if os.name == "nt":  # Windows locks belong to handles: closing ours drops none of SQLite's
        with open(path, "rb") as fh:
            yield fh
        return
    yield _LiveReader(_kept_descriptor(path))


def _kept_descriptor(path: Path) -> int:
    st = os.stat(path)
    with _kept_lock:
        fd = _kept.get((st.st_dev, st.st_ino))
        if fd is None:
            fd = os.open(path, os.O_RDONLY)
            opened = os.fstat(fd)
            # (if the file was replaced between stat and open, the key is the new file's)
            _kept.setdefault((opened.st_dev, opened.st_ino), fd)
            if (opened.st_dev, opened.st_ino) != (st.st_dev, st.st_ino):
                raise FileNotFoundError(f"{path} was replaced while being backed up")
        return fd


def release_live_file(path) -> None:
    """Close the descriptor kept for ``path``.  Only when no SQLite connection of this
    process has the file open (see the module doc)."""
    try:
        st = os.stat(path)
    except OSError:
        return
    with _kept_lock:
        fd = _kept.pop((st.st_dev, st.st_ino), None)
    if fd is not None:
        os.close(fd)
