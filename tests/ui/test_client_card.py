"""The client card: typing a client in, phones, e-mails, links, saving, undo, closing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.clients import ClientData, ContactItem, PhoneItem, create_client, load_client
from db.models import Client
from tests.ui.conftest import type_text


def ctrl_s(widget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def gui(db, qtbot, monkeypatch):
    """A database; cards never ask about unsaved changes unless a test says so."""
    from ui.client_card import ClientCardDialog, dialog

    def unexpected(self):
        raise AssertionError("the card asked about unsaved changes")
    monkeypatch.setattr(ClientCardDialog, "ask_save_changes", unexpected)
    yield qtbot
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ClientCardDialog) and widget.isVisible():
            widget.state.base = widget.current_data()
            widget.done(0)
    dialog._open_cards.clear()


@pytest.fixture
def links(monkeypatch):
    """Opened URLs (tel:, mailto:) instead of starting the phone or mail program."""
    from PySide6.QtGui import QDesktopServices
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    return opened


def _forget_edits(card) -> None:
    """At the end of a test the card closes without asking about what the test typed."""
    card.state.base = card.current_data()


def new_card(qtbot, client_id=None):
    from ui.client_card import ClientCardDialog
    card = ClientCardDialog(client_id)
    qtbot.addWidget(card, before_close_func=_forget_edits)
    card.show()
    return card


def test_new_client_with_two_phones_typed_and_saved_with_ctrl_s(gui):
    card = new_card(gui)
    type_text(card.details.name_edit, "Иванов Пётр")
    type_text(card.details.phones.edits()[0], "8 (916) 555-12-34")
    gui.mouseClick(card.details.phones.add_button, Qt.MouseButton.LeftButton)
    type_text(card.details.phones.edits()[1], "+7 495 123 45 67")
    assert card.is_dirty() and card.windowTitle().endswith("*")
    ctrl_s(card.details.phones.edits()[1])
    saved = load_client(card.client_id)
    assert saved.name == "Иванов Пётр"
    assert [p.e164 for p in saved.phones] == ["+79165551234", "+74951234567"]
    assert [p.raw for p in saved.phones] == ["8 (916) 555-12-34", "+7 495 123 45 67"]
    assert not card.is_dirty() and not card.windowTitle().endswith("*")
    assert card.details.phones.edits()[0].text() == "+7 916 555-12-34"
    assert 'href="tel:+79165551234"' in card.header.links_label.text()


def test_a_phone_that_does_not_parse_is_saved_raw_and_shown_with_a_warning(gui):
    card = new_card(gui)
    type_text(card.details.name_edit, "Склад")
    type_text(card.details.phones.edits()[0], "12-34 доб. 5")
    gui.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    saved = load_client(card.client_id)
    assert [(p.raw, p.e164) for p in saved.phones] == [("12-34 доб. 5", None)]
    row = card.details.phones.rows[0]
    assert row.edit.text() == "12-34 доб. 5"
    assert not row.warning.isHidden() and "kept as typed" in row.warning.toolTip()
    assert "12-34 доб. 5" in card.message_label.text()


def test_invalid_email_is_framed_as_typed_and_saving_shows_the_core_message(gui):
    card = new_card(gui)
    type_text(card.details.name_edit, "Mail test")
    email = card.details.emails.edits()[0]
    type_text(email, "ivan@")
    assert email.property("invalid") and email.toolTip()
    type_text(email, "mail.ru")
    assert not email.property("invalid")
    email.setText("")
    type_text(email, "ivan at mail")
    ctrl_s(email)
    assert card.client_id is None and Client.select().count() == 0
    assert "E-mail" in card.message_label.text() and "ivan at mail" in card.message_label.text()


def test_inn_is_checked_as_you_type(gui):
    card = new_card(gui)
    type_text(card.details.inn_edit, "770708389")
    assert card.details.inn_edit.property("invalid")
    type_text(card.details.inn_edit, "3")
    assert not card.details.inn_edit.property("invalid") and card.details.inn_state.text() == "✓"
    QTest.keyClick(card.details.inn_edit, Qt.Key.Key_Backspace)
    type_text(card.details.inn_edit, "4")
    assert card.details.inn_edit.property("invalid")
    assert "checksum" in card.details.inn_edit.toolTip()


def test_refused_needs_a_reason_and_the_field_appears(gui):
    card = new_card(gui)
    type_text(card.details.name_edit, "Отказник")
    assert card.details.refusal_edit.isHidden()
    card.details.status_combo.setCurrentIndex(card.details.status_combo.findData("refused"))
    assert not card.details.refusal_edit.isHidden()
    ctrl_s(card.details.name_edit)
    assert card.client_id is None and card.details.refusal_edit.property("invalid")
    type_text(card.details.refusal_edit, "дорого")
    ctrl_s(card.details.refusal_edit)
    assert load_client(card.client_id).refusal_reason == "дорого"


def test_company_contact_persons_are_added_and_saved(gui):
    card = new_card(gui)
    gui.mouseClick(card.details.company_radio, Qt.MouseButton.LeftButton)
    assert card.tabs.isTabEnabled(1)
    type_text(card.details.name_edit, "ООО Ромашка")
    gui.mouseClick(card.contacts.add_button, Qt.MouseButton.LeftButton)
    panel = card.contacts.panels[0]
    type_text(panel.name_edit, "Анна")
    panel.position_combo.setCurrentText("Accountant")
    type_text(panel.phones.edits()[0], "89161112233")
    ctrl_s(panel.name_edit)
    saved = load_client(card.client_id)
    assert saved.kind == "company"
    assert [(c.name, c.position, [p.e164 for p in c.phones]) for c in saved.contacts] == [
        ("Анна", "Accountant", ["+79161112233"])]
    gui.mouseClick(card.contacts.panels[0].remove_button, Qt.MouseButton.LeftButton)
    ctrl_s(card.details.name_edit)
    assert load_client(card.client_id).contacts == []


def test_phone_link_calls_and_prefills_an_outgoing_call(gui, links):
    client = create_client(ClientData(name="Звонок", phones=[PhoneItem("89165551234")]))
    card = new_card(gui, client.id)
    card.quick_log.set_kind("note")
    card.header.links_label.linkActivated.emit("tel:+79165551234")
    assert links == ["tel:+79165551234"]
    assert card.quick_log.kind() == "call_out"
    assert "+7 916 555-12-34" in card.quick_log.subject()
    gui.mouseClick(card.details.emails.rows[0].action, Qt.MouseButton.LeftButton)  # empty: disabled
    assert links == ["tel:+79165551234"]


def test_email_button_writes_and_prefills_an_email_entry(gui, links):
    client = create_client(ClientData(name="Письмо", emails=["a@b.ru"]))
    card = new_card(gui, client.id)
    gui.mouseClick(card.details.emails.rows[0].action, Qt.MouseButton.LeftButton)
    assert links == ["mailto:a@b.ru"]
    assert card.quick_log.kind() == "email"


def test_saving_is_undoable(gui):
    from ui.undo import undo_stack
    client = create_client(ClientData(name="Было"))
    card = new_card(gui, client.id)
    card.details.name_edit.selectAll()
    type_text(card.details.name_edit, "Стало")
    ctrl_s(card.details.name_edit)
    assert load_client(client.id).name == "Стало"
    undo_stack().undo()
    assert load_client(client.id).name == "Было"
    assert card.details.name_edit.text() == "Было"  # the clean card follows the database
    undo_stack().redo()
    assert load_client(client.id).name == "Стало"


def test_creating_is_undoable_it_goes_to_the_trash(gui):
    from ui.undo import undo_stack
    card = new_card(gui)
    type_text(card.details.name_edit, "Новый")
    ctrl_s(card.details.name_edit)
    client_id = card.client_id
    undo_stack().undo()
    assert load_client(client_id).deleted_at is not None
    undo_stack().redo()
    assert load_client(client_id).deleted_at is None


def test_closing_with_unsaved_changes_asks_and_can_save(gui, monkeypatch):
    from ui.client_card import ClientCardDialog
    client = create_client(ClientData(name="Закрытие"))
    card = new_card(gui, client.id)
    type_text(card.details.city_edit, "Тула")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(ClientCardDialog, "ask_save_changes", lambda self: answers.pop(0))
    QTest.keyClick(card.details.city_edit, Qt.Key.Key_Escape)
    assert card.isVisible() and load_client(client.id).city == ""
    QTest.keyClick(card.details.city_edit, Qt.Key.Key_Escape)
    assert not card.isVisible() and load_client(client.id).city == "Тула"


def test_open_client_card_opens_one_window_per_client(gui):
    from ui.client_card import open_client_card
    client = create_client(ClientData(name="Один", contacts=[ContactItem("К")]))
    first = open_client_card(None, client.id)
    gui.addWidget(first)
    assert open_client_card(None, client.id) is first
    new = open_client_card(None)
    gui.addWidget(new)
    assert new is not first and new.client_id is None


def test_a_clean_card_follows_changes_saved_elsewhere(gui):
    from app.clients import update_client
    client = create_client(ClientData(name="Старое имя"))
    card = new_card(gui, client.id)
    data = load_client(client.id)
    data.name = "Новое имя"
    update_client(data)
    assert card.details.name_edit.text() == "Новое имя"
    assert card.header.name_label.text() == "Новое имя"


def test_custom_fields_get_matching_editors_and_are_saved(gui):
    from PySide6.QtWidgets import QComboBox, QLineEdit
    from db.models import CustomField
    from ui.widgets.datetime_picker import OptionalDateEdit
    site = CustomField.create(name="Сайт", kind="text")
    size = CustomField.create(name="Размер", kind="choice", choices='["малый", "крупный"]')
    signed = CustomField.create(name="Договор", kind="date")
    client = create_client(ClientData(name="Поля", custom={site.id: "old.ru"}))
    card = new_card(gui, client.id)
    card.tabs.setCurrentIndex(2)  # "More"
    editors = card.details.custom.editors
    assert isinstance(editors[site.id], QLineEdit) and editors[site.id].text() == "old.ru"
    assert isinstance(editors[size.id], QComboBox) and isinstance(editors[signed.id], OptionalDateEdit)
    editors[size.id].setCurrentIndex(editors[size.id].findData("крупный"))
    gui.mouseClick(editors[signed.id].check, Qt.MouseButton.LeftButton)
    ctrl_s(card.details.name_edit)
    custom = load_client(client.id).custom
    assert custom[site.id] == "old.ru" and custom[size.id] == "крупный"
    assert custom[signed.id] == "1980-01-01"


def test_calling_a_contact_person_logs_the_call_against_that_person(gui, links):
    from db.models import Activity
    client = create_client(ClientData(name="ООО Звон", kind="company",
                                      contacts=[ContactItem("Анна", phones=[PhoneItem("89161234567")])]))
    card = new_card(gui, client.id)
    card.tabs.setCurrentIndex(1)
    panel = card.contacts.panels[0]
    gui.mouseClick(panel.phones.rows[0].action, Qt.MouseButton.LeftButton)
    assert links == ["tel:+79161234567"]
    assert card.quick_log.kind() == "call_out" and "+7 916 123-45-67" in card.quick_log.subject()
    type_text(card.quick_log.result_edit, "Счёт получили")
    QTest.keyClick(card.quick_log.result_edit, Qt.Key.Key_Return)
    act = Activity.get()
    assert (act.kind, act.contact_id, act.result) == ("call_out", client.contacts[0].id, "Счёт получили")


def test_new_deal_from_the_card_is_prefilled_with_the_client_and_opens_on_double_click(gui):
    from app.deals import create_deal
    from ui.deal_card import DealCardDialog
    client_id = create_client(ClientData(name="ООО Ромашка", kind="company")).id
    card = new_card(gui, client_id)
    assert new_card(gui).new_deal_button.isEnabled() is False  # a new client must be saved first
    gui.mouseClick(card.new_deal_button, Qt.MouseButton.LeftButton)
    deal_cards = [w for w in QApplication.topLevelWidgets() if isinstance(w, DealCardDialog) and w.isVisible()]
    assert len(deal_cards) == 1 and deal_cards[0].data.client_id == client_id
    deal_cards[0].close()
    deal_id = create_deal(client_id, "Поставка", 1000)
    gui.waitUntil(lambda: card.deals.topLevelItemCount() == 1
                  and card.deals.topLevelItem(0).text(0) == "Поставка")
    item = card.deals.topLevelItem(0)
    centre = card.deals.visualItemRect(item).center()
    with gui.waitSignal(card.deals.deal_activated) as signal:
        QTest.mouseClick(card.deals.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        QTest.mouseDClick(card.deals.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args == [deal_id]
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, DealCardDialog) and w.isVisible()]
    assert [w.data.id for w in opened] == [deal_id]
    for w in opened:
        w.close()
