"""Actions on many selected clients, each undoable with Ctrl+Z."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.clients import ClientData, create_client, load_client
from db.models import Employee
from ui.client_list.columns import Columns

from .conftest import type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def team(db):
    anna = Employee.create(name="Анна Смирнова", role="manager")
    boris = Employee.create(name="Борис Орлов", role="manager")
    owner = Employee.get(Employee.role == "owner")
    made = [create_client(ClientData(name=n, responsible_id=r, status="lead"))
            for n, r in (("Альфа", owner.id), ("Бета", boris.id), ("Гамма", boris.id))]
    return {"anna": anna.id, "boris": boris.id, "owner": owner.id, **{c.name: c.id for c in made}}


def names(page):
    return [page.model.index(r, Columns.NAME).data() for r in range(page.model.rowCount())]


def select(page, qtbot, *wanted):
    """Click the first row, Ctrl+click the others."""
    view = page.view
    for i, name in enumerate(wanted):
        rect = view.visualRect(page.model.index(names(page).index(name), Columns.CITY))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL if i else Qt.KeyboardModifier.NoModifier,
                         rect.center())
    assert sorted(page.selected_ids()) == sorted(page.model.client_id(names(page).index(n)) for n in wanted)


def responsible_shown(page, name):
    return page.model.index(names(page).index(name), Columns.RESPONSIBLE).data()


def choose(text, reason=None, ok=True):
    def handler(dialog):
        dialog.combo.setCurrentIndex(dialog.combo.findText(text))
        if reason is not None:
            assert dialog.reason.isVisible()
            assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
            type_text(dialog.reason, reason)
        button = QDialogButtonBox.StandardButton.Ok if ok else QDialogButtonBox.StandardButton.Cancel
        dialog.buttons.button(button).click()
    return handler


def test_actions_wait_for_a_selection(team, main_window, qtbot):
    page = main_window.client_page
    assert not page.bulk.responsible_action.isEnabled()
    select(page, qtbot, "Бета")
    assert all(a.isEnabled() for a in page.bulk.actions())


def test_set_responsible_then_ctrl_z_restores_each_previous_one(team, main_window, qtbot):
    page = main_window.client_page
    select(page, qtbot, "Альфа", "Бета")
    assert page.selection_info.text() == "Selected: 2"
    seen = when_modal(choose("Анна Смирнова"))
    page.bulk.responsible_action.trigger()
    assert seen and seen[0].objectName() == "BulkChoiceDialog"
    qtbot.waitUntil(lambda: responsible_shown(page, "Альфа") == "Анна Смирнова")
    assert responsible_shown(page, "Бета") == "Анна Смирнова"
    assert responsible_shown(page, "Гамма") == "Борис Орлов"
    assert "Responsible changed for 2 clients" in main_window.statusBar().currentMessage()
    assert sorted(page.selected_ids()) == sorted([team["Альфа"], team["Бета"]])  # still selected

    main_window.activateWindow()  # the offscreen platform does not give it back after a dialog
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: responsible_shown(page, "Альфа") == "Владелец")
    assert responsible_shown(page, "Бета") == "Борис Орлов"
    assert load_client(team["Альфа"]).responsible_id == team["owner"]
    qtbot.keyClick(page.view, Qt.Key.Key_Y, CTRL)  # redo
    qtbot.waitUntil(lambda: responsible_shown(page, "Бета") == "Анна Смирнова")


def test_cancel_changes_nothing(team, main_window, qtbot):
    page = main_window.client_page
    select(page, qtbot, "Альфа")
    when_modal(choose("Анна Смирнова", ok=False))
    page.bulk.responsible_action.trigger()
    assert load_client(team["Альфа"]).responsible_id == team["owner"]
    assert not main_window.undo_action.isEnabled()


def test_add_a_new_tag_and_undo(team, main_window, qtbot):
    page = main_window.client_page
    select(page, qtbot, "Бета", "Гамма")

    def new_tag(dialog):
        type_text(dialog.combo.lineEdit(), "Опт")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(new_tag)
    page.bulk.tag_action.trigger()
    tags = lambda name: page.model.index(names(page).index(name), Columns.TAGS).data()  # noqa: E731
    qtbot.waitUntil(lambda: tags("Бета") == "Опт")
    assert tags("Гамма") == "Опт" and tags("Альфа") == ""
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: tags("Бета") == "")
    assert load_client(team["Гамма"]).tags == []


def test_refused_asks_for_a_reason(team, main_window, qtbot):
    page = main_window.client_page
    select(page, qtbot, "Альфа", "Гамма")
    when_modal(choose("Refused", reason="нашли дешевле"))
    page.bulk.status_action.trigger()
    status = lambda name: page.model.index(names(page).index(name), Columns.STATUS).data()  # noqa: E731
    qtbot.waitUntil(lambda: status("Альфа") == "Refused")
    assert load_client(team["Гамма"]).refusal_reason == "нашли дешевле"
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: status("Альфа") == "Lead")
    assert status("Гамма") == "Lead"


def test_delete_moves_to_trash_the_trash_shows_them_and_undo_brings_them_back(team, main_window, qtbot):
    page = main_window.client_page
    select(page, qtbot, "Альфа", "Гамма")
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: names(page) == ["Бета"])
    assert "moved to the trash" in main_window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: main_window.count_label.text() == "Clients: 1")

    qtbot.keyClick(main_window, Qt.Key.Key_7, CTRL)
    trash = main_window.trash_page
    # newest deletion first; deleted together, so the later client first
    assert [trash.model.index(r, Columns.NAME).data() for r in range(trash.model.rowCount())] \
        == ["Гамма", "Альфа"]
    assert trash.view.isVisible() and not trash.empty.isVisible()

    qtbot.keyClick(main_window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: trash.model.rowCount() == 0)
    assert trash.empty.isVisible()
    qtbot.keyClick(main_window, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(lambda: names(page) == ["Альфа", "Бета", "Гамма"])


def test_delete_in_the_search_box_edits_text_not_clients(team, main_window, qtbot):
    page = main_window.client_page
    select(page, qtbot, "Альфа")
    box = main_window.search_box
    box.setFocus()
    qtbot.keyClicks(box, "ab")
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.text() == "b"
    assert load_client(team["Альфа"]).deleted_at is None


def test_select_all_and_trash_in_one_step(team, main_window, qtbot):
    page = main_window.client_page
    page.view.setFocus()
    page.view.selectionModel().setCurrentIndex(page.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    qtbot.keyClick(page.view, Qt.Key.Key_A, CTRL)
    main_window.trash_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_the_actions_become_icons_when_the_header_is_narrow_and_stay_reachable(russian, team, main_window, qtbot):
    """With the Today panel open on a small screen the page is narrow: the actions shrink
    to icons (named in tooltips) rather than hide behind the toolbar's "»"."""
    page = main_window.client_page
    main_window.resize(1366, 768)
    main_window.show()
    qtbot.waitUntil(page.isVisible)
    page.resize(1200, 700)
    assert page.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    page.resize(700, 700)
    assert page.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    qtbot.wait(10)
    shown = [page.toolbar.widgetForAction(a) for a in page.bulk.actions()]
    assert all(b.isVisible() and page.toolbar.rect().contains(b.geometry()) for b in shown)
    assert all(b.toolTip() for b in shown) and "корзину" in shown[-1].toolTip()
