"""Automatic backups: is one due, which old ones to delete, how healthy the folder is.

Pure logic on file names (``kartoteka-YYYY-MM-DD_HHMM[-N].kbak``, local time): the
zip files are not opened, so a folder of big backups on a slow drive is cheap to scan.
Every function takes ``now`` so it is tested with a fake clock.

Rotation keeps, like restic's ``forget --keep-daily/weekly/monthly``, the newest backup
of each of the last ``keep_daily`` days that have a backup, of the last ``keep_weekly``
ISO weeks and of the last ``keep_monthly`` months; the newest backup of all is never
removed, nor any backup dated in the future (the clock was wrong: we cannot place it).
Because only days *with* backups count, a laptop that stayed off for a month loses
nothing when it is switched on again.  Manual backups saved into the automatic folder
are rotated like the others; ``safety/`` is a sub-folder and is left alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .backup_archive import NAME_RE, parse_backup_name


def _local(now: datetime) -> datetime:
    """Names carry naive local time; an aware ``now`` is converted to match."""
    return now.astimezone().replace(tzinfo=None) if now.tzinfo else now


def list_backups(folder) -> list[tuple[Path, datetime]]:
    """Backups in ``folder``, newest first.  Raises OSError when it cannot be read."""
    found = []
    for entry in Path(folder).iterdir():
        when = parse_backup_name(entry.name)
        if when is not None and entry.is_file():
            found.append((entry, when))
    found.sort(key=lambda item: (item[1], _serial(item[0].name)), reverse=True)
    return found


def _serial(name: str) -> int:
    m = NAME_RE.match(name)
    return int(m.group(2)) if m and m.group(2) else 1


def last_backup(folder) -> tuple[Path, datetime] | None:
    """The newest backup and its time, or None (none there, or the folder cannot be read)."""
    try:
        found = list_backups(folder)
    except OSError:
        return None
    return found[0] if found else None


def auto_backup_due(folder, now: datetime, every_hours: float = 24) -> bool:
    """True when there is no backup in ``folder`` younger than ``every_hours``."""
    last = last_backup(folder)
    if last is None:
        return True
    age = _local(now) - last[1]
    return age >= timedelta(hours=every_hours) or age < timedelta(hours=-1)  # clock went back


def _keep(backups, count: int, bucket) -> set[Path]:
    kept, seen = set(), set()
    for path, when in backups:  # newest first
        key = bucket(when)
        if key in seen:
            continue
        if len(seen) >= count:
            break
        seen.add(key)
        kept.add(path)
    return kept


def plan_rotation(backups, now: datetime, keep_daily=7, keep_weekly=4, keep_monthly=12) -> list[Path]:
    """Which of ``backups`` ((path, time) pairs) rotation removes; nothing is deleted."""
    now = _local(now)
    backups = sorted(backups, key=lambda item: (item[1], _serial(item[0].name)), reverse=True)
    if not backups:
        return []
    past = [(p, w) for p, w in backups if w <= now]
    keep = {p for p, w in backups if w > now} | {backups[0][0]}
    keep |= _keep(past, keep_daily, lambda w: w.date())
    keep |= _keep(past, keep_weekly, lambda w: w.isocalendar()[:2])
    keep |= _keep(past, keep_monthly, lambda w: (w.year, w.month))
    return [p for p, _ in backups if p not in keep]


def rotate(folder, now: datetime, keep_daily=7, keep_weekly=4, keep_monthly=12) -> list[Path]:
    """Delete the backups rotation does not keep; returns the removed files.  A file that
    cannot be removed stays (it is simply not in the list)."""
    removed = []
    for path in plan_rotation(list_backups(folder), now, keep_daily, keep_weekly, keep_monthly):
        try:
            path.unlink()
        except OSError:  # gone already, or read-only: not removed
            continue
        removed.append(path)
    return removed


@dataclass(frozen=True)
class BackupStatus:
    state: str  # ok | too_old | unreachable | never
    last_path: Path | None = None
    last_time: datetime | None = None
    age_hours: float | None = None

    @property
    def ok(self) -> bool:
        return self.state == "ok"

    def plain(self) -> str:
        if self.state == "ok":
            return f"The last backup is {self.age_hours:.0f} h old ({self.last_path.name})."
        if self.state == "too_old":
            return (f"The last backup is {self.age_hours / 24:.1f} days old ({self.last_path.name}). "
                    "Make a backup now.")
        if self.state == "unreachable":
            return ("The backup folder cannot be reached. Connect the drive it is on, or choose "
                    "another folder in the settings.")
        return "No backup has been made yet. Make one now."


def backup_status(folder, now: datetime, max_age_hours: float = 48) -> BackupStatus:
    """ok / too_old / unreachable (missing or unreadable folder) / never (no backup in it)."""
    folder = Path(folder)
    try:
        if not folder.is_dir():
            return BackupStatus("unreachable")
        found = list_backups(folder)
    except OSError:
        return BackupStatus("unreachable")
    if not found:
        return BackupStatus("never")
    path, when = found[0]
    age = (_local(now) - when).total_seconds() / 3600
    state = "ok" if age <= max_age_hours else "too_old"
    return BackupStatus(state, path, when, age)
