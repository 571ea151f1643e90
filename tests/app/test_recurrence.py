"""Repeating activities: rules, local-time expansion across DST, one row per series."""
from datetime import date, datetime, timedelta

import pytest
from dateutil import tz

from app import activities, activity_series, recurrence
from app.activities import ActivityData
from app.clients import ClientData, create_client
from app.errors import ValidationError
from app.recurrence import (DAILY, LAST, LAST_DAY, MONTHLY, WEEKLY, YEARLY, Recurrence, Rule,
                            describe, next_after, occurrences)
from db.models import Activity

BERLIN = tz.gettz("Europe/Berlin")
MOSCOW = tz.gettz("Europe/Moscow")
MONDAYS = Rule(WEEKLY, weekdays=(0,))


@pytest.fixture
def berlin():
    recurrence.set_local_tz(BERLIN)
    yield BERLIN
    recurrence.set_local_tz(None)


@pytest.fixture
def client_id(db, berlin):
    return create_client(ClientData(name="ООО Ромашка")).id


def test_rules_read_back_from_their_rrule_text():
    rules = [MONDAYS, Rule(WEEKLY, 2, (0, 2)), Rule(DAILY, 3, count=10),
             Rule(MONTHLY, month_day=31, until=date(2027, 12, 31)), Rule(MONTHLY, month_day=LAST_DAY),
             Rule(MONTHLY, nth=LAST, weekday=4), Rule(MONTHLY, nth=2, weekday=1),
             Rule(YEARLY, month=2, month_day=29)]
    for rule in rules:
        assert Rule.from_rrule(rule.to_rrule()) == rule
        assert Rule.from_rrule("RRULE:" + rule.to_rrule()) == rule
    assert Rule(WEEKLY, 2, (2, 0)).to_rrule() == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"
    assert Rule(MONTHLY, nth=LAST, weekday=4).to_rrule() == "FREQ=MONTHLY;BYDAY=-1FR"
    text = Recurrence(MONDAYS, datetime(2027, 3, 1, 10), (datetime(2027, 3, 8, 10),)).to_text()
    assert text == "DTSTART:20270301T100000\nRRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20270308T100000"
    assert Recurrence.from_text(text).exdates == (datetime(2027, 3, 8, 10),)
    assert Recurrence.from_text("") is None


@pytest.mark.parametrize("text", ["FREQ=HOURLY", "FREQ=WEEKLY;BYDAY=XX", "BYDAY=MO", "FREQ=DAILY;COUNT=0",
                                  "FREQ=DAILY;COUNT=2;UNTIL=20270101", "DTSTART:2027\nRRULE:FREQ=DAILY"])
def test_a_rule_that_cannot_be_read_is_a_clear_validation_error(text):
    with pytest.raises(ValidationError):
        Recurrence.from_text(text)


def test_rules_in_plain_words():
    monday_10 = datetime(2027, 3, 1, 10, 0)
    assert describe(MONDAYS, start=monday_10) == "каждый понедельник в 10:00"
    assert describe(MONDAYS, "en", start=monday_10) == "every Monday at 10:00"
    assert describe(Rule(WEEKLY, 2, (0, 2)), "en") == "every 2 weeks on Mon, Wed"
    assert describe(Rule(WEEKLY, 2, (0, 2))) == "каждые 2 недели по понедельникам и средам"
    assert describe(Rule(WEEKLY, weekdays=(4,))) == "каждую пятницу"
    assert describe(Rule(WEEKLY, weekdays=(0, 1, 2, 3, 4))) == "по будням"
    assert describe(Rule(DAILY, 5, count=3)) == "каждые 5 дней, 3 раза"
    assert describe(Rule(MONTHLY, nth=LAST, weekday=4)) == "каждый месяц в последнюю пятницу"
    assert describe(Rule(MONTHLY, nth=2, weekday=1), "en") == "every month on the 2nd Tuesday"
    assert describe(Rule(MONTHLY, nth=2, weekday=1)) == "каждый месяц во второй вторник"
    assert describe(Rule(MONTHLY, month_day=LAST_DAY), "en") == "every month on the last day"
    assert describe(Rule(MONTHLY, month_day=15, until=date(2027, 12, 31)), "en") == \
        "every month on the 15th, until 2027-12-31"
    assert describe(Rule(YEARLY), start=datetime(2027, 3, 5, 9, 30)) == "каждый год 5 марта в 09:30"


