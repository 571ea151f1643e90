"""The Files tab of the client and deal cards: files dropped from the file manager are
attached, listed, opened, sent by e-mail and deleted (Ctrl+Z brings them back)."""
from email import policy
from email.parser import BytesParser

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app import attachments, deals, mail
from app.clients import ClientData, create_client
from db.models import Activity, Attachment
from ui import attachments_panel


@pytest.fixture
def opened(monkeypatch):
    """What was handed to the system to open (nothing really opens)."""
    urls = []
    monkeypatch.setattr(attachments_panel, "open_url", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="ООО «Ромашка»", kind="company", emails=["zakaz@romashka.ru"])).id


def client_card(qtbot, client_id=None):
    from ui.client_card import open_client_card
    card = open_client_card(None, client_id)
    qtbot.addWidget(card)
    card.tabs.setCurrentWidget(card.files)
    qtbot.waitExposed(card)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)  # keys reach the shortcuts of the active window
    return card


def drop(widget, paths) -> bool:
    """Drag files from the file manager and drop them on ``widget``; True when accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def names(panel):
    return [r["filename"] for r in panel.model.row_items()]


def a_file(tmp_path, name, content=b"content"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_files_dropped_on_the_panel_are_listed(qtbot, client_id, tmp_path, qtmodeltester):
    card = client_card(qtbot, client_id)
    panel = card.files
    assert drop(panel, [a_file(tmp_path, "Договор.pdf", b"x" * 3000), a_file(tmp_path, "photo.jpg", b"jpg")])
    qtbot.waitUntil(lambda: len(names(panel)) == 2)
    assert sorted(names(panel)) == ["photo.jpg", "Договор.pdf"]
    sizes = {panel.model.index(r, panel.model.Columns.NAME).data(): panel.model.index(r, panel.model.Columns.SIZE).data()
             for r in range(2)}
    assert sizes == {"Договор.pdf": "3 KB", "photo.jpg": "3 B"}
    qtmodeltester.check(panel.model)


def test_a_drop_anywhere_on_the_card_attaches_the_file(qtbot, client_id, tmp_path):
    card = client_card(qtbot, client_id)
    card.tabs.setCurrentIndex(0)  # the Files tab is not even shown
    assert drop(card, [a_file(tmp_path, "scan.png")])
    qtbot.waitUntil(lambda: names(card.files) == ["scan.png"])
    assert [r["filename"] for r in attachments.list_for(client_id=client_id)] == ["scan.png"]


def test_text_dragged_over_the_card_is_not_taken_for_a_file(qtbot, client_id):
    card = client_card(qtbot, client_id)
    mime = QMimeData()
    mime.setText("просто текст")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(card.files, enter)
    assert not enter.isAccepted()


def test_delete_then_ctrl_z_brings_the_file_back(qtbot, client_id, tmp_path):
    attachments.add_file(a_file(tmp_path, "offer.docx"), client_id=client_id)
    card = client_card(qtbot, client_id)
    panel = card.files
    assert names(panel) == ["offer.docx"]
    panel.view.selectRow(0)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert names(panel) == []
    assert "Ctrl+Z" in panel.hint.text()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names(panel) == ["offer.docx"]


def test_a_new_card_asks_to_be_saved_first(qtbot, db, tmp_path):
    card = client_card(qtbot)
    assert "Save the card first" in card.files.hint.text()
    assert not card.files.add_button.isEnabled()
    drop(card.files, [a_file(tmp_path, "early.txt")])
    assert "Save the card first" in card.files.hint.text()
    assert Attachment.select().count() == 0


def test_a_too_large_file_is_refused_with_a_clear_message(qtbot, client_id, tmp_path, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_BYTES", 1024)
    card = client_card(qtbot, client_id)
    drop(card.files, [a_file(tmp_path, "film.mkv", b"x" * 4096)])
    qtbot.waitUntil(lambda: "film.mkv" in card.files.hint.text())
    assert "too large" in card.files.hint.text()
    assert names(card.files) == []


def test_double_click_opens_a_copy_with_the_original_name(qtbot, client_id, tmp_path, opened):
    attachments.add_file(a_file(tmp_path, "Счёт № 7.pdf", b"%PDF"), client_id=client_id)
    card = client_card(qtbot, client_id)
    view = card.files.view
    rect = view.visualRect(card.files.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 1
    copy = opened[0].toLocalFile()
    assert copy.endswith("Счёт № 7.pdf") and open(copy, "rb").read() == b"%PDF"


def test_deal_card_lists_its_own_files_and_sends_them_by_email(qtbot, client_id, tmp_path, opened, monkeypatch):
    monkeypatch.setattr(mail, "outbox_dir", lambda: tmp_path / "outbox")
    attachments.add_file(a_file(tmp_path, "card-only.txt"), client_id=client_id)
    deal_id = deals.create_deal(client_id, "Поставка", 1000)
    from ui.deal_card import dialog, open_deal_card
    monkeypatch.setattr(dialog, "_open_cards", {})
    card = open_deal_card(None, deal_id)
    qtbot.addWidget(card)
    card.tabs.setCurrentWidget(card.files)
    qtbot.waitExposed(card)
    assert drop(card, [a_file(tmp_path, "КП.docx", b"offer")])
    qtbot.waitUntil(lambda: names(card.files) == ["КП.docx"])

    card.files.view.selectRow(0)
    qtbot.mouseClick(card.files.email_button, Qt.MouseButton.LeftButton)
    draft = opened[-1].toLocalFile()
    msg = BytesParser(policy=policy.default).parse(open(draft, "rb"))
    assert msg["To"] == "zakaz@romashka.ru"
    assert [p.get_filename() for p in msg.iter_attachments()] == ["КП.docx"]
    logged = Activity.get(Activity.kind == "email")
    assert (logged.client_id, logged.deal_id, logged.subject) == (client_id, deal_id, "КП.docx")
