"""The stuck / missed, forecast and client base reports, on a small hand-made database."""
from datetime import date, datetime
from decimal import Decimal

import pytest
from dateutil import tz

from app import recurrence
from app.client_bulk import add_tag
from app.clients import ClientData, ContactItem, create_client
from app.reports import client_base, forecast, stuck
from app.reports.base import Filters
from app.reports.plans import set_plan
from db.models import Activity, Client, Deal, Employee, Pipeline, Stage, Tag

MOSCOW = tz.gettz("Europe/Moscow")   # UTC+3 all year
TODAY = date(2027, 3, 10)            # reports are as of the end of this day (20:59:59 UTC)
MARCH = Filters(date_from=date(2027, 3, 1), date_to=date(2027, 3, 31))


@pytest.fixture
def moscow(db):
    recurrence.set_local_tz(MOSCOW)
    yield db
    recurrence.set_local_tz(None)


def _stage(name):
    return Stage.get(Stage.name == name)


def _deal(client, title, amount, stage="Запросили оценку", **kw):
    stage = _stage(stage) if isinstance(stage, str) else stage
    kw.setdefault("stage_entered_at", datetime(2027, 3, 1, 9, 0))
    kw.setdefault("created_at", datetime(2027, 3, 1, 9, 0))
    if stage.kind != "open":
        kw.setdefault("closed_at", kw["stage_entered_at"])
    return Deal.create(client=client, pipeline=stage.pipeline_id, stage=stage, title=title,
                       amount=Decimal(amount), **kw).id


def _plan(when, client=None, deal=None, emp=None, subject="Позвонить", kind="call_out"):
    return Activity.create(kind=kind, subject=subject, status="planned", planned_at=when,
                           client=client, deal=deal, responsible=emp).id


@pytest.fixture
def base(moscow):
    anna = Employee.create(name="Анна", role="manager").id
    boris = Employee.create(name="Борис", role="manager").id
    romashka = create_client(ClientData(name="ООО Ромашка", kind="company", city="Москва", source="Сайт",
                                        responsible_id=anna)).id
    lyutik = create_client(ClientData(name="ИП Лютиков", region="Татарстан", city="Казань", source="Выставка",
                                      responsible_id=boris)).id
    add_tag([lyutik], "опт")
    return {"anna": anna, "boris": boris, "romashka": romashka, "lyutik": lyutik,
            "tag": Tag.get(Tag.name == "опт").id}


def _build(module, flt=MARCH, lang="ru", **kw):
    return module.build(flt.with_(**kw), lang=lang, today=TODAY)


# -- stuck deals -------------------------------------------------------------------------------

@pytest.fixture
def stuck_deals(base):
    b = base
    # 9 days in a 7-day stage, something planned for the client: over the limit only
    b["old"] = _deal(b["romashka"], "Поставка", "1000.10", responsible=b["anna"])
    _plan(datetime(2027, 3, 20, 7, 0), client=b["romashka"])
    # 2 days in stage, nothing planned: stuck
    b["quiet"] = _deal(b["lyutik"], "Кухня", "2000.25", responsible=b["boris"],
                       stage_entered_at=datetime(2027, 3, 8, 9, 0))
    # 2 days in stage with a planned call: fine
    fine = _deal(b["romashka"], "Монтаж", "500", stage="Холодный", responsible=b["anna"],
                 stage_entered_at=datetime(2027, 3, 8, 9, 0))
    _plan(datetime(2027, 3, 12, 7, 0), deal=fine, client=b["romashka"])
    _deal(b["lyutik"], "Выиграна", "700", stage="Работа!", responsible=b["boris"])      # closed
    _deal(b["lyutik"], "В корзине", "900", responsible=b["boris"], deleted_at=datetime(2027, 3, 2))
    # created in February: out of the March period
    b["february"] = _deal(b["romashka"], "Старая", "300", stage="Холодный", responsible=b["anna"],
                          created_at=datetime(2027, 2, 1, 9, 0), stage_entered_at=datetime(2027, 2, 1, 9, 0))
    return b


