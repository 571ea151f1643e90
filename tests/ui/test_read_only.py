"""What a viewer (and a manager on a colleague's record) cannot change is read-only in
the windows: typing changes nothing, there is no Save, the actions are greyed out."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import context, deals, settings
from app.clients import ClientData, create_client
from db.models import Client, Employee
from tests.ui.conftest import type_text


@pytest.fixture
def people(db):
    anna = Employee.create(name="Анна", role="manager").id
    boris = Employee.create(name="Борис", role="manager").id
    viewer = Employee.create(name="Вера", role="viewer").id
    client = create_client(ClientData(name="ООО Ромашка", responsible_id=boris)).id
    yield {"anna": anna, "boris": boris, "viewer": viewer, "client": client}
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "ClientCardDialog" and widget.isVisible():
            widget.state.base = widget.current_data()
            widget.done(0)
    context.set_current_employee(None)


def open_card(qtbot, client_id):
    from ui.client_card import ClientCardDialog
    card = ClientCardDialog(client_id)
    qtbot.addWidget(card)
    card.show()
    return card


def test_a_viewer_cannot_edit_the_client_card(people, qtbot):
    context.set_current_employee(people["viewer"])
    card = open_card(qtbot, people["client"])
    type_text(card.details.name_edit, " и Ко")
    assert card.details.name_edit.text() == "ООО Ромашка" and not card.is_dirty()
    assert not card.save_button.isVisible() and not card.quick_log.isVisible()
    assert not card.new_deal_button.isVisible()
    assert "Read only" in card.message_label.text()
    assert card.print_button.isEnabled()  # printing is reading


def test_a_manager_reads_a_colleagues_card_but_edits_her_own(people, qtbot):
    context.set_current_employee(None)
    settings.put("managers_see_all", True)
    context.set_current_employee(people["anna"])
    other = open_card(qtbot, people["client"])
    assert other.details.name_edit.isReadOnly() and not other.save_button.isVisible()
    own = create_client(ClientData(name="Клиент Анны")).id
    card = open_card(qtbot, own)
    type_text(card.details.name_edit, " (опт)")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert Client.get_by_id(own).name == "Клиент Анны (опт)"


def test_a_viewer_cannot_save_a_deal(people, qtbot):
    from ui.deal_card.dialog import DealCardDialog
    deal_id = deals.create_deal(people["client"], "Поставка", 1000)
    context.set_current_employee(people["viewer"])
    dialog = DealCardDialog(deal_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isVisible()
    type_text(dialog.form.title_edit, "Другое")
    assert dialog.form.title_edit.text() == "Поставка"


def test_a_viewer_gets_no_import_restore_or_bulk_changes(people, make_window, qtbot):
    context.set_current_employee(people["viewer"])
    window = make_window()
    assert not window.import_action.isEnabled() and not window.restore_action.isEnabled()
    assert window.export_action.isEnabled()
    page = window.client_page
    page.view.selectRow(0)
    qtbot.waitUntil(lambda: page.view.selectionModel().hasSelection())
    assert not any(action.isEnabled() for action in page.bulk.actions())
    window.show_page(window.SETTINGS)
    assert not window.settings_page.access_settings.see_all.isEnabled()
