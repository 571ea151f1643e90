"""Is the database file healthy, and is it on a network share?"""
import sqlite3

import pytest

from app.integrity import check_database, is_network_path, parse_mounts, quick_check
from db.connection import close_database
from db.models import Client, Phone


def test_a_fresh_database_is_fine(db_path):
    for check in (check_database, quick_check):
        report = check(db_path)
        assert report.ok and report.findings == []
        assert "OK" in report.plain()


def test_checking_does_not_change_the_file(db_path):
    Client.create(name="Альфа", name_fold="альфа")
    close_database()
    before = db_path.read_bytes()
    check_database(db_path)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["test.db"]


def damage(path):
    """Overwrite the middle of the file (a page of the client table) with garbage."""
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle:middle + page] = b"\x5a" * page
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_reported_in_plain_words(db_path):
    Client.insert_many([{"name": f"Клиент {i} " + "x" * 50, "name_fold": f"клиент {i}"}
                        for i in range(3000)]).execute()
    path = db_path
    close_database()
    damage(path)
    report = check_database(path)
    assert not report.ok
    assert any("damaged" in f or "not a readable database" in f for f in report.findings)
    assert "restore the most recent backup" in report.plain()
    assert not quick_check(path).ok


def test_not_a_database_and_missing_file(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"Name;Phone\n" * 500)
    assert "not a readable database" in check_database(junk).findings[0]
    missing = check_database(tmp_path / "nowhere.db")
    assert not missing.ok and "does not exist" in missing.findings[0]
    assert not (tmp_path / "nowhere.db").exists()


def test_records_pointing_nowhere_are_named(db_path):
    client = Client.create(name="Альфа", name_fold="альфа")
    Phone.create(client=client, raw="1", digits="1")
    close_database()
    con = sqlite3.connect(db_path)  # foreign keys off, as an old tool might write
    con.executemany("INSERT INTO phone(client_id, raw, digits, digits_rev, valid, label, \"order\") "
                    "VALUES (?, 'x', '', '', 1, '', 0)", [(77,), (78,)])
    con.commit()
    con.close()
    report = check_database(db_path)
    assert not report.ok
    assert report.findings == ["2 record(s) in 'phone' refer to a missing 'client' (#2, #3)"]
    assert quick_check(db_path).ok  # the start-up check does not look at references


LINUX_MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda3 /home ext4 rw,relatime 0 0
server:/export /mnt/office nfs4 rw,vers=4.2 0 0
//nas/crm /mnt/nas\\040share cifs rw,vers=3.0 0 0
user@host:/data /home/anna/remote fuse.sshfs rw,nosuid 0 0
/dev/sdb1 /mnt/office/local-disk ext4 rw 0 0
"""

MAC_MOUNTS = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//anna@nas._smb._tcp.local/crm on /Volumes/crm (smbfs, nodev, nosuid, mounted by anna)
/dev/disk4s1 on /Volumes/USB STICK (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize("path, expected", [
    ("/home/anna/kartoteka.db", False),
    ("/mnt/office/crm/kartoteka.db", True),
    ("/mnt/nas share/kartoteka.db", True),
    ("/home/anna/remote/k.db", True),
    ("/mnt/office/local-disk/k.db", False),  # a local disk mounted inside a share
    ("/mnt/officex/k.db", False),
])
def test_network_path_on_linux(path, expected):
    assert is_network_path(path, mounts_text=LINUX_MOUNTS, platform="linux") is expected


def test_network_path_on_macos():
    assert is_network_path("/Volumes/crm/k.db", mounts_text=MAC_MOUNTS, platform="darwin")
    assert not is_network_path("/Volumes/USB STICK/k.db", mounts_text=MAC_MOUNTS, platform="darwin")
    assert ("/Volumes/USB STICK", "msdos") in parse_mounts(MAC_MOUNTS)


def test_network_path_on_windows():
    remote = {"Z:": True, "C:": False}.get
    assert is_network_path(r"\\nas\crm\k.db", platform="win32")
    assert is_network_path(r"Z:\crm\k.db", platform="win32", drive_is_remote=remote)
    assert not is_network_path(r"C:\Users\anna\k.db", platform="win32", drive_is_remote=remote)


def test_unknown_mount_table_claims_nothing(tmp_path):
    assert is_network_path(tmp_path / "k.db", mounts_text="", platform="linux") is False
    assert is_network_path(tmp_path / "k.db") is False  # the test machine keeps tmp on a local disk


def test_the_start_up_check_reads_only_the_header_and_schema(db_path, tmp_path):
    """Before the window opens: a file that is not a database is caught at once; damage
    deeper in is left to the quick check that runs after the window is shown."""
    from app.integrity import header_check
    Client.insert_many([{"name": f"Клиент {i} " + "x" * 50, "name_fold": f"клиент {i}"}
                        for i in range(3000)]).execute()
    close_database()
    assert header_check(db_path).ok
    damage(db_path)
    assert header_check(db_path).ok and not quick_check(db_path).ok
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"Name;Phone\n" * 500)
    report = header_check(junk)
    assert not report.ok and "not a readable database" in report.findings[0]