def test_stuck_deals_with_days_limit_and_nothing_planned(stuck_deals):
    b = stuck_deals
    report = _build(stuck, Filters())
    rows = {r[0]: r for r in report.rows}
    assert set(rows) == {"Поставка", "Кухня", "Старая"}
    assert rows["Поставка"] == ["Поставка", "ООО Ромашка", "Запросили оценку", 9, 7, "20.03.2027", "Анна",
                                Decimal("1000.10")]
    assert rows["Кухня"][3:] == [2, 7, "нет", "Борис", Decimal("2000.25")]
    assert rows["Старая"][3:5] == [37, 30]   # over the 30-day limit of "Холодный"
    assert report.refs == [("deal", b["february"]), ("deal", b["old"]), ("deal", b["quiet"])]  # longest first
    assert report.totals[0] == "Итого: 3" and report.totals[-1] == Decimal("3300.35")
    assert report.chart.kind == "barh" and report.chart.categories == ["Анна", "Борис"]
    assert report.chart.series[0].values == [2.0, 1.0]


def test_stuck_deals_narrowed_by_each_filter(stuck_deals):
    b = stuck_deals
    titles = lambda **kw: sorted(r[0] for r in _build(stuck, **kw).rows)  # noqa: E731
    march = _build(stuck)
    assert titles() == ["Кухня", "Поставка"]   # "Старая" was created in February
    assert march.notes == ["Ещё зависших сделок, созданных вне периода: 1."]
    assert titles(responsible_id=b["boris"]) == ["Кухня"]
    assert titles(region="татарстан") == ["Кухня"] and titles(region="Москва") == ["Поставка"]
    assert titles(source="сайт") == ["Поставка"] and titles(tag_id=b["tag"]) == ["Кухня"]
    other = Pipeline.create(name="Опт", order=5)
    assert titles(pipeline_id=other.id) == []
    limited = _build(stuck, pipeline_id=other.id, lang="en")
    assert limited.rows == [] and limited.chart is None
    assert limited.notes == ["No stuck deals for the chosen filters."]


# -- missed contacts ---------------------------------------------------------------------------

def test_missed_contacts_and_overdue_activities(base):
    b = base
    Client.update(next_contact_at=datetime(2027, 3, 5, 7, 0)).where(Client.id == b["romashka"]).execute()
    Client.update(next_contact_at=datetime(2027, 3, 11, 7, 0)).where(Client.id == b["lyutik"]).execute()
    task = _plan(datetime(2027, 3, 8, 6, 0), client=b["lyutik"], emp=b["boris"], subject="Счёт", kind="task")
    _plan(datetime(2027, 3, 12, 6, 0), client=b["lyutik"], emp=b["boris"])     # not due yet
    _plan(datetime(2027, 2, 20, 6, 0), emp=b["anna"], subject="Отчёт", kind="task")   # no client
    report = _build(stuck, Filters(), option="missed")
    assert report.rows == [
        ["—", "Задача: Отчёт", date(2027, 2, 20), 18, "Анна"],
        ["ООО Ромашка", "Следующий контакт", date(2027, 3, 5), 5, "Анна"],
        ["ИП Лютиков", "Задача: Счёт", date(2027, 3, 8), 2, "Борис"],
    ]
    assert report.refs == [None, ("client", b["romashka"]), ("client", b["lyutik"])]
    assert report.title == "Зависшие сделки и пропущенные контакты"
    assert report.chart.categories == ["Анна", "Борис"] and report.chart.series[0].values == [2.0, 1.0]
    # filters: the period (planned day), responsible, a client filter drops the one without a client
    assert len(_build(stuck, option="missed").rows) == 2
    assert _build(stuck, option="missed").notes == ["Ещё пропущенных контактов, запланированных вне периода: 1."]
    assert [r[1] for r in _build(stuck, Filters(), option="missed", responsible_id=b["boris"]).rows] == [
        "Задача: Счёт"]
    assert [r[0] for r in _build(stuck, Filters(), option="missed", region="Москва").rows] == ["ООО Ромашка"]
    assert [r[0] for r in _build(stuck, Filters(), option="missed", tag_id=b["tag"]).rows] == ["ИП Лютиков"]
    Activity.update(status="done", done_at=datetime(2027, 3, 9)).where(Activity.id == task).execute()
    english = _build(stuck, Filters(), lang="en", option="missed", source="выставка")
    assert english.rows == [] and english.notes == ["No missed contacts for the chosen filters."]


# -- forecast ----------------------------------------------------------------------------------

