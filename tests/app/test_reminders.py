"""Reminders ring at their time (fake clock, no sleeping), can be snoozed, dismissed, done."""
from datetime import datetime, timedelta

import pytest
from dateutil import tz

from app import activities, activity_series, recurrence
from app.activities import ActivityData
from app.client_bulk import trash_clients
from app.clients import ClientData, create_client
from app.errors import ValidationError
from app.events import subscribe
from app.reminders import ReminderScheduler, reminder_time
from db.models import Activity

MOSCOW = tz.gettz("Europe/Moscow")
MEETING = datetime(2027, 3, 10, 9, 0)  # 12:00 in Moscow


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def client_id(db):
    recurrence.set_local_tz(MOSCOW)
    yield create_client(ClientData(name="ИП Соколов")).id
    recurrence.set_local_tz(None)


def _plan(client_id, planned=MEETING, preset="15min", **kw):
    return activities.log_activity(ActivityData(kind="meeting", subject="Замер кухни", client_id=client_id,
                                                status="planned", planned_at=planned,
                                                reminder_at=reminder_time(planned, preset), **kw))


def test_reminder_presets():
    assert reminder_time(MEETING, "5min") == datetime(2027, 3, 10, 8, 55)
    assert reminder_time(MEETING, "15min") == datetime(2027, 3, 10, 8, 45)
    assert reminder_time(MEETING, "1h") == datetime(2027, 3, 10, 8, 0)
    assert reminder_time(MEETING, "1day") == datetime(2027, 3, 9, 9, 0)
    assert reminder_time(MEETING, datetime(2027, 3, 8, 6, 0)) == datetime(2027, 3, 8, 6, 0)
    assert reminder_time(MEETING, None) is None
    with pytest.raises(ValidationError):
        reminder_time(MEETING, "2min")


def test_a_reminder_is_due_at_its_time_and_not_before(client_id):
    act_id = _plan(client_id)
    clock = Clock(datetime(2027, 3, 10, 8, 44, 59))
    scheduler = ReminderScheduler(clock, MOSCOW)
    assert scheduler.due() == []
    assert scheduler.next_due_at() == datetime(2027, 3, 10, 8, 45)
    clock.now = datetime(2027, 3, 10, 8, 45)
    [due] = scheduler.due()
    assert (due.activity_id, due.client_name, due.subject, due.planned_at) == \
        (act_id, "ИП Соколов", "Замер кухни", MEETING)
    assert not due.missed and not due.overdue
    assert scheduler.next_due_at() is None


def test_reminders_missed_while_the_app_was_closed_are_due_at_start_up(client_id):
    act_id = _plan(client_id)
    scheduler = ReminderScheduler(Clock(datetime(2027, 3, 10, 15, 0)), MOSCOW)  # started after the meeting
    [due] = scheduler.due()
    assert due.activity_id == act_id and due.missed and due.overdue


def test_next_due_is_the_soonest_future_reminder(client_id):
    _plan(client_id, MEETING + timedelta(days=2))
    _plan(client_id, MEETING, "1h")
    _plan(client_id, MEETING + timedelta(days=1), None)
    scheduler = ReminderScheduler(Clock(datetime(2027, 3, 1)), MOSCOW)
    assert scheduler.next_due_at() == datetime(2027, 3, 10, 8, 0)


def test_snooze_moves_the_reminder_not_the_meeting(client_id):
    act_id = _plan(client_id)
    clock = Clock(datetime(2027, 3, 10, 8, 45))
    scheduler = ReminderScheduler(clock, MOSCOW)
    assert scheduler.snooze(act_id, "10min") == datetime(2027, 3, 10, 8, 55)
    assert scheduler.due() == [] and scheduler.next_due_at() == datetime(2027, 3, 10, 8, 55)
    assert Activity.get_by_id(act_id).planned_at == MEETING
    clock.now = datetime(2027, 3, 10, 8, 55)
    assert [d.activity_id for d in scheduler.due()] == [act_id]
    assert scheduler.snooze(act_id, "1h") == datetime(2027, 3, 10, 9, 55)
    # late in the evening in Moscow (22:30 MSK): tomorrow at 9:00 MSK is 06:00 UTC
    clock.now = datetime(2027, 3, 10, 19, 30)
    assert scheduler.snooze(act_id, "tomorrow") == datetime(2027, 3, 11, 6, 0)
    # after midnight local (00:30 MSK, still the 10th in UTC): "tomorrow" is the 12th
    clock.now = datetime(2027, 3, 10, 21, 30)
    assert scheduler.snooze(act_id, "tomorrow") == datetime(2027, 3, 12, 6, 0)
    with pytest.raises(ValidationError):
        scheduler.snooze(act_id, "forever")


def test_dismissed_done_cancelled_and_trashed_reminders_do_not_ring(client_id):
    ids = [_plan(client_id) for _ in range(4)]
    other_client = create_client(ClientData(name="Удалённый")).id
    gone_client = _plan(other_client)
    scheduler = ReminderScheduler(Clock(datetime(2027, 3, 10, 8, 50)), MOSCOW)
    changes = []
    unsubscribe = subscribe(changes.append)
    scheduler.dismiss(ids[0])
    unsubscribe()
    assert changes[-1].entity == "activity" and changes[-1].ids == (ids[0],)
    activities.complete_activity(ids[1], "Замерили")
    activity_series.cancel_occurrence(ids[2])
    activities.trash_activities([ids[3]])
    trash_clients([other_client])
    assert scheduler.due() == []
    assert Activity.get_by_id(gone_client).status == "planned"


def test_done_from_the_reminder_completes_and_a_series_rings_again_next_time(client_id):
    single = _plan(client_id)
    weekly = _plan(client_id, datetime(2027, 3, 8, 9, 0), recurrence="FREQ=WEEKLY;BYDAY=MO")
    scheduler = ReminderScheduler(Clock(datetime(2027, 3, 10, 8, 50)), MOSCOW)
    assert {d.activity_id for d in scheduler.due()} == {single, weekly}
    scheduler.done(single, "Договорились")
    assert Activity.get_by_id(single).status == "done"
    scheduler.dismiss(weekly)
    scheduler.done(weekly)
    series = Activity.get_by_id(weekly)
    assert series.planned_at == datetime(2027, 3, 15, 9, 0)
    assert series.reminder_at == datetime(2027, 3, 15, 8, 45) and not series.reminder_dismissed
    assert scheduler.due() == [] and scheduler.next_due_at() == datetime(2027, 3, 15, 8, 45)


@pytest.mark.sqlite_only
def test_the_next_reminder_is_found_through_the_reminder_index(client_id):
    from app.reminders import _pending
    query = _pending(by_time=True).where(Activity.reminder_at > MEETING).order_by(Activity.reminder_at).limit(1)
    sql, params = query.sql()
    plan = " ".join(row[3] for row in Activity._meta.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    assert "INDEX activity_reminder_at" in plan and "TEMP B-TREE" not in plan
