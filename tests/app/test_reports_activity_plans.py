"""Monthly plans and the manager activity report, on a small hand-made database."""
from datetime import date, datetime
from decimal import Decimal

import pytest
from dateutil import tz

from app import recurrence
from app.client_bulk import add_tag
from app.clients import ClientData, create_client
from app.errors import NotFoundError, ValidationError
from app.reports import activity
from app.reports.base import Filters
from app.reports.plans import plan_totals, plans, set_plan
from db.models import Activity, Deal, Employee, Pipeline, Plan, Stage

MOSCOW = tz.gettz("Europe/Moscow")   # UTC+3 all year
NOVEMBER = Filters(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))


@pytest.fixture
def moscow(db):
    recurrence.set_local_tz(MOSCOW)
    yield db
    recurrence.set_local_tz(None)


def _done(kind, at, emp, client=None, **kw):
    return Activity.create(kind=kind, status=kw.pop("status", "done"), done_at=at, responsible=emp,
                           client=client, **kw).id


@pytest.fixture
def office(moscow):
    """Anna: 3 calls + 1 meeting + 1 e-mail + 1 task in November (plan 10 calls, 4 meetings);
    Boris: 2 calls (no plan); Vera: a plan of 5 calls and nothing done."""
    anna = Employee.create(name="Анна", role="manager").id
    boris = Employee.create(name="Борис", role="manager").id
    vera = Employee.create(name="Вера", role="manager").id
    moscow_client = create_client(ClientData(name="ООО Ромашка", city="Москва", source="Сайт",
                                             responsible_id=anna)).id
    kazan_client = create_client(ClientData(name="ИП Лютиков", region="Татарстан", city="Казань",
                                            source="Выставка", responsible_id=boris)).id
    add_tag([kazan_client], "опт")
    for kind, at in (("call_in", datetime(2026, 11, 3, 9, 0)), ("call_out", datetime(2026, 11, 3, 12, 0)),
                     ("call_out", datetime(2026, 11, 20, 8, 0)), ("meeting", datetime(2026, 11, 10, 7, 0)),
                     ("email", datetime(2026, 11, 11, 7, 0)), ("task", datetime(2026, 11, 12, 7, 0))):
        _done(kind, at, anna, moscow_client)
    _done("note", datetime(2026, 11, 5, 7, 0), anna, moscow_client)                 # not counted
    _done("call_out", None, anna, moscow_client, status="planned", planned_at=datetime(2026, 11, 6, 7, 0))
    _done("call_out", None, anna, moscow_client, status="cancelled")
    _done("call_out", datetime(2026, 11, 7, 7, 0), anna, moscow_client, deleted_at=datetime(2026, 11, 8))
    _done("call_out", datetime(2026, 12, 1, 7, 0), anna, moscow_client)             # December
    _done("call_in", datetime(2026, 11, 4, 7, 0), boris, kazan_client)
    _done("call_out", datetime(2026, 11, 4, 8, 0), boris)                           # no client
    set_plan(anna, "2026-11", "calls", 10)
    set_plan(anna, "2026-11", "meetings", 4)
    set_plan(anna, "2026-12", "calls", 20)
    set_plan(vera, "2026-11", "calls", "5")
    return {"anna": anna, "boris": boris, "vera": vera, "moscow": moscow_client, "kazan": kazan_client}


def _rows(flt=NOVEMBER, **kw):
    return {row[0]: row[1:] for row in activity.build(flt.with_(**kw), today=date(2026, 12, 15)).rows}


# -- plans -------------------------------------------------------------------------------------

def test_set_plan_replaces_the_target_and_plans_are_read_by_month_range(moscow):
    emp = Employee.create(name="Анна").id
    assert set_plan(emp, "2026-11", "revenue", "150 000,50") == Decimal("150000.50")
    set_plan(emp, "2026-11", "revenue", 200000)
    set_plan(emp, "2026-12", "revenue", 100000)
    set_plan(emp, "2027-01", "revenue", 50000)
    assert Plan.select().where(Plan.month == "2026-11").count() == 1
    assert plans("2026-11", "2026-12", "revenue") == {
        emp: {"2026-11": Decimal("200000.00"), "2026-12": Decimal("100000.00")}}
    assert plan_totals(None, None, "revenue") == {emp: Decimal("350000.00")}
    assert plans("2026-11", "2026-12", "calls") == {}


@pytest.mark.parametrize("month, metric, target", [
    ("2026-13", "calls", 5), ("2026/11", "calls", 5), ("26-11", "calls", 5), ("", "calls", 5),
    ("2026-11", "calls", -1), ("2026-11", "calls", "много"), ("2026-11", "calls", "2.5"),
    ("2026-11", "revenue", "-0.01"), ("2026-11", "visits", 5), ("2026-11", "revenue", "NaN"),
])
def test_set_plan_rejects_bad_input(moscow, month, metric, target):
    emp = Employee.create(name="Анна").id
    with pytest.raises(ValidationError):
        set_plan(emp, month, metric, target)
    assert Plan.select().count() == 0


def test_set_plan_for_an_unknown_employee(moscow):
    with pytest.raises(NotFoundError):
        set_plan(9999, "2026-11", "calls", 5)


# -- the activity report -----------------------------------------------------------------------

