"""Backup now: one verified .kbak zip with the database, attachments and a manifest."""
import errno
import hashlib
import json
import os
import re
import sqlite3
import zipfile
import zlib

import pytest

from app import __version__
from app import backup as backup_mod
from app import backup_stream
from app.backup import (BackupDamagedError, BackupFileMissingError, BackupFolderMissingError,
                        BackupFolderReadOnlyError, BackupVerifyError, DiskFullError, NotABackupError, OperationCancelled,
                        make_backup, read_manifest, verify_backup)
from db import migrations
from db.models import Client, Phone


def add_clients(n, start=0):
    for i in range(start, start + n):
        c = Client.create(name=f"Клиент {i}", name_fold=f"клиент {i}")
        Phone.create(client=c, raw=f"+7 900 000-00-{i:02d}", digits=f"790000000{i:02d}")


def leftovers(*folders):
    return sorted(p.name for f in folders for p in f.iterdir()
                  if p.name.startswith(".") or p.name.endswith(".part"))


@pytest.fixture
def filled(db, tmp_path):
    add_clients(3)
    att = tmp_path / "attachments" / "ab"
    att.mkdir(parents=True)
    (att / "ab12cd").write_bytes(b"%PDF-1.4 contract")
    return tmp_path / "test.db"


@pytest.mark.sqlite_only  # the attachments folder next to the database file
def test_backup_is_one_zip_with_database_attachments_and_manifest(filled, tmp_path):
    path = make_backup(tmp_path / "backups", reason="manual")
    assert re.fullmatch(r"kartoteka-\d{4}-\d{2}-\d{2}_\d{4}\.kbak", path.name)
    with zipfile.ZipFile(path) as zf:
        assert set(zf.namelist()) == {"kartoteka.db", "manifest.json", "attachments/ab/ab12cd"}
        manifest = json.loads(zf.read("manifest.json"))
        assert zf.read("attachments/ab/ab12cd") == b"%PDF-1.4 contract"
        stored = zf.read("kartoteka.db")  # (zipfile checks the bytes against the zip's CRC-32)
        assert manifest["database"] == {"size": len(stored), "crc32": f"{zlib.crc32(stored):08x}", "sha256": ""}
        assert manifest["format_version"] == 2
        assert stored[:16] == b"SQLite format 3\x00" and stored[18:20] == b"\x01\x01"  # rollback-journal
    assert manifest["app_version"] == __version__
    assert manifest["schema_version"] == migrations.CURRENT_VERSION
    assert manifest["reason"] == "manual"
    assert manifest["counts"]["client"] == 3 and manifest["counts"]["phone"] == 3
    assert read_manifest(path) == manifest
    assert leftovers(tmp_path, tmp_path / "backups") == []


def test_two_backups_in_one_minute_do_not_overwrite_each_other(filled, tmp_path):
    first = make_backup(tmp_path / "b")
    second = make_backup(tmp_path / "b")
    assert first != second and first.exists() and second.exists()


def test_backup_while_the_app_keeps_writing_is_one_consistent_moment(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(backup_stream, "CHUNK", 4096)  # many blocks, a write between each
    written = []

    def write_meanwhile(fraction):
        if fraction < 0.8:
            Client.create(name="during", name_fold="during")
            written.append(fraction)

    path = make_backup(tmp_path / "b", on_progress=write_meanwhile)
    assert len(written) > 5
    manifest = verify_backup(path)
    assert manifest["counts"]["client"] == 3
    assert Client.select().count() == 3 + len(written)


def test_progress_goes_up_to_one(filled, tmp_path):
    seen = []
    make_backup(tmp_path / "b", on_progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)


def test_cancel_from_progress_leaves_nothing_behind(filled, tmp_path):
    def cancel(fraction):
        if fraction > 0.5:
            raise OperationCancelled(what="backup")

    with pytest.raises(OperationCancelled):
        make_backup(tmp_path / "b", on_progress=cancel)
    assert list((tmp_path / "b").iterdir()) == []
    assert leftovers(tmp_path) == []


def test_missing_folder_is_created_when_its_parent_exists(filled, tmp_path):
    assert make_backup(tmp_path / "new").parent == tmp_path / "new"


def test_folder_on_a_missing_drive_is_an_error_not_created(filled, tmp_path):
    target = tmp_path / "unplugged-stick" / "backups"
    with pytest.raises(BackupFolderMissingError) as err:
        make_backup(target)
    assert "does not exist" in str(err.value) and "Connect" in str(err.value)
    assert not target.parent.exists()


def test_read_only_folder_says_choose_another(filled, tmp_path, monkeypatch):
    def refuse(part, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(part))

    monkeypatch.setattr(backup_mod, "_write_archive", refuse)
    with pytest.raises(BackupFolderReadOnlyError) as err:
        make_backup(tmp_path / "b")
    assert err.value.code == "backup_folder_readonly"
    assert "Choose another folder" in str(err.value)
    assert list((tmp_path / "b").iterdir()) == []
    assert Client.select().count() == 3


def test_full_disk_removes_the_half_written_file(filled, tmp_path, monkeypatch):
    real = backup_stream._transfer
    monkeypatch.setattr(backup_stream, "CHUNK", 4096)

    def fill_up(src, dst, src_off, dst_off, n):
        if src_off > 8192:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, src_off, dst_off, n)

    monkeypatch.setattr(backup_stream, "_transfer", fill_up)
    with pytest.raises(DiskFullError) as err:
        make_backup(tmp_path / "b")
    assert "not enough free space" in str(err.value)
    assert list((tmp_path / "b").iterdir()) == []
    assert leftovers(tmp_path) == []
    assert Client.select().count() == 3


