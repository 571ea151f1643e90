"""What the import wizard asks of the core: stage values, stage choices, existing
clients of a plan, all-duplicates actions, usable mappings, the import history."""
from __future__ import annotations

from pathlib import Path

from app.importer import guess_mapping, import_file, plan_import, read_table, undo_import
from app.importer.review import (existing_clients, import_history, mapping_is_usable, set_duplicate_actions,
                                 stage_choices, stage_values)

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SHOP = SAMPLES / "shop_clients.xlsx"


def test_stage_values_follow_the_mapping(db):
    table = read_table(SHOP)
    mapping = guess_mapping(table)
    counts = stage_values(table, mapping)
    assert counts == {"Интересуется": 1, "Обсуждаем задачу": 1, "Работа!": 1, "Холодный": 1}
    assert all(mapping.values[v].startswith("stage:") for v in counts)
    mapping.values["Холодный"] = "status:lead"  # the user's choice survives a refresh
    address = next(c for c in mapping.columns if c.header == "Адрес")
    mapping.set(address.index, "status")
    counts = stage_values(table, mapping)
    assert counts["Тюмень"] == 2 and mapping.values["Тюмень"] == ""
    assert mapping.values["Холодный"] == "status:lead"
    mapping.set(address.index, "city")
    assert "Тюмень" not in stage_values(table, mapping) and "Тюмень" not in mapping.values


def test_stage_choices_list_the_open_funnel(db):
    choices = stage_choices()
    names = [c.name for c in choices]
    assert names[0] == "Холодный" and "Работа!" in names
    assert all(c.value.startswith("stage:") and c.color.startswith("#") for c in choices)


def test_existing_clients_and_all_duplicates_actions(db):
    import_file(SHOP)
    table = read_table(SHOP)
    plan = plan_import(table, guess_mapping(table))
    assert plan.count("merge") == 5  # every row is already in the database now
    found = existing_clients(r.target_id for r in plan.rows)
    gromova = next(c for c in found.values() if c.name == "Громова Ольга Викторовна")
    assert gromova.phones == ["8(3452)55-66-77", "89221234567"] and gromova.emails == ["gromova@list.ru"]
    assert set_duplicate_actions(plan, "skip") == 5 and plan.count("skip") == 5
    set_duplicate_actions(plan, "create")
    assert plan.count("create") == 5


def test_a_mapping_without_name_phone_email_or_inn_is_not_usable(db):
    table = read_table(SHOP)
    mapping = guess_mapping(table)
    assert mapping_is_usable(table, mapping)
    for col in mapping.columns:
        if col.target in ("name", "phone", "email"):
            col.target = "skip"
    assert not mapping_is_usable(table, mapping)


def test_import_history_newest_first(db):
    first = import_file(SHOP)
    second = import_file(SAMPLES / "contacts.vcf")
    undo_import(first.batch)
    history = import_history()
    assert [b.id for b in history] == [second.batch, first.batch]
    assert (history[1].filename, history[1].rows, history[1].created, history[1].merged) == \
        ("shop_clients.xlsx", 5, 4, 1)
    assert history[1].undone_at is not None and history[0].undone_at is None
