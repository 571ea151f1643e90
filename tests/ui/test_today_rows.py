"""The rows of the Today panel at 1366×768 in Russian: whom to call and about what can be
read (the name is not cut), the icon-only buttons say what they do, and the keyboard
reaches what the buttons do (Enter logs the call, the context menu has the rest)."""
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from app import activities
from app.activities import ActivityData
from app.clients import ClientData, create_client
from db.models import Activity, utcnow
from tests.ui.conftest import open_cards, type_text, when_modal
from ui.today_rows import bold_metrics

NAMES = ("Константинова Александра Викторовна", "ООО «Северная торговая компания»",
         "ИП Никифорова Валерия Михайловна")
SUBJECT = "Напомнить об оплате"


@pytest.fixture
def calls(db):
    now = utcnow().replace(microsecond=0)
    ids = []
    for number, name in enumerate(NAMES):
        client = create_client(ClientData(name=name, kind="company" if "«" in name else "person")).id
        ids.append(activities.log_activity(ActivityData(
            kind="call_out", subject=SUBJECT, client_id=client, status="planned",
            planned_at=now - timedelta(days=2, minutes=number))))
    return ids


@pytest.fixture
def panel(russian, calls, make_window, qtbot):
    window = make_window()
    window.resize(1366, 768)
    panel = window.today_panel
    qtbot.waitUntil(lambda: panel.overdue.model.rowCount() == len(NAMES), timeout=5000)
    qtbot.wait(50)  # the dock's final width
    yield panel
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=5000)  # no read left running after the test


def shown_text(text: str, metrics, width: int) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def test_the_client_and_the_subject_are_not_cut_at_1366_px_in_russian(panel):
    section = panel.overdue
    view, font = section.view, section.view.font()
    assert panel.window().width() == 1366
    for row in range(len(NAMES)):
        index = section.model.index(row, 0)
        name, when, detail = section.model.lines(section.model.rows[row])
        parts = section.delegate.layout(view.visualRect(index), font)
        assert shown_text(name, bold_metrics(font), parts.title.width()) == name
        assert detail.startswith(SUBJECT)
        assert shown_text(SUBJECT, view.fontMetrics(), parts.detail.width()) == SUBJECT
        assert "Исходящий звонок" in when
        assert max(r.right() for r in parts.buttons.values()) <= view.viewport().width()
    panel.window().grab()


def test_the_icon_buttons_tell_what_they_do(panel):
    section = panel.overdue
    view = section.view.viewport()
    for action, text in (("log", "Итог звонка"), ("reschedule", "Перенести")):
        point = section.button_point(0, action)
        QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, point, view.mapToGlobal(point)))
        assert QToolTip.text() == text
    QToolTip.hideText()


def test_enter_logs_the_call_of_the_current_row(panel, qtbot):
    view = panel.overdue.view
    view.setFocus()
    view.setCurrentIndex(panel.overdue.model.index(1, 0))
    chosen = panel.overdue.model.rows[1].activity_id

    def fill(dialog):
        type_text(dialog.result_edit, "Оплатят завтра")
        dialog.accept()
    seen = when_modal(fill)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert seen
    logged = Activity.get_by_id(chosen)
    assert (logged.status, logged.result) == ("done", "Оплатят завтра")
    qtbot.waitUntil(lambda: panel.overdue.model.rowCount() == len(NAMES) - 1)


def test_the_context_menu_offers_the_buttons_and_the_card(panel, qtbot):
    section = panel.overdue
    section.view.setFocus()
    section.view.setCurrentIndex(section.model.index(1, 0))
    client = section.model.rows[1].client_id
    seen = []

    def pick():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, pick)
            return
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        menu.actions()[-1].trigger()  # "Open client card"
        menu.close()
    QTimer.singleShot(0, pick)
    with qtbot.waitSignal(panel.open_client_requested) as opened:  # the menu key or Shift+F10
        QApplication.sendEvent(section.view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5),
                                                                  QPoint(5, 5)))
    assert opened.args == [client]
    cards = open_cards()
    assert [card.client_id for card in cards] == [client]  # the main window opened the card
    for card in cards:
        card.close()
    assert seen[:2] == ["Итог звонка", "Перенести"]


def test_a_right_click_opens_the_menu_of_the_row_under_the_mouse(panel, qtbot):
    section = panel.overdue
    section.view.setCurrentIndex(section.model.index(0, 0))
    row = section.view.visualRect(section.model.index(2, 0)).center()
    client = section.model.rows[2].client_id
    QTimer.singleShot(0, lambda: _choose_last_action())
    with qtbot.waitSignal(panel.open_client_requested) as opened:
        QApplication.sendEvent(section.view.viewport(),
                               QContextMenuEvent(QContextMenuEvent.Reason.Mouse, row, section.view.viewport().mapToGlobal(row)))
    assert opened.args == [client]  # the row clicked, not the current one
    for card in open_cards():
        card.close()


def _choose_last_action():
    menu = QApplication.activePopupWidget()
    if menu is None:
        QTimer.singleShot(10, _choose_last_action)
        return
    menu.actions()[-1].trigger()
    menu.close()