@pytest.mark.parametrize("where", [5000, -1])
def test_a_copy_that_reads_back_wrong_is_deleted(filled, tmp_path, monkeypatch, where):
    """A block that lands in the file other than it was read (a bad drive or cable, a
    bug in the copy): the backup is refused and removed."""
    real = backup_stream._transfer
    monkeypatch.setattr(backup_stream, "CHUNK", 4096)

    def damage(src, dst, src_off, dst_off, n):
        n = real(src, dst, src_off, dst_off, n)
        size = os.fstat(src).st_size
        spot = where % size
        if src_off <= spot < src_off + n:
            os.pwrite(dst, bytes([os.pread(dst, 1, dst_off + spot - src_off)[0] ^ 0xFF]), dst_off + spot - src_off)
        return n

    monkeypatch.setattr(backup_stream, "_transfer", damage)
    with pytest.raises(BackupVerifyError) as err:
        make_backup(tmp_path / "b")
    assert "was deleted" in str(err.value)
    assert list((tmp_path / "b").iterdir()) == []
    assert leftovers(tmp_path) == []


def test_a_backup_whose_bytes_changed_after_writing_is_refused(filled, tmp_path):
    """The file damaged on the drive later (one byte of the database flipped in place):
    verify and restore refuse it, and say so."""
    path = make_backup(tmp_path / "b")
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("kartoteka.db")
    with open(path, "r+b") as fh:
        fh.seek(info.header_offset + 30 + len(info.filename) + len(info.extra) + 3000)
        byte = fh.read(1)
        fh.seek(-1, os.SEEK_CUR)
        fh.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(BackupDamagedError) as err:
        verify_backup(path)
    assert "checksum" in str(err.value) and "choose another" in str(err.value)


def test_a_backup_in_the_first_format_with_a_sha256_still_verifies(filled, tmp_path):
    """Backups made before the CRC-32 manifest (format 1: sha256 of the database)."""
    path = make_backup(tmp_path / "b")
    old = tmp_path / "old.kbak"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(old, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        data = src.read("kartoteka.db")
        manifest["format_version"] = 1
        manifest["database"] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        dst.writestr("kartoteka.db", data)
        for name in src.namelist():
            if name not in ("kartoteka.db", "manifest.json"):
                dst.writestr(name, src.read(name))
        dst.writestr("manifest.json", json.dumps(manifest))
    assert verify_backup(old)["counts"]["client"] == 3
    bad = tmp_path / "old-bad.kbak"
    with zipfile.ZipFile(old) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():  # the zip's own CRC-32 recomputed: only the sha256 can tell
            dst.writestr(name, src.read(name)[:-1] + b"\x01" if name == "kartoteka.db" else src.read(name))
    with pytest.raises(BackupDamagedError) as err:
        verify_backup(bad)
    assert "checksum" in str(err.value)


def test_a_damaged_database_is_not_backed_up_as_if_fine(tmp_path):
    live = tmp_path / "live.db"
    con = sqlite3.connect(live)
    con.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("CREATE INDEX client_name ON client(name)")
    con.executemany("INSERT INTO client(name) VALUES (?)", [(f"n{i:05d}" * 20,) for i in range(3000)])
    con.commit()
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='client_name'").fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(live.read_bytes())
    data[root * page - 300:root * page] = b"\x07" * 300  # damage the index, keep the table
    live.write_bytes(bytes(data))
    with pytest.raises(BackupVerifyError) as err:
        make_backup(tmp_path / "b", db_path=live)
    assert "integrity" in str(err.value)
    assert list((tmp_path / "b").iterdir()) == []


def test_verify_finds_a_backup_whose_database_was_altered(filled, tmp_path):
    path = make_backup(tmp_path / "b")
    tampered = tmp_path / "tampered.kbak"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "kartoteka.db":
                data = data[:-10] + b"0123456789"
            dst.writestr(name, data)
    with pytest.raises(BackupDamagedError) as err:
        verify_backup(tampered)
    assert "checksum" in str(err.value)


def test_read_manifest_of_something_else_or_of_nothing(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(NotABackupError) as err:
        read_manifest(text)
    assert "not a Kartoteka backup" in str(err.value)
    with pytest.raises(BackupFileMissingError) as err:
        read_manifest(tmp_path / "gone.kbak")
    assert "does not exist" in str(err.value)
