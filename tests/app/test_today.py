"""The Today panel: overdue, today's and missed contacts."""
from datetime import datetime, timedelta

import pytest
from dateutil import tz

from app import activities, recurrence
from app.activities import ActivityData
from app.client_bulk import trash_clients
from app.clients import ClientData, create_client
from app.today import today
from db.models import Activity, Client, Employee

MOSCOW = tz.gettz("Europe/Moscow")
NOW = datetime(2027, 3, 10, 9, 0)  # 12:00 in Moscow


@pytest.fixture
def client_id(db):
    recurrence.set_local_tz(MOSCOW)
    yield create_client(ClientData(name="Кузнецова Ольга")).id
    recurrence.set_local_tz(None)


def _plan(client_id, when, **kw):
    return activities.log_activity(ActivityData(kind="call_out", subject=kw.pop("subject", "Позвонить"),
                                                client_id=client_id, status="planned", planned_at=when, **kw))


def _client(name, next_contact_at, **kw):
    return create_client(ClientData(name=name, next_contact_at=next_contact_at, **kw)).id


def test_overdue_and_todays_activities(client_id):
    old = _plan(client_id, NOW - timedelta(days=3))
    this_morning = _plan(client_id, NOW - timedelta(hours=2))
    evening = _plan(client_id, datetime(2027, 3, 10, 17, 0))   # 20:00 MSK
    afternoon = _plan(client_id, datetime(2027, 3, 10, 11, 0))
    _plan(client_id, datetime(2027, 3, 10, 21, 30))             # 00:30 MSK tomorrow
    activities.complete_activity(_plan(client_id, NOW - timedelta(hours=1)), "Сделано")
    data = today(NOW, MOSCOW)
    assert [a.activity_id for a in data.overdue] == [old, this_morning] and data.overdue_total == 2
    assert [a.activity_id for a in data.today] == [afternoon, evening]
    assert data.today[0].client_name == "Кузнецова Ольга" and data.today[0].responsible_name


def test_trashed_activities_and_clients_are_not_listed(client_id):
    activities.trash_activities([_plan(client_id, NOW - timedelta(days=1))])
    other = _client("Удалённый", NOW - timedelta(days=5))
    _plan(other, NOW + timedelta(hours=1))
    trash_clients([other])
    data = today(NOW, MOSCOW)
    assert data.overdue == [] and data.today == [] and data.missed_contacts == []


def test_missed_contacts_with_days_overdue_most_forgotten_first(client_id):
    manager = Employee.create(name="Игорь", role="manager").id
    week = _client("Неделю ждёт", NOW - timedelta(days=7), responsible_id=manager)
    month = _client("Месяц ждёт", NOW - timedelta(days=30))
    _client("Завтра", NOW + timedelta(days=1))
    data = today(NOW, MOSCOW)
    assert [(m.client_id, m.days_overdue) for m in data.missed_contacts] == [(month, 30), (week, 7)]
    assert data.missed_contacts[1].responsible_name == "Игорь" and data.missed_contacts_total == 2
    assert [m.client_id for m in today(NOW, MOSCOW, responsible_id=manager).missed_contacts] == [week]


def test_a_contact_logged_since_the_planned_day_is_not_missed(client_id):
    planned = datetime(2027, 3, 5, 7, 0)  # 10:00 MSK on the 5th
    called_after = _client("Позвонили после", planned)
    called_that_morning = _client("Позвонили утром", planned)
    called_before = _client("Звонили раньше", planned)
    noted_only = _client("Только заметка", planned)
    activities.log_activity(ActivityData(kind="call_out", client_id=called_after, done_at=planned + timedelta(days=2)))
    activities.log_activity(ActivityData(kind="email", client_id=called_that_morning,
                                         done_at=datetime(2027, 3, 5, 5, 0)))  # 08:00 MSK, same day
    activities.log_activity(ActivityData(kind="call_in", client_id=called_before, done_at=planned - timedelta(days=2)))
    activities.log_activity(ActivityData(kind="note", client_id=noted_only, done_at=planned + timedelta(days=1)))
    missed = {m.client_id for m in today(NOW, MOSCOW).missed_contacts}
    assert missed == {called_before, noted_only}


def test_lists_are_capped_and_the_total_still_counts(client_id):
    for n in range(5):
        _client(f"Клиент {n}", NOW - timedelta(days=n + 1))
        _plan(client_id, NOW - timedelta(days=n + 1))
    data = today(NOW, MOSCOW, limit=3)
    assert len(data.missed_contacts) == 3 and data.missed_contacts_total == 5
    assert len(data.overdue) == 3 and data.overdue_total == 5


def _plan_of(query) -> str:
    sql, params = query.sql()
    return " ".join(row[3] for row in Client._meta.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))


@pytest.mark.sqlite_only
def test_missed_contacts_use_the_next_contact_and_done_contact_indexes(client_id):
    from app.today import _missed
    plan = _plan_of(_missed(NOW, MOSCOW, None).order_by(Client.next_contact_at).limit(10))
    assert "next_contact (next_contact_at<?)" in plan and "INDEX activity_client_contact" in plan
    count = _plan_of(_missed(NOW, MOSCOW, None))  # the total: the living clients' index alone
    assert "INDEX client_alive_next_contact" in count and "INDEX activity_client_contact" in count


@pytest.mark.sqlite_only
def test_overdue_and_today_walk_the_planned_activities_index(client_id):
    from app.today import _planned
    overdue = _planned(None).where(Activity.planned_at < NOW)
    assert "INDEX activity_open_planned (status=? AND planned_at<?)" in _plan_of(overdue)
    assert "INDEX activity_open_planned" in _plan_of(overdue.order_by(Activity.planned_at).limit(10))
