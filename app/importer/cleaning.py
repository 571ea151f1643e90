"""Turning one row into a client draft: names, phones (several per cell), e-mails, INN,
dates, person or company, funnel stage (the values themselves are read by
``app.importer.values``).  Every problem becomes a warning on the row; nothing is
silently dropped."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from db.text import fold, only_digits

from ..clients import ContactItem
from ..phones import ParsedPhone, parse_cell
from ..validation import clean_name, email_is_valid, inn_is_valid
from .mapping import CUSTOM, NEW_CUSTOM, NOTE, SKIP, Mapping
from .phone_fast import plain_ru_phone
from .table import cell_text
from .values import (fast_clean_name, fast_fold, local_noon_utc, looks_like_company, parse_amount,
                     parse_contacts, parse_date, resolve_status_value)

_MISSING = object()
_BAD = object()  # a cached "this cell is not a date"
SCALARS = ("name", "kind", "inn", "kpp", "city", "region", "address", "source", "segment", "campaign",
           "status", "birthday", "next_contact_at", "responsible_id")
_EMAIL_SPLIT = re.compile(r"[,;\s]+")
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
