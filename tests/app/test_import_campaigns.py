"""An import's "Campaign" column: matched by name, unknown names become campaigns that
Undo import removes again; merged clients get the campaign when they had none."""
from __future__ import annotations

import csv

import pytest

from app.campaigns import CampaignData, create_campaign, list_campaigns
from app.clients import ClientData, PhoneItem, create_client, load_client
from app.importer import apply_import, guess_mapping, plan_import, read_table, undo_import
from app.importer.mapping import header_target
from db.models import Campaign, Client


def _csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


def _import(path):
    table = read_table(path)
    return apply_import(plan_import(table, guess_mapping(table)))


@pytest.mark.parametrize("header", ["Кампания", "Рекламная кампания", "Campaign", "utm_campaign",
                                    "UTM Campaign"])
def test_campaign_headers_are_guessed(header):
    assert header_target(header) == "campaign"


def test_campaign_header_does_not_steal_company_or_source():
    assert header_target("Компания") == "company"
    assert header_target("Источник") == "source"


def test_known_campaign_is_matched_by_name_and_unknown_one_is_created(db, tmp_path):
    fair = create_campaign(CampaignData(name="Выставка Мебель-2024", channel="exhibition"))
    path = _csv(tmp_path / "c.csv", [["ФИО", "Телефон", "Рекламная кампания"],
                                     ["Иванов Иван", "+79161110001", "  выставка  мебель-2024 "],
                                     ["Петров Пётр", "+79161110002", "Яндекс Директ весна"],
                                     ["Сидоров Сидор", "+79161110003", "яндекс директ ВЕСНА"],
                                     ["Козлов Кирилл", "+79161110004", ""]])
    result = _import(path)
    assert result.created == 4
    by_name = {c.name: c.campaign_id for c in Client.select()}
    assert by_name["Иванов Иван"] == fair
    new = Campaign.get(Campaign.name == "Яндекс Директ весна")
    assert new.channel == "other"
    assert by_name["Петров Пётр"] == by_name["Сидоров Сидор"] == new.id
    assert by_name["Козлов Кирилл"] is None
    assert sorted(c.name for c in list_campaigns()) == ["Выставка Мебель-2024", "Яндекс Директ весна"]

    undo_import(result.batch)
    assert Client.select().count() == 0
    # the campaign the import created is gone, the one that existed before stays
    assert [c.name for c in list_campaigns()] == ["Выставка Мебель-2024"]


def test_undo_keeps_a_created_campaign_that_is_used_elsewhere_since(db, tmp_path):
    path = _csv(tmp_path / "c.csv", [["ФИО", "Телефон", "Campaign"], ["Иванов Иван", "+79161110001", "Осень"]])
    result = _import(path)
    autumn = Campaign.get(Campaign.name == "Осень").id
    create_client(ClientData(name="Клиент с карточки", campaign_id=autumn))
    undo_import(result.batch)
    assert [c.name for c in list_campaigns()] == ["Осень"]


def test_merged_client_gets_the_campaign_only_when_it_had_none_and_undo_clears_it(db, tmp_path):
    mine = create_client(ClientData(name="Петров Пётр", phones=[PhoneItem("+79161112233")]))
    spring = create_campaign(CampaignData(name="Весна"))
    theirs = create_client(ClientData(name="Орлов Олег", phones=[PhoneItem("+79161112244")], campaign_id=spring))
    path = _csv(tmp_path / "m.csv", [["ФИО", "Телефон", "Кампания"],
                                     ["Петров П.", "8 916 111-22-33", "Лето"],
                                     ["Орлов О.", "8 916 111-22-44", "Лето"]])
    result = _import(path)
    assert (result.created, result.merged) == (0, 2)
    summer = Campaign.get(Campaign.name == "Лето").id
    assert load_client(mine.id).campaign_id == summer
    assert load_client(theirs.id).campaign_id == spring  # a campaign already set is kept
    undo_import(result.batch)
    assert load_client(mine.id).campaign_id is None
    assert sorted(c.name for c in list_campaigns()) == ["Весна"]


def test_the_preview_names_the_campaigns_the_import_will_create(db, tmp_path):
    create_campaign(CampaignData(name="Выставка Мебель-2024", channel="exhibition"))
    path = _csv(tmp_path / "c.csv", [["ФИО", "Телефон", "Кампания"],
                                     ["Иванов Иван", "+79161110001", "выставка мебель-2024"],
                                     ["Петров Пётр", "+79161110002", "Яндекс  Директ весна"],
                                     ["Сидоров Сидор", "+79161110003", "яндекс директ ВЕСНА"],
                                     ["Козлов Кирилл", "+79161110004", "Радио Шансон"]])
    table = read_table(path)
    plan = plan_import(table, guess_mapping(table))
    assert plan.new_campaigns == ["Радио Шансон", "Яндекс Директ весна"]
    assert Campaign.select().count() == 1  # a preview writes nothing
    plan.set_action(5, "skip")  # Козлов's row: its campaign is no longer created
    assert plan.new_campaigns == ["Яндекс Директ весна"]
    result = apply_import(plan)
    assert result.as_json()["new_campaigns"] == ["Яндекс Директ весна"]
    assert sorted(c.name for c in list_campaigns()) == ["Выставка Мебель-2024", "Яндекс Директ весна"]
