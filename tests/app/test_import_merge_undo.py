"""Merging into clients of the database, per-row choices, cancel, undo."""
from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from app.clients import ClientData, PhoneItem, create_client, load_client, update_client
from app.importer import (ImportCancelled, apply_import, guess_mapping, plan_import, read_table,
                          undo_import)
from app.search import search_clients
from db.models import Client, ClientTag, CustomField, Deal, ImportChange


def _csv(path, rows, delimiter=";"):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def _plan(path, **kw):
    table = read_table(path)
    return plan_import(table, guess_mapping(table), **kw)


def test_merge_fills_empty_fields_adds_phones_and_undo_restores_exactly(db, tmp_path):
    existing = create_client(ClientData(name="Петров Пётр", city="", phones=[PhoneItem("+79161112233")],
                                        notes="старый клиент"))
    path = _csv(tmp_path / "p.csv", [["ФИО", "Телефон", "Город", "E-mail", "Теги", "Примечание"],
                                     ["Петров П.", "8 916 111-22-33, 8 495 123-45-67", "Тула",
                                      "petrov@mail.ru", "опт", "звонил в марте"]])
    result = apply_import(_plan(path))
    assert (result.created, result.merged) == (0, 1)
    merged = load_client(existing.id)
    assert merged.name == "Петров Пётр" and merged.city == "Тула"
    assert [p.e164 for p in merged.phones] == ["+79161112233", "+74951234567"]
    assert merged.emails == ["petrov@mail.ru"] and merged.tags == ["опт"]
    assert "старый клиент" in merged.notes and "звонил в марте" in merged.notes
    assert search_clients("Тула")[0].id == existing.id  # the search index was updated
    assert ImportChange.get().action == "merge"

    undo_import(result.batch)
    after = load_client(existing.id)
    assert after.comparable() == existing.comparable()
    assert search_clients("Тула") == []


def test_undo_keeps_a_field_the_user_changed_after_the_import(db, tmp_path):
    existing = create_client(ClientData(name="Сидоров", phones=[PhoneItem("+79161112234")]))
    path = _csv(tmp_path / "s.csv", [["ФИО", "Телефон", "Город"], ["Сидоров", "89161112234", "Тула"]])
    result = apply_import(_plan(path))
    data = load_client(existing.id)
    data.city = "Калуга"
    update_client(data)
    undo_import(result.batch)
    assert load_client(existing.id).city == "Калуга"


def test_per_row_choice_overrides_the_default(db, tmp_path):
    create_client(ClientData(name="Анна", phones=[PhoneItem("+79160000001")]))
    path = _csv(tmp_path / "a.csv", [["ФИО", "Телефон"], ["Анна", "89160000001"], ["Борис", "89160000002"]])
    plan = _plan(path)
    plan.set_action(2, "create")
    plan.set_action(3, "skip")
    result = apply_import(plan)
    assert (result.created, result.skipped) == (1, 1)
    assert sorted(c.name for c in Client.select()) == ["Анна", "Анна"]


def test_cancel_rolls_back_and_progress_is_reported(db, tmp_path):
    rows = [["ФИО", "Телефон"]] + [[f"Клиент {i}", f"8916{i:07d}"] for i in range(1200)]
    plan = _plan(_csv(tmp_path / "big.csv", rows))
    seen = []

    def cancel_after_first_chunk():
        return len(seen) >= 2

    with pytest.raises(ImportCancelled):
        apply_import(plan, on_progress=lambda done, total: seen.append((done, total)),
                     should_cancel=cancel_after_first_chunk)
    assert seen[-1][1] == 1200 and seen[-1][0] > 0
    assert Client.select().count() == 0 and CustomField.select().count() == 0
    result = apply_import(plan)
    assert result.created == 1200 and Client.select().count() == 1200


def test_stage_values_unknown_ones_are_reported_and_kept_in_notes(db, tmp_path):
    path = _csv(tmp_path / "st.csv", [["Клиент", "Этап", "Сумма"], ["Альфа", "Работа!", "1 500,50"],
                                      ["Бета", "Думает", ""], ["Гамма", "Архив", ""]])
    plan = _plan(path)
    assert plan.unknown_values == ["Думает"]
    result = apply_import(plan)
    alfa = Client.get(Client.name == "Альфа")
    deal = Deal.get(Deal.client == alfa)
    assert deal.stage.name == "Работа!" and deal.amount == Decimal("1500.50") and deal.title == "Из импорта"
    assert alfa.status == "active"
    assert "Этап: Думает" in Client.get(Client.name == "Бета").notes
    assert Client.get(Client.name == "Гамма").status == "archived"
    assert any("Думает" in w["message"] for w in result.warnings)


def test_unmapped_columns_go_to_notes_or_new_custom_fields(db, tmp_path):
    path = _csv(tmp_path / "c.csv", [["ФИО", "Размер обуви", "Любимый цвет"], ["Ира", "38", "синий"]])
    table = read_table(path)
    mapping = guess_mapping(table)
    mapping.set(1, "new_custom")
    apply_import(plan_import(table, mapping))
    ira = load_client(Client.get().id)
    field = CustomField.get(CustomField.name == "Размер обуви")
    assert ira.custom == {field.id: "38"}
    assert "Любимый цвет: синий" in ira.notes
    assert ClientTag.select().count() == 0


def test_search_index_rows_of_new_clients_match_the_index_builder(db, tmp_path):
    from db.models import database_proxy
    from db.search_index import FTS_TABLE, index_clients
    path = _csv(tmp_path / "i.csv", [["Наименование", "ИНН", "Город", "E-mail", "Контактное лицо", "Примечание"],
                                     ['ООО "Ёлка"', "7707083893", "Тверь", "elka@elka.ru",
                                      "Смирнова Ольга (директор, olga@elka.ru)", "важный"]])
    result = apply_import(_plan(path))

    def body():
        return database_proxy.execute_sql(f"SELECT rowid, body FROM {FTS_TABLE} ORDER BY rowid").fetchall()

    written = body()
    index_clients(result.created_ids)
    assert written == body() and len(written) == 1
    assert search_clients("Смирнова")[0].id == result.created_ids[0]
