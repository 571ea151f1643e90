"""Segments: each condition selects exactly the clients an independent SQL query (or,
for the A-class, the ABC report itself) finds, and a saved segment stays live."""
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from dateutil import tz

from app import deals, recurrence, segments
from app.client_bulk import add_tag, trash_clients
from app.client_list import ClientFilter, client_ids
from app.clients import ClientData, create_client
from app.custom_fields import add_field
from app.errors import ValidationError
from app.reports import build_report
from app.reports.base import Filters
from db.sql import is_postgres, portable
from db.models import Campaign, Client, CustomFieldValue, Deal, database_proxy

NOW = datetime(2026, 11, 15, 12, 0)   # UTC; 15:00 in Moscow


@pytest.fixture
def world(db):
    recurrence.set_local_tz(tz.gettz("Europe/Moscow"))
    stages = deals.stages()
    won, lost = stages[7], stages[8]
    expo = Campaign.create(name="Выставка 2026", channel="exhibition", cost=Decimal("1000"))
    field = add_field("client", "Отрасль", "choice", ["Стройка", "Торговля"])
    names = ("recent", "old_buyer", "deleted_deal", "lost_comp", "lost_plain", "stale", "never_old",
             "never_new", "bday", "bday_dec", "campaign", "trashed")
    ids = {n: create_client(ClientData(name=n.title(), city="Омск")).id for n in names}
    Client.update(created_at=NOW - timedelta(days=30)).execute()

    def deal(who, stage, closed, amount=100, competitor="", deleted=None):
        Deal.create(client=ids[who], pipeline=stage.pipeline_id, stage=stage.id, title="Сделка", amount=amount,
                    closed_at=closed, competitor=competitor, deleted_at=deleted)

    deal("recent", won, NOW - timedelta(days=40), 10000)
    deal("old_buyer", won, datetime(2026, 3, 1), 500)
    deal("deleted_deal", won, NOW - timedelta(days=3), 900, deleted=NOW)
    deal("lost_comp", lost, NOW - timedelta(days=10), competitor="Рога и копыта")
    deal("lost_plain", lost, NOW - timedelta(days=10))
    deal("trashed", won, NOW - timedelta(days=1), 50, competitor="Рога и копыта")
    deal("trashed", lost, NOW - timedelta(days=1), competitor="Рога и копыта")
    for who, when in (("recent", NOW - timedelta(days=5)), ("stale", NOW - timedelta(days=100)),
                      ("trashed", NOW - timedelta(days=100))):
        Client.update(last_contact_at=when).where(Client.id == ids[who]).execute()
    Client.update(created_at=NOW - timedelta(days=200)).where(Client.id.in_([ids["never_old"], ids["trashed"]])).execute()
    Client.update(created_at=NOW - timedelta(days=2)).where(Client.id == ids["never_new"]).execute()
    Client.update(birthday=date(1990, 11, 20)).where(Client.id.in_([ids["bday"], ids["trashed"]])).execute()
    Client.update(birthday=date(1985, 12, 1)).where(Client.id == ids["bday_dec"]).execute()
    Client.update(campaign=expo.id, source="Выставка").where(Client.id.in_([ids["campaign"], ids["trashed"]])).execute()
    CustomFieldValue.create(field=field, client=ids["stale"], value="Стройка")
    add_tag([ids["recent"], ids["stale"]], "VIP")
    trash_clients([ids["trashed"]])
    yield {"ids": ids, "campaign": expo.id, "field": field}
    recurrence.set_local_tz(None)


def sql_ids(sql: str, *params) -> set[int]:
    """Live clients found by plain SQL (the independent side of each comparison)."""
    query = portable(f"SELECT c.id FROM client c WHERE c.deleted_at IS NULL AND c.id IN ({sql})")
    return {row[0] for row in database_proxy.execute_sql(query, params).fetchall()}


def members(definition) -> set[int]:
    return {i for (i,) in segments.members_query(definition, NOW).tuples()}


def names(world, found: set[int]) -> set[str]:
    return {n for n, i in world["ids"].items() if i in found}


def test_bought_in_the_last_months(world):
    expected = sql_ids("SELECT d.client_id FROM deal d JOIN stage s ON s.id = d.stage_id "
                       "WHERE s.kind = 'won' AND d.deleted_at IS NULL AND d.closed_at >= ?", "2026-08-15 12:00:00")
    assert members({"bought_months": 3}) == expected
    assert names(world, expected) == {"recent"}
    assert names(world, members({"bought_months": 12})) == {"recent", "old_buyer"}


def test_no_contact_for_days(world):
    cutoff = "2026-09-16 12:00:00"   # 60 days before NOW
    expected = sql_ids("SELECT id FROM client WHERE (last_contact_at IS NOT NULL AND last_contact_at < ?) "
                       "OR (last_contact_at IS NULL AND created_at < ?)", cutoff, cutoff)
    assert members({"no_contact_days": 60}) == expected
    assert names(world, expected) == {"stale", "never_old"}