def test_done_activities_per_manager_against_the_plan(office):
    report = activity.build(NOVEMBER, today=date(2026, 12, 15))
    rows = {row[0]: row[1:] for row in report.rows}
    #           calls plan  %                 meet plan %                 mail task total
    assert rows["Анна"] == [3, 10, Decimal("30.0"), 1, 4, Decimal("25.0"), 1, 1, 6]
    assert rows["Борис"] == [2, 0, None, 0, 0, None, 0, 0, 2]
    assert rows["Вера"] == [0, 5, Decimal("0.0"), 0, 0, None, 0, 0, 0]
    assert report.totals == ["Итого", 5, 15, Decimal("33.3"), 1, 4, Decimal("25.0"), 1, 1, 8]
    assert report.title == "Активность менеджеров" and report.columns[3].title == "Звонки, % плана"
    assert report.chart.kind == "stacked" and report.chart.categories == ["Анна", "Борис", "Вера"]
    assert [s.values for s in report.chart.series][0] == [3.0, 2.0, 0.0]
    assert report.notes == []


def test_a_period_covering_parts_of_two_months_sums_both_plans(office):
    rows = _rows(date_from=date(2026, 11, 15), date_to=date(2026, 12, 10))
    assert rows["Анна"][:3] == [2, 30, Decimal("6.7")]   # 20.11 and 01.12 against 10 + 20
    report = activity.build(Filters(date_from=date(2026, 11, 15), date_to=date(2026, 12, 10)), lang="en")
    assert report.notes == ["Plans are monthly: the plan shown is for the whole of November 2026 – December 2026."]
    assert report.columns[1].title == "Calls" and report.title == "Manager activity"


def test_activity_done_late_on_the_last_local_day_is_in_the_period(office):
    anna = office["anna"]
    _done("call_out", datetime(2026, 11, 30, 20, 30), anna, office["moscow"])  # 23:30 MSK, 30 Nov
    _done("call_out", datetime(2026, 11, 30, 21, 30), anna, office["moscow"])  # 00:30 MSK, 1 Dec
    _done("meeting", datetime(2026, 10, 31, 21, 30), anna, office["moscow"])   # 00:30 MSK, 1 Nov
    assert _rows()["Анна"][:5] == [4, 10, Decimal("40.0"), 2, 4]


def test_each_filter_narrows_the_activities(office):
    assert set(_rows(responsible_id=office["boris"])) == {"Борис"}
    assert _rows(responsible_id=office["boris"])["Борис"][-1] == 2
    # a client filter drops the other clients' activities and those without a client;
    # the plans stay, so Anna and Vera still show theirs
    assert _rows(region="казань")["Борис"][-1] == 1 and _rows(region="казань")["Анна"][-1] == 0
    assert _rows(region="Татарстан")["Борис"][-1] == 1
    assert _rows(source="сайт")["Анна"][-1] == 6 and "Борис" not in _rows(source="сайт")
    from db.models import Tag
    tag = Tag.get(Tag.name == "опт").id
    assert _rows(tag_id=tag)["Борис"][-1] == 1 and _rows(tag_id=tag)["Анна"][-1] == 0
    # a pipeline: activities of its deals, or without a deal for a client with a deal there
    other = Pipeline.create(name="Опт")
    stage = Stage.create(pipeline=other, name="Новая", kind="open")
    deal = Deal.create(client=office["kazan"], pipeline=other, stage=stage, title="Опт", amount=1)
    _done("meeting", datetime(2026, 11, 25, 7, 0), office["boris"], office["kazan"], deal=deal)
    by_pipe = _rows(pipeline_id=other.id)
    assert by_pipe["Борис"][3] == 1 and by_pipe["Борис"][-1] == 2   # the meeting and the Kazan call
    assert by_pipe["Анна"][-1] == 0
    assert _rows()["Борис"][-1] == 3


def test_per_day_and_per_week(office):
    report = activity.build(NOVEMBER.with_(option="day", responsible_id=office["anna"]), today=date(2026, 12, 1))
    assert len(report.rows) == 30 and report.rows[0][0] == date(2026, 11, 1)
    days = {row[0]: row[1:] for row in report.rows}
    assert days[date(2026, 11, 3)] == [2, 0, 0, 0, 2] and days[date(2026, 11, 4)] == [0, 0, 0, 0, 0]
    assert report.totals == ["Итого", 3, 1, 1, 1, 6]
    assert report.chart.categories[2] == "03.11.2026"
    weeks = activity.build(NOVEMBER.with_(option="week"), today=date(2026, 12, 1))
    starts = [row[0] for row in weeks.rows]
    assert starts == [date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16),
                      date(2026, 11, 23), date(2026, 11, 30)]
    totals = {row[0]: row[-1] for row in weeks.rows}
    assert totals[date(2026, 11, 2)] == 4 and totals[date(2026, 11, 9)] == 3   # Anna 2 + Boris 2; 3 of Anna
    assert weeks.totals[-1] == 8 and weeks.columns[0].title == "Неделя с"


def test_an_empty_result_has_no_rows_and_a_note(moscow):
    for option in activity.DEFINITION.options:
        report = activity.build(NOVEMBER.with_(option=option), lang="en", today=date(2026, 12, 1))
        assert report.rows == [] and report.totals is None and report.chart is None
        assert report.notes == ["No done activities for the chosen filters."]
    assert activity.build(Filters(), today=date(2026, 12, 1)).notes == ["Нет выполненных дел по выбранным условиям."]
