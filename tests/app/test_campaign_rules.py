"""Campaigns set by a rule: a campaign lists the client sources it brings; clients created
by hand or by import, or whose source changes on the card, get it when they have none;
"apply to existing" gives it to the clients already there, and undo takes it back."""
from __future__ import annotations

import csv

import pytest

from app import campaign_rules as rules
from app.campaign_rules import CampaignSourceTakenError
from app.campaigns import (CampaignData, create_campaign, delete_campaign, get_campaign, list_campaigns,
                           restore_campaign, restore_client_campaign, update_campaign)
from app.clients import ClientData, PhoneItem, create_client, load_client, update_client
from app.importer import apply_import, guess_mapping, plan_import, read_table, undo_import
from db.models import Campaign, Client
from tests.app.test_access import as_, denied, office  # noqa: F401 - the office fixture


@pytest.fixture
def direct(db):
    return create_campaign(CampaignData(name="Яндекс.Директ: поиск", channel="ads",
                                        sources=["Яндекс.Директ", " yandex ", "YANDEX"]))


def _import(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    table = read_table(path)
    return apply_import(plan_import(table, guess_mapping(table)))


def test_sources_are_stored_cleaned_and_matched_whatever_the_case_and_spaces(direct):
    assert rules.sources_of(direct) == ["Яндекс.Директ", "yandex"]
    assert get_campaign(direct).sources == ["Яндекс.Директ", "yandex"]
    assert rules.campaign_for_source("  яндекс.ДИРЕКТ ") == direct
    assert rules.campaign_for_source("Yandex") == direct
    assert rules.campaign_for_source("Google") is None
    assert rules.campaign_for_source("") is None
    expo = create_campaign(CampaignData(name="Выставка"))
    assert rules.set_sources(expo, "Выставка, стенд  12".split(",")) == []
    assert rules.campaign_for_source("стенд 12") == expo
    with pytest.raises(CampaignSourceTakenError, match="“YANDEX” already brings the campaign “Яндекс.Директ: п"):
        rules.set_sources(expo, ["YANDEX"])
    assert rules.sources_of(expo) == ["Выставка", "стенд 12"]  # the refused call wrote nothing


def test_a_client_created_by_hand_gets_the_campaign_of_its_source_but_never_over_a_chosen_one(direct):
    expo = create_campaign(CampaignData(name="Выставка"))
    assert create_client(ClientData(name="Иванов", source="yandex")).campaign_id == direct
    assert create_client(ClientData(name="Петров", source="yandex", campaign_id=expo)).campaign_id == expo
    assert create_client(ClientData(name="Сидоров", source="Сарафан")).campaign_id is None


def test_changing_the_source_on_the_card_sets_the_campaign_only_when_it_has_none(direct):
    expo = create_campaign(CampaignData(name="Выставка"))
    plain = create_client(ClientData(name="Иванов", source="Сарафан"))
    plain.source = "Яндекс.Директ"
    saved = update_client(plain)
    assert saved.campaign_id == direct
    chosen = create_client(ClientData(name="Петров", source="Сарафан", campaign_id=expo))
    chosen.source = "yandex"
    assert update_client(chosen).campaign_id == expo
    # an unchanged source does not bring back a campaign someone took off by hand
    saved.campaign_id = None
    cleared = update_client(saved)
    assert cleared.campaign_id is None
    cleared.notes = "звонил"
    assert update_client(cleared).campaign_id is None


def test_an_imported_client_gets_the_campaign_of_its_source_and_undo_import_clears_it(direct, tmp_path):
    expo = create_campaign(CampaignData(name="Выставка"))
    known = create_client(ClientData(name="Орлов Олег", phones=[PhoneItem("+79161112244")]))
    result = _import(tmp_path / "c.csv", [["ФИО", "Телефон", "Источник", "Кампания"],
                                          ["Иванов Иван", "+79161110001", "Yandex", ""],
                                          ["Петров Пётр", "+79161110002", "yandex", "Выставка"],
                                          ["Сидоров Сидор", "+79161110003", "Сарафан", ""],
                                          ["Орлов О.", "8 916 111-22-44", "Яндекс.Директ", ""]])
    assert (result.created, result.merged) == (3, 1)
    by_name = {c.name: c.campaign_id for c in Client.select()}
    assert by_name == {"Иванов Иван": direct, "Петров Пётр": expo, "Сидоров Сидор": None,
                       "Орлов Олег": direct}
    undo_import(result.batch)
    assert [(c.name, c.source, c.campaign_id) for c in Client.select()] == [("Орлов Олег", "", None)]
    assert load_client(known.id).campaign_id is None


def test_apply_to_existing_and_undo(direct):
    expo = create_campaign(CampaignData(name="Выставка"))
    rules.set_sources(direct, [])  # clients made before the rule existed
    a = create_client(ClientData(name="Иванов", source="YANDEX")).id
    b = create_client(ClientData(name="Петров", source="Яндекс.Директ", campaign_id=expo)).id
    c = create_client(ClientData(name="Сидоров", source="Сарафан")).id
    rules.set_sources(direct, ["Яндекс.Директ", "yandex"])
    previous = rules.apply_to_existing()
    assert previous == {a: None}
    assert [load_client(i).campaign_id for i in (a, b, c)] == [direct, expo, None]
    assert rules.apply_to_existing() == {}  # nothing left to give
    restore_client_campaign(previous)
    assert [load_client(i).campaign_id for i in (a, b, c)] == [None, expo, None]


def test_editing_and_deleting_a_campaign_keep_its_rule_undoable(direct):
    before = update_campaign(CampaignData(name="Директ", channel="ads", id=direct, sources=["yandex.ru"]))
    assert rules.campaign_for_source("yandex") is None and rules.campaign_for_source("yandex.ru") == direct
    update_campaign(before)  # undo the edit
    assert rules.sources_of(direct) == ["Яндекс.Директ", "yandex"]
    snapshot = delete_campaign(direct)
    assert rules.campaign_for_source("yandex") is None
    assert create_client(ClientData(name="Иванов", source="yandex")).campaign_id is None
    other = create_campaign(CampaignData(name="Новая"))  # may get the old id back: no rule comes with it
    assert rules.sources_of(other) == []
    delete_campaign(other)
    restore_campaign(snapshot)
    assert [c.sources for c in list_campaigns()] == [["Яндекс.Директ", "yandex"]]
    assert rules.campaign_for_source("YANDEX") == direct


def test_a_manager_may_not_set_rules_or_apply_them_but_her_clients_get_the_campaign(office):  # noqa: F811
    direct = create_campaign(CampaignData(name="Директ", sources=["yandex"]))
    as_(office["anna"])
    denied(rules.set_sources, direct, ["google"])
    denied(rules.apply_to_existing)
    denied(create_campaign, CampaignData(name="Своя", sources=["avito"]))
    assert rules.sources_of(direct) == ["yandex"]
    assert Campaign.select().count() == 1
    assert create_client(ClientData(name="Клиент Анны", source="Yandex")).campaign_id == direct
