"""The funnel board and list, driven like a user: cards dragged with the mouse between
columns, the lost-reason dialog, undo, the context menu, filters and sorting.

Dragging: offscreen Qt has no platform drag loop, so ``QDrag.exec`` is replaced by a
stand-in that delivers DragEnter/DragMove/Drop events with the drag's real QMimeData
to the target column's viewport.  Everything before (mouse press and moves on the
source viewport that make the view start the drag) and after (the drop handler, the
move through the undo stack, the refresh) is the real code.
"""
import warnings
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import deals
from app.clients import ClientData, create_client
from db.models import Deal, StageChange, utcnow
from ui.formatting import fmt_money


@pytest.fixture(autouse=True)
def fresh_ui_state():
    from ui.bridge import reset_bridge
    from ui.undo import reset_undo_stack
    reset_bridge()
    reset_undo_stack()
    yield
    reset_undo_stack()
    reset_bridge()


@pytest.fixture
def funnel(db):
    st = deals.stages()
    romashka = create_client(ClientData(name="ООО «Ромашка»", kind="company")).id
    ivanov = create_client(ClientData(name="Иванов Пётр Сергеевич")).id
    ids = {
        "kitchen": deals.create_deal(romashka, "Кухня под ключ", "1000.50", stage_id=st[0].id),
        "office": deals.create_deal(ivanov, "Ремонт офиса", 2000, stage_id=st[0].id),
        "supply": deals.create_deal(romashka, "Поставка плитки", 500, stage_id=st[1].id),
    }
    return {"stages": st, "ids": ids, "clients": (romashka, ivanov)}


@pytest.fixture
def page(qtbot, funnel):
    from ui.funnel import FunnelPage
    widget = FunnelPage()
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(page, stage_id):
    return page.board.columns[stage_id]


def row_of(view, deal_id):
    return view.model().ids().index(deal_id)


