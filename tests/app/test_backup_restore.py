"""Restore: every check happens before the live file is touched; the old database is
kept as a safety copy, so a restore can be undone."""
import errno
import hashlib
import json
import sqlite3
import zipfile

import pytest

from app import backup_restore
from app.backup import (BackupDamagedError, BackupTooNewError, DatabaseInUseError, DiskFullError,
                        NotABackupError, make_backup, read_manifest)
from app.backup_restore import restore_backup
from db import migrations
from db.connection import close_database, open_database
from db.models import Client


def names():
    return sorted(c.name for c in Client.select())


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path):
    """A live database with two clients and one attachment, a backup of it, then a third
    client added and the attachment deleted; the live database is closed."""
    live = tmp_path / "live" / "k.db"
    open_database(live)
    Client.create(name="Альфа", name_fold="альфа")
    Client.create(name="Бета", name_fold="бета")
    att = live.parent / "attachments" / "ff00aa"
    att.parent.mkdir()
    att.write_bytes(b"photo")
    backup = make_backup(tmp_path / "backups")
    Client.create(name="Гамма", name_fold="гамма")
    att.unlink()
    close_database()
    return live, backup


def rewrite(backup, target, *, manifest_change=None, db_change=None):
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(target, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "manifest.json" and manifest_change:
                m = json.loads(data)
                manifest_change(m)
                data = json.dumps(m).encode()
            if name == "kartoteka.db" and db_change:
                data = db_change(data)
            dst.writestr(name, data)
    return target


def assert_live_unchanged(live, before):
    assert digest(live) == before
    assert sorted(p.name for p in live.parent.iterdir()) == ["attachments", "k.db"]


def test_restore_brings_back_data_and_attachments_and_can_be_undone(saved, tmp_path):
    live, backup = saved
    safety = restore_backup(backup, live)
    assert safety.parent == live.parent / "safety" and safety.name.startswith("k-before-restore-")
    assert read_manifest(safety)["counts"]["client"] == 3
    open_database(live)
    assert names() == ["Альфа", "Бета"]
    assert (live.parent / "attachments" / "ff00aa").read_bytes() == b"photo"
    close_database()
    restore_backup(safety, live, safety_dir=tmp_path / "undo-safety")
    open_database(live)
    assert names() == ["Альфа", "Бета", "Гамма"]
    close_database()


def test_restore_onto_a_new_computer_without_a_database(saved, tmp_path):
    _live, backup = saved
    fresh = tmp_path / "elsewhere" / "k.db"
    fresh.parent.mkdir()
    assert restore_backup(backup, fresh) is None
    open_database(fresh)
    assert names() == ["Альфа", "Бета"]
    close_database()


def test_restore_refused_while_the_database_is_open(saved):
    live, backup = saved
    open_database(live)
    try:
        with pytest.raises(DatabaseInUseError) as err:
            restore_backup(backup, live)
        assert "Close it" in str(err.value)
        assert names() == ["Альфа", "Бета", "Гамма"]
        assert not (live.parent / "safety").exists()
    finally:
        close_database()


def test_truncated_backup(saved, tmp_path):
    live, backup = saved
    before = digest(live)
    cut = tmp_path / "cut.kbak"
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    with pytest.raises(BackupDamagedError) as err:
        restore_backup(cut, live)
    assert "incomplete" in str(err.value) and "choose another" in str(err.value)
    assert_live_unchanged(live, before)


@pytest.mark.parametrize("content", [b"Name;Phone\nIvanov;+7 900\n", b""])
def test_file_that_is_not_a_backup(saved, tmp_path, content):
    live, _backup = saved
    before = digest(live)
    other = tmp_path / "clients.csv"
    other.write_bytes(content)
    with pytest.raises(NotABackupError) as err:
        restore_backup(other, live)
    assert "not a Kartoteka backup" in str(err.value)
    assert_live_unchanged(live, before)


def photos_zip(path):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("cat.jpg", b"meow")


def other_programs_database(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()


@pytest.mark.parametrize("make", [photos_zip, other_programs_database])
def test_a_zip_or_database_that_is_not_kartotekas_is_refused(saved, tmp_path, make):
    live, _backup = saved
    before = digest(live)
    other = tmp_path / "other.kbak"
    make(other)
    with pytest.raises(NotABackupError):
        restore_backup(other, live)
    assert_live_unchanged(live, before)


def test_checksum_mismatch(saved, tmp_path):
    live, backup = saved
    before = digest(live)
    bad = rewrite(backup, tmp_path / "bad.kbak", db_change=lambda d: d[:-1] + b"\x01")
    with pytest.raises(BackupDamagedError) as err:
        restore_backup(bad, live)
    assert "checksum" in str(err.value)
    assert_live_unchanged(live, before)


def test_a_backup_that_fails_its_check_leaves_no_safety_copy_behind(saved, tmp_path):
    """The checksums match but the rows do not (the check of the extracted copy runs
    while the safety copy is being made): refused, and that copy is removed again."""
    live, backup = saved
    before = digest(live)
    wrong = rewrite(backup, tmp_path / "wrong.kbak",
                    manifest_change=lambda m: m["counts"].update(client=m["counts"]["client"] + 1))
    with pytest.raises(BackupDamagedError) as err:
        restore_backup(wrong, live)
    assert "row counts" in str(err.value) and "choose another" in str(err.value)
    assert_live_unchanged(live, before)


def test_backup_from_a_newer_version(saved, tmp_path):
    live, backup = saved
    before = digest(live)
    newer = rewrite(backup, tmp_path / "newer.kbak",
                    manifest_change=lambda m: m.update(schema_version=migrations.CURRENT_VERSION + 1))
    with pytest.raises(BackupTooNewError) as err:
        restore_backup(newer, live)
    assert "Update Kartoteka" in str(err.value)
    assert_live_unchanged(live, before)


def test_full_disk_while_unpacking(saved, monkeypatch):
    live, backup = saved
    before = digest(live)

    def no_space(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_restore, "extract_member", no_space)
    with pytest.raises(DiskFullError) as err:
        restore_backup(backup, live)
    assert "Free some space" in str(err.value)
    assert_live_unchanged(live, before)


def test_wal_left_by_a_crash_is_kept_in_the_safety_copy_not_replayed_into_the_restored_file(saved):
    live, backup = saved
    con = sqlite3.connect(live, isolation_level=None)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("INSERT INTO client(name, name_fold, kind, inn, kpp, address, city, region, source, "
                "segment, status, refusal_reason, notes, created_at, updated_at, version) "
                "SELECT 'Дельта', 'дельта', kind, inn, kpp, address, city, region, source, segment, "
                "status, refusal_reason, notes, created_at, updated_at, 1 FROM client LIMIT 1")
    wal = live.with_name("k.db-wal")
    crashed = wal.read_bytes()  # as a killed app would leave it: committed, not checkpointed
    con.close()
    wal.write_bytes(crashed)
    safety = restore_backup(backup, live)
    assert not wal.exists()
    open_database(live)
    assert names() == ["Альфа", "Бета"]
    close_database()
    restore_backup(safety, live)
    open_database(live)
    assert names() == ["Альфа", "Бета", "Гамма", "Дельта"]
    close_database()


def test_without_hard_links_the_replaced_database_is_copied_and_still_restorable(saved, tmp_path, monkeypatch):
    """A safety folder on another drive (or a USB stick's FAT): no hard link, a checked copy."""
    live, backup = saved

    def no_link(*a, **k):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr("app.backup_plain.os.link", no_link)
    safety = restore_backup(backup, live, safety_dir=tmp_path / "usb")
    assert safety.parent == tmp_path / "usb" and safety.stat().st_ino != live.stat().st_ino
    open_database(live)
    assert names() == ["Альфа", "Бета"]
    close_database()
    restore_backup(safety, live)
    open_database(live)
    assert names() == ["Альфа", "Бета", "Гамма"]
    close_database()


def test_a_damaged_database_file_is_refused(saved, tmp_path):
    live, backup = saved
    before = digest(live)
    safety = restore_backup(backup, live, safety_dir=tmp_path / "s")
    data = bytearray(safety.read_bytes())
    page = 4096
    data[3 * page:5 * page] = b"\x0d" * (2 * page)  # two pages of a b-tree overwritten
    broken = tmp_path / "broken.db"
    broken.write_bytes(bytes(data))
    before = digest(live)
    with pytest.raises(BackupDamagedError):
        restore_backup(broken, live)
    assert digest(live) == before


def test_a_full_drive_while_keeping_the_replaced_file_changes_nothing(saved, tmp_path, monkeypatch):
    live, backup = saved

    def no_link(*a, **k):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    def full(src, dst):
        dst.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.backup_plain.os.link", no_link)
    monkeypatch.setattr("app.backup_plain.copy_verified", full)
    with pytest.raises(DiskFullError):
        restore_backup(backup, live, safety_dir=tmp_path / "usb")
    assert list((tmp_path / "usb").iterdir()) == []  # no half copy
    open_database(live)  # the same rows (only its journal mode was switched, as for any restore)
    assert names() == ["Альфа", "Бета", "Гамма"]
    close_database()
