"""The funnel conversion and sales reports on a small hand-made database.

Times are written in UTC; the local zone is Moscow (UTC+3, no DST), so the local day
of a deal closed at 21:30 UTC is already the next one.  Every expected figure below
was worked out by hand from the data of the test.
"""
from datetime import date, datetime
from decimal import Decimal

import pytest
from dateutil import tz

from app import deals, recurrence, stages
from app.client_bulk import add_tag
from app.clients import ClientData, create_client
from app.errors import ValidationError
from app.reports import build_report, definition
from app.reports.base import Filters
from db.models import Client, Deal, DealLine, Employee, StageChange, Tag

NOVEMBER = Filters(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))
Q4 = Filters(date_from=date(2026, 10, 1), date_to=date(2026, 12, 31))


@pytest.fixture
def world(db):
    recurrence.set_local_tz(tz.gettz("Europe/Moscow"))
    owner = Employee.get(Employee.role == "owner").id
    anna = Employee.create(name="Анна", role="manager").id
    moscow = create_client(ClientData(name="ООО Ромашка", city="Москва", source="Сайт")).id
    kazan = create_client(ClientData(name="Белов Игорь", city="Казань", region="Татарстан", source="Звонок")).id
    yield {"owner": owner, "anna": anna, "moscow": moscow, "kazan": kazan, "st": deals.stages()}
    recurrence.set_local_tz(None)


def make_deal(client_id, amount, path, *, responsible=None, reason="Цена", source=""):
    """A deal that went through ``path`` = [(stage, UTC time), …]; created at the first time."""
    first, created = path[0]
    did = deals.create_deal(client_id, "Сделка", amount, stage_id=first.id, responsible_id=responsible)
    for stage, _ in path[1:]:
        deals.move_deal(did, stage.id, lost_reason=reason if stage.kind == "lost" else "")
    changes = StageChange.select().where(StageChange.deal == did).order_by(StageChange.id)
    for change, (_, when) in zip(changes, path):
        StageChange.update(changed_at=when).where(StageChange.id == change.id).execute()
    last, when = path[-1]
    Deal.update(created_at=created, stage_entered_at=when, source=source,
                closed_at=when if last.kind != "open" else None).where(Deal.id == did).execute()
    return did


def won(world, client, amount, closed, **kw):
    st = world["st"]
    return make_deal(world[client], amount, [(st[0], datetime(2026, 6, 1)), (st[7], closed)], **kw)


# --- funnel -------------------------------------------------------------------------------

@pytest.fixture
def funnel_world(world, monkeypatch):
    # the reports below are asked "as of Dec 1": should this run on Dec 1 itself, the report
    # would measure up to the real clock, so the clock is the end of Dec 1 (Moscow) too
    monkeypatch.setattr("app.reports.funnel_conversion.utcnow", lambda: datetime(2026, 12, 1, 21, 0))
    st = world["st"]
    make_deal(world["moscow"], 10, [(st[0], datetime(2026, 11, 2, 9)), (st[1], datetime(2026, 11, 4, 9)),
                                    (st[2], datetime(2026, 11, 5, 9))], responsible=world["anna"])
    make_deal(world["moscow"], 20, [(st[0], datetime(2026, 11, 3, 9)), (st[2], datetime(2026, 11, 6, 9)),
                                    (st[7], datetime(2026, 11, 10, 9))], responsible=world["owner"])
    make_deal(world["kazan"], 30, [(st[0], datetime(2026, 11, 10, 9)), (st[8], datetime(2026, 11, 11, 9))],
              responsible=world["owner"])
    make_deal(world["kazan"], 40, [(st[1], datetime(2026, 11, 20, 9))], responsible=world["owner"])
    make_deal(world["kazan"], 50, [(st[0], datetime(2026, 10, 20, 9)), (st[1], datetime(2026, 11, 2, 9))])
    return world