def double_click(widget, point):
    """A click and a double click, as a real double click arrives (QTest's alone has no press)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def press_and_drag(view, row):
    """A left press on a card, mouse moves with the button held past the drag distance
    (the view starts the drag), and the release."""
    point = view.visualRect(view.model().index(row, 0)).center()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    for step in range(1, 5):
        pos = QPointF(point + QPoint(4 * step, 10 * step))
        move = QMouseEvent(QEvent.Type.MouseMove, pos, view.viewport().mapToGlobal(pos), Qt.MouseButton.NoButton,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), move)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


@pytest.fixture
def drop_on(monkeypatch):
    """drop_on(target_view): the next drag started is dropped on that view."""
    target = {}

    def fake_exec(drag, *args):
        viewport = target["view"].viewport()
        pos = QPoint(viewport.width() // 2, 20)
        mime = drag.mimeData()
        flags = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        with warnings.catch_warnings():  # the QPoint constructors are the ones every PySide6 6.x has
            warnings.simplefilter("ignore", DeprecationWarning)
            events = (QDragEnterEvent(pos, *flags), QDragMoveEvent(pos, *flags), QDropEvent(QPointF(pos), *flags))
        for event in events:
            QApplication.sendEvent(viewport, event)
        target["accepted"] = event.isAccepted()
        return Qt.DropAction.MoveAction if event.isAccepted() else Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)

    def drop(view):
        target["view"] = view
        return target
    return drop


def test_models_pass_the_model_tester(page, funnel, qtmodeltester):
    for w in page.board.column_widgets():
        qtmodeltester.check(w.model)
    page.filter_bar.set_mode("list")
    qtmodeltester.check(page.list_model)


def test_columns_show_count_sum_and_weighted_sum_with_won_and_lost_last(page, funnel):
    st = funnel["stages"]
    kinds = [c.kind for c in page.stages()]
    assert kinds[-2:] == ["won", "lost"] and set(kinds[:-2]) == {"open"}
    head = column(page, st[0].id).header.summary()
    assert "2 deal(s)" in head and fmt_money(Decimal("3000.50")) in head
    assert fmt_money(Decimal("150.02")) in head  # 5 % of 3 000,50 (the core rounds half to even)
    assert column(page, st[0].id).model.rowCount() == 2


def test_drag_a_card_to_another_column_moves_the_deal(qtbot, page, funnel, drop_on):
    st, deal = funnel["stages"], funnel["ids"]["office"]
    source, target = column(page, st[0].id), column(page, st[2].id)
    result = drop_on(target.view)
    press_and_drag(source.view, row_of(source.view, deal))
    assert result["accepted"]
    qtbot.waitUntil(lambda: Deal.get_by_id(deal).stage_id == st[2].id)
    assert StageChange.select().where(StageChange.deal == deal, StageChange.to_stage == st[2].id).exists()
    assert "1 deal(s)" in source.header.summary() and fmt_money(Decimal("1000.50")) in source.header.summary()
    assert "1 deal(s)" in target.header.summary() and fmt_money(Decimal("2000")) in target.header.summary()
    assert source.model.ids() == [funnel["ids"]["kitchen"]] and target.model.ids() == [deal]


def test_a_card_dropped_on_its_own_column_does_nothing(qtbot, page, funnel, drop_on):
    st, deal = funnel["stages"], funnel["ids"]["office"]
    source = column(page, st[0].id)
    result = drop_on(source.view)
    press_and_drag(source.view, row_of(source.view, deal))
    assert not result["accepted"]
    assert StageChange.select().where(StageChange.deal == deal).count() == 1


def test_undo_a_move_puts_the_deal_and_the_totals_back(qtbot, page, funnel, drop_on):
    from ui.undo import undo_stack
    st, deal = funnel["stages"], funnel["ids"]["kitchen"]
    source, target = column(page, st[0].id), column(page, st[1].id)
    before = source.header.summary(), target.header.summary()
    drop_on(target.view)
    press_and_drag(source.view, row_of(source.view, deal))
    qtbot.waitUntil(lambda: "2 deal(s)" in target.header.summary())
    assert undo_stack().canUndo()
    undo_stack().undo()
    qtbot.waitUntil(lambda: (source.header.summary(), target.header.summary()) == before)
    assert Deal.get_by_id(deal).stage_id == st[0].id
    assert deal in source.model.ids() and deal not in target.model.ids()
    undo_stack().redo()
    qtbot.waitUntil(lambda: deal in target.model.ids())


def _answer_lost_dialog(qtbot, reason=None, competitor=""):
    """Handle the lost-reason dialog when it opens; returns what was seen."""
    seen = {}

    def handle():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "LostReasonDialog":
            QTimer.singleShot(20, handle)
            return
        seen["ok_enabled_at_first"] = dialog.ok_button.isEnabled()
        if reason is None:
            QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
            return
        # typed (QTest.keyClicks knows only ASCII keys, so Cyrillic goes in as an insert)
        dialog.reason_combo.lineEdit().insert(reason)
        dialog.competitor_edit.insert(competitor)
        seen["ok_enabled_after"] = dialog.ok_button.isEnabled()
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, handle)
    return seen


def test_moving_to_lost_asks_the_reason_and_cancel_keeps_the_deal(qtbot, page, funnel, drop_on):
    st, deal = funnel["stages"], funnel["ids"]["supply"]
    lost = next(s for s in st if s.kind == "lost")
    source, target = column(page, st[1].id), column(page, lost.id)
    seen = _answer_lost_dialog(qtbot, reason=None)
    drop_on(target.view)
    press_and_drag(source.view, 0)
    qtbot.waitUntil(lambda: "ok_enabled_at_first" in seen)
    qtbot.wait(50)
    assert seen["ok_enabled_at_first"] is False
    assert Deal.get_by_id(deal).stage_id == st[1].id
    assert source.model.ids() == [deal]

    seen = _answer_lost_dialog(qtbot, reason="Конкурент", competitor="ООО «Лютик»")
    press_and_drag(source.view, 0)
    qtbot.waitUntil(lambda: Deal.get_by_id(deal).stage_id == lost.id)
    assert seen == {"ok_enabled_at_first": False, "ok_enabled_after": True}
    stored = Deal.get_by_id(deal)
    assert (stored.lost_reason, stored.competitor) == ("Конкурент", "ООО «Лютик»")
    assert target.model.ids() == [deal] and "1 deal(s)" in target.header.summary()


def test_lost_reason_dialog_offers_the_reasons_and_requires_one(qtbot, db):
    from ui.funnel.lost_reason_dialog import LostReasonDialog
    dialog = LostReasonDialog(None, "Кухня")
    qtbot.addWidget(dialog)
    reasons = [dialog.reason_combo.itemText(i) for i in range(dialog.reason_combo.count())]
    assert {"Цена", "Конкурент", "Нет бюджета", "Нет ответа"} <= set(reasons)
    assert not dialog.ok_button.isEnabled()
    dialog.reason_combo.setCurrentIndex(0)
    assert dialog.ok_button.isEnabled() and dialog.reason() == reasons[0]
    dialog.reason_combo.setEditText("   ")
    assert not dialog.ok_button.isEnabled()


def test_double_click_and_context_menu(qtbot, page, funnel):
    st, deal = funnel["stages"], funnel["ids"]["office"]
    view = column(page, st[0].id).view
    point = view.visualRect(view.model().index(row_of(view, deal), 0)).center()
    with qtbot.waitSignal(page.open_deal_requested) as opened:
        double_click(view.viewport(), point)
    assert opened.args == [deal]
    menu = page.deal_menu(deal)
    assert st[0].id not in menu.stage_actions and st[3].id in menu.stage_actions
    with qtbot.waitSignal(page.open_client_requested) as client:
        menu.open_client_action.trigger()
    assert client.args == [funnel["clients"][1]]
    menu.stage_actions[st[3].id].trigger()
    assert Deal.get_by_id(deal).stage_id == st[3].id
    assert deal in column(page, st[3].id).model.ids()


def test_stuck_cards_say_why(page, funnel):
    st, deal = funnel["stages"], funnel["ids"]["office"]
    Deal.update(stage_entered_at=utcnow() - timedelta(days=45)).where(Deal.id == deal).execute()
    page.reload()
    model = column(page, st[0].id).model
    card = model.card(row_of(column(page, st[0].id).view, deal))
    assert card.stuck and "over_limit" in card.stuck_reasons
    tip = model.data(model.index(row_of(column(page, st[0].id).view, deal), 0), Qt.ItemDataRole.ToolTipRole)
    assert "45 day(s)" in tip and "limit of 30 day(s)" in tip


def test_text_filter_and_period(qtbot, page, funnel):
    st = funnel["stages"]
    page.filter_bar.text_edit.insert("Кухня")
    qtbot.waitUntil(lambda: column(page, st[0].id).model.ids() == [funnel["ids"]["kitchen"]])
    assert "1 deal(s)" in column(page, st[0].id).header.summary()
    page.filter_bar.text_edit.clear()
    qtbot.waitUntil(lambda: column(page, st[0].id).model.rowCount() == 2)
    bar = page.filter_bar
    bar.period_combo.setCurrentIndex(bar.period_combo.findData("last_month"))
    bar.period_combo.activated.emit(bar.period_combo.currentIndex())
    assert sum(c.count for c in page.stages()) == 0  # all created today


def test_list_mode_sorts_in_sql_by_header_click(qtbot, page, funnel):
    from ui.funnel.deal_list import DealListModel
    page.filter_bar.list_button.click()
    assert page.mode() == "list" and page.list_model.rowCount() == 3
    header = page.list_view.horizontalHeader()
    x = header.sectionViewportPosition(DealListModel.Columns.AMOUNT) + 10
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 5))
    amounts = lambda: [page.list_model.card(r).amount for r in range(3)]  # noqa: E731
    first = amounts()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 5))
    assert sorted([first, amounts()]) == [sorted(first), sorted(first, reverse=True)]
    index = page.list_model.index(0, DealListModel.Columns.STAGE)
    assert page.list_model.data(index) in {s.name for s in funnel["stages"]}
    with qtbot.waitSignal(page.open_deal_requested):
        double_click(page.list_view.viewport(), page.list_view.visualRect(index).center())


def test_changes_elsewhere_reach_the_board(qtbot, page, funnel):
    st = funnel["stages"]
    new = deals.create_deal(funnel["clients"][0], "Новая сделка", 700, stage_id=st[4].id)
    qtbot.waitUntil(lambda: column(page, st[4].id).model.ids() == [new])
    assert fmt_money(Decimal("700")) in column(page, st[4].id).header.summary()
