"""Campaigns: the CRUD with undo, bulk "set campaign", and the report on a hand-made
database whose figures are worked out by hand (Moscow time, UTC+3)."""
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from dateutil import tz

from app import campaigns, deals, recurrence
from app.client_bulk import trash_clients
from app.clients import ClientData, create_client, load_client
from app.reports import build_report
from app.reports.base import Filters
from app.reports.xlsx import write_report_xlsx
from db.models import Client, Deal

D = Decimal
NOVEMBER = Filters(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))


@pytest.fixture
def world(db):
    recurrence.set_local_tz(tz.gettz("Europe/Moscow"))
    won = deals.stages()[7]
    new = campaigns.CampaignData
    expo = campaigns.create_campaign(new("Выставка", "exhibition", date(2026, 11, 1), date(2026, 11, 10), D("30000")))
    direct = campaigns.create_campaign(new("Яндекс Директ", "ads", cost=D("10000.50")))
    campaigns.create_campaign(new("Старая рассылка", "mailing", date(2026, 1, 1), date(2026, 2, 1), D("500")))
    free = campaigns.create_campaign(new("Сарафан", "referral", date(2026, 10, 1), None, D("0")))

    def client(name, campaign, created):
        cid = create_client(ClientData(name=name, campaign_id=campaign)).id
        Client.update(created_at=created).where(Client.id == cid).execute()
        return cid

    def deal(cid, amount, created, closed=None, campaign=None):
        did = deals.create_deal(cid, "Сделка", amount)
        values = dict(created_at=created, campaign=campaign)
        if closed:
            values.update(stage=won.id, closed_at=closed)
        Deal.update(**values).where(Deal.id == did).execute()

    a1 = client("А1", expo, datetime(2026, 11, 2, 9))
    a2 = client("А2", expo, datetime(2026, 11, 3, 9))
    client("А3", expo, datetime(2026, 10, 31, 22))            # November 1st in Moscow: counts
    client("А-октябрь", expo, datetime(2026, 10, 5))           # before the period
    trash_clients([client("А-корзина", expo, datetime(2026, 11, 5))])
    b1 = client("Б1", direct, datetime(2026, 11, 4))
    b2 = client("Б2", direct, datetime(2026, 11, 6))
    nobody = client("Без кампании", None, datetime(2026, 11, 7))
    deal(a1, "50000", datetime(2026, 11, 5), closed=datetime(2026, 11, 20))
    deal(a2, "1200", datetime(2026, 11, 6))                                                # open
    deal(b1, "1000.25", datetime(2026, 10, 1), closed=datetime(2026, 11, 25), campaign=expo)  # its own campaign
    deal(b2, "7000", datetime(2026, 11, 2), closed=datetime(2026, 11, 12))
    deal(b2, "9999", datetime(2026, 11, 2), closed=datetime(2026, 11, 30, 21, 30))         # December 1st in Moscow
    deal(nobody, "123", datetime(2026, 11, 2), closed=datetime(2026, 11, 12))
    yield {"expo": expo, "direct": direct, "free": free, "a1": a1, "b1": b1}
    recurrence.set_local_tz(None)


def roi(revenue, cost):
    return ((revenue - cost) * 100 / cost).quantize(D("0.01"), ROUND_HALF_UP)


def test_report_rows_are_worked_out_by_hand(world):
    report = build_report("campaigns", NOVEMBER)
    assert [c.key for c in report.columns] == ["campaign", "channel", "leads", "deals", "won", "revenue", "cost",
                                               "cost_per_lead", "roi"]
    assert report.rows == [
        ["Выставка", "Выставка", 3, 2, 2, D("51000.25"), D("30000.00"), D("10000.00"), roi(D("51000.25"), D("30000"))],
        ["Яндекс Директ", "Реклама", 2, 2, 1, D("7000.00"), D("10000.50"), D("5000.25"), roi(D("7000"), D("10000.50"))],
        ["Сарафан", "Рекомендации", 0, 0, 0, D("0.00"), D("0.00"), None, None],
    ]
    assert report.rows[0][8] == D("70.00") and report.rows[1][8] == D("-30.00")


def test_totals_are_the_sums_of_the_rows_and_roi_is_exact(world):
    report = build_report("campaigns", NOVEMBER, lang="en")
    rows, totals = report.rows, report.totals
    assert totals[0] == "Total"
    for i in (2, 3, 4, 5, 6):
        assert totals[i] == sum(r[i] for r in rows)
    assert totals[5] == D("58000.25") and totals[6] == D("40000.50")
    assert totals[7] == (D("40000.50") / 5).quantize(D("0.01"), ROUND_HALF_UP) == D("8000.10")
    assert totals[8] == roi(D("58000.25"), D("40000.50")) == D("45.00")
    assert report.chart.kind == "bar" and report.chart.categories == [r[0] for r in rows]
    assert [s.values for s in report.chart.series] == [[51000.25, 7000.0, 0.0], [30000.0, 10000.5, 0.0]]


def test_report_filters_and_output(world, tmp_path):
    whole_year = build_report("campaigns", Filters(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31)))
    assert "Старая рассылка" in [r[0] for r in whole_year.rows]
    empty = build_report("campaigns", Filters(date_from=date(2020, 1, 1), date_to=date(2020, 1, 31)))
    assert empty.rows == [] and empty.totals is None
    write_report_xlsx(build_report("campaigns", NOVEMBER), tmp_path / "c.xlsx", "ru")
    assert (tmp_path / "c.xlsx").stat().st_size > 0


def test_crud_validation_and_undo(world):
    with pytest.raises(campaigns.CampaignNameTakenError):
        campaigns.create_campaign(campaigns.CampaignData("  выставка "))
    with pytest.raises(campaigns.CampaignNameError):
        campaigns.create_campaign(campaigns.CampaignData(" "))
    with pytest.raises(campaigns.CampaignDatesError):
        campaigns.create_campaign(campaigns.CampaignData("Х", starts_on=date(2026, 5, 2), ends_on=date(2026, 5, 1)))
    with pytest.raises(campaigns.CampaignCostError):
        campaigns.create_campaign(campaigns.CampaignData("Х", cost="-5"))
    data = campaigns.get_campaign(world["expo"])
    data.cost, data.name = D("31000"), "Выставка «Стройка»"
    before = campaigns.update_campaign(data)
    assert before.cost == D("30000.00") and campaigns.get_campaign(world["expo"]).name == "Выставка «Стройка»"
    assert campaigns.find_by_name("выставка «стройка»") == world["expo"]

    snapshot = campaigns.delete_campaign(world["expo"])
    assert load_client(world["a1"]).campaign_id is None
    assert Deal.get(Deal.client == world["b1"]).campaign_id is None
    campaigns.restore_campaign(snapshot)
    assert load_client(world["a1"]).campaign_id == world["expo"]
    assert Deal.get(Deal.client == world["b1"]).campaign_id == world["expo"]
    assert campaigns.get_campaign(world["expo"]).cost == D("31000.00")


def test_bulk_set_campaign_and_undo(world):
    previous = campaigns.set_client_campaign([world["a1"], world["b1"]], world["free"])
    assert {load_client(i).campaign_id for i in (world["a1"], world["b1"])} == {world["free"]}
    campaigns.restore_client_campaign(previous)
    assert load_client(world["a1"]).campaign_id == world["expo"]
    assert load_client(world["b1"]).campaign_id == world["direct"]
