"""The Today panel: an overdue call and a missed contact are listed; "Log call" logs a
done call, "Reschedule" → tomorrow moves it (undo brings it back), a double click opens
the client."""
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import activities, recurrence
from app.activities import ActivityData
from app.clients import ClientData, create_client
from db.models import Activity, Client, utcnow
from tests.ui.conftest import type_text, when_modal
from ui.undo import undo_stack


@pytest.fixture
def data(db):
    now = utcnow().replace(microsecond=0)
    ivanov = create_client(ClientData(name="Иванов Пётр Сергеевич")).id
    romashka = create_client(ClientData(name="ООО «Ромашка»", kind="company",
                                        next_contact_at=now - timedelta(days=2))).id
    call = activities.log_activity(ActivityData(kind="call_out", subject="Напомнить об оплате",
                                                client_id=ivanov, status="planned",
                                                planned_at=now - timedelta(hours=3)))
    return {"now": now, "ivanov": ivanov, "romashka": romashka, "call": call}


@pytest.fixture
def panel(qtbot, data):
    from ui.today_panel import TodayPanel
    widget = TodayPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    with qtbot.waitSignal(widget.refreshed):  # read in a worker once the panel is painted
        widget.show()
    return widget


def click_button(section, row, action):
    QTest.mouseClick(section.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     section.button_point(row, action))


def test_lists_the_overdue_call_and_the_missed_contact(panel, data, qtmodeltester):
    assert panel.overdue.title.text() == "Overdue (1)"
    assert panel.missed.title.text() == "Missed contacts (1)"
    overdue = panel.overdue.model.index(0, 0).data()
    assert "Напомнить об оплате" in overdue and "Иванов Пётр Сергеевич" in overdue
    assert "ООО «Ромашка»" in panel.missed.model.index(0, 0).data()
    assert "2 day(s)" in panel.missed.model.index(0, 0).data()
    for section in (panel.overdue, panel.planned, panel.missed):
        qtmodeltester.check(section.model)
    panel.grab()


def test_log_call_on_an_overdue_call_completes_it(panel, data, qtbot):
    def fill(dialog):
        type_text(dialog.result_edit, "Обещали оплатить в пятницу")
        dialog.accept()
    seen = when_modal(fill)
    click_button(panel.overdue, 0, "log")
    assert seen
    act = Activity.get_by_id(data["call"])
    assert (act.status, act.result) == ("done", "Обещали оплатить в пятницу")
    qtbot.waitUntil(lambda: panel.overdue.model.rowCount() == 0)
    assert panel.overdue.empty.isVisible()


def test_log_call_to_a_missed_contact_logs_a_done_call_and_plans_the_next(panel, data, qtbot):
    next_local = (recurrence.to_local(data["now"]) + timedelta(days=3)).replace(hour=11, minute=0, second=0)

    def fill(dialog):
        type_text(dialog.result_edit, "Заинтересовались, ждут КП")
        dialog.next_picker.set_value(next_local)
        dialog.accept()
    when_modal(fill)
    click_button(panel.missed, 0, "log")
    done = Activity.get(Activity.client == data["romashka"], Activity.status == "done")
    assert (done.kind, done.result) == ("call_out", "Заинтересовались, ждут КП")
    planned = Activity.get(Activity.client == data["romashka"], Activity.status == "planned")
    assert planned.planned_at == recurrence.to_utc(next_local)
    assert Client.get_by_id(data["romashka"]).next_contact_at == recurrence.to_utc(next_local)
    qtbot.waitUntil(lambda: panel.missed.model.rowCount() == 0)


def choose_in_menu(text):
    def pick():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, pick)
            return
        next(a for a in menu.actions() if a.text() == text).trigger()
        menu.close()
    QTimer.singleShot(0, pick)


def test_reschedule_to_tomorrow_then_undo(panel, data, qtbot):
    before = Activity.get_by_id(data["call"]).planned_at
    choose_in_menu("Tomorrow")
    click_button(panel.overdue, 0, "reschedule")
    local_before = recurrence.to_local(before)
    tomorrow = recurrence.to_local(utcnow()).date() + timedelta(days=1)
    expected = recurrence.to_utc(datetime.combine(tomorrow, local_before.time()))
    assert Activity.get_by_id(data["call"]).planned_at == expected
    qtbot.waitUntil(lambda: panel.overdue.model.rowCount() == 0)
    undo_stack().undo()
    assert Activity.get_by_id(data["call"]).planned_at == before
    qtbot.waitUntil(lambda: panel.overdue.model.rowCount() == 1)


def test_reschedule_a_missed_contact_in_3_days(panel, data, qtbot):
    choose_in_menu("In 3 days")
    click_button(panel.missed, 0, "reschedule")
    moved = Client.get_by_id(data["romashka"]).next_contact_at
    assert recurrence.to_local(moved).date() == recurrence.to_local(utcnow()).date() + timedelta(days=3)
    qtbot.waitUntil(lambda: panel.missed.model.rowCount() == 0)
    undo_stack().undo()
    qtbot.waitUntil(lambda: panel.missed.model.rowCount() == 1)


def test_double_click_opens_the_client(panel, data, qtbot):
    view = panel.missed.view
    point = view.visualRect(panel.missed.model.index(0, 0)).topLeft() + view.rect().center() * 0
    point.setX(point.x() + 40)
    point.setY(point.y() + 10)
    with qtbot.waitSignal(panel.open_client_requested) as opened:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert opened.args == [data["romashka"]]


def test_the_panel_says_loading_until_it_has_been_painted_and_read(qtbot, data):
    from ui.today_panel import TodayPanel
    widget = TodayPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    assert widget.status.text() == "Loading…" and widget.overdue.model.rowCount() == 0
    with qtbot.waitSignal(widget.refreshed):
        widget.show()
    assert widget.status.isHidden() and widget.overdue.title.text() == "Overdue (1)"
    assert widget.heading.text().startswith("Today, ")


def test_the_main_window_fills_the_today_panel_once_shown(data, make_window, qtbot):
    window = make_window()
    panel = window.today_panel
    qtbot.waitUntil(lambda: panel.overdue.model.rowCount() == 1, timeout=5000)
    assert "Напомнить об оплате" in panel.overdue.model.index(0, 0).data()
    assert "ООО «Ромашка»" in panel.missed.model.index(0, 0).data()
