"""The Trash page: restore (undoable) and delete for good (after asking)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.client_bulk import trash_clients
from app.clients import ClientData, create_client
from db.models import Client
from ui.client_list.columns import Columns

from .conftest import when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def deleted(db):
    made = {n: create_client(ClientData(name=n)).id for n in ("Живой", "Удалённый", "Забытый")}
    trash_clients([made["Удалённый"], made["Забытый"]])
    return made


def trash_names(page):
    return sorted(page.model.index(r, Columns.NAME).data() for r in range(page.model.rowCount()))


def open_trash(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.trash_page
    assert window.stack.currentWidget() is page
    return page


def select_row(page, qtbot, name):
    row = [page.model.index(r, Columns.NAME).data() for r in range(page.model.rowCount())].index(name)
    rect = page.view.visualRect(page.model.index(row, Columns.NAME))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_trash_lists_deleted_clients_with_the_deletion_date(deleted, main_window, qtbot):
    page = open_trash(main_window, qtbot)
    assert trash_names(page) == ["Забытый", "Удалённый"]
    assert not page.view.horizontalHeader().isSectionHidden(Columns.DELETED)
    assert page.model.index(0, Columns.DELETED).data()
    assert not page.restore_button.isEnabled()


def test_restore_puts_the_client_back_and_undo_returns_it_to_the_trash(deleted, main_window, qtbot):
    page = open_trash(main_window, qtbot)
    select_row(page, qtbot, "Удалённый")
    assert page.restore_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trash_names(page) == ["Забытый"])
    assert Client.get_by_id(deleted["Удалённый"]).deleted_at is None
    assert "1 client restored" in main_window.statusBar().currentMessage()
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: trash_names(page) == ["Забытый", "Удалённый"])
    qtbot.keyClick(main_window, Qt.Key.Key_1, CTRL)
    clients = main_window.client_page.model
    assert [clients.index(r, 0).data() for r in range(clients.rowCount())] == ["Живой"]


def test_delete_for_good_asks_first(deleted, main_window, qtbot):
    page = open_trash(main_window, qtbot)
    select_row(page, qtbot, "Забытый")

    def cancel(box):
        assert "cannot be undone" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
    asked = when_modal(cancel)
    qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
    assert asked
    assert Client.get_or_none(Client.id == deleted["Забытый"]) is not None

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trash_names(page) == ["Удалённый"])
    assert Client.get_or_none(Client.id == deleted["Забытый"]) is None
    assert Client.get_or_none(Client.id == deleted["Живой"]) is not None


def test_trash_model(qtmodeltester, deleted, main_window, qtbot):
    page = open_trash(main_window, qtbot)
    qtmodeltester.check(page.model)