def test_weighted_pipeline_by_expected_close_month(base):
    b = base
    _deal(b["romashka"], "A", "1000.00", expected_close=date(2027, 3, 15))                   # 20 %
    _deal(b["romashka"], "B", "333.33", probability=33, expected_close=date(2027, 3, 31))   # own 33 %
    _deal(b["lyutik"], "C", "500.50", stage="Обсуждаем условия", probability=50,
          expected_close=date(2027, 4, 2))
    _deal(b["lyutik"], "D", "100.01", stage="Холодный")                                     # 5 %, no date
    _deal(b["lyutik"], "E", "1.00", stage="Холодный", expected_close=date(2027, 3, 1))      # overdue
    _deal(b["lyutik"], "Won", "9999", stage="Работа!", expected_close=date(2027, 3, 2))
    report = _build(forecast, Filters())
    assert report.rows == [
        ["Март 2027", 3, Decimal("1334.33"), Decimal("310.05")],   # 200 + 109.9989 + 0.05
        ["Апрель 2027", 1, Decimal("500.50"), Decimal("250.25")],
        ["Без даты", 1, Decimal("100.01"), Decimal("5.00")],       # 5.0005 → 5.00
    ]
    assert report.totals == ["Итого", 5, Decimal("1934.84"), Decimal("565.30")]
    assert report.notes == ["Открытых сделок с прошедшей датой закрытия: 1."]
    assert report.chart.kind == "bar" and report.chart.categories[-1] == "Без даты"
    march = _build(forecast, date_from=date(2027, 3, 2))
    assert [r[0] for r in march.rows] == ["Март 2027", "Без даты"] and march.rows[0][1] == 2
    assert [r[0] for r in _build(forecast, Filters(), region="Москва").rows] == ["Март 2027"]
    assert [r[1] for r in _build(forecast, Filters(), responsible_id=b["boris"]).rows] == []
    english = _build(forecast, Filters(), lang="en", tag_id=b["tag"])
    assert [r[0] for r in english.rows] == ["March 2027", "April 2027", "No date"]
    assert english.columns[3].title == "Weighted by probability"


def test_revenue_plan_against_won_deals_per_manager_and_month(base):
    b = base
    set_plan(b["anna"], "2027-03", "revenue", "100000")
    set_plan(b["boris"], "2027-03", "revenue", "50000")
    won = dict(stage="Работа!")
    _deal(b["romashka"], "Late March", "30000.10", responsible=b["anna"],
          stage_entered_at=datetime(2027, 3, 31, 20, 30), **won)                    # 23:30 MSK 31 Mar
    _deal(b["romashka"], "April", "5000", responsible=b["anna"],
          stage_entered_at=datetime(2027, 3, 31, 21, 30), **won)                    # 00:30 MSK 1 Apr
    _deal(b["lyutik"], "Boris", "60000", responsible=b["boris"], stage_entered_at=datetime(2027, 3, 3), **won)
    _deal(b["lyutik"], "Open", "777", responsible=b["boris"])
    report = _build(forecast, option="plan")
    assert report.rows == [
        ["Анна", "Март 2027", Decimal("100000.00"), Decimal("30000.10"), Decimal("30.0"), 1],
        ["Борис", "Март 2027", Decimal("50000.00"), Decimal("60000.00"), Decimal("120.0"), 1],
    ]
    assert report.totals == ["Итого", "", Decimal("150000.00"), Decimal("90000.10"), Decimal("60.0"), 2]
    assert report.chart.categories == ["Анна", "Борис"]
    spring = _build(forecast, Filters(date_from=date(2027, 3, 1), date_to=date(2027, 4, 30)), option="plan")
    assert spring.rows[1] == ["Анна", "Апрель 2027", None, Decimal("5000.00"), None, 1]
    assert spring.chart.categories[1] == "Анна, Апрель 2027"
    assert [r[0] for r in _build(forecast, option="plan", responsible_id=b["boris"]).rows] == ["Борис"]
    by_region = _build(forecast, option="plan", region="Москва")
    assert by_region.rows[1][3] == Decimal("0.00") and by_region.notes
    empty = _build(forecast, Filters(date_from=date(2026, 1, 1), date_to=date(2026, 1, 31)), option="plan")
    assert empty.rows == [] and empty.notes == ["Нет ни планов, ни выигранных сделок по выбранным условиям."]


# -- the client base ---------------------------------------------------------------------------

