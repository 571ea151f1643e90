"""Reminders: one single-shot timer armed for the next reminder; when it rings (the
clock is injected) the reminder window shows the client and subject; snooze, done and
dismiss act on the activity; reminders missed while closed show at start-up."""
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app import activities
from app.activities import ActivityData
from app.clients import ClientData, create_client
from db.models import Activity, utcnow

T0 = datetime(2027, 3, 10, 7, 0)  # UTC


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock(T0)


@pytest.fixture
def call(db):
    client = create_client(ClientData(name="Иванов Пётр Сергеевич")).id
    aid = activities.log_activity(ActivityData(
        kind="call_out", subject="Договор на поставку", client_id=client, status="planned",
        planned_at=T0 + timedelta(hours=1), reminder_at=T0 + timedelta(minutes=45)))
    return {"client": client, "activity": aid}


@pytest.fixture
def controller(qtbot, clock, call):
    from ui.reminders import ReminderController
    ctl = ReminderController(None, clock=clock)
    qtbot.addWidget(ctl.window)
    yield ctl
    ctl.close()


def click(button):
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def ring_at(controller, clock, when):
    clock.now = when
    controller.on_timer_timeout()  # what the timer calls when it fires


def test_one_timer_armed_for_the_next_reminder_and_nothing_shown_before(controller):
    assert controller.tray is None  # offscreen: no system tray, the window is the fallback
    assert controller.timer.isActive() and controller.timer.isSingleShot()
    # the reminder is 45 min away: the timer wakes after five minutes at most, since a
    # laptop's sleep would stop a long timer's clock
    assert 5 * 60_000 - 1000 < controller.timer.remainingTime() <= 5 * 60_000 + 100
    assert not controller.window.isVisible()
    assert controller.close_hides_to_tray() is False


def test_a_near_reminder_arms_the_timer_for_its_own_time(controller, clock):
    clock.now = T0 + timedelta(minutes=42)
    controller.arm()
    assert 3 * 60_000 - 1000 < controller.timer.remainingTime() <= 3 * 60_000 + 100


def test_coming_back_after_sleep_rings_at_once(controller, clock, call):
    clock.now = T0 + timedelta(hours=2)  # the lid was closed past the reminder
    controller.on_application_state_changed(Qt.ApplicationState.ApplicationActive)
    assert controller.window.isVisible()
    assert controller.window.row_of(call["activity"]) is not None


def test_turning_active_at_start_up_leaves_the_ring_to_the_startup_check(controller, clock, call):
    clock.now = T0 + timedelta(hours=2, seconds=-1)
    controller.scheduler.started_at = clock.now  # the program has just started, reminder missed
    controller.on_application_state_changed(Qt.ApplicationState.ApplicationActive)
    assert not controller.window.isVisible()  # the first window paints undisturbed
    controller.show_due_at_startup()
    assert controller.window.row_of(call["activity"]) is not None


def test_it_rings_and_snooze_10_minutes_moves_the_reminder(controller, clock, call, qtbot):
    ring_at(controller, clock, T0 + timedelta(minutes=46))
    window = controller.window
    assert window.isVisible()
    row = window.row_of(call["activity"])
    assert "Иванов Пётр Сергеевич" in row.title.text() and "Договор на поставку" in row.title.text()
    click(row.snooze_buttons["10min"])
    act = Activity.get_by_id(call["activity"])
    assert act.reminder_at == T0 + timedelta(minutes=56)
    assert act.planned_at == T0 + timedelta(hours=1)  # only the reminder moved
    qtbot.waitUntil(lambda: not window.isVisible())
    # snoozed 10 min: the timer wakes within its five-minute cap, and nothing rings then
    qtbot.waitUntil(lambda: controller.timer.isActive()
                    and 4 * 60_000 < controller.timer.remainingTime() <= 5 * 60_000 + 100)
    ring_at(controller, clock, T0 + timedelta(minutes=51))
    assert not window.isVisible()
    ring_at(controller, clock, T0 + timedelta(minutes=57))
    assert window.isVisible() and window.row_of(call["activity"]) is not None


def test_done_from_the_reminder_completes_the_call(controller, clock, call, qtbot):
    ring_at(controller, clock, T0 + timedelta(minutes=50))
    click(controller.window.row_of(call["activity"]).done_button)
    act = Activity.get_by_id(call["activity"])
    assert act.status == "done" and act.done_at == T0 + timedelta(minutes=50)
    qtbot.waitUntil(lambda: not controller.window.isVisible())
    qtbot.waitUntil(lambda: not controller.timer.isActive())  # nothing left to wait for


def test_dismiss_and_open_client(controller, clock, call, qtbot):
    ring_at(controller, clock, T0 + timedelta(minutes=50))
    row = controller.window.row_of(call["activity"])
    with qtbot.waitSignal(controller.open_client_requested) as opened:
        click(row.open_button)
    assert opened.args == [call["client"]]
    click(row.dismiss_button)
    assert Activity.get_by_id(call["activity"]).reminder_dismissed is True
    qtbot.waitUntil(lambda: not controller.window.isVisible())


def test_reminders_missed_while_closed_show_at_start_up(qtbot, call):
    from ui.reminders import ReminderController
    ctl = ReminderController(None, clock=Clock(T0 + timedelta(hours=3)))
    qtbot.addWidget(ctl.window)
    ctl.show_due_at_startup()
    row = ctl.window.row_of(call["activity"])
    assert ctl.window.isVisible() and "closed" in row.when.text()
    assert not ctl.timer.isActive()  # no other reminder to wait for
    ctl.close()


def test_the_real_timer_fires(qtbot, call):
    from ui.reminders import ReminderController
    Activity.update(reminder_at=utcnow() + timedelta(milliseconds=300)).where(
        Activity.id == call["activity"]).execute()
    ctl = ReminderController(None)
    qtbot.addWidget(ctl.window)
    assert ctl.timer.isActive() and ctl.timer.remainingTime() <= 400
    qtbot.waitUntil(ctl.window.isVisible, timeout=3000)
    assert ctl.window.row_of(call["activity"]) is not None
    ctl.close()


def test_a_new_activity_rearms_the_timer(controller, clock, call, qtbot):
    activities.log_activity(ActivityData(kind="meeting", subject="Встреча", client_id=call["client"],
                                         status="planned", planned_at=T0 + timedelta(minutes=20),
                                         reminder_at=T0 + timedelta(minutes=5)))
    qtbot.waitUntil(lambda: controller.timer.remainingTime() <= 5 * 60_000 + 100)
