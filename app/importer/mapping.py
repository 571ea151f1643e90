"""Which column goes where: guessed from Russian/English header names and from the data
itself (cells that look like phones, e-mails, INN).  ``Mapping`` is plain data the caller
(the wizard, the CLI) may edit before planning."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from db.text import fold, only_digits

from ..validation import inn_is_valid

NOTE = "note"        # "Header: value" into the client's notes
SKIP = "skip"
NEW_CUSTOM = "new_custom"  # a new custom field named after the header
CUSTOM = "custom:"   # custom:<CustomField id>

# The fields a column can fill, with what a user sees in the wizard.
TARGETS = {
    "name": "Name", "last_name": "Last name", "first_name": "First name",
    "middle_name": "Middle name", "kind": "Person / company", "company": "Company",
    "contact": "Contact persons", "position": "Position", "phone": "Phone", "email": "E-mail",
    "inn": "INN", "kpp": "KPP", "city": "City", "region": "Region", "address": "Address",
    "status": "Status", "stage": "Funnel stage", "amount": "Deal amount",
    "last_contact": "Last contact", "next_contact": "Next contact", "birthday": "Birthday",
    "tags": "Tags", "responsible": "Responsible", "source": "Source", "segment": "Segment", "campaign": "Campaign",
    "notes": "Notes",
    NOTE: "Into notes", SKIP: "Skip", NEW_CUSTOM: "New custom field",
}
MULTI = {"phone", "email", "notes", "tags", "contact", NOTE, SKIP, NEW_CUSTOM}

# (target, header words) — first match wins; e-mail before address ("Адрес эл. почты").
_PATTERNS = [
    (SKIP, ("id", "№", "n", "#", "no", "п п", "номер п п")),
    ("contact", ("контактное лицо", "контактные лица", "контакт лицо", "контактное", "contact person",
                 "contact persons", "contacts")),
    ("email", ("e mail", "email", "эл почта", "электронная почта", "адрес электронной почты",
               "электронной почты", "почта", "mail", "емейл", "имейл")),
    ("phone", ("телефон", "телефоны", "тел", "моб", "мобильный", "сотовый", "phone", "phones",
               "mobile", "tel", "cell", "номер телефона")),
    ("inn", ("инн", "inn", "tax id")),
    ("kpp", ("кпп", "kpp")),
    (SKIP, ("создан", "дата создания", "created", "created at")),
    ("last_contact", ("последний контакт", "дата последнего контакта", "last contact", "дата контакта")),
    ("next_contact", ("следующий контакт", "дата следующего контакта", "next contact")),
    ("birthday", ("дата рождения", "день рождения", "birthday", "д р", "birth date")),
    ("campaign", ("кампания", "рекламная кампания", "campaign", "utm_campaign", "utm campaign",
                  "ad campaign", "advertising campaign")),
    ("last_name", ("фамилия", "last name", "surname", "family name")),
    ("first_name", ("имя", "first name", "given name")),
    ("middle_name", ("отчество", "middle name")),
    ("name", ("фио", "ф и о", "наименование", "клиент", "покупатель", "контрагент", "заказчик",
              "название", "name", "full name", "client", "customer", "имя клиента")),
    ("company", ("организация", "компания", "фирма", "company", "organization", "organisation", "org")),
    ("position", ("должность", "position", "job title", "title")),
    ("city", ("город", "city", "населенный пункт", "town")),
    ("region", ("регион", "область", "region", "state")),
    ("address", ("адрес", "address", "юридический адрес", "фактический адрес")),
    ("stage", ("этап", "стадия", "воронка", "stage", "этап сделки")),
    ("status", ("статус", "status", "состояние")),
    ("amount", ("сумма", "бюджет", "amount", "sum", "стоимость", "сумма сделки")),
    ("responsible", ("ответственный", "менеджер", "responsible", "manager", "owner")),
    ("kind", ("тип", "вид", "тип клиента", "kind", "type", "лицо")),
    ("tags", ("теги", "тег", "метки", "tags", "tag", "labels")),
    ("source", ("источник", "source", "канал")),
    ("segment", ("сегмент", "segment", "категория", "группа")),
    ("notes", ("комментарий", "комментарии", "примечание", "примечания", "заметки", "заметка",
               "notes", "note", "comment", "comments", "описание", "description")),
    ("last_contact", ("дата", "date")),
]
_NON_WORD = re.compile(r"[^\w№#]+")
_PHONE_CHARS = re.compile(r"^[\d\s()+\-.,;/]+$")


def _norm(header: str) -> str:
    return " ".join(_NON_WORD.sub(" ", fold(header)).split())


def header_target(header: str) -> str:
    """The target a header name suggests ("" when it says nothing known)."""
    h = _norm(header)
    if not h:
        return ""
    for target, words in _PATTERNS:
        if h in words:
            return target
    padded = f" {h} "
    for target, words in _PATTERNS:
        if target == SKIP:
            continue
        for w in words:
            if len(w) > 2 and f" {w} " in padded:
                return target
    return ""


def _looks(kind: str, text: str) -> bool:
    if kind == "phone":
        return bool(_PHONE_CHARS.match(text)) and 7 <= len(only_digits(text)) <= 40
    if kind == "email":
        return "@" in text and " " not in text.strip()
    if kind == "inn":
        return text.isdigit() and inn_is_valid(text)
    return False


@dataclass
class ColumnMap:
    index: int
    header: str
    target: str
    samples: list[str] = field(default_factory=list)
    source: str = ""  # header | data | custom | "" (not recognised)


@dataclass
class Mapping:
    columns: list[ColumnMap]
    # Stage / status cell values → "stage:<id>", "status:<lead|active|…>" or "" (unknown: kept in notes)
    values: dict[str, str] = field(default_factory=dict)

    def by_target(self, target: str) -> list[ColumnMap]:
        return [c for c in self.columns if c.target == target]

    def set(self, index: int, target: str) -> None:
        for c in self.columns:
            if c.index == index:
                c.target = target

    @property
    def unknown_values(self) -> list[str]:
        return [v for v, t in self.values.items() if not t]


def _custom_fields() -> dict[str, int]:
    from db.models import CustomField
    return {fold(name): fid for fid, name in CustomField.select(CustomField.id, CustomField.name)
            .where(CustomField.entity == "client", CustomField.retired_at.is_null()).tuples()}


def guess_mapping(table, samples: int = 3) -> Mapping:
    from .values import resolve_status_value
    from .table import cell_text
    custom = _custom_fields()
    columns: list[ColumnMap] = []
    taken: set[str] = set()
    probe = table.rows[:200]
    for index, header in enumerate(table.headers):
        values = [cell_text(r[index]) for _, r in probe if index < len(r) and cell_text(r[index])]
        col = ColumnMap(index, header, NOTE, values[:samples])
        target = ""
        if table.header_row is not None:
            if fold(header) in custom:
                target, col.source = f"{CUSTOM}{custom[fold(header)]}", "custom"
            else:
                target = header_target(header)
                col.source = "header" if target else ""
        if not target and values:
            for kind in ("email", "inn", "phone"):
                hits = sum(1 for v in values[:50] if _looks(kind, v))
                if hits >= max(1, 0.7 * min(len(values), 50)):
                    target, col.source = kind, "data"
                    break
        if target and target not in MULTI and target in taken:
            target = NOTE  # a second "Город" column: keep its values in the notes
        if target:
            col.target = target
            taken.add(target)
        elif not values:
            col.target = SKIP
        columns.append(col)
    if table.header_row is None and taken & {"phone", "email", "inn"} and \
            not taken & {"name", "company", "last_name"}:
        for col in columns:  # no header: the first column of words is the name
            if col.target == NOTE and col.samples and all(any(ch.isalpha() for ch in s) for s in col.samples):
                col.target, col.source = "name", "data"
                break
    mapping = Mapping(columns)
    for col in columns:
        if col.target in ("stage", "status"):
            for _, r in table.rows:
                text = cell_text(r[col.index]) if col.index < len(r) else ""
                if text and text not in mapping.values:
                    mapping.values[text] = resolve_status_value(text)
    return mapping