def test_new_clients_per_month_and_by_source(moscow):
    anna = Employee.create(name="Анна", role="manager").id

    def client(name, created, **kw):
        cid = create_client(ClientData(name=name, **kw)).id
        Client.update(created_at=created).where(Client.id == cid).execute()
        return cid

    client("Новый год", datetime(2026, 12, 31, 21, 30), source="Сайт")         # 00:30 MSK, 1 Jan
    client("Январь", datetime(2027, 1, 20, 9, 0), source="сайт ", city="Казань", responsible_id=anna)
    client("Март", datetime(2027, 3, 31, 20, 30), source="Реклама", segment="Опт")  # 23:30 MSK
    client("Апрель", datetime(2027, 3, 31, 21, 30), source="Реклама")           # 00:30 MSK, 1 Apr
    client("Без источника", datetime(2027, 1, 5, 9, 0))
    client("Удалён", datetime(2027, 1, 6, 9, 0), source="Сайт", )
    Client.update(deleted_at=datetime(2027, 2, 1)).where(Client.name == "Удалён").execute()
    quarter = Filters(date_from=date(2027, 1, 1), date_to=date(2027, 3, 31))
    report = _build(client_base, quarter)
    assert report.rows == [["Январь 2027", 3], ["Февраль 2027", 0], ["Март 2027", 1]]
    assert report.totals == ["Итого", 4] and report.chart.series[0].values == [3.0, 0.0, 1.0]
    sources = _build(client_base, quarter, option="source")
    assert sources.rows == [["Сайт", 2, Decimal("50.0")], ["Реклама", 1, Decimal("25.0")],
                            ["(не указан)", 1, Decimal("25.0")]]
    assert _build(client_base, quarter, option="segment").rows[0] == ["Опт", 1, Decimal("25.0")]
    assert _build(client_base, quarter, option="city", lang="en").rows[-1] == ["(not set)", 3, Decimal("75.0")]
    assert _build(client_base, quarter, responsible_id=anna).rows == [["Январь 2027", 1], ["Февраль 2027", 0],
                                                                     ["Март 2027", 0]]
    assert _build(client_base, quarter, region="казань").totals[1] == 1
    assert _build(client_base, quarter, source="РЕКЛАМА").totals[1] == 1
    empty = _build(client_base, Filters(date_from=date(2026, 6, 1), date_to=date(2026, 6, 30)), lang="en")
    assert empty.rows == [] and empty.notes == ["No new clients for the chosen filters."]


def test_birthdays_of_clients_and_contact_persons(base):
    b = base
    ivan = create_client(ClientData(name="Иванов Иван", birthday=date(1990, 3, 15), city="Москва")).id
    create_client(ClientData(name="Високосный", birthday=date(2000, 2, 29)))
    company = create_client(ClientData(name="ООО Весна", kind="company", region="Татарстан", responsible_id=b["boris"],
                                       contacts=[ContactItem(name="Петрова Анна", birthday=date(1985, 3, 1))])).id
    gone = create_client(ClientData(name="В корзине", birthday=date(1980, 3, 2)))
    Client.update(deleted_at=datetime(2027, 1, 1)).where(Client.id == gone.id).execute()
    report = _build(client_base, Filters(), option="birthdays")   # no period: this month
    assert report.rows == [[date(2027, 3, 1), "Петрова Анна", "Контактное лицо", "ООО Весна", 42],
                           [date(2027, 3, 15), "Иванов Иван", "Клиент", "", 37]]
    assert report.refs == [("client", company), ("client", ivan)]
    assert report.filter_lines == ["Дни рождения: 01.03.2027 – 31.03.2027"]
    assert [r[1] for r in _build(client_base, Filters(), option="birthdays", region="татарстан").rows] == [
        "Петрова Анна"]
    assert [r[1] for r in _build(client_base, Filters(), option="birthdays", responsible_id=b["boris"]).rows] == [
        "Петрова Анна"]
    february = _build(client_base, Filters(date_from=date(2027, 2, 1), date_to=date(2027, 2, 28)),
                      option="birthdays")
    assert february.rows == [[date(2027, 2, 28), "Високосный", "Клиент", "", 27]]
    assert "Дней рождения в этом месяце: 2 (см. «Дни рождения»)." in _build(client_base).notes
    none = _build(client_base, Filters(date_from=date(2027, 6, 1), date_to=date(2027, 6, 30)),
                  option="birthdays", lang="en")
    assert none.rows == [] and none.notes == ["No birthdays in these days."]


def test_every_report_and_option_on_an_empty_database(moscow):
    for module in (stuck, forecast, client_base):
        for option in module.DEFINITION.options:
            for lang in ("ru", "en"):
                report = _build(module, lang=lang, option=option)
                assert report.rows == [] and report.totals is None and report.chart is None
                assert len(report.notes) == 1 and report.columns
                assert report.title == module.DEFINITION.title(lang)


def test_an_unknown_option_is_a_clear_error(moscow):
    from app.errors import ValidationError
    from app.reports import activity
    for module in (activity, stuck, forecast, client_base):
        with pytest.raises(ValidationError):
            _build(module, option="nonsense")
