"""The global search box: results as you type, keys, opening the card."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.clients import ClientData, ContactItem, PhoneItem, create_client
from ui.search_box import SearchResultsModel

from .conftest import open_cards, type_text


@pytest.fixture
def people(db):
    ivanov = create_client(ClientData(name="Иванов Пётр", city="Тюмень",
                                      phones=[PhoneItem("+7 916 555-12-34")]))
    romashka = create_client(ClientData(name='ООО "Ромашка"', kind="company", inn="7728168971",
                                        contacts=[ContactItem(name="Семёнова Анна")]))
    ivanova = create_client(ClientData(name="Иванова Ольга", city="Омск"))
    return {"ivanov": ivanov.id, "romashka": romashka.id, "ivanova": ivanova.id}


def popup_names(box) -> list[str]:
    model = box.results
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_phone_typed_another_way_finds_the_client_and_enter_opens_the_card(people, main_window, qtbot):
    box = main_window.search_box
    qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "8(916)5551234")
    qtbot.waitUntil(box.popup.isVisible)
    assert popup_names(box) == ["Иванов Пётр"]
    assert box.results.index(0, 1).data() == "+7 916 555-12-34"
    assert box.results.index(0, 2).data() == "Тюмень"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.popup.isVisible()
    assert [card.client_id for card in open_cards()] == [people["ivanov"]]


def test_enter_right_after_typing_does_not_wait_for_the_pause(people, main_window, qtbot):
    box = main_window.search_box
    box.setFocus()
    type_text(box, "семенова")  # contact person, ё typed as е
    qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert [card.client_id for card in open_cards()] == [people["romashka"]]


def test_up_down_move_and_escape_closes(people, main_window, qtbot):
    box = main_window.search_box
    box.setFocus()
    type_text(box, "иванов")
    qtbot.waitUntil(box.popup.isVisible)
    assert popup_names(box) == ["Иванов Пётр", "Иванова Ольга"]
    assert box.popup.currentIndex().row() == 0
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)  # stays on the last one
    assert box.popup.currentIndex().row() == 1
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.popup.currentIndex().row() == 0
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.popup.isVisible() and box.text() == "иванов"
    qtbot.keyClick(box, Qt.Key.Key_Down)  # the list comes back
    assert box.popup.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert [card.client_id for card in open_cards()] == [people["ivanova"]]


def test_double_click_opens_and_inn_is_found(people, main_window, qtbot):
    box = main_window.search_box
    box.setFocus()
    qtbot.keyClicks(box, "7728168971")
    qtbot.waitUntil(box.popup.isVisible)
    centre = box.popup.visualRect(box.results.index(0, 0)).center()
    qtbot.mouseClick(box.popup.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert open_cards() == []  # one click only selects
    qtbot.mouseDClick(box.popup.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert [card.client_id for card in open_cards()] == [people["romashka"]]


def test_nothing_found_is_said_and_enter_opens_nothing(people, main_window, qtbot):
    box = main_window.search_box
    box.setFocus()
    qtbot.keyClicks(box, "zzzzzz")
    qtbot.waitUntil(box.popup.isVisible)
    assert popup_names(box) == ["No clients found"]
    assert box.results.flags(box.results.index(0, 0)) == Qt.ItemFlag.NoItemFlags
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert open_cards() == []


def test_results_model(qtmodeltester, people):
    from app.search import search_clients
    model = SearchResultsModel()
    model.set_hits("иван", search_clients("иван"))
    qtmodeltester.check(model)
    model.set_hits("zzz", [])
    qtmodeltester.check(model)