def test_weekly_call_keeps_local_time_across_both_dst_changes():
    first = datetime(2027, 3, 22, 10, 0)
    spring = occurrences(MONDAYS, first, datetime(2027, 3, 1), datetime(2027, 4, 1), BERLIN)
    assert spring == [datetime(2027, 3, 22, 9, 0), datetime(2027, 3, 29, 8, 0)]  # CET, then CEST
    autumn = occurrences(MONDAYS, first, datetime(2027, 10, 20), datetime(2027, 11, 5), BERLIN)
    assert autumn == [datetime(2027, 10, 25, 8, 0), datetime(2027, 11, 1, 9, 0)]
    assert next_after(MONDAYS, first, datetime(2027, 3, 22, 9, 0), BERLIN) == datetime(2027, 3, 29, 8, 0)
    # Moscow has no DST: always 10:00 MSK = 07:00 UTC
    moscow = occurrences(MONDAYS, first, datetime(2027, 3, 1), datetime(2027, 11, 5), MOSCOW)
    assert {d.time().hour for d in moscow} == {7} and len(moscow) == 33


def test_a_skipped_local_hour_moves_forward_and_the_series_returns_to_its_time():
    got = occurrences(Rule(DAILY), datetime(2027, 3, 27, 2, 30), datetime(2027, 3, 27),
                      datetime(2027, 3, 30), BERLIN)
    assert got == [datetime(2027, 3, 27, 1, 30), datetime(2027, 3, 28, 1, 30), datetime(2027, 3, 29, 0, 30)]


def _days(rule, first):
    return [d.date() for d in occurrences(rule, first, datetime(2027, 1, 1), datetime(2028, 1, 1), MOSCOW)]


def test_monthly_on_the_31st_falls_on_the_last_day_of_shorter_months():
    month_ends = [date(2027, m, 1) - timedelta(days=1) for m in range(2, 13)] + [date(2027, 12, 31)]
    assert _days(Rule(MONTHLY, month_day=31), datetime(2027, 1, 31, 12)) == month_ends
    assert _days(Rule(MONTHLY, month_day=LAST_DAY), datetime(2027, 1, 31, 12)) == month_ends
    on_30th = _days(Rule(MONTHLY, month_day=30), datetime(2027, 1, 30, 12))
    assert on_30th[:3] == [date(2027, 1, 30), date(2027, 2, 28), date(2027, 3, 30)] and len(on_30th) == 12
    # a monthly rule with no day given takes the first occurrence's day, clamped too
    assert _days(Rule(MONTHLY), datetime(2027, 1, 31, 12)) == month_ends


def test_last_friday_and_second_tuesday_over_a_year():
    fridays = _days(Rule(MONTHLY, nth=LAST, weekday=4), datetime(2027, 1, 29, 12))
    assert len(fridays) == 12
    assert all(d.weekday() == 4 and (d + timedelta(days=7)).month != d.month for d in fridays)
    tuesdays = _days(Rule(MONTHLY, nth=2, weekday=1), datetime(2027, 1, 12, 12))
    assert len(tuesdays) == 12 and all(d.weekday() == 1 and 8 <= d.day <= 14 for d in tuesdays)


def test_yearly_on_feb_29_falls_on_feb_28_in_other_years():
    got = occurrences(Rule(YEARLY), datetime(2028, 2, 29, 12), datetime(2028, 1, 1), datetime(2031, 1, 1), MOSCOW)
    assert [d.date() for d in got] == [date(2028, 2, 29), date(2029, 2, 28), date(2030, 2, 28)]


