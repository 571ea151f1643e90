"""Reading one cell's value the way a Russian spreadsheet means it: dates (Russian formats,
Excel serials, "5 февраля 2020"), amounts, company names, contact persons written into
one cell, status words, and the fast paths of folding and name-cleaning that the import
uses for 100 000s of cells."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation

from db.text import fold, only_digits

from ..clients import ContactItem, PhoneItem
from ..phones import parse_cell, split_numbers
from ..validation import clean_name

def fast_fold(text: str | None) -> str:
    """``db.text.fold`` with a fast path for text that has no whitespace to collapse.

    ``str.isprintable`` is false for every whitespace character but the plain space, so a
    printable folded text without double, leading or trailing spaces is already collapsed."""
    if not text:
        return ""
    folded = text.casefold()
    if "ё" in folded:
        folded = folded.replace("ё", "е")
    if folded.isprintable() and "  " not in folded and folded[0] != " " and folded[-1] != " ":
        return folded
    return fold(text)


def fast_clean_name(name: str) -> str:
    """``clean_name``, skipping its letter scan when the name starts with "Xy": a name in
    mixed case is only trimmed."""
    text = " ".join((name or "").split())
    if len(text) > 1:
        first, second = text[0], text[1]
        if first.isupper() and second.islower() and first.isalpha() and second.isalpha():
            return text
    return clean_name(name)

_MONTHS = {"январ": 1, "янв": 1, "феврал": 2, "фев": 2, "март": 3, "мар": 3, "апрел": 4, "апр": 4,
           "ма": 5, "июн": 6, "июл": 7, "август": 8, "авг": 8, "сентябр": 9, "сен": 9, "сент": 9,
           "октябр": 10, "окт": 10, "ноябр": 11, "ноя": 11, "декабр": 12, "дек": 12,
           "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_DMY = re.compile(r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{4}|\d{2})(?!\d)(?:[ T]+(\d{1,2}):(\d{2}))?")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?")
_WORDY = re.compile(r"^(\d{1,2})\s+([a-zа-я]+)\.?\s+(\d{4})")
_COMPANY = re.compile(r"(^|[\s\"«(])(ооо|оао|зао|пао|ао|ип|нко|ано|тоо|гуп|муп|фгуп|llc|ltd|inc|gmbh)"
                      r"($|[\s\"».,)])", re.IGNORECASE)
_EMAIL_IN_TEXT = re.compile(r"[^\s,;()<>]+@[^\s,;()<>]+")
_STATUS_WORDS = {
    "lead": ("лид", "lead", "новый", "потенциальный", "потенциальный клиент"),
    "active": ("активный", "active", "действующий", "постоянный", "постоянный клиент"),
    "refused": ("отказ", "отказался", "отказ клиента", "refused"),
    "archived": ("архив", "архивный", "archived", "archive"),
}
def resolve_status_value(text: str) -> str:
    """"stage:<id>", "status:<status>" or "" for a stage/status cell value."""
    from db.models import Stage
    key = fold(text).strip(" .!")
    for status, words in _STATUS_WORDS.items():
        if key in words:
            return f"status:{status}"
    for sid, name in Stage.select(Stage.id, Stage.name).where(Stage.retired_at.is_null()).tuples():
        if fold(name).strip(" .!") == key:
            return f"stage:{sid}"
    return ""


def parse_date(value) -> date | None:
    """A date from a cell: date/datetime, Excel serial, "05.02.2020", "5 февраля 2020"…
    Raises ValueError when the cell is not empty and is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(value)
    text = str(value).strip().lstrip("'")
    if text.replace(".", "", 1).isdigit() and len(text.split(".")[0]) == 5:
        return _serial(float(text))
    m = _DMY.match(text)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        year = int(y) if len(y) == 4 else _two_digit_year(int(y))
        return date(year, mo, d)
    m = _YMD.match(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _WORDY.match(fold(text))
    if m:
        word = m.group(2)
        month = next((n for stem, n in sorted(_MONTHS.items(), key=lambda x: -len(x[0]))
                      if word.startswith(stem)), None)
        if month:
            return date(int(m.group(3)), month, int(m.group(1)))
    raise ValueError(text)


def _serial(number: float) -> date:
    if not 1 <= number < 2958466:
        raise ValueError(str(number))
    return date(1899, 12, 30) + timedelta(days=int(number))


def _two_digit_year(yy: int) -> int:
    now = date.today().year % 100
    return 2000 + yy if yy <= now + 5 else 1900 + yy


def local_noon_utc(day: date) -> datetime:
    """A date from a file as a stored timestamp: noon local time, in naive UTC."""
    return datetime.combine(day, time(12, 0)).astimezone().astimezone(timezone.utc).replace(tzinfo=None)


def parse_amount(value) -> Decimal:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    text = re.sub(r"[^\d,.\-]", "", str(value)).replace(",", ".")
    if text.count(".") > 1:
        head, _, tail = text.rpartition(".")
        text = head.replace(".", "") + "." + tail
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(str(value)) from None


def looks_like_company(name: str, inn: str = "") -> bool:
    return bool(_COMPANY.search(name or "")) or len(inn) == 10


def parse_contacts(text: str, region: str) -> list[ContactItem]:
    """"Иванов Иван (директор, +7 916 …, a@b.ru); Петрова" → contact persons."""
    out = []
    for part in re.split(r"[;\n]+", text):
        part = part.strip()
        if not part:
            continue
        name, _, rest = part.partition("(")
        rest = rest.rstrip(")")
        emails = _EMAIL_IN_TEXT.findall(rest)
        for e in emails:
            rest = rest.replace(e, "")
        phones = [p for p in split_numbers(rest) if len(only_digits(p)) >= 5]
        for p in phones:
            rest = rest.replace(p, "")
        position = ", ".join(x.strip() for x in rest.split(",") if x.strip())
        items = [PhoneItem(p.raw, p.e164) for p in (parse_cell(x, region)[0] for x in phones)]
        out.append(ContactItem(name=clean_name(name), position=position, phones=items, emails=emails))
    return out
