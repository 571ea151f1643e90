"""The ABC (Pareto) and lost-deals reports on a small hand-made database.

Times are UTC; the local zone is Moscow (UTC+3).  Expected figures are worked out by
hand from the data below.
"""
from datetime import date, datetime
from decimal import Decimal

import pytest
from dateutil import tz

from app import deals, recurrence
from app.client_bulk import add_tag
from app.clients import ClientData, create_client
from app.reports import build_report
from app.reports.abc import CLASS_COLORS, classify
from app.reports.base import Filters
from db.models import Deal, Employee, StageChange, Tag

NOVEMBER = Filters(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))
Q4 = Filters(date_from=date(2026, 10, 1), date_to=date(2026, 12, 31))
D = Decimal


@pytest.fixture
def st(db):
    recurrence.set_local_tz(tz.gettz("Europe/Moscow"))
    yield deals.stages()
    recurrence.set_local_tz(None)


def closed_deal(client_id, amount, stage, when, *, responsible=None, reason="Цена", competitor=""):
    """A deal created in June and moved to ``stage`` (won or lost) at ``when`` (UTC)."""
    did = deals.create_deal(client_id, "Сделка", amount, responsible_id=responsible)
    deals.move_deal(did, stage.id, lost_reason=reason or "-")
    StageChange.update(changed_at=when).where(StageChange.deal == did, StageChange.from_stage.is_null(False)).execute()
    Deal.update(created_at=datetime(2026, 6, 1), closed_at=when, stage_entered_at=when, competitor=competitor,
                lost_reason=reason if stage.kind == "lost" else "").where(Deal.id == did).execute()
    return did


# --- ABC ----------------------------------------------------------------------------------

def test_class_boundaries_are_exact():
    # the client that reaches or crosses 80 % is A; the one that reaches or crosses 95 % is B
    assert classify([D(70), D(20), D(10)]) == ["A", "A", "B"]
    assert classify([D(80), D(15), D(5)]) == ["A", "B", "C"]
    assert classify([D(80), D(20)]) == ["A", "B"]
    assert classify([D("79.99"), D("0.02"), D("19.99")]) == ["A", "A", "B"]
    assert classify([D(100)]) == ["A"]
    assert classify([]) == []


@pytest.fixture
def abc_world(st):
    won = st[7]
    names = ["Альфа", "Бета", "Гамма", "Дельта", "Епсилон", "Жук"]
    ids = [create_client(ClientData(name=n, city="Казань" if n == "Жук" else "Москва")).id for n in names]
    closed_deal(ids[0], "300.05", won, datetime(2026, 11, 2))
    closed_deal(ids[0], "199.95", won, datetime(2026, 11, 3))
    for cid, amount in zip(ids[1:], ("300", "100", "50", "30", "20")):
        closed_deal(cid, amount, won, datetime(2026, 11, 10))
    nothing = create_client(ClientData(name="Ноль")).id
    closed_deal(nothing, "0", won, datetime(2026, 11, 10))                      # no revenue: left out
    closed_deal(ids[5], "5000", won, datetime(2026, 11, 30, 21, 30))            # December 1st in Moscow
    closed_deal(ids[5], "4000", st[8], datetime(2026, 11, 10))                  # lost
    deals.create_deal(ids[5], "Открытая", 3000)                                 # open
    return ids


def test_abc_shares_cumulative_classes_and_note(abc_world):
    rep = build_report("abc", NOVEMBER)
    assert rep.rows == [
        ["Альфа", 2, D("500.00"), D("50.00"), D("50.00"), "A"],
        ["Бета", 1, D("300.00"), D("30.00"), D("80.00"), "A"],     # reaches exactly 80 %: still A
        ["Гамма", 1, D("100.00"), D("10.00"), D("90.00"), "B"],
        ["Дельта", 1, D("50.00"), D("5.00"), D("95.00"), "B"],     # reaches exactly 95 %: still B
        ["Епсилон", 1, D("30.00"), D("3.00"), D("98.00"), "C"],
        ["Жук", 1, D("20.00"), D("2.00"), D("100.00"), "C"],
    ]
    assert rep.totals == ["Итого", 7, D("1000.00"), D("100.00"), None, ""]
    assert rep.refs == [("client", cid) for cid in abc_world]
    assert rep.notes[0] == "2 из 6 клиентов (33,3\u00a0%) приносят 80\u00a0% выручки."  # a Russian comma
    assert rep.chart.kind == "pareto" and rep.chart.series[1].values == [50, 80, 90, 95, 98, 100]
    assert rep.chart.colors == [CLASS_COLORS[c] for c in "AABBCC"]
    assert rep.title == "ABC-анализ клиентов" and rep.columns[2].title == "Выручка"