def test_funnel_counts_reached_stages_from_history_with_skips_and_average_days(funnel_world):
    st = funnel_world["st"]
    rep = build_report("funnel", NOVEMBER, today=date(2026, 12, 1))   # "now" = end of Dec 1, Moscow
    rows = {r[0]: r[1:] for r in rep.rows}
    assert [r[0] for r in rep.rows] == [s.name for s in st[:8]]      # open stages then won; lost is not a step
    # reached: cold 3 + the deal created in "interested"; interested: 2 + the one that skipped it
    assert rows["Холодный"] == [4, None, Decimal("100.00"), Decimal("2.0")]            # (2 + 3 + 1) / 3 days
    assert rows["Интересуется"] == [3, Decimal("75.00"), Decimal("75.00"), Decimal("6.3")]   # (1 + 11.5) / 2
    assert rows["Запросили оценку"] == [2, Decimal("66.67"), Decimal("50.00"), Decimal("15.3")]  # (26.5 + 4) / 2
    assert rows["Сделали оценку"] == [1, Decimal("50.00"), Decimal("25.00"), None]      # only passed by the won deal
    assert rows["Работа!"] == [1, Decimal("100.00"), Decimal("25.00"), None]
    assert rep.chart.kind == "funnel" and rep.chart.colors == [s.color for s in st[:8]]
    assert rep.chart.series[0].values == [4, 3, 2, 1, 1, 1, 1, 1]
    assert any("4" in n and "Основная" in n for n in rep.notes)
    assert any("Упущено: 1 (25,0\u00a0%)" in n for n in rep.notes)  # a Russian comma, as in the table
    assert any("сегодняшний день" in n for n in rep.notes)


def test_funnel_filters_and_pipeline_choice(funnel_world):
    st = funnel_world["st"]
    def reached(**kw):
        return [r[1] for r in build_report("funnel", NOVEMBER.with_(**kw), today=date(2026, 12, 1)).rows]
    assert reached(responsible_id=funnel_world["anna"]) == [1, 1, 1, 0, 0, 0, 0, 0]
    assert reached(region="КАЗАНЬ") == [2, 1, 0, 0, 0, 0, 0, 0]
    wholesale = stages.create_pipeline("Опт")
    opt = deals.stages(wholesale)
    make_deal(funnel_world["moscow"], 1, [(opt[0], datetime(2026, 11, 5)), (opt[3], datetime(2026, 11, 6))])
    rep = build_report("funnel", NOVEMBER.with_(pipeline_id=wholesale), lang="en", today=date(2026, 12, 1))
    assert [r[1] for r in rep.rows] == [1, 1, 1, 1, 0, 0, 0, 0]
    assert rep.title == "Funnel conversion" and "Pipeline: Опт" in rep.filter_lines
    assert [c.title for c in rep.columns] == ["Stage", "Reached", "From previous, %", "From first, %", "Average days"]
    assert reached()[0] == 4 and st[0].id != opt[0].id                # the default pipeline is unaffected


def test_funnel_without_deals_has_no_rows(world):
    rep = build_report("funnel", Filters(date_from=date(2030, 1, 1), date_to=date(2030, 1, 31)))
    assert rep.rows == [] and rep.chart.categories == []
    assert any("не создано" in n for n in rep.notes)
    assert build_report("funnel", Filters(), lang="en").title == "Funnel conversion"


# --- sales --------------------------------------------------------------------------------

@pytest.fixture
def sales_world(world):
    st = world["st"]
    ids = {
        "a": won(world, "moscow", "1000.10", datetime(2026, 11, 3, 12), responsible=world["anna"]),
        "b": won(world, "moscow", "2000.20", datetime(2026, 11, 30, 19, 30), responsible=world["owner"]),
        "c": won(world, "kazan", "5", datetime(2026, 11, 15), responsible=world["anna"], source="сайт"),
        "oct": won(world, "kazan", "700.05", datetime(2026, 10, 10), responsible=world["owner"]),
        "aug": won(world, "kazan", "100", datetime(2026, 8, 5), responsible=world["owner"]),
        # 00:30 on December 1st in Moscow: not November
        "dec": won(world, "moscow", "999", datetime(2026, 11, 30, 21, 30), responsible=world["owner"]),
    }
    make_deal(world["moscow"], 7777, [(st[0], datetime(2026, 11, 2))])                       # open
    make_deal(world["moscow"], 8888, [(st[0], datetime(2026, 11, 2)), (st[8], datetime(2026, 11, 9))])  # lost
    return world | ids


def test_sales_by_month_exact_to_the_kopeck_with_previous_period(sales_world):
    rep = build_report("sales", NOVEMBER, today=date(2026, 12, 1))
    # November: 1000.10 + 2000.20 + 5.00; October (the previous month): 700.05
    assert rep.rows == [["Ноябрь 2026", 3, Decimal("3005.30"), Decimal("700.05"), Decimal("329.30")]]
    assert rep.totals == ["Итого", 3, Decimal("3005.30"), Decimal("700.05"), Decimal("329.30")]
    assert [s.values for s in rep.chart.series] == [[3005.30], [700.05]] and rep.chart.kind == "bar"
    assert [c.title for c in rep.columns] == ["Месяц", "Сделок", "Сумма", "Предыдущий период", "Изменение, %"]
    assert rep.title == "Продажи" and "Предыдущий период: 01.10.2026 – 31.10.2026" in rep.notes


