"""The client card's History tab: who changed what, newest first, filtered by employee."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import activities, context, deals
from app.clients import ClientData, create_client, load_client, update_client
from db.models import Employee


@pytest.fixture
def history_client(db):
    """A client the owner created; Anna (a manager) renamed it and opened a deal."""
    anna = Employee.create(name="Анна Петрова", role="manager").id
    client = create_client(ClientData(name="ООО Ромашка", responsible_id=anna))
    context.set_current_employee(anna)
    data = load_client(client.id)
    data.name, data.city = "ООО Ромашка и Ко", "Тверь"
    update_client(data)
    deals.create_deal(client.id, "Поставка бумаги", 12000)
    activities.quick_log(client.id, "call_out", "Договорились о поставке")
    context.set_current_employee(None)
    yield client.id, anna
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "ClientCardDialog" and widget.isVisible():
            widget.state.base = widget.current_data()
            widget.done(0)


def open_history(qtbot, client_id):
    from ui.client_card import ClientCardDialog
    card = ClientCardDialog(client_id)
    qtbot.addWidget(card)
    card.show()
    bar = card.tabs.tabBar()
    index = card.tabs.indexOf(card.history)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert card.tabs.currentWidget() is card.history
    return card


def column(tab, col: int) -> list:
    return [row[col] for row in tab.rows()]


WHO, WHAT, CHANGES = 1, 2, 3


def test_history_lists_who_changed_what_newest_first(history_client, qtbot):
    client_id, _anna = history_client
    card = open_history(qtbot, client_id)
    tab = card.history
    assert column(tab, WHO)[0] == "Анна Петрова" and column(tab, WHO)[-1] == "Владелец"
    what = column(tab, WHAT)
    assert what[-1] == "Client created"
    assert "Deal «Поставка бумаги» created" in what
    changed = dict(zip(what, column(tab, CHANGES)))["Client changed"]
    assert "name: ООО Ромашка → ООО Ромашка и Ко" in changed and "city: — → Тверь" in changed
    assert "Activity «Outgoing call» created" in what


def test_history_filters_by_employee(history_client, qtbot):
    client_id, anna = history_client
    card = open_history(qtbot, client_id)
    combo = card.history.employee_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All employees", "Анна Петрова", "Владелец"]
    total = len(card.history.rows())
    combo.setCurrentIndex(combo.findData(anna))
    who = set(column(card.history, WHO))
    assert who == {"Анна Петрова"} and len(card.history.rows()) < total
    combo.setCurrentIndex(combo.findText("Владелец"))
    assert column(card.history, WHAT) == ["Client created"]


def test_history_follows_a_change_made_while_it_is_shown(history_client, qtbot):
    client_id, _anna = history_client
    card = open_history(qtbot, client_id)
    before = len(card.history.rows())
    deals.create_deal(client_id, "Вторая поставка", 500)
    qtbot.waitUntil(lambda: len(card.history.rows()) > before)
    assert "Deal «Вторая поставка» created" in column(card.history, WHAT)


def test_history_reads_as_russian_sentences(history_client, qtbot, russian):
    """The verb agrees with the noun: «Клиент создан», «Сделка … создана», «Дело … создано»."""
    client_id, _anna = history_client
    card = open_history(qtbot, client_id)
    what = column(card.history, WHAT)
    assert what[-1] == "Клиент создан"
    assert "Сделка «Поставка бумаги» создана" in what
    assert "Клиент изменён" in what
    assert any(line.startswith("Дело «") and line.endswith("» создано") for line in what)
