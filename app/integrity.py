"""Is the database file healthy?  ``check_database`` (full), ``quick_check`` (every page,
in the background after a start) and ``header_check`` (before the window opens: the file
is a database whose schema reads, in milliseconds whatever its size) report in plain words; ``is_network_path`` warns about keeping the database on a
network share, where SQLite's file locking cannot be trusted.

Nothing here writes to the database.  A check opens its own SQLite connection (it
works whether or not the app has the file open) and never needs Qt.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PureWindowsPath

MAX_FINDINGS = 20


@dataclass
class IntegrityReport:
    path: str
    ok: bool
    findings: list[str] = field(default_factory=list)
    advice: str = ""

    def plain(self) -> str:
        if self.ok:
            return f"{self.path}: OK, no problems found."
        lines = [f"{self.path}: PROBLEMS FOUND"] + [f"  - {f}" for f in self.findings]
        if self.advice:
            lines.append(self.advice)
        return "\n".join(lines)


RESTORE_ADVICE = ("What to do: restore the most recent backup (kartoteka restore FILE, or "
                  "File > Restore in the program). Keep a copy of the damaged file.")
FK_ADVICE = ("The records listed above point to rows that no longer exist. The rest of the "
             "data is readable; restoring a backup or deleting those records fixes it.")


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """SQLite's own findings (empty when the file is fine); raises sqlite3.DatabaseError
    when the file cannot be read at all."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = conn.execute(f"PRAGMA {pragma}({MAX_FINDINGS})").fetchall()
    found = [r[0] for r in rows]
    return [] if found == ["ok"] else found


def foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    """Rows whose reference points nowhere, grouped per table: plain sentences."""
    groups: dict[tuple[str, str], list[int]] = {}
    for table, rowid, parent, _fkid in conn.execute("PRAGMA foreign_key_check").fetchall():
        groups.setdefault((table, parent), []).append(rowid)
    out = []
    for (table, parent), rowids in sorted(groups.items()):
        shown = ", ".join(f"#{r}" for r in rowids[:10]) + (" …" if len(rowids) > 10 else "")
        out.append(f"{len(rowids)} record(s) in '{table}' refer to a missing '{parent}' ({shown})")
    return out


def _connect(path: Path) -> sqlite3.Connection:
    # An ordinary (read-write) connection: closing it tidies the -wal/-shm files away.
    # Nothing is written; the checks are read-only pragmas.
    return sqlite3.connect(str(path), isolation_level=None)


def _header_problems(conn: sqlite3.Connection) -> list[str]:
    """Reads the header and the schema (the first pages); raises sqlite3.DatabaseError
    when they cannot be read."""
    conn.execute("PRAGMA schema_version").fetchone()
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return []


def _check(path, depth: str) -> IntegrityReport:
    """``depth``: "header" (the header and schema), "quick" (every page) or "full" (also
    the indexes and the references between rows)."""
    path = Path(path)
    if not path.is_file():
        return IntegrityReport(str(path), False, ["the database file does not exist"],
                               "What to do: check the path (--db), or restore a backup.")
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        return IntegrityReport(str(path), False, [f"the file cannot be opened ({exc})"], RESTORE_ADVICE)
    try:
        try:
            problems = (_header_problems(conn) if depth == "header"
                        else integrity_problems(conn, quick=depth == "quick"))
        except sqlite3.DatabaseError as exc:
            return IntegrityReport(str(path), False,
                                   [f"the file is not a readable database ({exc})"], RESTORE_ADVICE)
        if problems:
            return IntegrityReport(str(path), False,
                                   ["the database file is damaged: " + p for p in problems], RESTORE_ADVICE)
        if depth != "full":
            return IntegrityReport(str(path), True)
        fk = foreign_key_problems(conn)
        return IntegrityReport(str(path), not fk, fk, FK_ADVICE if fk else "")
    finally:
        conn.close()


def check_database(path) -> IntegrityReport:
    """Full check: ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``."""
    return _check(path, "full")


def header_check(path) -> IntegrityReport:
    """The file's header and schema read (milliseconds): what must hold before the program
    opens it.  Damage further in is ``quick_check``'s to find."""
    return _check(path, "header")


def quick_check(path) -> IntegrityReport:
    """``PRAGMA quick_check``: the fast start-up check (no index/foreign key checks)."""
    return _check(path, "quick")


# --- network shares -----------------------------------------------------------------

NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p",
    "afs", "afpfs", "webdav", "davfs", "fuse.davfs", "ncpfs", "ceph", "fuse.ceph",
    "glusterfs", "fuse.glusterfs", "lustre", "gpfs", "fuse.rclone", "fuse.s3fs", "ocfs2",
}
DRIVE_REMOTE = 4  # GetDriveTypeW


def _unescape_mount(text: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        text = text.replace(code, char)
    return text


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) pairs from Linux /proc/mounts or macOS ``mount``."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if " on " in line and line.endswith(")") and " (" in line:  # macOS / BSD `mount`
            left, _, rest = line.rpartition(" (")
            point = left.split(" on ", 1)[1]
            found.append((point, rest[:-1].split(",")[0].strip()))
            continue
        parts = line.split()
        if len(parts) >= 3:
            found.append((_unescape_mount(parts[1]), parts[2]))
    return found


def _mount_of(path: PurePath, mounts: list[tuple[str, str]]) -> tuple[str, str] | None:
    best = None
    for point, fstype in mounts:
        p = PurePath(point)
        if (path == p or p in path.parents) and (best is None or len(point) > len(best[0])):
            best = (point, fstype)
    return best


def _mounts_text(platform: str) -> str | None:
    try:
        if platform.startswith("linux"):
            return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        if platform == "darwin":
            return subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return None


def _windows_drive_is_remote(drive: str) -> bool:
    try:
        import ctypes
        return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
    except (AttributeError, OSError):
        return False


def is_network_path(path, *, mounts_text: str | None = None, platform: str | None = None,
                    drive_is_remote=None) -> bool:
    """True when ``path`` lives on a network share (SQLite there risks damage).

    Unknown means False: when the mount table cannot be read nothing is claimed.
    ``mounts_text``, ``platform`` and ``drive_is_remote`` replace the real system
    look-ups (tests, or a caller that already has them).
    """
    platform = platform or sys.platform
    if platform.startswith("win"):
        win = PureWindowsPath(path)
        if str(win).startswith(("\\\\", "//")) or win.drive.startswith("\\\\"):
            return True
        if not win.drive:
            return False
        return bool((drive_is_remote or _windows_drive_is_remote)(win.drive))
    text = mounts_text if mounts_text is not None else _mounts_text(platform)
    if not text:
        return False
    target = Path(path)
    if mounts_text is None:  # a real path: resolve symlinks; a fake table: take it as given
        target = Path(os.path.realpath(target))
    found = _mount_of(PurePath(target), parse_mounts(text))
    if found is None:
        return False
    fstype = found[1].lower()
    return fstype in NETWORK_FS or fstype.startswith(("nfs", "smb", "fuse.sshfs"))
