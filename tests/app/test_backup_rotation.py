"""Automatic backups: due or not, rotation (daily / weekly / monthly), folder status.
Pure logic on file names, tested with a fake clock."""
from datetime import datetime, timedelta

import pytest

from app.backup_archive import backup_name, parse_backup_name
from app.backup_rotation import (auto_backup_due, backup_status, last_backup, list_backups,
                                 plan_rotation, rotate)

NOW = datetime(2026, 11, 23, 18, 5)


def touch(folder, when, n=1):
    path = folder / backup_name(when, n)
    path.write_bytes(b"")
    return path


def test_names_round_trip_and_other_files_are_ignored(tmp_path):
    assert backup_name(NOW) == "kartoteka-2026-11-23_1805.kbak"
    assert parse_backup_name("kartoteka-2026-11-23_1805-2.kbak") == NOW
    for other in ("kartoteka-2026-11-23_1805.kbak.part", "notes.kbak", "kartoteka-2026-13-40_9999.kbak"):
        assert parse_backup_name(other) is None
    touch(tmp_path, NOW)
    (tmp_path / "kartoteka-2026-11-23_1905.kbak.part").write_bytes(b"")
    (tmp_path / "holiday.jpg").write_bytes(b"")
    assert [p.name for p, _ in list_backups(tmp_path)] == ["kartoteka-2026-11-23_1805.kbak"]


def test_last_backup_is_the_newest_even_within_one_minute(tmp_path):
    touch(tmp_path, NOW - timedelta(days=1))
    touch(tmp_path, NOW)
    second = touch(tmp_path, NOW, 2)
    assert last_backup(tmp_path) == (second, NOW)
    assert last_backup(tmp_path / "missing") is None


def test_auto_backup_due(tmp_path):
    assert auto_backup_due(tmp_path, NOW) is True  # never backed up
    touch(tmp_path, NOW - timedelta(hours=23))
    assert auto_backup_due(tmp_path, NOW, every_hours=24) is False
    assert auto_backup_due(tmp_path, NOW + timedelta(hours=2), every_hours=24) is True
    assert auto_backup_due(tmp_path, NOW, every_hours=12) is True
    assert auto_backup_due(tmp_path, NOW - timedelta(days=3)) is True  # the clock went back


def daily(folder, days, start=NOW):
    return [touch(folder, start - timedelta(days=d)) for d in range(days)]


def test_rotation_keeps_seven_days_four_weeks_twelve_months(tmp_path):
    made = daily(tmp_path, 400)
    removed = rotate(tmp_path, NOW)
    kept = sorted(p for p in made if p.exists())
    assert set(removed) | set(kept) == set(made) and not set(removed) & set(kept)
    kept_days = sorted({parse_backup_name(p.name).date() for p in kept}, reverse=True)
    assert kept_days[:7] == [(NOW - timedelta(days=d)).date() for d in range(7)]
    weeks = {parse_backup_name(p.name).isocalendar()[:2] for p in kept}
    months = {(parse_backup_name(p.name).year, parse_backup_name(p.name).month) for p in kept}
    assert len(weeks) >= 4 and len(months) == 12
    assert 12 <= len(kept) <= 7 + 4 + 12
    assert min(parse_backup_name(p.name) for p in kept) > NOW - timedelta(days=366)


def test_rotation_never_removes_the_newest_and_keeps_the_latest_of_each_day(tmp_path):
    only = touch(tmp_path, NOW - timedelta(days=500))
    assert rotate(tmp_path, NOW, keep_daily=0, keep_weekly=0, keep_monthly=0) == []
    assert only.exists()
    morning, evening = touch(tmp_path, NOW.replace(hour=9)), touch(tmp_path, NOW.replace(hour=17))
    assert rotate(tmp_path, NOW) == [morning]
    assert evening.exists()


def test_a_laptop_off_for_two_months_loses_nothing_when_switched_on(tmp_path):
    daily(tmp_path, 30, start=NOW - timedelta(days=60))
    rotate(tmp_path, NOW - timedelta(days=60))
    before = sorted(tmp_path.iterdir())
    assert rotate(tmp_path, NOW) == []
    assert sorted(tmp_path.iterdir()) == before


def test_backups_dated_in_the_future_are_kept(tmp_path):
    future = touch(tmp_path, NOW + timedelta(days=30))
    daily(tmp_path, 20)
    assert future not in plan_rotation(list_backups(tmp_path), NOW, keep_daily=1, keep_weekly=0,
                                       keep_monthly=0)


def test_aware_now_is_taken_as_local_time(tmp_path):
    touch(tmp_path, NOW)
    aware = NOW.astimezone()  # the same moment, with the local UTC offset
    assert auto_backup_due(tmp_path, aware + timedelta(hours=1)) is False
    assert auto_backup_due(tmp_path, aware + timedelta(hours=25)) is True
    assert backup_status(tmp_path, aware + timedelta(hours=3), 48).age_hours == pytest.approx(3)


@pytest.mark.parametrize("age_hours, state", [(5, "ok"), (60, "too_old")])
def test_status_ok_or_too_old(tmp_path, age_hours, state):
    path = touch(tmp_path, NOW - timedelta(hours=age_hours))
    status = backup_status(tmp_path, NOW, max_age_hours=48)
    assert (status.state, status.last_path, round(status.age_hours)) == (state, path, age_hours)
    assert ("Make a backup now" in status.plain()) == (state == "too_old")


def test_status_never_and_unreachable(tmp_path):
    assert backup_status(tmp_path, NOW, 48).state == "never"
    gone = backup_status(tmp_path / "unplugged", NOW, 48)
    assert gone.state == "unreachable" and "Connect the drive" in gone.plain()
