"""The deal card: fields, products and services, invoices, history; Ctrl+S saves, a
conflict offers to reload, a new deal is created for a client."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from app import deals
from app.clients import ClientData, ContactItem, create_client
from app.deal_details import InvoiceItem, load_deal, save_deal
from db.models import Deal, DealLine, Invoice, Payment
from ui.formatting import fmt_money


@pytest.fixture(autouse=True)
def fresh_ui_state():
    from ui.bridge import reset_bridge
    from ui.undo import reset_undo_stack
    from ui.deal_card import dialog
    reset_bridge()
    reset_undo_stack()
    yield
    dialog._open_cards.clear()
    reset_undo_stack()
    reset_bridge()


@pytest.fixture(autouse=True)
def boxes(monkeypatch):
    """Message boxes are answered without showing them; the test sees what was asked."""
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(("warning",) + a[1:]))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(("question",) + a[1:]) or QMessageBox.StandardButton.Discard)
    return asked


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="ООО «Ромашка»", kind="company",
                                    contacts=[ContactItem(name="Петров Олег", position="Закупщик")])).id


@pytest.fixture
def deal_id(client_id):
    return deals.create_deal(client_id, "Кухня под ключ", 0, stage_id=deals.stages()[2].id)


def open_card(qtbot, **kw):
    from ui.deal_card import open_deal_card
    card = open_deal_card(None, **kw)
    qtbot.addWidget(card)
    qtbot.waitExposed(card)
    return card


def open_editor(view):
    return [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()][-1]


def edit_cell(view, row, column, text):
    """Open the cell's editor as a double click does, type, press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = open_editor(view)
    editor.selectAll()
    editor.insert(text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Return through a queued call


def press_ctrl_s(card, qtbot):
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=2000)
    QTest.keyClick(QApplication.focusWidget() or card, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_models_pass_the_model_tester(qtbot, deal_id, qtmodeltester):
    card = open_card(qtbot, deal_id=deal_id)
    card.lines.model.add_line()
    card.invoices.model.add_invoice("1", Decimal("10"))
    for model in (card.lines.model, card.invoices.model, card.history.stages_model, card.history.activities_model):
        qtmodeltester.check(model)


def test_edit_lines_and_an_invoice_then_ctrl_s_saves(qtbot, deal_id):
    from ui.deal_card.invoices import InvoicesModel
    from ui.deal_card.lines import LinesModel
    card = open_card(qtbot, deal_id=deal_id)
    QTest.mouseClick(card.lines.add_button, Qt.MouseButton.LeftButton)
    QTest.keyClick(open_editor(card.lines.view), Qt.Key.Key_Escape)  # the new line's name editor
    edit_cell(card.lines.view, 0, LinesModel.Columns.NAME, "Монтаж гарнитура")
    edit_cell(card.lines.view, 0, LinesModel.Columns.QUANTITY, "2,5")
    edit_cell(card.lines.view, 0, LinesModel.Columns.PRICE, "1 200,40")
    assert fmt_money(Decimal("3001.00")) in card.lines.total_label.text()
    assert card.windowTitle().endswith("*")
    card.tabs.setCurrentWidget(card.invoices)
    QTest.mouseClick(card.invoices.add_button, Qt.MouseButton.LeftButton)
    edit_cell(card.invoices.view, 0, InvoicesModel.Columns.NUMBER, "СЧ-17")
    edit_cell(card.invoices.view, 0, InvoicesModel.Columns.AMOUNT, "1500")
    press_ctrl_s(card, qtbot)
    qtbot.waitUntil(lambda: DealLine.select().where(DealLine.deal == deal_id).count() == 1)
    line = DealLine.get(DealLine.deal == deal_id)
    assert (line.name, line.quantity, line.price) == ("Монтаж гарнитура", Decimal("2.5"), Decimal("1200.40"))
    invoice = Invoice.get(Invoice.deal == deal_id)
    assert (invoice.number, invoice.amount, invoice.paid_on) == ("СЧ-17", Decimal("1500.00"), None)
    assert Deal.get_by_id(deal_id).amount == Decimal("3001.00")  # no amount given: the lines' total
    assert not card.windowTitle().endswith("*") and card.status_label.text() == "Saved"
    # paid today
    card.invoices.view.setCurrentIndex(card.invoices.model.index(0, 0))
    QTest.mouseClick(card.invoices.paid_button, Qt.MouseButton.LeftButton)
    press_ctrl_s(card, qtbot)
    qtbot.waitUntil(lambda: Invoice.get(Invoice.deal == deal_id).paid_on == date.today())
    assert Payment.select().where(Payment.deal == deal_id).count() == 1


def test_unpaid_invoices_are_highlighted_and_overdue_ones_red(qtbot, deal_id):
    from ui.deal_card.invoices import InvoicesModel
    data = load_deal(deal_id)
    today = date.today()
    data.invoices = [InvoiceItem("1", Decimal("10"), today, today - timedelta(days=3)),
                     InvoiceItem("2", Decimal("20"), today, today + timedelta(days=3)),
                     InvoiceItem("3", Decimal("30"), today, today, today)]
    save_deal(data)
    card = open_card(qtbot, deal_id=deal_id)
    model = card.invoices.model
    paid = InvoicesModel.Columns.PAID
    assert model.data(model.index(0, paid)) == "overdue"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    assert model.data(model.index(1, paid)) == "not paid"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert card.invoices.summary_label.text() == "Not paid: {}".format(fmt_money(Decimal("30")))


def test_conflict_offers_to_reload(qtbot, deal_id, monkeypatch):
    card = open_card(qtbot, deal_id=deal_id)
    card.form.title_edit.setFocus()
    card.form.title_edit.selectAll()
    card.form.title_edit.insert("Моя правка")  # typed: the card has unsaved changes
    elsewhere = load_deal(deal_id)
    elsewhere.title = "Правка коллеги"
    save_deal(elsewhere)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    press_ctrl_s(card, qtbot)
    qtbot.waitUntil(lambda: bool(asked))
    assert card.form.title_edit.text() == "Правка коллеги" and not card.is_dirty()
    assert Deal.get_by_id(deal_id).title == "Правка коллеги"


def test_changes_elsewhere_reload_an_unchanged_card(qtbot, deal_id):
    card = open_card(qtbot, deal_id=deal_id)
    elsewhere = load_deal(deal_id)
    elsewhere.title = "Новое название"
    save_deal(elsewhere)
    assert card.form.title_edit.text() == "Новое название"


def test_probability_from_stage_until_edited(qtbot, deal_id):
    card = open_card(qtbot, deal_id=deal_id)
    stage = deals.stages()[2]
    assert card.form.probability_spin.value() == stage.probability
    assert card.form.probability_note.text() == "from stage"
    card.form.probability_spin.setValue(65)
    assert card.form.probability_note.text() == "own"
    press_ctrl_s(card, qtbot)
    qtbot.waitUntil(lambda: Deal.get_by_id(deal_id).probability == 65)
    QTest.mouseClick(card.form.probability_reset, Qt.MouseButton.LeftButton)
    assert card.form.probability_spin.value() == stage.probability
    press_ctrl_s(card, qtbot)
    qtbot.waitUntil(lambda: Deal.get_by_id(deal_id).probability is None)


def test_stage_change_goes_through_a_move_with_history(qtbot, deal_id, monkeypatch):
    import ui.funnel.moves as moves
    from ui.undo import undo_stack
    monkeypatch.setattr(moves, "ask_lost_reason", lambda *a: ("Цена", ""))
    card = open_card(qtbot, deal_id=deal_id)
    lost = next(s for s in deals.stages() if s.kind == "lost")
    combo = card.form.stage_combo
    combo.setCurrentIndex(combo.findData(lost.id))
    combo.activated.emit(combo.currentIndex())
    stored = Deal.get_by_id(deal_id)
    assert stored.stage_id == lost.id and stored.lost_reason == "Цена"
    assert card.history.stages_model.rowCount() == 2
    assert "→ {}".format(lost.name) in card.history.stages_model.data(card.history.stages_model.index(0, 1))
    undo_stack().undo()
    assert Deal.get_by_id(deal_id).stage_id == deals.stages()[2].id
    assert combo.currentData() == deals.stages()[2].id


def test_a_new_deal_for_a_client(qtbot, client_id):
    from ui.deal_card import open_deal_card
    card = open_card(qtbot, client_id=client_id)
    assert "Ромашка" in card.form.client_label.text()
    assert card.form.contact_combo.count() == 2  # "—" and Петров Олег
    card.form.contact_combo.setCurrentIndex(1)
    card.form.title_edit.insert("Поставка столешниц")
    card.form.amount_spin.setValue(45000.5)
    press_ctrl_s(card, qtbot)
    qtbot.waitUntil(lambda: card.deal_id is not None)
    stored = Deal.get_by_id(card.deal_id)
    assert (stored.title, stored.amount, stored.client_id) == ("Поставка столешниц", Decimal("45000.50"), client_id)
    assert stored.contact_id is not None
    assert open_deal_card(None, card.deal_id) is card  # already open: raised, not opened twice


def test_client_link_asks_to_open_the_client(qtbot, deal_id, client_id):
    card = open_card(qtbot, deal_id=deal_id)
    with qtbot.waitSignal(card.open_client_requested) as opened:
        card.form.client_label.linkActivated.emit("client")
    assert opened.args == [client_id]
