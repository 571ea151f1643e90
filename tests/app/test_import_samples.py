"""The sample files of the issue import as expected.json says; undo puts everything back."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.importer import import_file, undo_import
from db.models import Client, Deal, Email, ImportBatch, Phone

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def _phones() -> list[str]:
    return sorted(p.e164 for p in Phone.select() if p.e164)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_imports_as_expected(db, name):
    result = import_file(SAMPLES / name)
    assert result.created == EXPECTED[name]["clients"]
    assert Client.select().count() == EXPECTED[name]["clients"]
    assert _phones() == sorted(EXPECTED[name]["phones_e164"])
    assert ImportBatch.get_by_id(result.batch).created == EXPECTED[name]["clients"]


def test_shop_duplicate_row_is_merged_into_the_first(db):
    result = import_file(SAMPLES / "shop_clients.xlsx")
    assert (result.rows, result.created, result.merged, result.skipped) == (5, 4, 1, 0)
    gromova = Client.get(Client.name == "Громова Ольга Викторовна")
    assert sorted(p.e164 for p in gromova.phones) == ["+73452556677", "+79221234567"]
    assert "похоже, дубль" in gromova.notes and "любит скидки" in gromova.notes
    assert gromova.last_contact_at.date().isoformat() == "2020-02-05"
    assert Deal.get(Deal.client == gromova).stage.name == "Интересуется"
    assert Client.get(Client.name.contains("Стройдом")).kind == "company"


def test_zaitsev_keeps_raw_phone_and_bad_email_with_warnings(db):
    result = import_file(SAMPLES / "shop_clients.xlsx")
    zaitsev = Client.get(Client.name == "Зайцев")
    phone = Phone.get(Phone.client == zaitsev)
    assert (phone.raw, phone.e164, phone.valid) == ("12345", None, False)
    email = Email.get(Email.client == zaitsev)
    assert (email.address, email.valid) == ("zaitsev(at)mail.ru", False)
    messages = [w["message"] for w in result.warnings if w["row"] == 7]
    assert any("12345" in m for m in messages)
    assert any("zaitsev(at)mail.ru" in m for m in messages)


def test_1c_csv_second_row_merges_by_inn_and_phone(db):
    result = import_file(SAMPLES / "counterparties_1c.csv")
    client = Client.get()
    assert (client.name, client.inn, client.kind) == ('ООО "Ромб"', "7728168971", "company")
    assert [e.address for e in client.emails] == ["romb@romb.ru"]
    assert result.merged == 1


def test_vcard_sample(db):
    import_file(SAMPLES / "contacts.vcf")
    client = Client.get()
    assert client.name == "Артём Фомин" and client.kind == "person"


def test_dry_run_writes_nothing(db):
    result = import_file(SAMPLES / "shop_clients.xlsx", dry_run=True)
    assert result.batch is None and result.created == 4
    assert Client.select().count() == 0 and ImportBatch.select().count() == 0


def test_second_import_merges_into_existing_clients_and_undo_restores(db):
    first = import_file(SAMPLES / "shop_clients.xlsx")
    gromova = Client.get(Client.name == "Громова Ольга Викторовна")
    Client.update(city="").where(Client.id == gromova.id).execute()
    again = import_file(SAMPLES / "shop_clients.xlsx")
    assert (again.created, again.merged) == (0, 5)
    assert Client.select().count() == 4
    undo_import(again.batch)
    assert Client.select().count() == 4
    undo_import(first.batch)
    assert Client.select().count() == 0 and Phone.select().count() == 0 and Deal.select().count() == 0


@pytest.mark.parametrize("policy, created, skipped", [("skip", 0, 5), ("create", 5, 0)])
def test_duplicate_policy_for_rows_already_in_the_database(db, policy, created, skipped):
    import_file(SAMPLES / "shop_clients.xlsx")
    result = import_file(SAMPLES / "shop_clients.xlsx", on_duplicate=policy)
    assert (result.created, result.skipped) == (created, skipped)
    assert Client.select().count() == 4 + created
