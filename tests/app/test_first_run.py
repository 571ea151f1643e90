"""The first start: a new database asks its welcome once; the answers are stored."""
from __future__ import annotations

import pytest

from app import settings
from app.client_bulk import trash_clients
from app.clients import ClientData, PhoneItem, create_client
from app.errors import ValidationError
from app.first_run import calling_code, company_name, finish_first_run, is_first_run
from app.phones import normalize


def test_a_fresh_database_is_a_first_run(db):
    assert is_first_run()


def test_finishing_stores_the_answers_and_ends_the_first_run(db):
    finish_first_run("  ИП   Иванов ", "kz")
    assert not is_first_run()
    assert company_name() == "ИП Иванов"
    assert settings.get("company_name") == "ИП Иванов"
    assert settings.phone_region() == "KZ"


def test_the_stored_region_is_the_one_phones_are_read_with(db):
    finish_first_run("", "BY")
    client = create_client(ClientData(name="Минск", phones=[PhoneItem("029 123-45-67")]))
    assert client.phones[0].e164 == normalize("029 123-45-67", "BY").e164 == "+375291234567"


def test_a_database_with_a_client_is_not_new(db):
    create_client(ClientData(name="Первый"))
    assert not is_first_run()


def test_a_client_in_the_trash_still_counts(db):
    client = create_client(ClientData(name="Удалённый"))
    trash_clients([client.id])
    assert not is_first_run()


@pytest.mark.parametrize("region", ["", "XX", "Russia"])
def test_an_unknown_region_is_refused_and_nothing_is_stored(db, region):
    with pytest.raises(ValidationError):
        finish_first_run("Ромашка", region)
    assert is_first_run()
    assert company_name() == ""
    assert settings.phone_region() == "RU"


def test_a_very_long_company_name_is_refused(db):
    with pytest.raises(ValidationError):
        finish_first_run("Я" * 201, "RU")
    assert is_first_run()


def test_calling_codes():
    assert calling_code("RU") == 7
    assert calling_code("de") == 49
    assert calling_code("XX") == 0
