"""The client list's reading side: ids for a filter and sort, rows for a page."""
from datetime import datetime, timedelta

import pytest

from app.client_bulk import add_tag, trash_clients
from app.client_list import (NOBODY, ClientFilter, client_count, client_ids, client_rows,
                             filter_choices)
from app.clients import ClientData, PhoneItem, create_client
from db.models import Employee, utcnow


@pytest.fixture
def clients(db):
    anna = Employee.create(name="Анна", role="manager")
    now = utcnow()
    made = {
        "yo": create_client(ClientData(name="Ёлкин", city="Тюмень", status="active",
                                       phones=[PhoneItem("12-34"), PhoneItem("8 916 555-12-34")],
                                       next_contact_at=now - timedelta(days=1))),
        "b": create_client(ClientData(name="Белов", city="Омск", region="Омская обл.", segment="опт",
                                      emails=["b@x.ru"], responsible_id=anna.id,
                                      next_contact_at=now + timedelta(days=1))),
        "a": create_client(ClientData(name="Андреев", city="Тюмень", status="refused",
                                      refusal_reason="цена")),
        "e": create_client(ClientData(name="егоров", status="active")),
    }
    add_tag([made["b"].id, made["e"].id], "VIP")
    trash = create_client(ClientData(name="Удалённый"))
    trash_clients([trash.id])
    ids = {k: v.id for k, v in made.items()}
    ids["trash"] = trash.id
    ids["anna"] = anna.id
    return ids


def test_sorted_by_folded_name_with_yo_as_ye(clients):
    assert client_ids() == [clients[k] for k in ("a", "b", "e", "yo")]
    assert client_ids(sort="name", descending=True) == [clients[k] for k in ("yo", "e", "b", "a")]


def test_next_contact_sort_puts_empty_dates_last(clients):
    assert client_ids(sort="next_contact")[:2] == [clients["yo"], clients["b"]]
    assert client_ids(sort="next_contact", descending=True)[:2] == [clients["b"], clients["yo"]]


def test_sort_by_responsible_name(clients):
    owner_first = client_ids(sort="responsible")
    assert owner_first[0] == clients["b"]  # "Анна" before "Владелец"


@pytest.mark.parametrize("flt, expected", [
    (ClientFilter(status="active"), {"yo", "e"}),
    (ClientFilter(place="Омская обл."), {"b"}),
    (ClientFilter(place="Тюмень"), {"yo", "a"}),
    (ClientFilter(segment="опт"), {"b"}),
    (ClientFilter(tag="VIP"), {"b", "e"}),
    (ClientFilter(overdue=True), {"yo"}),
    (ClientFilter(text="елкин"), {"yo"}),
    (ClientFilter(text="+7 (916) 555 1234"), {"yo"}),
    (ClientFilter(text="тюм", status="refused"), {"a"}),
    (ClientFilter(trash=True), {"trash"}),
])
def test_filters(clients, flt, expected):
    assert set(client_ids(flt)) == {clients[k] for k in expected}


def test_responsible_filter_and_nobody(clients):
    assert client_ids(ClientFilter(responsible_id=clients["anna"])) == [clients["b"]]
    assert client_ids(ClientFilter(responsible_id=NOBODY)) == []


def test_rows_carry_first_own_phone_email_and_tags(clients):
    rows = client_rows([clients["yo"], clients["b"]])
    yo, b = rows[clients["yo"]], rows[clients["b"]]
    assert (yo.phone_raw, yo.phone_valid, yo.phone_e164) == ("12-34", False, None)
    assert yo.responsible == "Владелец" and isinstance(yo.next_contact_at, datetime)
    assert b.email == "b@x.ru" and b.tags == ["VIP"] and b.responsible == "Анна"


def test_counts_and_choices(clients):
    assert client_count() == 4 and client_count(trash=True) == 1
    choices = filter_choices()
    assert choices.tags == ["VIP"]
    assert choices.places == ["Омск", "Омская обл.", "Тюмень"]
    assert choices.segments == ["опт"]
    assert [name for _, name in choices.employees] == ["Анна", "Владелец"]


def test_sample_client_is_the_one_with_most_activities(clients):
    from app.activities import ActivityData, log_activity
    from app.client_list import sample_client_id
    assert sample_client_id() == clients["yo"]  # no activities yet: the first client
    for _ in range(2):
        log_activity(ActivityData(kind="call_out", client_id=clients["b"]))
    log_activity(ActivityData(kind="note", client_id=clients["a"]))
    assert sample_client_id() == clients["b"]


def test_rows_carry_the_colour_of_the_most_advanced_open_deal(db):
    from app import deals
    from app.clients import ClientData, create_client
    from app.client_list import client_rows
    from app.funnel import STATUS_COLORS
    stages = deals.stages()
    with_deal = create_client(ClientData(name="С двумя сделками")).id
    without = create_client(ClientData(name="Без сделок", status="active")).id
    deals.create_deal(with_deal, "a", 1, stage_id=stages[1].id)
    deals.create_deal(with_deal, "b", 1, stage_id=stages[5].id)
    rows = client_rows([with_deal, without])
    assert rows[with_deal].color == stages[5].color
    assert rows[without].color == STATUS_COLORS["active"]
