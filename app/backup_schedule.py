"""When Kartoteka backs up by itself, and doing it: the automatic-backup policy.

``BackupPolicy`` holds this computer's choices (the GUI keeps them in QSettings: a USB
stick's path means nothing on another machine) and answers, for a given ``now``:

* ``daily_due(now)`` - no backup in the folder younger than ``every_hours``;
* ``exit_due(now, changed)`` - on closing the program: something was written in this
  session, or the daily backup is due anyway;
* ``run(reason, now)`` - ``make_backup`` into the folder, then rotation;
* ``status(now)`` - how the last backup looks (``BackupStatus``), warning after
  ``warn_after_days``.

No Qt here; every call takes ``now``, so the tests use a fake clock.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .backup import make_backup
from .backup_rotation import BackupStatus, auto_backup_due, backup_status, rotate
from .paths import data_dir

REASON_DAILY = "auto"
REASON_EXIT = "exit"


def default_backup_folder() -> Path:
    """``backups`` in the user's data folder (next to the default database), created
    on first use: it is on this computer's own disk, so it is never "unreachable"."""
    folder = data_dir() / "backups"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the status line then reports the folder as unreachable, which it is
    return folder


@dataclass(frozen=True)
class BackupResult:
    path: Path
    removed: list[Path] = field(default_factory=list)
    """Older backups that rotation deleted."""


@dataclass(frozen=True)
class BackupPolicy:
    folder: Path
    automatic: bool = True
    """Back up daily while the program runs, and when it closes."""
    every_hours: float = 24
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12
    warn_after_days: float = 7

    def daily_due(self, now: datetime) -> bool:
        """An automatic backup is due (never when automatic backups are off, nor while
        the folder cannot be reached: that is reported by ``status``)."""
        if not self.automatic or not self.reachable():
            return False
        return auto_backup_due(self.folder, now, self.every_hours)

    def exit_due(self, now: datetime, changed: bool) -> bool:
        """Back up on exit when anything was written since the last backup of this
        session (``changed``), or when the daily one is due anyway."""
        if not self.automatic:
            return False
        return changed or self.daily_due(now)

    def reachable(self) -> bool:
        """The folder exists, or can be created (its parent exists)."""
        folder = Path(self.folder).expanduser()
        return folder.is_dir() or (not folder.exists() and folder.parent.is_dir())

    def run(self, reason: str, now: datetime | None = None, *, db_path=None,
            on_progress=None) -> BackupResult:
        """Make a backup into the folder and rotate the old ones.  Raises what
        ``make_backup`` raises; a rotation that fails leaves the new backup in place."""
        now = now or datetime.now().astimezone()
        path = make_backup(self.folder, reason=reason, db_path=db_path, on_progress=on_progress, now=now)
        try:
            removed = rotate(self.folder, now, self.keep_daily, self.keep_weekly, self.keep_monthly)
        except OSError:
            removed = []
        return BackupResult(path, removed)

    def status(self, now: datetime, extra_folders=()) -> BackupStatus:
        """The health of the backups: the folder's, unless one of ``extra_folders``
        (where the user saved by hand, e.g. a USB stick) holds a newer backup."""
        found = backup_status(self.folder, now, self.warn_after_days * 24)
        if found.state == "unreachable":
            # not made yet (the first backup creates it) is not the same as unplugged
            return BackupStatus("never") if self.reachable() else found
        for folder in extra_folders:
            if not folder or Path(folder) == Path(self.folder):
                continue
            other = backup_status(folder, now, self.warn_after_days * 24)
            if other.last_time is not None and (found.last_time is None or other.last_time > found.last_time):
                found = other
        return found
