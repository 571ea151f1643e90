"""Moving bytes for backups (used by ``app.backup`` and ``app.backup_archive``): copy a
stream while its sha256 is computed on the second core, compare two streams, run a
check in the background, flush a file to the drive while it is being written.

A backup's cost is mostly passes over hundreds of megabytes.  sha256 (OpenSSL, about
1.5-2 GB/s on one core) is the slowest of them; hashlib, zlib (the zip's CRC-32) and
file I/O all let go of the GIL on big blocks, so a thread that only hashes overlaps
with the thread that reads, CRCs and writes.
"""
from __future__ import annotations

import hashlib
import os
import queue
import threading
from typing import Callable

CHUNK = 4 << 20            # 4 MiB: few system calls, little memory in flight
THREADED_FROM = 16 << 20   # smaller files are hashed inline: a thread costs more than it saves
IN_FLIGHT = 4              # blocks queued for the hasher at most

Progress = Callable[[float], None]
Fix = Callable[[bytes], bytes]


class _Hasher:
    """sha256 of the blocks given to ``update``, computed by a thread of its own."""

    def __init__(self):
        self._sha = hashlib.sha256()
        self._blocks: queue.Queue = queue.Queue(maxsize=IN_FLIGHT)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="backup-sha256", daemon=True)
        self._thread.start()

    def _run(self):
        while (block := self._blocks.get()) is not None:
            if self._error is None:
                try:
                    self._sha.update(block)
                except BaseException as exc:  # noqa: BLE001 - re-raised by hexdigest()
                    self._error = exc  # keep draining, so that update() never blocks for ever

    def update(self, block: bytes) -> None:
        self._blocks.put(block)

    def close(self) -> None:
        if self._thread.is_alive():
            self._blocks.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self.close()
        if self._error is not None:
            raise self._error
        return self._sha.hexdigest()


def copy_hashing(src, dst, size: int, progress: Progress | None = None, fix: Fix | None = None) -> str:
    """Copy one open binary stream into another; returns the sha256 of what went through.
    ``fix`` may change the first block (and must keep its length) before it is hashed
    and written."""
    digest = _Hasher() if size >= THREADED_FROM else hashlib.sha256()
    try:
        done = 0
        while block := src.read(CHUNK):
            if fix is not None and done == 0:
                block = fix(block)
            digest.update(block)
            dst.write(block)
            done += len(block)
            if progress and size:
                progress(min(done / size, 1.0))
        return digest.hexdigest()
    finally:
        if isinstance(digest, _Hasher):
            digest.close()


def same_bytes(stored, original, size: int, fix: Fix | None = None) -> bool:
    """True when the next ``size`` bytes of ``stored`` are all of ``original`` (``fix``
    applied to its first block, as when it was copied).  A plain comparison: far cheaper
    than hashing the stored copy again."""
    done = 0
    while done < size:
        a, b = stored.read(min(CHUNK, size - done)), original.read(min(CHUNK, size - done))
        if fix is not None and done == 0:
            b = fix(b)
        if not a or a != b:
            return False
        done += len(a)
    return not original.read(1)


class Background:
    """Run ``fn`` in a thread (SQLite, hashing and file I/O release the GIL, so two
    checks really overlap); ``result()`` waits and re-raises what it raised."""

    def __init__(self, fn, *args):
        self._value = self._error = None
        self._thread = threading.Thread(target=self._run, args=(fn, *args), daemon=True)
        self._thread.start()

    def _run(self, fn, *args):
        try:
            self._value = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            self._error = exc

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value

    def wait(self) -> None:
        self._thread.join()


class Flusher:
    """Flush a file that is being written to the drive every ``every`` seconds, from a
    thread of its own: the drive writes while the data is still being produced, and the
    final fsync has little left to do.  Stop it (``with``) before the file is closed."""

    def __init__(self, fileobj, every: float = 0.1):
        self._fd, self._every = fileobj.fileno(), every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backup-flush", daemon=True)

    def _run(self):
        while not self._stop.wait(self._every):
            try:
                os.fsync(self._fd)
            except OSError:  # the final fsync reports what is wrong
                return

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
