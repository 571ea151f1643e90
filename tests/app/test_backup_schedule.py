"""The automatic-backup policy, with a fake clock and a temporary folder."""
from __future__ import annotations

from datetime import datetime, timedelta

from app.backup import read_manifest
from app.backup_archive import backup_name
from app.backup_schedule import BackupPolicy, default_backup_folder
from app.clients import ClientData, create_client

MONDAY = datetime(2025, 3, 3, 9, 0)


def _old_backup(folder, when):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / backup_name(when)
    path.write_bytes(b"PK")  # rotation and status read names only
    return path


def test_default_folder_is_backups_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setattr("app.backup_schedule.data_dir", lambda: tmp_path / "data")
    assert default_backup_folder() == tmp_path / "data" / "backups"


def test_daily_backup_is_due_when_none_is_younger_than_the_interval(tmp_path):
    policy = BackupPolicy(tmp_path / "b", every_hours=24)
    assert policy.daily_due(MONDAY)  # empty (not yet created) folder
    _old_backup(tmp_path / "b", MONDAY)
    assert not policy.daily_due(MONDAY + timedelta(hours=23))
    assert policy.daily_due(MONDAY + timedelta(hours=24))
    assert not BackupPolicy(tmp_path / "b", every_hours=48).daily_due(MONDAY + timedelta(hours=30))


def test_nothing_is_due_when_automatic_backups_are_off_or_the_drive_is_gone(tmp_path):
    assert not BackupPolicy(tmp_path / "b", automatic=False).daily_due(MONDAY)
    assert not BackupPolicy(tmp_path / "b", automatic=False).exit_due(MONDAY, changed=True)
    unplugged = BackupPolicy(tmp_path / "usb-stick" / "backups")
    assert not unplugged.reachable()
    assert not unplugged.daily_due(MONDAY)
    assert unplugged.status(MONDAY).state == "unreachable"


def test_exit_backup_when_something_changed_or_the_daily_one_is_due(tmp_path):
    _old_backup(tmp_path / "b", MONDAY)
    policy = BackupPolicy(tmp_path / "b")
    later = MONDAY + timedelta(hours=2)
    assert policy.exit_due(later, changed=True)
    assert not policy.exit_due(later, changed=False)
    assert policy.exit_due(MONDAY + timedelta(days=2), changed=False)


def test_run_makes_a_backup_with_its_reason_then_rotates(db, tmp_path):
    create_client(ClientData(name="Иванов"))
    folder = tmp_path / "b"
    for day in range(10):  # ten daily backups of the past
        _old_backup(folder, MONDAY - timedelta(days=10 - day))
    policy = BackupPolicy(folder, keep_daily=3, keep_weekly=0, keep_monthly=0)
    result = policy.run("auto", MONDAY)
    assert result.path.parent == folder and result.path.name == backup_name(MONDAY)
    manifest = read_manifest(result.path)
    assert manifest["reason"] == "auto" and manifest["counts"]["client"] == 1
    assert len(result.removed) == 8
    assert sorted(p.name for p in folder.iterdir()) == [
        backup_name(MONDAY - timedelta(days=2)), backup_name(MONDAY - timedelta(days=1)), backup_name(MONDAY)]
    assert not policy.daily_due(MONDAY + timedelta(hours=1))


def test_status_warns_after_the_chosen_number_of_days(tmp_path):
    _old_backup(tmp_path / "b", MONDAY)
    policy = BackupPolicy(tmp_path / "b", warn_after_days=7)
    assert policy.status(MONDAY + timedelta(days=6)).state == "ok"
    late = policy.status(MONDAY + timedelta(days=9))
    assert late.state == "too_old" and round(late.age_hours / 24) == 9
    assert BackupPolicy(tmp_path / "not-yet-made").status(MONDAY).state == "never"
    (tmp_path / "empty").mkdir()
    assert BackupPolicy(tmp_path / "empty").status(MONDAY).state == "never"


def test_a_newer_backup_saved_by_hand_elsewhere_counts(tmp_path):
    _old_backup(tmp_path / "b", MONDAY - timedelta(days=20))
    stick = _old_backup(tmp_path / "stick", MONDAY - timedelta(days=1))
    policy = BackupPolicy(tmp_path / "b")
    assert policy.status(MONDAY).state == "too_old"
    found = policy.status(MONDAY, extra_folders=[tmp_path / "stick", tmp_path / "gone"])
    assert found.state == "ok" and found.last_path == stick


def test_the_default_backup_folder_exists_on_a_fresh_machine(tmp_path, monkeypatch):
    from app import backup_schedule
    monkeypatch.setattr(backup_schedule, "data_dir", lambda: tmp_path / "fresh" / "Kartoteka")
    folder = backup_schedule.default_backup_folder()
    assert folder.is_dir() and folder.name == "backups"
