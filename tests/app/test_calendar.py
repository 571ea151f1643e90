"""The calendar shows planned, repeating and done activities and birthdays; drag and drop undoes."""
from datetime import date, datetime

import pytest
from dateutil import tz

from app import activities, recurrence
from app.activities import ActivityData
from app.calendar import KIND_COLORS, items, reschedule, undo_reschedule
from app.client_bulk import trash_clients
from app.clients import ClientData, ContactItem, create_client
from db.models import Activity, Employee

MOSCOW = tz.gettz("Europe/Moscow")
MARCH = (datetime(2027, 2, 28, 21, 0), datetime(2027, 3, 31, 21, 0))  # March 2027, Moscow time


@pytest.fixture
def client_id(db):
    recurrence.set_local_tz(MOSCOW)
    yield create_client(ClientData(name="ООО Вектор")).id
    recurrence.set_local_tz(None)


def _plan(client_id, when, kind="call_out", **kw):
    return activities.log_activity(ActivityData(kind=kind, subject=kw.pop("subject", "Звонок"),
                                                client_id=client_id, status="planned", planned_at=when, **kw))


def test_planned_and_done_activities_in_the_range_coloured_by_kind(client_id):
    meeting = _plan(client_id, datetime(2027, 3, 5, 7, 0), "meeting", subject="Встреча", duration_min=90)
    _plan(client_id, datetime(2027, 4, 5, 7, 0))  # April: not shown
    done = activities.log_activity(ActivityData(kind="email", client_id=client_id,
                                                done_at=datetime(2027, 3, 3, 10, 0)))
    got = items(*MARCH, birthdays=False)
    assert [(i.activity_id, i.done) for i in got] == [(done, True), (meeting, False)]
    item = got[1]
    assert (item.title, item.client_name, item.color, item.day) == \
        ("Встреча", "ООО Вектор", KIND_COLORS["meeting"], date(2027, 3, 5))
    assert item.end - item.start == datetime(2027, 1, 1, 1, 30) - datetime(2027, 1, 1)
    assert [i.activity_id for i in items(*MARCH, include_done=False, birthdays=False)] == [meeting]
    assert [i.activity_id for i in items(*MARCH, kinds=["email"], birthdays=False)] == [done]


def test_the_local_day_decides_where_an_item_goes(client_id):
    late = _plan(client_id, datetime(2027, 2, 28, 22, 0))  # 1 March, 01:00 in Moscow
    [item] = items(*MARCH, birthdays=False)
    assert item.activity_id == late and item.day == date(2027, 3, 1)


def test_a_weekly_rule_is_expanded_over_a_month_without_creating_rows(client_id):
    weekly = _plan(client_id, datetime(2027, 3, 1, 7, 0), recurrence="FREQ=WEEKLY;BYDAY=MO")
    rows = Activity.select().count()
    got = items(*MARCH, birthdays=False)
    assert [i.occurrence for i in got] == [datetime(2027, 3, d, 7, 0) for d in (1, 8, 15, 22, 29)]
    assert all(i.activity_id == weekly and i.recurring for i in got)
    april = items(datetime(2027, 3, 31, 21), datetime(2027, 4, 30, 21), birthdays=False)
    assert len(april) == 4
    assert Activity.select().count() == rows


def test_a_completed_occurrence_shows_as_done_and_the_series_goes_on(client_id):
    weekly = _plan(client_id, datetime(2027, 3, 1, 7, 0), recurrence="FREQ=WEEKLY;BYDAY=MO")
    activities.complete_activity(weekly, "Поговорили", now=datetime(2027, 3, 1, 7, 30))
    got = items(*MARCH, birthdays=False)
    assert [(i.day.day, i.done) for i in got] == [(1, True), (8, False), (15, False), (22, False), (29, False)]


def test_filters_by_responsible(client_id):
    other = Employee.create(name="Мария", role="manager").id
    mine = _plan(client_id, datetime(2027, 3, 2, 7, 0))
    _plan(client_id, datetime(2027, 3, 3, 7, 0), responsible_id=other)
    owner = Activity.get_by_id(mine).responsible_id
    assert [i.activity_id for i in items(*MARCH, responsible_id=owner, birthdays=False)] == [mine]


