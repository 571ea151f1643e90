"""The Trash's "Files" section: deleted attachments, restored (undoable) or deleted for
good; the stored copy goes only when no other card uses the same file."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import attachments
from app.clients import ClientData, create_client
from app.deals import create_deal
from db.models import Attachment
from ui.trash_files import DeletedFilesModel

from .conftest import when_modal
from .test_trash import open_trash

Col = DeletedFilesModel.Columns


@pytest.fixture
def files(db, tmp_path):
    price = tmp_path / "прайс.pdf"
    price.write_bytes(b"%PDF price list" * 100)
    photo = tmp_path / "фото.jpg"
    photo.write_bytes(b"\xff\xd8 photo" * 10)
    romashka = create_client(ClientData(name="ООО Ромашка", kind="company")).id
    lutik = create_client(ClientData(name="ООО Лютик", kind="company")).id
    deal = create_deal(lutik, "Поставка", 1000)
    made = {"price_romashka": attachments.add_file(price, client_id=romashka),
            "price_lutik": attachments.add_file(price, deal_id=deal),  # the same bytes: stored once
            "photo": attachments.add_file(photo, client_id=romashka)}
    attachments.delete(made["price_romashka"])
    attachments.delete(made["price_lutik"])
    return made


def rows(section):
    m = section.model
    return [tuple(m.index(r, c).data() for c in (Col.NAME, Col.CARD)) for r in range(m.rowCount())]


def select(section, qtbot, card):
    row = [r[1] for r in rows(section)].index(card)
    rect = section.view.visualRect(section.model.index(row, Col.NAME))
    qtbot.mouseClick(section.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_deleted_files_are_listed_with_card_size_and_date(files, main_window, qtbot):
    section = open_trash(main_window, qtbot).files
    assert sorted(rows(section)) == [("прайс.pdf", "ООО Лютик — Поставка"), ("прайс.pdf", "ООО Ромашка")]
    assert section.model.index(0, Col.SIZE).data() == "1 KB"
    assert section.model.index(0, Col.DELETED).data()
    assert section.view.isVisible() and not section.empty.isVisible()
    assert not section.restore_button.isEnabled()


def test_restore_puts_the_file_back_on_its_card_and_undo_deletes_it_again(files, main_window, qtbot):
    section = open_trash(main_window, qtbot).files
    select(section, qtbot, "ООО Ромашка")
    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(section) == [("прайс.pdf", "ООО Лютик — Поставка")])
    romashka = Attachment.get_by_id(files["price_romashka"]).client_id
    assert sorted(f["filename"] for f in attachments.list_for(client_id=romashka)) == ["прайс.pdf", "фото.jpg"]
    assert "1 file restored" in main_window.statusBar().currentMessage()
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(rows(section)) == 2)
    assert Attachment.get_by_id(files["price_romashka"]).deleted_at is not None


def test_delete_for_good_keeps_the_bytes_while_another_card_uses_them(files, main_window, qtbot):
    section = open_trash(main_window, qtbot).files
    stored = attachments.stored_path(Attachment.get_by_id(files["price_lutik"]).sha256)
    attachments.restore(files["price_lutik"])  # in use on the deal again
    qtbot.waitUntil(lambda: rows(section) == [("прайс.pdf", "ООО Ромашка")])
    select(section, qtbot, "ООО Ромашка")

    asked = when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.mouseClick(section.purge_button, Qt.MouseButton.LeftButton)
    assert asked and Attachment.get_or_none(Attachment.id == files["price_romashka"]) is not None

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(section.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(section) == [])
    assert Attachment.get_or_none(Attachment.id == files["price_romashka"]) is None
    assert stored.is_file()  # the deal's copy still needs it
    assert section.empty.isVisible()

    attachments.delete(files["price_lutik"])
    qtbot.waitUntil(lambda: len(rows(section)) == 1)
    select(section, qtbot, "ООО Лютик — Поставка")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(section.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(section) == [])
    assert not stored.exists()
    assert Attachment.get_by_id(files["photo"]).deleted_at is None


def test_deleted_files_model(qtmodeltester, files, main_window, qtbot):
    qtmodeltester.check(open_trash(main_window, qtbot).files.model)
