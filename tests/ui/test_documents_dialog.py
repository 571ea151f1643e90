""""Create document…" on the deal and client cards: choose, Create, the file is attached."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app import attachments, paths, requisites, settings
from app.clients import ClientData, create_client
from app.deal_details import LineItem, load_deal, save_deal
from app.deals import create_deal
from app.documents import generate as generate_module
from app.documents import render
from db.models import Activity, Invoice


@pytest.fixture
def opened(monkeypatch):
    """URLs handed to the system (files, folders, drafts) instead of opening programs."""
    from ui import attachments_panel
    urls = []
    monkeypatch.setattr(attachments_panel, "open_url", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


@pytest.fixture
def warnings(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    return said


@pytest.fixture
def ids(db, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(generate_module, "documents_dir", lambda: tmp_path / "docs")
    settings.put(requisites.KEY, dict(name="ООО «Ромашка»", inn="7707083893", bank="ПАО Сбербанк"))
    client = create_client(ClientData(name="ООО «Вектор»", kind="company", emails=["buy@vector.ru"]))
    deal = create_deal(client.id, "Поставка кондиционеров", 0)
    data = load_deal(deal)
    data.lines = [LineItem("Кондиционер", Decimal("2"), Decimal("45990"))]
    save_deal(data)
    return client.id, deal


def open_dialog(qtbot, card):
    qtbot.mouseClick(card.findChild(QPushButton, "CreateDocumentButton"), Qt.MouseButton.LeftButton)
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "DocumentsDialog" and w.isVisible())


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def create(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)


def test_an_invoice_from_the_deal_card_is_attached_and_sent(qtbot, ids, opened):
    from ui.deal_card import open_deal_card
    client_id, deal_id = ids
    card = open_deal_card(None, deal_id=deal_id)
    qtbot.addWidget(card)
    dialog = open_dialog(qtbot, card)
    assert not dialog.deal_combo.isEnabled() and dialog.deal_combo.currentText() == "Поставка кондиционеров"
    choose(dialog.template_combo, "builtin:invoice")
    assert "number 1" in dialog.hint.text()
    qtbot.mouseClick(dialog.findChild(type(dialog.format_group.buttons()[0]), "format_docx"),
                     Qt.MouseButton.LeftButton)
    create(qtbot, dialog)
    assert dialog.result_box.isVisible()
    files = attachments.list_for(deal_id=deal_id)
    assert [f["filename"] for f in files] == [dialog.result.path.name]
    assert dialog.result.path.name in dialog.result_label.text()
    assert Invoice.get().number == "1" and "number 2" in dialog.hint.text()
    qtbot.waitUntil(lambda: len(card.data.invoices) == 1)  # the clean card reloaded the new invoice
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == str(dialog.result.path)
    qtbot.mouseClick(dialog.email_button, Qt.MouseButton.LeftButton)
    assert opened[-1].endswith(".eml")
    sent = Activity.select().where(Activity.kind == "email").get()
    assert sent.deal_id == deal_id and sent.subject.startswith("Счёт на оплату № 1")


def test_from_the_client_card_an_invoice_waits_for_a_deal(qtbot, ids, opened):
    from ui.client_card import ClientCardDialog
    client_id, deal_id = ids
    card = ClientCardDialog(client_id)  # closed by the conftest (it deletes itself when closed)
    card.show()
    dialog = open_dialog(qtbot, card)
    choose(dialog.template_combo, "builtin:invoice")
    assert dialog.deal_combo.currentData() is None and not dialog.create_button.isEnabled()
    assert "choose the deal" in dialog.hint.text()
    choose(dialog.deal_combo, deal_id)
    assert dialog.create_button.isEnabled()
    choose(dialog.template_combo, "builtin:proposal")
    choose(dialog.deal_combo, None)
    create(qtbot, dialog)
    assert [f["filename"] for f in attachments.list_for(client_id=client_id)] == [dialog.result.path.name]
    assert dialog.result.path.name.startswith("Коммерческое предложение")


def test_without_libreoffice_pdf_and_odt_are_disabled_and_say_why(qtbot, ids, monkeypatch):
    from ui.documents_dialog import DocumentsDialog
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    monkeypatch.setattr(render, "_KNOWN_PLACES", ())
    dialog = DocumentsDialog(*ids)
    qtbot.addWidget(dialog)
    buttons = {b.objectName(): b for b in dialog.format_group.buttons()}
    assert buttons["format_docx"].isEnabled() and buttons["format_docx"].isChecked()
    for name in ("format_pdf", "format_odt"):
        assert not buttons[name].isEnabled() and "LibreOffice" in buttons[name].toolTip()


def test_a_broken_own_template_is_explained(qtbot, ids, warnings):
    import docx

    from app.documents import templates
    from ui.documents_dialog import DocumentsDialog
    document = docx.Document()
    document.add_paragraph("{{ client.name|no_such_filter }}")
    document.save(str(templates.user_dir(create=True) / "Письмо.docx"))
    dialog = DocumentsDialog(*ids)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.template_combo, "user:Письмо.docx")
    assert dialog.template_combo.currentText() == "Письмо (docx)"
    create(qtbot, dialog)
    assert warnings and "Письмо.docx cannot be filled" in warnings[0] and not dialog.result_box.isVisible()
    assert attachments.list_for(client_id=ids[0]) == []