def test_birthdays_of_clients_and_contacts_as_all_day_items(client_id):
    create_client(ClientData(name="Петров Пётр", birthday=date(1980, 3, 15)))
    create_client(ClientData(name="ООО Лес", kind="company",
                             contacts=[ContactItem(name="Анна Бухгалтер", birthday=date(1990, 3, 8))]))
    create_client(ClientData(name="Апрельский", birthday=date(1970, 4, 1)))
    gone = create_client(ClientData(name="Удалён", birthday=date(1975, 3, 20))).id
    trash_clients([gone])
    got = items(*MARCH)
    assert [(i.title, i.day, i.age, i.all_day) for i in got] == [
        ("Анна Бухгалтер", date(2027, 3, 8), 37, True), ("Петров Пётр", date(2027, 3, 15), 47, True)]
    assert got[0].client_name == "ООО Лес" and got[0].contact_id is not None
    assert got[1].start == datetime(2027, 3, 14, 21, 0) and got[1].end == datetime(2027, 3, 15, 21, 0)


def test_feb_29_birthdays_are_shown_on_feb_28_in_other_years(db):
    recurrence.set_local_tz(MOSCOW)
    try:
        create_client(ClientData(name="Високосный", birthday=date(1988, 2, 29)))
        create_client(ClientData(name="Обычный", birthday=date(1988, 2, 28)))
        feb_2027 = items(datetime(2027, 1, 31, 21), datetime(2027, 2, 28, 21))
        assert [(i.title, i.day) for i in feb_2027] == [("Високосный", date(2027, 2, 28)),
                                                        ("Обычный", date(2027, 2, 28))]
        feb_2028 = items(datetime(2028, 1, 31, 21), datetime(2028, 2, 29, 21))
        assert [(i.title, i.day) for i in feb_2028] == [("Обычный", date(2028, 2, 28)),
                                                        ("Високосный", date(2028, 2, 29))]
    finally:
        recurrence.set_local_tz(None)


def test_drag_and_drop_moves_an_activity_and_its_reminder_and_undo_puts_it_back(client_id):
    act = _plan(client_id, datetime(2027, 3, 5, 7, 0), reminder_at=datetime(2027, 3, 5, 6, 45))
    state = reschedule(act, datetime(2027, 3, 6, 10, 0))
    row = Activity.get_by_id(act)
    assert (row.planned_at, row.reminder_at) == (datetime(2027, 3, 6, 10, 0), datetime(2027, 3, 6, 9, 45))
    undo_reschedule(state)
    row = Activity.get_by_id(act)
    assert (row.planned_at, row.reminder_at) == (datetime(2027, 3, 5, 7, 0), datetime(2027, 3, 5, 6, 45))


def test_dragging_one_occurrence_detaches_only_it_and_undo_restores_the_series(client_id):
    weekly = _plan(client_id, datetime(2027, 3, 1, 7, 0), recurrence="FREQ=WEEKLY;BYDAY=MO")
    state = reschedule(weekly, datetime(2027, 3, 9, 11, 0), occurrence_utc=datetime(2027, 3, 8, 7, 0))
    got = [(i.activity_id, i.start) for i in items(*MARCH, birthdays=False)]
    assert (state.moved_id, datetime(2027, 3, 9, 11, 0)) in got
    assert (weekly, datetime(2027, 3, 8, 7, 0)) not in got and len(got) == 5
    undo_reschedule(state)
    got = [(i.activity_id, i.start) for i in items(*MARCH, birthdays=False)]
    assert got == [(weekly, datetime(2027, 3, d, 7, 0)) for d in (1, 8, 15, 22, 29)]
    assert Activity.get_or_none(Activity.id == state.moved_id) is None


def test_dragging_the_series_moves_every_later_occurrence(client_id):
    weekly = _plan(client_id, datetime(2027, 3, 1, 7, 0), recurrence="FREQ=WEEKLY;BYDAY=MO")
    state = reschedule(weekly, datetime(2027, 3, 2, 7, 0), series=True)  # Monday → Tuesday
    assert [i.day for i in items(*MARCH, birthdays=False)] == [date(2027, 3, d) for d in (2, 9, 16, 23, 30)]
    undo_reschedule(state)
    assert [i.day.day for i in items(*MARCH, birthdays=False)] == [1, 8, 15, 22, 29]
