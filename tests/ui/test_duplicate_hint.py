"""Typing a phone, e-mail or INN of another client shows it at once, with a way to open it."""
from __future__ import annotations

from app.clients import ClientData, PhoneItem, create_client
from tests.ui.test_client_card import gui, new_card  # noqa: F401 - fixture
from tests.ui.conftest import type_text


def test_typing_a_phone_of_another_client_shows_the_hint_and_opens_that_card(gui):
    other = create_client(ClientData(name="Иванов Пётр", phones=[PhoneItem("+7 916 555-12-34")]))
    card = new_card(gui)
    type_text(card.details.phones.edits()[0], "8916555")
    gui.wait(card.watcher.timer.interval() + 100)
    assert card.hint.isHidden()
    type_text(card.details.phones.edits()[0], "1234")
    gui.waitUntil(lambda: card.hint.isVisible(), timeout=2000)
    assert "Иванов Пётр" in card.hint.label.text() and "+7 916 555-12-34" in card.hint.label.text()
    with gui.waitSignal(card.hint.open_requested) as blocker:
        card.hint.open_button.click()
    assert blocker.args == [other.id]
    from ui.client_card import dialog
    opened = dialog._open_cards[other.id]
    gui.addWidget(opened)
    assert opened.client_id == other.id and opened.isVisible()


def test_own_phone_and_inn_do_not_count(gui):
    client = create_client(ClientData(name="Сам", inn="7707083893", phones=[PhoneItem("89165551234")]))
    card = new_card(gui, client.id)
    card.details.inn_edit.clear()
    type_text(card.details.inn_edit, "7707083893")
    gui.wait(card.watcher.timer.interval() + 150)
    assert card.hint.isHidden()


def test_inn_of_another_client_is_found(gui):
    create_client(ClientData(name="ООО Ромашка", kind="company", inn="7707083893"))
    card = new_card(gui)
    type_text(card.details.inn_edit, "7707083893")
    gui.waitUntil(lambda: card.hint.isVisible(), timeout=2000)
    assert "ООО Ромашка" in card.hint.label.text() and "7707083893" in card.hint.label.text()
