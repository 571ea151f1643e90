"""Attachments: stored once by content next to the database, listed per card, deleted to
the trash and back, purged when nothing refers to them, carried by backups."""
import hashlib

import pytest

from app import attachments, client_bulk
from app.attachments import AttachmentMissingError, AttachmentReadError, AttachmentTooLargeError
from app.backup import make_backup
from app.backup_restore import restore_backup
from app.clients import ClientData, create_client
from app.deals import create_deal
from db.connection import close_database, open_database
from db.models import Attachment


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="ООО Ромашка", kind="company")).id


def make_file(folder, name, content: bytes):
    path = folder / name
    path.write_bytes(content)
    return path


def stored_files(db_path):
    return sorted(p for p in (db_path.parent / "attachments").rglob("*") if p.is_file())


def test_file_is_stored_by_its_hash_next_to_the_database(db_path, client_id, tmp_path):
    src = make_file(tmp_path, "Договор.pdf", b"%PDF-1.4 contract")
    att_id = attachments.add_file(src, client_id=client_id)
    sha = hashlib.sha256(b"%PDF-1.4 contract").hexdigest()
    stored = attachments.file_path(att_id)
    assert stored == db_path.parent / "attachments" / sha[:2] / sha
    assert stored.read_bytes() == b"%PDF-1.4 contract"
    row = Attachment.get_by_id(att_id)
    assert (row.filename, row.size, row.mime) == ("Договор.pdf", 17, "application/pdf")
    assert [p.name for p in stored_files(db_path)] == [sha]  # no temporary file left


def test_same_content_is_stored_once(db_path, client_id, tmp_path):
    deal_id = create_deal(client_id, "Поставка", 1000)
    first = attachments.add_file(make_file(tmp_path, "a.txt", b"same bytes"), client_id=client_id)
    second = attachments.add_file(make_file(tmp_path, "copy of a.txt", b"same bytes"), deal_id=deal_id)
    again = attachments.add_file(make_file(tmp_path, "a again.txt", b"same bytes"), client_id=client_id)
    assert first != second
    assert again == first  # the same file on the same card is not listed twice
    assert len(stored_files(db_path)) == 1


def test_client_list_includes_its_deals_files_with_the_deal_title(client_id, tmp_path):
    deal_id = create_deal(client_id, "Поставка бумаги", 1000)
    other = create_client(ClientData(name="Другой")).id
    on_client = attachments.add_file(make_file(tmp_path, "card.txt", b"1"), client_id=client_id)
    on_deal = attachments.add_file(make_file(tmp_path, "offer.docx", b"22"), deal_id=deal_id)
    attachments.add_file(make_file(tmp_path, "alien.txt", b"333"), client_id=other)

    listed = attachments.list_for(client_id=client_id)
    assert {r["id"]: r["deal_title"] for r in listed} == {on_client: "", on_deal: "Поставка бумаги"}
    assert [r["filename"] for r in attachments.list_for(deal_id=deal_id)] == ["offer.docx"]
    assert {r["size"] for r in listed} == {1, 2}


def test_too_large_file_is_refused_with_its_size(client_id, tmp_path, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_BYTES", 1024 * 1024)
    big = make_file(tmp_path, "video.mp4", b"x" * (3 * 1024 * 1024 // 2))
    with pytest.raises(AttachmentTooLargeError) as err:
        attachments.add_file(big, client_id=client_id)
    assert err.value.params == {"name": "video.mp4", "size_mb": "1.5", "limit_mb": "1"}
    assert Attachment.select().count() == 0


def test_missing_or_unreadable_file_gives_a_clear_error(client_id, tmp_path):
    with pytest.raises(AttachmentReadError) as err:
        attachments.add_file(tmp_path / "nowhere.pdf", client_id=client_id)
    assert "nowhere.pdf" in err.value.plain()
    with pytest.raises(AttachmentReadError):
        attachments.add_file(tmp_path, client_id=client_id)  # a folder
    assert Attachment.select().count() == 0


def test_soft_delete_and_restore(client_id, tmp_path):
    att_id = attachments.add_file(make_file(tmp_path, "a.txt", b"abc"), client_id=client_id)
    attachments.delete(att_id)
    assert attachments.list_for(client_id=client_id) == []
    assert attachments.file_path(att_id).is_file()  # kept until the trash is emptied
    attachments.restore(att_id)
    assert [r["id"] for r in attachments.list_for(client_id=client_id)] == [att_id]


def test_export_copies_the_file_under_the_chosen_name(client_id, tmp_path):
    att_id = attachments.add_file(make_file(tmp_path, "a.txt", b"abc"), client_id=client_id)
    (tmp_path / "out").mkdir()
    dest = attachments.export(att_id, tmp_path / "out" / "saved.txt")
    assert dest.read_bytes() == b"abc"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["saved.txt"]


def test_purging_keeps_files_still_referenced(db_path, client_id, tmp_path):
    keep_id = create_client(ClientData(name="Остаётся")).id
    shared = make_file(tmp_path, "shared.txt", b"shared")
    attachments.add_file(shared, client_id=client_id)
    kept = attachments.add_file(shared, client_id=keep_id)
    gone = attachments.add_file(make_file(tmp_path, "own.txt", b"own"), client_id=client_id)
    own_path = attachments.file_path(gone)

    client_bulk.trash_clients([client_id])
    client_bulk.purge_clients([client_id])
    assert not own_path.exists()
    assert attachments.file_path(kept).read_bytes() == b"shared"

    attachments.delete(kept)
    assert attachments.purge_deleted() == 1
    assert stored_files(db_path) == []


def test_damaged_stored_file_is_reported(client_id, tmp_path):
    att_id = attachments.add_file(make_file(tmp_path, "a.txt", b"abc"), client_id=client_id)
    assert attachments.is_intact(att_id) and attachments.damaged_files() == []
    attachments.file_path(att_id).write_bytes(b"abd")
    assert not attachments.is_intact(att_id)
    assert attachments.damaged_files() == [{"id": att_id, "filename": "a.txt"}]
    attachments.file_path(att_id).unlink()
    with pytest.raises(AttachmentMissingError):
        attachments.file_path(att_id)


def test_attachments_survive_a_backup_and_restore(db_path, client_id, tmp_path):
    att_id = attachments.add_file(make_file(tmp_path, "Счёт.pdf", b"invoice bytes"), client_id=client_id)
    backup = make_backup(tmp_path / "backups")
    attachments.file_path(att_id).unlink()  # lost after the backup
    close_database()

    restore_backup(backup, db_path, safety_dir=tmp_path / "safety")
    open_database(db_path)
    assert [r["filename"] for r in attachments.list_for(client_id=client_id)] == ["Счёт.pdf"]
    assert attachments.file_path(att_id).read_bytes() == b"invoice bytes"
    assert attachments.is_intact(att_id)