def test_count_and_until_end_the_series():
    first = datetime(2027, 3, 1, 10)
    three = Rule(WEEKLY, weekdays=(0,), count=3)
    assert len(occurrences(three, first, datetime(2027, 1, 1), datetime(2028, 1, 1), MOSCOW)) == 3
    assert next_after(three, first, datetime(2027, 3, 15, 7), MOSCOW) is None
    until = Rule(WEEKLY, weekdays=(0,), until=date(2027, 3, 15))
    assert next_after(until, first, datetime(2027, 3, 8, 7), MOSCOW) == datetime(2027, 3, 15, 7)
    assert next_after(until, first, datetime(2027, 3, 15, 7), MOSCOW) is None


# -- one row per series -------------------------------------------------------------

def _weekly_call(client_id, first_local, rule="FREQ=WEEKLY;BYDAY=MO", reminder=timedelta(minutes=15)):
    planned = recurrence.to_utc(first_local)
    return activities.log_activity(ActivityData(
        kind="call_out", subject="Сверка заказа", client_id=client_id, status="planned",
        planned_at=planned, reminder_at=planned - reminder if reminder else None, recurrence=rule))


def test_a_bare_rule_is_anchored_at_the_first_matching_date(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 17, 10, 0))  # a Wednesday
    act = Activity.get_by_id(act_id)
    assert act.planned_at == datetime(2027, 3, 22, 9, 0)  # the Monday after, 10:00 local
    assert act.reminder_at == datetime(2027, 3, 22, 8, 45)
    assert act.recurrence.startswith("DTSTART:20270322T100000\n")


def test_completing_monday_schedules_next_monday_at_the_same_local_time_across_dst(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 22, 10, 0))
    assert activities.complete_activity(act_id, "Заказ подтвердили",
                                        now=datetime(2027, 3, 22, 9, 20)) == act_id
    series = Activity.get_by_id(act_id)
    assert series.status == "planned" and series.planned_at == datetime(2027, 3, 29, 8, 0)  # 10:00 CEST
    assert series.reminder_at == datetime(2027, 3, 29, 7, 45)
    done = Activity.get(Activity.series == act_id)
    assert (done.status, done.result, done.planned_at) == ("done", "Заказ подтвердили", datetime(2027, 3, 22, 9, 0))
    assert done.recurrence == "" and Activity.select().count() == 2

    autumn_id = _weekly_call(client_id, datetime(2027, 10, 25, 10, 0))
    activities.complete_activity(autumn_id, "", now=datetime(2027, 10, 25, 8, 30))
    assert Activity.get_by_id(autumn_id).planned_at == datetime(2027, 11, 1, 9, 0)  # 10:00 CET


def test_completing_late_schedules_the_next_date_after_now(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 1, 10, 0))
    activities.complete_activity(act_id, "", now=datetime(2027, 3, 17, 12, 0))
    assert Activity.get_by_id(act_id).planned_at == datetime(2027, 3, 22, 9, 0)


def test_count_ends_the_series_and_the_last_occurrence_is_the_row_itself(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 1, 10, 0), "FREQ=WEEKLY;BYDAY=MO;COUNT=2")
    activities.complete_activity(act_id, "первый", now=datetime(2027, 3, 1, 10))
    assert activities.complete_activity(act_id, "второй", now=datetime(2027, 3, 8, 10)) is None
    last = Activity.get_by_id(act_id)
    assert (last.status, last.result) == ("done", "второй")
    assert Activity.select().where(Activity.status == "planned").count() == 0
    assert Activity.select().count() == 2


def test_until_ends_the_series(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 1, 10, 0), "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270308")
    assert activities.complete_activity(act_id, "", now=datetime(2027, 3, 1, 10)) == act_id
    assert activities.complete_activity(act_id, "", now=datetime(2027, 3, 8, 10)) is None
    assert Activity.get_by_id(act_id).status == "done"


def _pending(act_id, start=datetime(2027, 3, 1), end=datetime(2027, 4, 30)):
    act = Activity.get_by_id(act_id)
    return [d for d in Recurrence.from_text(act.recurrence).occurrences(start, end) if d >= act.planned_at]