def test_abc_filters_english_and_empty(abc_world):
    add_tag(abc_world[1:3], "опт")
    rep = build_report("abc", NOVEMBER.with_(tag_id=Tag.get(Tag.name == "опт").id), lang="en")
    # Бета 300 of 400 = 75 % → A; Гамма is the one crossing 80 % → A as well
    assert [(r[0], r[3], r[5]) for r in rep.rows] == [("Бета", D("75.00"), "A"), ("Гамма", D("25.00"), "A")]
    assert rep.title == "ABC analysis of clients" and rep.notes[0] == "2 of 2 clients (100.0%) bring 80% of revenue."
    assert [c.title for c in rep.columns] == ["Client", "Deals", "Revenue", "Share, %", "Cumulative, %", "Class"]
    assert [r[0] for r in build_report("abc", NOVEMBER.with_(region="казань")).rows] == ["Жук"]
    assert build_report("abc", Q4).rows[0][:3] == ["Жук", 2, D("5020.00")]   # December counts in Q4
    empty = build_report("abc", Filters(date_from=date(2030, 1, 1), date_to=date(2030, 1, 31)), lang="en")
    assert empty.rows == [] and empty.totals is None and empty.refs == [] and "No revenue in the period." in empty.notes


# --- lost ---------------------------------------------------------------------------------

@pytest.fixture
def lost_world(st):
    lost = st[8]
    anna = Employee.create(name="Анна", role="manager").id
    moscow = create_client(ClientData(name="ООО Ромашка", city="Москва")).id
    kazan = create_client(ClientData(name="Белов", city="Казань")).id
    closed_deal(moscow, "100.10", lost, datetime(2026, 11, 2), responsible=anna)
    closed_deal(kazan, "200.20", lost, datetime(2026, 11, 5), reason="цена ")
    closed_deal(moscow, "50", lost, datetime(2026, 11, 7), reason="Конкурент", competitor="Вектор", responsible=anna)
    closed_deal(kazan, "5", lost, datetime(2026, 11, 9), reason="")
    closed_deal(moscow, "1000", lost, datetime(2026, 10, 10))
    closed_deal(moscow, "777", st[7], datetime(2026, 11, 9))                     # won: not lost
    deals.create_deal(moscow, "Открытая", 888)
    return {"anna": anna}


def test_lost_by_reason_competitor_and_month(lost_world):
    rep = build_report("lost", NOVEMBER)
    assert rep.rows == [["Цена", 2, D("300.30"), D("50.00")],          # "Цена" and "цена " are one reason
                        ["Конкурент", 1, D("50.00"), D("25.00")],
                        ["(не указана)", 1, D("5.00"), D("25.00")]]
    assert rep.totals == ["Итого", 4, D("355.30"), D("100.00")]
    assert rep.chart.kind == "barh" and rep.chart.series[0].values == [2, 1, 1] and rep.chart.x_label == "Сделок"
    assert rep.title == "Упущенные сделки" and rep.columns[0].title == "Причина"
    assert build_report("lost", NOVEMBER.with_(option="competitor")).rows == [
        ["(не указан)", 3, D("305.30"), D("75.00")], ["Вектор", 1, D("50.00"), D("25.00")]]
    trend = build_report("lost", Q4.with_(option="month"), lang="en")
    assert trend.rows == [["October 2026", 1, D("1000.00"), D("20.00")],
                          ["November 2026", 4, D("355.30"), D("80.00")],
                          ["December 2026", 0, D("0.00"), D("0.00")]]
    assert trend.chart.kind == "bar" and trend.columns[2].title == "Amount lost"


def test_lost_filters_english_and_empty(lost_world):
    rep = build_report("lost", NOVEMBER.with_(responsible_id=lost_world["anna"]), lang="en")
    assert rep.rows == [["Цена", 1, D("100.10"), D("50.00")],
                        ["Конкурент", 1, D("50.00"), D("50.00")]]
    assert rep.title == "Lost deals" and "By reason" in rep.filter_lines
    assert [r[0] for r in build_report("lost", NOVEMBER.with_(region="КАЗАНЬ"), lang="en").rows] == \
        ["цена", "(not given)"]   # spelled as in the only deal left
    empty = build_report("lost", Filters(date_from=date(2030, 1, 1), date_to=date(2030, 3, 31), option="month"))
    assert empty.rows == [] and empty.totals is None and "За период нет упущенных сделок." in empty.notes
