"""Two cards of one client: the second save shows what changed and loses nothing."""
from __future__ import annotations

from app.clients import ClientData, PhoneItem, create_client, load_client
from tests.ui.test_client_card import ctrl_s, gui, new_card  # noqa: F401 - fixture
from tests.ui.conftest import type_text, when_modal
from ui.client_card.conflict_dialog import ConflictDialog


def _replace(edit, text):
    edit.selectAll()
    type_text(edit, text)


def test_second_card_save_lists_the_changed_field_and_keeps_both_edits(gui):
    client = create_client(ClientData(name="Общий", city="Москва", phones=[PhoneItem("89160000001")]))
    first, second = new_card(gui, client.id), new_card(gui, client.id)
    _replace(second.details.city_edit, "Тверь")        # a real conflict on the city
    type_text(second.details.address_edit, "ул. Ленина, 1")  # only mine: must survive
    _replace(first.details.city_edit, "Казань")
    type_text(first.details.tags_edit, "опт")
    ctrl_s(first.details.city_edit)
    assert load_client(client.id).city == "Казань"
    assert second.details.city_edit.text() == "Тверь"  # a card with edits keeps them
    seen = {}

    def choose(dialog):
        assert isinstance(dialog, ConflictDialog)
        seen["keys"] = list(dialog.keys)
        seen["theirs"] = dialog.choices["city"][0].text()
        seen["mine"] = dialog.choices["city"][1].text()
        dialog.choices["city"][0].setChecked(True)  # their city
        dialog.save_button.click()
    shown = when_modal(choose)
    ctrl_s(second.details.city_edit)
    assert shown

    assert sorted(seen["keys"]) == ["city", "tags"]
    assert (seen["theirs"], seen["mine"]) == ("Казань", "Тверь")
    saved = load_client(client.id)
    assert saved.city == "Казань"                     # chosen from theirs
    assert saved.tags == ["опт"]                      # theirs, not touched by me: kept
    assert saved.address == "ул. Ленина, 1"           # mine: kept
    assert [p.e164 for p in saved.phones] == ["+79160000001"]
    assert not second.is_dirty() and second.state.base.version == saved.version


def test_keep_mine_and_cancel(gui):
    client = create_client(ClientData(name="Общий", city="Москва"))
    first, second = new_card(gui, client.id), new_card(gui, client.id)
    _replace(second.details.city_edit, "Тверь")
    _replace(first.details.city_edit, "Казань")
    ctrl_s(first.details.city_edit)

    shown = when_modal(lambda dialog: dialog.reject())
    ctrl_s(second.details.city_edit)
    assert shown
    assert load_client(client.id).city == "Казань"  # never overwritten silently
    assert second.is_dirty() and "changed by someone else" in second.message_label.text()

    def keep_mine(dialog):
        dialog.take_theirs_button.click()
        dialog.keep_mine_button.click()
        dialog.save_button.click()
    when_modal(keep_mine)
    ctrl_s(second.details.city_edit)
    assert load_client(client.id).city == "Тверь"


def test_a_version_bump_without_real_differences_saves_without_asking(gui):
    from app.client_bulk import set_field
    client = create_client(ClientData(name="Общий"))
    card = new_card(gui, client.id)
    type_text(card.details.city_edit, "Омск")
    set_field([client.id], "status", "lead")  # same value, new version
    assert card.state.base.version < load_client(client.id).version
    ctrl_s(card.details.city_edit)
    assert load_client(client.id).city == "Омск"
    assert not card.is_dirty()