def test_editing_this_occurrence_detaches_it_and_the_series_skips_that_date(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 1, 10, 0))
    new_id = activity_series.update_occurrence(act_id, {"planned_at": datetime(2027, 3, 16, 13, 0),
                                                   "subject": "Перенесли"}, "this",
                                          occurrence=datetime(2027, 3, 15, 9, 0))
    moved = Activity.get_by_id(new_id)
    assert (moved.planned_at, moved.subject, moved.series_id, moved.recurrence) == \
        (datetime(2027, 3, 16, 13, 0), "Перенесли", act_id, "")
    assert moved.reminder_at == datetime(2027, 3, 16, 12, 45)
    assert datetime(2027, 3, 15, 9, 0) not in _pending(act_id)
    assert datetime(2027, 3, 22, 9, 0) in _pending(act_id)
    assert Activity.get_by_id(act_id).subject == "Сверка заказа"
    # the current occurrence: the series row simply moves on
    activity_series.update_occurrence(act_id, {"subject": "Разово"}, "this")
    assert Activity.get_by_id(act_id).planned_at == datetime(2027, 3, 8, 9, 0)


def test_changing_the_future_moves_the_rule_and_splits_a_later_occurrence(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 1, 10, 0), "FREQ=WEEKLY;BYDAY=MO;COUNT=6")
    new_id = activity_series.update_occurrence(act_id, {"planned_at": datetime(2027, 3, 16, 9, 0)}, "future",
                                          occurrence=datetime(2027, 3, 15, 9, 0))  # Mon → Tue
    assert new_id != act_id
    assert _pending(act_id) == [datetime(2027, 3, 1, 9), datetime(2027, 3, 8, 9)]
    assert _pending(new_id, end=datetime(2027, 6, 1)) == [datetime(2027, 3, 16, 9), datetime(2027, 3, 23, 9),
                                                          datetime(2027, 3, 30, 8), datetime(2027, 4, 6, 8)]
    # in place from the current occurrence: a new time of day from now on
    activity_series.update_occurrence(act_id, {"planned_at": datetime(2027, 3, 1, 13, 0)}, "future")
    assert _pending(act_id) == [datetime(2027, 3, 1, 13), datetime(2027, 3, 8, 13)]


def test_moving_the_current_date_does_not_bring_it_back(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 8, 10, 0))
    data = activities.load_activity(act_id)
    data.planned_at = datetime(2027, 3, 5, 9, 0)  # Monday's call done on Friday before
    activities.update_activity(data)
    activities.complete_activity(act_id, "", now=datetime(2027, 3, 5, 9, 30))
    assert Activity.get_by_id(act_id).planned_at == datetime(2027, 3, 15, 9, 0)


def test_cancelling_one_occurrence_keeps_the_series(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 1, 10, 0))
    activity_series.cancel_occurrence(act_id, datetime(2027, 3, 8, 9, 0))
    assert _pending(act_id)[:2] == [datetime(2027, 3, 1, 9), datetime(2027, 3, 15, 9)]
    single = activities.log_activity(ActivityData(kind="task", client_id=client_id, status="planned",
                                                  planned_at=datetime(2027, 3, 2, 9)))
    activity_series.cancel_occurrence(single)
    assert Activity.get_by_id(single).status == "cancelled"


def test_an_occurrence_that_is_not_in_the_series_is_refused(client_id):
    act_id = _weekly_call(client_id, datetime(2027, 3, 1, 10, 0))
    with pytest.raises(ValidationError):
        activity_series.update_occurrence(act_id, {"subject": "x"}, "this", occurrence=datetime(2027, 3, 9, 9, 0))


def test_a_bare_rule_written_directly_to_the_row_still_repeats(client_id):
    act_id = activities.log_activity(ActivityData(kind="call_out", client_id=client_id, status="planned",
                                                  planned_at=datetime(2027, 3, 1, 9, 0)))
    Activity.update(recurrence="FREQ=WEEKLY;BYDAY=MO").where(Activity.id == act_id).execute()
    activities.complete_activity(act_id, "", now=datetime(2027, 3, 1, 9, 30))
    assert Activity.get_by_id(act_id).planned_at == datetime(2027, 3, 8, 9, 0)
