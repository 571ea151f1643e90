"""Moving bytes for backups (used by ``app.backup`` and ``app.backup_archive``): copy a
big file inside the kernel while a second thread reads back what was written and
checksums it, copy a small stream while hashing it, run a check in the background,
flush a file to the drive while it is being written.

A backup's cost is mostly passes over hundreds of megabytes, so the database makes as
few as possible, and they overlap on the two cores:

* the copy itself is done by the kernel (``copy_file_range`` / ``sendfile`` on Linux):
  the bytes go from page cache to page cache, as with ``cp``, and Python never holds them;
* a checker thread follows the copy block by block: it reads back what was just
  written, compares it with the source and computes its CRC-32 - the zip's own checksum
  of the member, which the manifest records too.  ``zlib.crc32`` and ``os.pread``
  release the GIL, and CRC-32 is the fastest checksum in the standard library (about
  three times sha256).  So the checksum is of the bytes as they are in the file, and
  those bytes are known to be the source's.
"""
from __future__ import annotations

import errno
import hashlib
import os
import queue
import sys
import threading
import zlib
from typing import Callable

CHUNK = 8 << 20            # 8 MiB per kernel copy: few system calls and progress steps
CHECK_BLOCK = 1 << 20      # read back 1 MiB at a time: compared and CRC'd while in the CPU's cache
                           # (0.22 s for 534 MB, against 0.31 s in 8 MiB blocks)

Progress = Callable[[float], None]
Fix = Callable[[bytes], bytes]


class CopyMismatch(Exception):
    """The bytes read back from the destination differ from the source."""


# --- positioned I/O, shared by two threads ---------------------------------------------

_seek_lock = threading.Lock()


def _pread(fd: int, n: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, n, offset)
    with _seek_lock:  # Windows: no pread; one seek+read at a time
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, n)


def _pwrite(fd: int, block, offset: int) -> int:
    if hasattr(os, "pwrite"):
        return os.pwrite(fd, block, offset)
    with _seek_lock:
        os.lseek(fd, offset, os.SEEK_SET)
        return os.write(fd, block)


_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.EBADF, errno.ENOTSOCK,
                getattr(errno, "ENOTSUP", -1), getattr(errno, "EOPNOTSUPP", -1)}
_kernel = {"copy_file_range": sys.platform.startswith("linux") and hasattr(os, "copy_file_range"),
           "sendfile": sys.platform.startswith("linux") and hasattr(os, "sendfile")}


def _transfer(src: int, dst: int, src_off: int, dst_off: int, n: int) -> int:
    """Copy up to ``n`` bytes from ``src`` at ``src_off`` to ``dst`` at ``dst_off``, inside
    the kernel where it can; returns how many (0 at the end of ``src``)."""
    if _kernel["copy_file_range"]:
        try:
            return os.copy_file_range(src, dst, n, src_off, dst_off)
        except OSError as exc:  # e.g. two file systems on an older kernel
            if exc.errno not in _UNSUPPORTED:
                raise
            _kernel["copy_file_range"] = False
    if _kernel["sendfile"]:
        try:
            os.lseek(dst, dst_off, os.SEEK_SET)
            return os.sendfile(dst, src, src_off, n)
        except OSError as exc:
            if exc.errno not in _UNSUPPORTED:
                raise
            _kernel["sendfile"] = False
    block = _pread(src, n, src_off)
    return _pwrite(dst, block, dst_off) if block else 0


# --- the checker that follows the copy --------------------------------------------------

class _Checker:
    """Reads back each copied range from the destination (``stored``), compares it with
    the source when ``compare``, and keeps the CRC-32 (and ``digest``) of the stored bytes."""

    def __init__(self, src, stored, src_off, dst_off, fix, digest, compare):
        self._src, self._stored, self._src_off, self._dst_off = src, stored, src_off, dst_off
        self._fix, self._digest, self._compare = fix, digest, compare
        self.crc, self.error, self._stop = 0, None, False
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="backup-check", daemon=True)
        self._thread.start()

    def check(self, pos: int, n: int) -> None:
        self._jobs.put((pos, n))

    def _run(self):
        while (job := self._jobs.get()) is not None:
            if self.error is None and not self._stop:
                try:
                    self._check(*job)
                except BaseException as exc:  # noqa: BLE001 - re-raised by finish()
                    self.error = exc

    def _check(self, pos: int, n: int) -> None:
        end = pos + n
        while pos < end and not self._stop:
            k = min(CHECK_BLOCK, end - pos)
            got = _pread(self._stored, k, self._dst_off + pos)
            if len(got) != k:
                raise CopyMismatch(f"{k - len(got)} bytes missing at {pos}")
            if self._compare:
                want = _pread(self._src, k, self._src_off + pos)
                if pos == 0 and self._fix is not None:
                    want = self._fix(want)
                if got != want:
                    raise CopyMismatch(f"the bytes at {pos} differ")
            self.crc = zlib.crc32(got, self.crc)
            if self._digest is not None:
                self._digest.update(got)
            pos += k

    def finish(self) -> int:
        self._jobs.put(None)
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.crc

    def abandon(self) -> None:
        self._stop = True
        self._jobs.put(None)
        self._thread.join()


def copy_checked(src: int, dst: int, stored: int, size: int, *, src_off: int = 0, dst_off: int = 0,
                 fix: Fix | None = None, progress: Progress | None = None, digest=None,
                 compare: bool = True, copied: Callable[[], None] | None = None) -> int:
    """Copy ``size`` bytes of the file ``src`` (a descriptor; from ``src_off``) into the
    file ``dst`` at ``dst_off``; returns the CRC-32 of the bytes as they are in ``dst``.

    ``stored`` is a descriptor that reads ``dst``: every block is read back from it once
    written and (``compare``) compared with the source - ``CopyMismatch`` if they
    differ, ``EOFError`` if the source is shorter than ``size``.  ``fix`` may change the
    first block (keeping its length) before it is written; ``digest`` (a hashlib object)
    is fed the stored bytes too.  A ``progress`` callback may raise to cancel.
    ``copied`` is called once every byte is in ``dst``, while the checker may still be
    reading them back (to start work on the copy meanwhile)."""
    checker = _Checker(src, stored, src_off, dst_off, fix, digest, compare)
    try:
        done = 0
        if fix is not None and size:
            head = fix(_pread(src, min(CHUNK, size), src_off))
            done = _pwrite(dst, head, dst_off)
            checker.check(0, done)
        while done < size:
            if checker.error is not None:
                break  # reported by finish()
            n = _transfer(src, dst, src_off + done, dst_off + done, min(CHUNK, size - done))
            if n <= 0:
                raise EOFError(f"the source ends after {done} of {size} bytes")
            checker.check(done, n)
            done += n
            if progress:
                progress(min(done / size, 1.0))
        if progress and not size:
            progress(1.0)
        if copied is not None and checker.error is None:
            copied()
        return checker.finish()
    except BaseException:
        checker.abandon()
        raise


def copy_hashing(src, dst, size: int, progress: Progress | None = None) -> str:
    """Copy one open binary stream into another (a small file: an attachment); returns
    the sha256 of what went through."""
    digest = hashlib.sha256()
    done = 0
    while block := src.read(CHUNK):
        digest.update(block)
        dst.write(block)
        done += len(block)
        if progress and size:
            progress(min(done / size, 1.0))
    return digest.hexdigest()


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
