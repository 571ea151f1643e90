"""A complaint marks the client: a red badge on the card (its text and date in the
tooltip) until it is marked resolved, from the badge or from the timeline entry; undo
brings it back.  Praise marks nothing.  The client list shows a small mark too."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.activities import ActivityData, clients_with_open_complaints, log_activity
from app.clients import ClientData, create_client
from db.models import Activity
from tests.ui.conftest import type_text
from tests.ui.test_client_card import gui, new_card  # noqa: F401 - fixture
from ui.client_card.timeline import IdRole
from ui.formatting import fmt_datetime
from ui.undo import undo_stack


def badge(card):
    return card.header.complaint_badge


def feedback(client_id: int, sentiment: str, text: str) -> int:
    return log_activity(ActivityData(kind="feedback", sentiment=sentiment, client_id=client_id, result=text))


def choose_in_context_menu(view, activity_id: int, text: str, seen: list) -> None:
    """Right-click the timeline entry, then click ``text`` in the menu that opens."""
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(IdRole) == activity_id)
    pos = view.visualRect(model.index(row, 0)).center()

    def pick():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, pick)
            return
        seen.append([a.text() for a in menu.actions()])
        action = next((a for a in menu.actions() if a.text() == text), None)
        if action is None:
            menu.close()
            return
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         menu.actionGeometry(action).center())
    QTimer.singleShot(0, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)


def test_a_complaint_shows_the_badge_until_resolved_and_undo_brings_it_back(gui):
    client = create_client(ClientData(name="Петров Пётр"))
    card = new_card(gui, client.id)
    assert badge(card).isHidden()
    feedback(client.id, "negative", "Монтажники опоздали на три часа")
    gui.waitUntil(lambda: badge(card).isVisible())
    assert badge(card).label.text() == "⚠ Unresolved complaint"
    when = fmt_datetime(Activity.get(Activity.client == client.id).done_at)
    assert badge(card).toolTip() == f"{when} — Монтажники опоздали на три часа"
    assert "Feedback (complaint)" in card.timeline.timeline_model.data(card.timeline.timeline_model.index(0, 0))

    gui.mouseClick(badge(card).resolve_button, Qt.MouseButton.LeftButton)
    assert badge(card).isHidden()
    assert clients_with_open_complaints([client.id]) == set()
    assert "Feedback (complaint, resolved)" in card.timeline.timeline_model.data(
        card.timeline.timeline_model.index(0, 0))
    undo_stack().undo()
    gui.waitUntil(lambda: badge(card).isVisible())
    assert clients_with_open_complaints([client.id]) == {client.id}


def test_praise_shows_no_badge(gui):
    client = create_client(ClientData(name="Сидорова Анна"))
    feedback(client.id, "positive", "Всё понравилось, порекомендуют знакомым")
    card = new_card(gui, client.id)
    assert badge(card).isHidden()
    assert "Feedback (praise)" in card.timeline.timeline_model.data(card.timeline.timeline_model.index(0, 0))


def test_feedback_logged_on_the_card_is_marked_a_complaint_from_the_timeline(gui):
    client = create_client(ClientData(name="ООО Ромашка", kind="company"))
    card = new_card(gui, client.id)
    bar = card.quick_log
    assert bar.sentiment_row.isHidden()
    gui.mouseClick(bar.kind_buttons["feedback"], Qt.MouseButton.LeftButton)
    assert bar.sentiment_row.isVisible() and bar.sentiment() == ""
    gui.mouseClick(bar.sentiment_buttons["negative"], Qt.MouseButton.LeftButton)
    assert bar.sentiment() == "negative"
    gui.mouseClick(bar.kind_buttons["note"], Qt.MouseButton.LeftButton)
    assert bar.sentiment_row.isHidden() and bar.sentiment() == ""  # a note has no sentiment
    gui.mouseClick(bar.kind_buttons["feedback"], Qt.MouseButton.LeftButton)
    type_text(bar.result_edit, "Скол на столешнице")
    QTest.keyClick(bar.result_edit, Qt.Key.Key_Return)
    act = Activity.get(Activity.client == client.id)
    assert (act.kind, act.result) == ("feedback", "Скол на столешнице")
    assert bar.result_text() == ""

    seen: list = []
    choose_in_context_menu(card.timeline, act.id, "Mark as complaint", seen)
    assert seen and "Mark as praise" in seen[0]
    gui.waitUntil(lambda: badge(card).isVisible())
    assert "Скол на столешнице" in badge(card).toolTip()

    choose_in_context_menu(card.timeline, act.id, "Mark complaint resolved", seen)
    gui.waitUntil(lambda: badge(card).isHidden())
    assert Activity.get_by_id(act.id).resolved
    choose_in_context_menu(card.timeline, act.id, "Reopen complaint", seen)
    gui.waitUntil(lambda: badge(card).isVisible())
    choose_in_context_menu(card.timeline, act.id, "Mark as praise", seen)
    gui.waitUntil(lambda: badge(card).isHidden())
    assert Activity.get_by_id(act.id).sentiment == "positive"
    undo_stack().undo()
    gui.waitUntil(lambda: badge(card).isVisible())


def test_two_complaints_resolved_one_at_a_time_from_the_badge_menu(gui):
    client = create_client(ClientData(name="Петров Пётр"))
    first = feedback(client.id, "negative", "Опоздали")
    feedback(client.id, "negative", "Скол")
    card = new_card(gui, client.id)
    assert badge(card).label.text() == "⚠ 2 unresolved complaints"
    menu = badge(card).resolve_button.menu()
    assert [a.text() for a in menu.actions() if a.text()][-1] == "All of them"
    next(a for a in menu.actions() if "Опоздали" in a.text()).trigger()
    assert badge(card).label.text() == "⚠ Unresolved complaint"
    assert Activity.get_by_id(first).resolved
    assert badge(card).resolve_button.menu() is None


def test_other_entries_have_no_feedback_menu(gui):
    client = create_client(ClientData(name="Петров Пётр"))
    log_activity(ActivityData(kind="call_out", client_id=client.id, result="Звонил"))
    card = new_card(gui, client.id)
    entry = card.timeline.timeline_model.entries[0]
    assert card.timeline.feedback_menu(entry) is None


def test_the_client_list_marks_a_client_with_an_open_complaint(db, qtmodeltester):
    from ui.client_list.columns import Columns
    from ui.client_list.model import ClientListModel
    angry = create_client(ClientData(name="Анна")).id
    calm = create_client(ClientData(name="Борис")).id
    fid = feedback(angry, "negative", "Долго ехали")
    feedback(calm, "positive", "Спасибо")
    model = ClientListModel()
    model.reload()
    qtmodeltester.check(model)

    def marked(row: int) -> bool:
        return model.data(model.index(row, Columns.NAME), Qt.ItemDataRole.DecorationRole) is not None
    assert [model.data(model.index(r, Columns.NAME)) for r in range(2)] == ["Анна", "Борис"]
    assert [marked(0), marked(1)] == [True, False]
    assert "Unresolved complaint" in model.data(model.index(0, Columns.NAME), Qt.ItemDataRole.ToolTipRole)
    from app.activities import resolve_feedback
    resolve_feedback(fid)
    model.reload()
    assert [marked(0), marked(1)] == [False, False]


def test_a_complaint_logged_in_the_quick_log_bar_marks_the_card_at_once(gui):
    client = create_client(ClientData(name="Сидорова Анна"))
    card = new_card(gui, client.id)
    bar = card.quick_log
    gui.mouseClick(bar.kind_buttons["feedback"], Qt.MouseButton.LeftButton)
    gui.mouseClick(bar.sentiment_buttons["negative"], Qt.MouseButton.LeftButton)
    type_text(bar.result_edit, "Доставили не тот цвет")
    QTest.keyClick(bar.result_edit, Qt.Key.Key_Return)
    gui.waitUntil(lambda: badge(card).isVisible())
    assert "Доставили не тот цвет" in badge(card).toolTip()
    act = Activity.get(Activity.client == client.id)
    assert (act.kind, act.sentiment, act.resolved) == ("feedback", "negative", False)
