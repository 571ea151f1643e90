"""Turning one row into a client draft: names, phones (several per cell), e-mails, INN,
dates in Russian formats or Excel serials, person or company, funnel stage.  Every
problem becomes a warning on the row; nothing is silently dropped."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation

from db.text import fold, only_digits

from ..clients import ContactItem, PhoneItem
from ..phones import ParsedPhone, parse_cell, split_numbers
from ..validation import clean_name, email_is_valid, inn_is_valid
from .mapping import CUSTOM, NEW_CUSTOM, NOTE, SKIP, Mapping
from .phone_fast import plain_ru_phone
from .table import cell_text

_MISSING = object()
_BAD = object()  # a cached "this cell is not a date"


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

SCALARS = ("name", "kind", "inn", "kpp", "city", "region", "address", "source", "segment", "campaign",
           "status", "birthday", "next_contact_at", "responsible_id")
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
_EMAIL_SPLIT = re.compile(r"[,;\s]+")
_EMAIL_IN_TEXT = re.compile(r"[^\s,;()<>]+@[^\s,;()<>]+")
_STATUS_WORDS = {
    "lead": ("лид", "lead", "новый", "потенциальный", "потенциальный клиент"),
    "active": ("активный", "active", "действующий", "постоянный", "постоянный клиент"),
    "refused": ("отказ", "отказался", "отказ клиента", "refused"),
    "archived": ("архив", "архивный", "archived", "archive"),
}
_KIND_WORDS = {"company": ("компания", "организация", "юр", "юр лицо", "юрлицо", "юридическое лицо", "company",
                           "ип", "организации"),
               "person": ("человек", "физ", "физ лицо", "физлицо", "физическое лицо", "частное лицо", "person")}


@dataclass(slots=True)
class Draft:
    """A client as the file describes it (one row, or several rows merged)."""

    row: int
    fields: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    phones: list[ParsedPhone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    contacts: list[ContactItem] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    custom: dict = field(default_factory=dict)  # CustomField id, or header of a new field → value
    stage_id: int | None = None
    amount: Decimal | None = None
    last_contact_at: datetime | None = None
    warnings: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.fields.get("name", "")

    def absorb(self, other: "Draft") -> None:
        """Merge another row of the same client into this one (fill gaps, add the rest)."""
        for k, v in other.fields.items():
            if v not in (None, "") and self.fields.get(k) in (None, ""):
                self.fields[k] = v
        have = {p.digits for p in self.phones}
        self.phones += [p for p in other.phones if p.digits not in have]
        have_e = {fold(e) for e in self.emails}
        self.emails += [e for e in other.emails if fold(e) not in have_e]
        self.notes += [n for n in other.notes if n not in self.notes]
        self.tags += [t for t in other.tags if t not in self.tags]
        names = {fold(c.name) for c in self.contacts}
        self.contacts += [c for c in other.contacts if fold(c.name) not in names]
        for k, v in other.custom.items():
            self.custom.setdefault(k, v)
        if self.stage_id is None:
            self.stage_id, self.amount = other.stage_id, other.amount if self.amount is None else self.amount
        if other.last_contact_at and (not self.last_contact_at or other.last_contact_at > self.last_contact_at):
            self.last_contact_at = other.last_contact_at
        self.rows += other.rows


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


class Cleaner:
    """Row → Draft with one mapping; caches look-ups shared by all rows.

    Each column gets its handler once; phones, dates, timestamps and amounts are parsed
    once per distinct cell value (a file repeats them a lot)."""

    def __init__(self, mapping: Mapping, headers: list[str], region: str):
        from db.models import Employee, Stage
        self.mapping, self.headers, self.region = mapping, headers, region
        self.columns = [c for c in mapping.columns if c.target != SKIP]
        self.employees = {fold(n): i for i, n in Employee.select(Employee.id, Employee.name).tuples()}
        self.stage_kinds = dict(Stage.select(Stage.id, Stage.kind).tuples())
        self._phones: dict = {}
        self._ru = (region or "RU").upper() == "RU"
        self._dates: dict = {}
        self._stamps: dict = {}
        self._amounts: dict = {}
        self._handlers = [(c.index, c, c.target, self._handler(c)) for c in self.columns]

    def clean(self, row_no: int, values: list) -> Draft:
        d = Draft(row=row_no, rows=[row_no])
        f = d.fields
        name_parts: dict[str, str] = {}
        company = position = ""
        width = len(values)
        for index, col, t, handler in self._handlers:
            raw = values[index] if index < width else None
            if raw.__class__ is str:
                text = raw.strip().lstrip("'")
                if not text:
                    continue
            elif isinstance(raw, date):
                text = raw
            else:
                text = cell_text(raw).lstrip("'")
                if not text:
                    continue
            try:
                handler(d, col, raw, text, name_parts)
            except ValueError:
                d.warnings.append(f"{col.header}: {text!r} is not understood; kept in the notes")
                d.notes.append(f"{col.header}: {text}")
            if t == "company":
                company = text
            elif t == "position":
                position = text
        name = f.get("name") or " ".join(name_parts[k] for k in ("last_name", "first_name", "middle_name")
                                          if name_parts.get(k))
        name = fast_clean_name(name)
        if company and not name:
            name = clean_name(company)
        elif company and fold(company) != fold(name):
            d.notes.append(f"Организация: {company}")
        if position:
            if d.contacts:
                d.contacts[-1].position = d.contacts[-1].position or position
            else:
                d.notes.append(f"Должность: {position}")
        if not name:
            fallback = d.emails[0] if d.emails else (d.phones[0].raw if d.phones else "")
            if fallback:
                d.warnings.append(f"no name; {fallback} is used as the name")
            name = fallback
        f["name"] = name
        if "kind" not in f:
            f["kind"] = "company" if looks_like_company(name, f.get("inn", "")) else "person"
        return d

    # --- per-column handlers: (draft, column, raw cell, text, name parts) ------------------

    def _handler(self, col):
        t = col.target
        if t == "name":
            def name(d, col, raw, text, parts):
                d.fields["name"] = text
            return name
        if t in ("last_name", "first_name", "middle_name"):
            def name_part(d, col, raw, text, parts):
                parts[t] = text
            return name_part
        if t in ("kpp", "city", "region", "address", "source", "segment", "campaign"):
            def plain_field(d, col, raw, text, parts):
                d.fields[t] = text
            return plain_field
        if t == "phone":
            return self._phone
        if t == "email":
            return self._email
        if t == "notes":
            def note(d, col, raw, text, parts):
                d.notes.append(str(text))
            return note
        if t in ("last_contact", "next_contact"):
            last = t == "last_contact"

            def contact_time(d, col, raw, text, parts):
                stamp = raw if isinstance(raw, datetime) else self._stamp(raw)
                if last:
                    d.last_contact_at = stamp
                else:
                    d.fields["next_contact_at"] = stamp
            return contact_time
        if t == "birthday":
            def birthday(d, col, raw, text, parts):
                d.fields["birthday"] = self._date(raw)
            return birthday
        if t == "amount":
            def amount(d, col, raw, text, parts):
                d.amount = self._amount(raw)
            return amount
        if t in ("stage", "status"):
            def stage(d, col, raw, text, parts):
                self._stage(d, col, text)
            return stage
        if t == NOTE:
            prefix = f"{col.header}: "

            def into_notes(d, col, raw, text, parts):
                d.notes.append(f"{col.header}: {_plain(raw, text)}" if isinstance(raw, date) else prefix + text)
            return into_notes

        def other(d, col, raw, text, parts):
            self._cell(d, t, col, raw, text, parts)
        return other

    def _phone(self, d: Draft, col, raw, text, parts) -> None:
        parsed = self._phones.get(text)
        if parsed is None:
            parsed = plain_ru_phone(text) if self._ru else None  # most cells: no cache needed
            if parsed is None:
                parsed = self._phones[text] = parse_cell(text, self.region)
        phones = d.phones
        for p in parsed:
            if p.e164 is None:
                d.warnings.append(f"phone {p.raw!r} could not be recognised; kept as typed")
            if p.digits and all(p.digits != q.digits for q in phones):
                phones.append(p)

    def _email(self, d: Draft, col, raw, text, parts) -> None:
        for e in (x.strip() for x in _EMAIL_SPLIT.split(text)):
            if not e:
                continue
            if not email_is_valid(e):
                d.warnings.append(f"e-mail {e!r} looks wrong; kept as typed")
            if not d.emails:
                d.emails.append(e)
            elif fast_fold(e) not in (fast_fold(x) for x in d.emails):
                d.emails.append(e)

    def _cached(self, cache: dict, parse, raw):
        """``parse(raw)`` once per distinct value; a ValueError is remembered and raised again."""
        key = (raw.__class__, raw)
        try:
            value = cache.get(key, _MISSING)
        except TypeError:  # an unhashable cell: nothing to cache
            return parse(raw)
        if value is _MISSING:
            try:
                value = parse(raw)
            except ValueError:
                value = _BAD
            cache[key] = value
        if value is _BAD:
            raise ValueError(raw)
        return value

    def _date(self, raw) -> date | None:
        return self._cached(self._dates, parse_date, raw)

    def _stamp(self, raw) -> datetime:
        """A last/next contact cell that is not a datetime: noon local time of its date."""
        return self._cached(self._stamps, _day_stamp, raw)

    def _amount(self, raw) -> Decimal:
        return self._cached(self._amounts, parse_amount, raw)

    def _cell(self, d: Draft, t: str, col, raw, text, name_parts) -> None:
        f = d.fields
        if t in ("name", "last_name", "first_name", "middle_name"):
            if t == "name":
                f["name"] = text
            else:
                name_parts[t] = text
        elif t == "phone":
            for p in parse_cell(text, self.region):
                if not p.valid:
                    d.warnings.append(f"phone {p.raw!r} could not be recognised; kept as typed")
                if p.digits and all(p.digits != q.digits for q in d.phones):
                    d.phones.append(p)
        elif t == "email":
            for e in (x.strip() for x in _EMAIL_SPLIT.split(text)):
                if not e:
                    continue
                if not email_is_valid(e):
                    d.warnings.append(f"e-mail {e!r} looks wrong; kept as typed")
                if fold(e) not in (fold(x) for x in d.emails):
                    d.emails.append(e)
        elif t == "inn":
            inn = only_digits(text)
            if not inn_is_valid(inn):
                d.warnings.append(f"INN {text} has a wrong length or checksum")
            f["inn"] = inn or text
        elif t in ("kpp", "city", "region", "address", "source", "segment", "campaign"):
            f[t] = text
        elif t in ("stage", "status"):
            self._stage(d, col, text)
        elif t == "amount":
            d.amount = parse_amount(raw)
        elif t == "birthday":
            f["birthday"] = parse_date(raw)
        elif t in ("last_contact", "next_contact"):
            day = raw if isinstance(raw, datetime) else parse_date(raw)
            stamp = local_noon_utc(day) if not isinstance(day, datetime) else day
            if t == "last_contact":
                d.last_contact_at = stamp
            else:
                f["next_contact_at"] = stamp
        elif t == "kind":
            key = fold(text).replace(".", " ").strip()
            kind = next((k for k, words in _KIND_WORDS.items() if key in words), None)
            if kind is None:
                raise ValueError(text)
            f["kind"] = kind
        elif t == "tags":
            d.tags += [x.strip() for x in re.split(r"[,;]", text) if x.strip() and x.strip() not in d.tags]
        elif t == "contact":
            d.contacts += parse_contacts(text, self.region)
        elif t == "responsible":
            if fold(text) in self.employees:
                f["responsible_id"] = self.employees[fold(text)]
            else:
                d.notes.append(f"{col.header}: {text}")
        elif t == "notes":
            d.notes.append(str(text))
        elif t.startswith(CUSTOM):
            d.custom[int(t[len(CUSTOM):])] = _plain(raw, text)
        elif t == NEW_CUSTOM:
            d.custom[col.header] = _plain(raw, text)
        elif t in ("company", "position"):
            pass
        else:  # NOTE and anything unknown: "Header: value"
            d.notes.append(f"{col.header}: {_plain(raw, text)}")

    def _stage(self, d: Draft, col, text: str) -> None:
        resolved = self.mapping.values.get(text)
        if resolved is None:
            resolved = self.mapping.values[text] = resolve_status_value(text)
        if resolved.startswith("stage:"):
            d.stage_id = int(resolved[6:])
            if self.stage_kinds.get(d.stage_id) == "won":
                d.fields.setdefault("status", "active")
        elif resolved.startswith("status:"):
            d.fields["status"] = resolved[7:]
        else:
            d.warnings.append(f"{col.header} {text!r} is not a funnel stage; kept in the notes")
            d.notes.append(f"{col.header}: {text}")


def _day_stamp(raw) -> datetime:
    day = parse_date(raw)
    return local_noon_utc(day) if not isinstance(day, datetime) else day


def _plain(raw, text) -> str:
    if isinstance(raw, datetime):
        return raw.strftime("%d.%m.%Y %H:%M") if raw.time() != time(0) else raw.strftime("%d.%m.%Y")
    if isinstance(raw, date):
        return raw.strftime("%d.%m.%Y")
    return str(text)
