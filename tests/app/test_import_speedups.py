"""The import's speed-ups change nothing a user sees: the plain-phone shortcut gives what
the full parser gives, the garbage collector and the search index's buffer setting are
back as they were after an import (also a cancelled one), and the imported clients are
found by search."""
from __future__ import annotations

import gc
import random

import pytest

from app.importer import ImportCancelled, apply_import, guess_mapping, plan_import, read_table
from db.sql import is_postgres
from app.importer.fts_buffer import IMPORT_HASHSIZE
from app.importer.phone_fast import plain_ru_phone
from app.phones import parse_cell
from app.search import search_clients
from db.models import database_proxy

SHAPES = ["8{d}", "+7 ({a}) {b}-{c}-{e}", "8 {a} {b} {c} {e}", "+7{d}", "{a}-{b}-{c}{e}", " 8({a}){b}{c}{e} ",
          "7.{a}.{b}.{c}.{e}", "+8 {a} {b} {c} {e}", "{d}", "+{d}", "8\t{a} {b}", "8 {a} {b}\n{c}{e}", "9{b}{c}",
          "+7 {a} {b} {c} {e} доб. 12", "8 {a} {b}-{c}-{e}, 8 {a} {b}-{c}-{e}", "8９{a}{b}{c}", "'8{d}", "()-+",
          "+375 29 {b}-{c}-{e}", "{a}{b}{c}{e}1", "8{d}5"]


def _cells(n: int) -> list[str]:
    rng = random.Random(11)
    out = []
    for _ in range(n):
        a = rng.choice("3489012567") + f"{rng.randrange(100):02d}"
        b, c, e = f"{rng.randrange(1000):03d}", f"{rng.randrange(100):02d}", f"{rng.randrange(100):02d}"
        out.append(rng.choice(SHAPES).format(a=a, b=b, c=c, e=e, d=a + b + c + e))
    return out


def test_plain_phone_shortcut_is_the_full_parser():
    taken = 0
    for text in _cells(4000):
        fast = plain_ru_phone(text)
        if fast is not None:
            taken += 1
            assert fast == parse_cell(text, "RU"), text
    assert taken > 400  # the common shapes do take the shortcut
    assert plain_ru_phone("8 (916) 123-45-67")[0].e164 == "+79161234567"
    for text in ("+8 916 123 45 67", "8 916 123 45 67 доб. 5", "8 916 123-45-67, 8 495 123-45-67", "12345",
                 "8９161234567", "+7 916 123 45 678"):
        assert plain_ru_phone(text) is None, text


def _write_csv(path, rows: int) -> None:
    lines = ["ФИО;Телефон;E-mail;Город"]
    lines += [f"Петров Пётр {i};8 916 {i:03d}-00-{i % 100:02d};p{i}@mail.ru;Тюмень" for i in range(rows)]
    path.write_text("\n".join(lines), encoding="utf-8")


def _fts_setting(key: str) -> int | None:
    if is_postgres():  # SQLite's FTS5 settings; PostgreSQL's trigram index has none
        return None
    row = database_proxy.execute_sql("SELECT v FROM client_fts_config WHERE k = ?", (key,)).fetchone()
    return row and row[0]


def _hashsize() -> int | None:
    return _fts_setting("hashsize")


def test_an_import_leaves_gc_and_index_settings_as_they_were(db, tmp_path):
    path = tmp_path / "clients.csv"
    _write_csv(path, 30)
    table = read_table(path)
    plan = plan_import(table, guess_mapping(table))
    assert gc.isenabled()
    calls = []

    def progress(done, total):
        calls.append(gc.isenabled())

    result = apply_import(plan, on_progress=progress)
    assert result.created == 30
    assert calls and not any(calls)  # paused while writing …
    assert gc.isenabled()            # … and back afterwards
    assert _hashsize() in (None, 1 << 20)
    assert _fts_setting("automerge") in (None, 4)  # the index merges its segments again
    # the new clients are in the search index (written through the big buffer)
    assert [h.name for h in search_clients("p17@mail")] == ["Петров Пётр 17"]


@pytest.mark.sqlite_only
def test_a_cancelled_import_rolls_the_buffer_setting_back(db, tmp_path):
    path = tmp_path / "clients.csv"
    _write_csv(path, 10)
    table = read_table(path)
    plan = plan_import(table, guess_mapping(table))
    before = _hashsize(), _fts_setting("automerge")
    seen = []

    def cancel():
        seen.append((_hashsize(), _fts_setting("automerge")))
        return len(seen) > 1

    with pytest.raises(ImportCancelled):
        apply_import(plan, should_cancel=cancel)
    assert (IMPORT_HASHSIZE, 0) in seen  # the big buffer, no merging, while writing …
    assert (_hashsize(), _fts_setting("automerge")) == before  # … and the rollback put both back
    assert gc.isenabled()
    assert database_proxy.execute_sql("SELECT COUNT(*) FROM client").fetchone()[0] == 0


@pytest.mark.sqlite_only
def test_search_finds_old_and_imported_clients_after_two_imports(db, tmp_path):
    # Each import writes its index rows as a new segment with merging off; the index must
    # stay whole: FTS5's own check passes and every client is found, old and new.
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    _write_csv(first, 40)
    second.write_text("ФИО;Телефон;E-mail;Город\n" + "\n".join(
        f"Сидорова Анна {i};8 917 {i:03d}-11-{i % 100:02d};s{i}@list.ru;Омск" for i in range(40)) +
        "\nПетров Пётр 3;8 916 003-00-03;p3@mail.ru;Тюмень", encoding="utf-8")
    for path in (first, second):
        table = read_table(path)
        apply_import(plan_import(table, guess_mapping(table)))
    database_proxy.execute_sql("INSERT INTO client_fts(client_fts) VALUES ('integrity-check')")
    assert [h.name for h in search_clients("p39@mail")] == ["Петров Пётр 39"]
    assert [h.name for h in search_clients("s7@list")] == ["Сидорова Анна 7"]
    assert len(search_clients("омск")) == 40
    assert _fts_setting("automerge") in (None, 4)