def test_lost_to_a_competitor(world):
    expected = sql_ids("SELECT d.client_id FROM deal d JOIN stage s ON s.id = d.stage_id "
                       "WHERE s.kind = 'lost' AND d.deleted_at IS NULL AND d.competitor <> ''")
    assert members({"lost_to_competitor": True}) == expected
    assert names(world, expected) == {"lost_comp"}


def test_birthday_this_month(world):
    month = "EXTRACT(MONTH FROM birthday)" if is_postgres() else "CAST(strftime('%m', birthday) AS INTEGER)"
    expected = sql_ids(f"SELECT id FROM client WHERE {month} = 11")
    assert members({"birthday_this_month": True}) == expected
    assert names(world, expected) == {"bday"}


def test_a_class_is_the_abc_reports_class_a(world):
    report = build_report("abc", Filters(date_from=date(2025, 11, 16), date_to=date(2026, 11, 15)))
    a_names = {row[0] for row in report.rows if row[-1] == "A"}
    assert a_names == {"Recent"}
    assert names(world, members({"abc_a": True, "abc_months": 12})) == {"recent"}
    # all time: the same two buyers, the biggest one alone in class A
    assert names(world, members({"abc_a": True})) == {"recent"}


def test_campaign_source_and_custom_field(world):
    expected = sql_ids("SELECT id FROM client WHERE campaign_id = ?", world["campaign"])
    assert members({"campaign_id": world["campaign"]}) == expected == {world["ids"]["campaign"]}
    assert members({"source": "  выставка "}) == expected
    in_building = sql_ids("SELECT client_id FROM custom_field_value WHERE field_id = ? AND value = ?",
                          world["field"], "Стройка")
    assert members({"custom": {str(world["field"]): "стройка"}}) == in_building == {world["ids"]["stale"]}


def test_list_filters_and_behaviour_combine(world):
    both = members({"tag": "VIP", "no_contact_days": 60})
    assert names(world, both) == {"stale"}
    assert names(world, members({"text": "recent", "bought_months": 3})) == {"recent"}
    assert members({"place": "Омск", "lost_to_competitor": True}) == {world["ids"]["lost_comp"]}


def test_saved_segment_is_live_and_filters_the_client_list(world):
    sid = segments.save_segment("Купили недавно", {"bought_months": 3})
    assert segments.count(segments.get_segment(sid).definition) >= 1
    listed = set(client_ids(ClientFilter(segment_id=sid), now=NOW))
    assert listed == members({"bought_months": 3})
    stages = deals.stages()
    Deal.create(client=world["ids"]["stale"], pipeline=stages[7].pipeline_id, stage=stages[7].id, title="Ещё",
                amount=1, closed_at=NOW - timedelta(days=1))
    assert world["ids"]["stale"] in set(client_ids(ClientFilter(segment_id=sid), now=NOW))


def test_save_update_delete_and_undo(world):
    sid = segments.save_segment("  Именинники ", {"birthday_this_month": True, "tag": ""})
    assert [(s.name, s.definition) for s in segments.list_segments()] == [("Именинники", {"birthday_this_month": True})]
    with pytest.raises(segments.SegmentNameTakenError):
        segments.save_segment("именинники", {"bought_months": 1})
    before = segments.update_segment(sid, name="Дни рождения", definition={"birthday_this_month": True, "tag": "VIP"})
    assert before.name == "Именинники"
    assert segments.get_segment(sid).definition == {"birthday_this_month": True, "tag": "VIP"}
    Campaign.update(segment_id=sid).execute()
    snapshot = segments.delete_segment(sid)
    assert segments.list_segments() == []
    assert client_ids(ClientFilter(segment_id=sid)) == []
    assert Campaign.get().segment_id is None
    segments.restore_segment(snapshot)
    assert segments.get_segment(sid).name == "Дни рождения"
    assert Campaign.get().segment_id == sid


@pytest.mark.parametrize("definition, error", [
    ({}, segments.SegmentEmptyError),
    ({"tag": "  ", "overdue": False}, segments.SegmentEmptyError),
    ({"bought_months": 0.5}, ValidationError),
    ({"no_contact_days": "много"}, ValidationError),
    ({"bought_months": 500}, ValidationError),
    ({"favourite_colour": "red"}, ValidationError),
    ({"campaign_id": 999}, segments.SegmentGoneError),
    ("not json", ValidationError),
])
def test_bad_definitions_are_refused_with_a_reason(world, definition, error):
    with pytest.raises(error) as caught:
        segments.save_segment("Плохой", definition)
    assert caught.value.plain()
    assert segments.list_segments() == []


def test_blank_name_is_refused(world):
    with pytest.raises(segments.SegmentNameError):
        segments.save_segment("   ", {"bought_months": 1})
