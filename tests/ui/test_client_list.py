"""The client list: lazy model, filters, sorting, columns, colours, opening cards."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor

from app.clients import ClientData, PhoneItem, create_client, load_client, update_client
from db.models import utcnow
from ui.client_list.columns import Columns, Roles
from ui.client_list.model import ClientListModel

from .conftest import open_cards, type_text


@pytest.fixture
def clients(db):
    now = utcnow()
    made = [
        create_client(ClientData(name="Ёлкин Иван", city="Тюмень", status="active",
                                 phones=[PhoneItem("+7 916 555-12-34")], next_contact_at=now - timedelta(hours=2))),
        create_client(ClientData(name="Белова Анна", city="Омск", status="lead", phones=[PhoneItem("12-34")])),
        create_client(ClientData(name="андреев олег", city="Тюмень", status="refused", refusal_reason="цена")),
        create_client(ClientData(name="Дёмин Пётр", status="archived", next_contact_at=now + timedelta(days=3))),
        create_client(ClientData(name="Егорова Мария", status="active", city="Омск")),
    ]
    return {c.name: c.id for c in made}


def names(page) -> list[str]:
    model = page.model
    return [model.index(r, Columns.NAME).data() for r in range(model.rowCount())]


def row_of(page, name) -> int:
    return names(page).index(name)


def test_model_passes_the_model_tester(qtmodeltester, clients):
    model = ClientListModel()
    model.reload()
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    trash = ClientListModel(trash=True)
    trash.reload()
    qtmodeltester.check(trash)


def test_sorted_by_name_case_and_yo_insensitive_and_header_click_reverses(clients, main_window, qtbot):
    page = main_window.client_page
    assert names(page) == ["андреев олег", "Белова Анна", "Дёмин Пётр", "Егорова Мария", "Ёлкин Иван"]
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(Columns.NAME) + 20
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert names(page)[0] == "Ёлкин Иван"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_sort_by_next_contact_puts_clients_without_one_last(clients, main_window, qtbot):
    page = main_window.client_page
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(Columns.NEXT_CONTACT) + 20
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert names(page)[:2] == ["Ёлкин Иван", "Дёмин Пётр"]


def test_a_column_that_cannot_sort_keeps_the_order(clients, main_window, qtbot):
    page = main_window.client_page
    before = names(page)
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(Columns.PHONE) + 20
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert names(page) == before
    assert header.sortIndicatorSection() == Columns.NAME


def test_status_filter_and_free_text_change_the_rows(clients, main_window, qtbot):
    page = main_window.client_page
    bar = page.filter_bar
    assert page.counter.text() == "5 clients"
    bar.status.setCurrentIndex(bar.status.findData("active"))
    assert names(page) == ["Егорова Мария", "Ёлкин Иван"]
    assert page.counter.text() == "2 clients"
    bar.text.setFocus()
    type_text(bar.text, "елкин")  # ё found by е, through the same code as search
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert names(page) == ["Ёлкин Иван"]
    assert page.counter.text() == "1 client"
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 5 and bar.text.text() == ""


def test_phone_typed_another_way_filters_too(clients, main_window, qtbot):
    bar = main_window.client_page.filter_bar
    qtbot.keyClicks(bar.text, "8 (916) 555 12 34")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert names(main_window.client_page) == ["Ёлкин Иван"]


def test_overdue_and_city_filters(clients, main_window, qtbot):
    page = main_window.client_page
    qtbot.mouseClick(page.filter_bar.overdue, Qt.MouseButton.LeftButton)
    assert names(page) == ["Ёлкин Иван"]
    qtbot.mouseClick(page.filter_bar.overdue, Qt.MouseButton.LeftButton)
    place = page.filter_bar.place
    place.load()  # what opening the list does
    place.setCurrentIndex(place.findData("Омск"))
    assert names(page) == ["Белова Анна", "Егорова Мария"]


def test_rows_show_status_colour_overdue_in_red_and_a_doubtful_phone(clients, main_window):
    page = main_window.client_page
    model = page.model
    elkin, belova, andreev = (row_of(page, n) for n in ("Ёлкин Иван", "Белова Анна", "андреев олег"))
    refused = model.index(andreev, Columns.NAME).data(Qt.ItemDataRole.BackgroundRole)
    active = model.index(elkin, Columns.NAME).data(Qt.ItemDataRole.BackgroundRole)
    assert refused.red() > refused.green() and active.green() > active.red()
    overdue = model.index(elkin, Columns.NEXT_CONTACT)
    assert overdue.data(Roles.OVERDUE) is True
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == QColor("#c62828")
    assert model.index(elkin, Columns.PHONE).data() == "+7 916 555-12-34"
    doubtful = model.index(belova, Columns.PHONE)
    assert doubtful.data() == "12-34" and doubtful.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "could not be recognised" in doubtful.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(elkin, Columns.STATUS).data() == "Active"


def test_rows_are_read_a_page_at_a_time(db, main_window, qtbot, monkeypatch):
    from app.demo import generate
    from ui.client_list import model as model_module
    generate(450, seed=3)
    asked: list[int] = []
    real = model_module.client_rows
    monkeypatch.setattr(model_module, "client_rows", lambda ids: asked.append(len(ids)) or real(ids))
    page = main_window.client_page
    page.refresh()
    qtbot.waitUntil(lambda: bool(asked))
    page.view.viewport().repaint()
    assert page.model.rowCount() == 450 and asked == [ClientListModel.PAGE_SIZE]
    page.view.scrollToBottom()
    page.view.viewport().repaint()
    assert sum(asked) < 450  # the middle page was never read


def test_enter_and_double_click_open_the_card(clients, main_window, qtbot):
    page = main_window.client_page
    view = page.view
    view.setFocus()
    view.setCurrentIndex(page.model.index(row_of(page, "Белова Анна"), Columns.NAME))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [c.client_id for c in open_cards()] == [clients["Белова Анна"]]
    rect = view.visualRect(page.model.index(row_of(page, "Дёмин Пётр"), Columns.CITY))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sorted(c.client_id for c in open_cards()) == sorted([clients["Белова Анна"], clients["Дёмин Пётр"]])


def test_an_edit_elsewhere_refreshes_the_row_and_keeps_the_selection(clients, main_window, qtbot):
    page = main_window.client_page
    page.view.selectRow(row_of(page, "Егорова Мария"))
    data = load_client(clients["Белова Анна"])
    data.name = "Ястребова Анна"  # moves to the end
    update_client(data)
    qtbot.waitUntil(lambda: "Ястребова Анна" in names(page))
    assert names(page)[-1] == "Ястребова Анна"
    assert page.selected_ids() == [clients["Егорова Мария"]]


def _column_action(menu, title):
    return next(a for a in menu.actions() if a.text() == title)


def test_hidden_and_moved_columns_are_remembered_in_a_new_window(clients, make_window, qtbot):
    first = make_window()
    view = first.client_page.view
    header = view.horizontalHeader()
    assert header.isSectionHidden(Columns.EMAIL) and not header.isSectionHidden(Columns.CITY)
    _column_action(view.column_menu(), "City").trigger()  # the header's context menu
    _column_action(view.column_menu(), "E-mail").trigger()
    header.moveSection(header.visualIndex(Columns.PHONE), 0)  # what dragging the header does
    assert header.isSectionHidden(Columns.CITY) and not header.isSectionHidden(Columns.EMAIL)
    first.close()
    assert QSettings().value("client_list/header") is not None

    second = make_window()
    header = second.client_page.view.horizontalHeader()
    assert header.isSectionHidden(Columns.CITY) and not header.isSectionHidden(Columns.EMAIL)
    assert header.logicalIndex(0) == Columns.PHONE
    # the stripe follows the first visible column
    assert second.client_page.view.itemDelegate()._is_first_column(Columns.PHONE)


def test_the_last_visible_column_cannot_be_hidden(clients, main_window):
    view = main_window.client_page.view
    for column in Columns:
        view.set_column_visible(column, column == Columns.NAME)
    assert not _column_action(view.column_menu(), "Name").isEnabled()