def test_sales_quarter_months_match_the_previous_quarter_by_position(sales_world):
    rep = build_report("sales", Q4, lang="en")
    assert rep.rows == [
        ["October 2026", 1, Decimal("700.05"), Decimal("0.00"), None],                  # July: nothing
        ["November 2026", 3, Decimal("3005.30"), Decimal("100.00"), Decimal("2905.30")],  # August: 100
        ["December 2026", 1, Decimal("999.00"), Decimal("0.00"), None],                 # September
    ]
    rep = build_report("sales", Q4.with_(option="quarter"))
    assert rep.rows == [["4 кв. 2026", 5, Decimal("4704.35"), Decimal("100.00"), Decimal("4604.35")]]


def test_sales_by_responsible_city_source_and_product(sales_world):
    def rows(option):
        return build_report("sales", NOVEMBER.with_(option=option)).rows
    assert rows("responsible") == [["Владелец", 1, Decimal("2000.20"), Decimal("700.05"), Decimal("185.72")],
                                   ["Анна", 2, Decimal("1005.10"), Decimal("0.00"), None]]
    assert rows("city") == [["Москва", 2, Decimal("3000.30"), Decimal("0.00"), None],
                            ["Казань", 1, Decimal("5.00"), Decimal("700.05"), Decimal("-99.29")]]
    # the deal's own source wins over its client's ("сайт" and "Сайт" are one source)
    assert rows("source") == [["Сайт", 3, Decimal("3005.30"), Decimal("0.00"), None],
                              ["Звонок", 0, Decimal("0.00"), Decimal("700.05"), Decimal("-100.00")]]
    DealLine.create(deal=sales_world["a"], name="Фасад", quantity=Decimal("2"), price=Decimal("250.05"))
    DealLine.create(deal=sales_world["a"], name="Монтаж", quantity=Decimal("1"), price=Decimal("500"))
    DealLine.create(deal=sales_world["b"], name=" фасад", quantity=Decimal("1.5"), price=Decimal("1333.47"))
    rep = build_report("sales", NOVEMBER.with_(option="product"), lang="en")
    # 2 × 250.05 = 500.10; 1.5 × 1333.47 = 2000.205 → 2000.20 (rounded like the deal card)
    assert rep.rows[0][:3] == ["Фасад", 2, Decimal("2500.30")]
    assert rep.rows[1][:3] == ["Монтаж", 1, Decimal("500.00")]
    assert rep.totals[:3] == ["Total", 2, Decimal("3000.30")]
    assert any("1 won deal(s) without product lines" in n for n in rep.notes)
    assert rep.columns[0].title == "Product" and "By product" in rep.filter_lines


def test_sales_every_filter_narrows_the_result(sales_world):
    def total(**kw):
        return build_report("sales", NOVEMBER.with_(**kw)).totals[2]
    assert total() == Decimal("3005.30")
    assert total(responsible_id=sales_world["anna"]) == Decimal("1005.10")
    assert total(region="москва") == Decimal("3000.30")          # city, case-insensitive in Cyrillic
    assert total(region="татарстан") == Decimal("5.00")          # region
    assert total(source="ЗВОНОК") == Decimal("5.00")             # the client's source counts too
    assert total(source="сайт") == Decimal("3005.30")
    add_tag([sales_world["kazan"]], "опт")
    assert total(tag_id=Tag.get(Tag.name == "опт").id) == Decimal("5.00")
    other = stages.create_pipeline("Опт")
    assert build_report("sales", NOVEMBER.with_(pipeline_id=other)).rows == []
    Client.update(deleted_at=datetime(2026, 12, 1)).where(Client.id == sales_world["kazan"]).execute()
    assert total() == Decimal("3000.30")                          # a trashed client's deals drop out
    Deal.update(deleted_at=datetime(2026, 12, 1)).where(Deal.id == sales_world["a"]).execute()
    assert total() == Decimal("2000.20")


def test_sales_empty_open_ended_and_bad_option(sales_world):
    rep = build_report("sales", Filters(date_from=date(2030, 1, 1), date_to=date(2030, 3, 31)), lang="en")
    assert rep.rows == [] and rep.totals is None and "No won deals in the period." in rep.notes
    rep = build_report("sales", Filters(option="responsible"), lang="en")   # all time: no previous period
    assert [c.key for c in rep.columns] == ["group", "deals", "amount"] and len(rep.chart.series) == 1
    assert rep.totals == ["Total", 6, Decimal("4804.35")]
    with pytest.raises(ValidationError):
        build_report("sales", NOVEMBER.with_(option="weather"))
    assert definition("sales").options[0] == "month"
