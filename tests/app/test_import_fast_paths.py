"""The import's fast paths give exactly what the plain code gives: phones, folding, names,
totals rows, cached cell parsing."""
from __future__ import annotations

import csv
import random
import re

import phonenumbers
import pytest

from app.importer import apply_import, guess_mapping, plan_import, read_table
from app.importer.values import fast_clean_name, fast_fold
from app.importer.table import _TOTALS, cell_text, is_totals
from app.phones import ParsedPhone, normalize, split_numbers
from app.validation import clean_name
from db.models import Client
from db.text import fold, only_digits

# --- the plain versions, as they were before the fast paths --------------------------------

_SPLIT = re.compile(r"[,;/\n]+|\s+(?:и|или|or|and)\s+", re.IGNORECASE)
_PLAIN = re.compile(r"^[\d\s()+\-.]+$")
_EXTENSION = re.compile(r"\s*(?:доб\.?|ext\.?|x|#)\s*(\d+)\s*$", re.IGNORECASE)


def _plain_fast_ru(text):
    if not _PLAIN.match(text):
        return None
    digits = only_digits(text)
    stripped = text.strip()
    if len(digits) == 11 and digits[0] in "78" and digits[1] in "3489":
        if digits[0] == "8" and stripped.startswith("+"):
            return None
        return "+7" + digits[1:]
    if len(digits) == 10 and digits[0] in "9" and not stripped.startswith("+"):
        return "+7" + digits
    return None


def _plain_normalize(text, region="RU"):
    raw = (text or "").strip()
    region = (region or "RU").upper()
    body = _EXTENSION.sub("", raw)
    e164 = _plain_fast_ru(body) if region == "RU" else None
    if e164 is None:
        try:
            num = phonenumbers.parse(body, region)
        except phonenumbers.NumberParseException:
            num = None
        if num is not None and phonenumbers.is_valid_number(num):
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    return ParsedPhone(raw=raw, e164=e164, digits=e164[1:] if e164 else only_digits(raw))


def _plain_split(cell):
    if cell is None:
        return []
    parts = [p.strip() for p in _SPLIT.split(str(cell))]
    return [p for p in parts if p and any(ch.isdigit() for ch in p)]


def _plain_is_totals(row):
    first = next((cell_text(v) for v in row if cell_text(v)), "")
    word = fold(first).rstrip(":.").split(" ")[0] if first else ""
    return word in _TOTALS or fold(first).rstrip(":.") in _TOTALS


def _random_phones(n: int) -> list[str]:
    rng = random.Random(5)
    pieces = ["8", "+7", "7", "+8", "9", "4", "3", "+375", "+49", "0", "1", "800", "810", " ", "-", "(", ")", ".",
              "  ", "\t", "\n", "доб. ", "ext", "x", "#", "²", "٣", "\u00a0", "и", "a", ",", "/"]
    out = []
    for _ in range(n):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.choice([5, 9, 10, 11, 12])))
        text = rng.choice(pieces[:8]) + digits
        for _ in range(rng.randrange(4)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(pieces) + text[at:]
        out.append(text)
    return out + ["", "   ", "8 (495) 123-45-67", "+7 916 555-12-34", "89161234567", "9161234567", "+8 916 123 45 67",
                  "8 (495) 123-45-67 доб. 123", "(495)987-65-43", "12345", "()-", "+", "8916１234567"]


def test_normalize_and_split_match_the_plain_code():
    for text in _random_phones(3000):
        assert split_numbers(text) == _plain_split(text), text
        for region in ("RU", "BY"):
            assert normalize(text, region) == _plain_normalize(text, region), (text, region)


@pytest.mark.parametrize("text", ["", "a", "Иванов Иван", "ИВАНОВ  ИВАН", " x", "x ", "a\tb", "Ёлка", "ёж Ё",
                                  "STRASSE ß", "İstanbul", "a\u00a0b", "a\u200bb", "a\nb", "A\x1cB", "ǅ ǆ", "Ⓐb",
                                  "client1@MAIL.RU", "a  b", "a\u2028b", "ﬅ"])
def test_fast_fold_and_clean_name_match(text):
    assert fast_fold(text) == fold(text)
    assert fast_clean_name(text) == clean_name(text)


@pytest.mark.parametrize("first", ["Итого", "ИТОГО:", "итог.", "Всего", "ВСЕГО по клиентам", "Total", "TOTAL:",
                                   "Grand total", "grand  total", "Subtotal", "Итоговый", "Иванов", "Всеволод",
                                   "Tom", "Sam", "ß", "И", " итого", "ﬅ", "\u0130", "Ёлка", 5.0, None, ""])
def test_totals_fast_path_matches(first):
    for row in ([first, "x"], [None, first], ["", first, "y"]):
        assert is_totals(row) == _plain_is_totals(row), row


def test_repeated_cells_are_parsed_once_and_reported_every_time(db, tmp_path):
    path = tmp_path / "rep.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["ФИО", "Телефон", "Дата рождения", "Последний контакт", "Сумма"])
        for i in range(4):
            w.writerow([f"Клиент {i}", "8 495 123-45-6" + str(i), "вчера", "05.02.2020", "1 500,50"])
        w.writerow(["Клиент 9", "12345", "31.02.2020", "5 февраля 2020", ""])
        w.writerow(["Клиент 10", "12345", "01.02.85", "05.02.2020", ""])
    table = read_table(path)
    plan = plan_import(table, guess_mapping(table))
    messages = [w["message"] for w in plan.warnings]
    assert sum("вчера" in m for m in messages) == 4
    assert sum("12345" in m for m in messages) == 2
    drafts = [r.draft for r in plan.rows]
    assert drafts[0].last_contact_at == drafts[1].last_contact_at == drafts[5].last_contact_at
    assert drafts[0].last_contact_at.date().isoformat() == "2020-02-05"
    assert str(drafts[0].amount) == "1500.50"
    assert drafts[5].fields["birthday"].isoformat() == "1985-02-01"
    result = apply_import(plan)
    assert result.created == 6 and Client.select().count() == 6
