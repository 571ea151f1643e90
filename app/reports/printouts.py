"""Printable client documents: one client's card (details, contact persons, deals and
the history of activities) and a list of clients.  Built from the same queries the
client card and the client list use."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from .base import Column, Document, FieldsBlock, TableBlock
from .common import t

_KINDS = {"person": ("Person", "Частное лицо"), "company": ("Company", "Компания")}
_STATUSES = {"lead": ("Lead", "Лид"), "active": ("Active", "Активный"), "refused": ("Refused", "Отказ"),
             "archived": ("Archived", "Архив")}
_DEAL_STATUSES = {"open": ("In progress", "В работе"), "won": ("Won", "Выиграна"), "lost": ("Lost", "Проиграна")}
_ACTIVITY_KINDS = {"call_in": ("Incoming call", "Входящий звонок"),
                   "call_out": ("Outgoing call", "Исходящий звонок"),
                   "email": ("E-mail", "Письмо"), "meeting": ("Meeting", "Встреча"), "task": ("Task", "Задача"),
                   "note": ("Note", "Заметка"), "feedback": ("Feedback", "Отзыв")}


def _name(table: dict, key: str, lang: str) -> str:
    pair = table.get(key)
    return t(lang, *pair) if pair else key


def _local(value: datetime | None) -> datetime | None:
    from ..recurrence import to_local
    return to_local(value) if value else None


def _when(value: datetime | None) -> str:
    from .document import format_value
    return format_value(_local(value), "date")


def _phones(items) -> str:
    from ..phones import format_phone
    return ", ".join(format_phone(p.e164, p.raw).replace(" ", "\u00a0") for p in items)


def _details(data, lang: str) -> FieldsBlock:
    from ..card_lookups import employee_names
    responsible = employee_names([data.responsible_id]).get(data.responsible_id, "")
    status = _name(_STATUSES, data.status, lang)
    if data.refusal_reason:
        status += f" ({data.refusal_reason})"
    inn = data.inn + (f" / {t(lang, 'KPP', 'КПП')} {data.kpp}" if data.kpp else "")
    city = ", ".join(dict.fromkeys(p for p in (data.city, data.region) if p))
    pairs = [(t(lang, "Type", "Тип"), _name(_KINDS, data.kind, lang)),
             (t(lang, "Name", "Наименование"), data.name),
             (t(lang, "INN", "ИНН"), inn),
             (t(lang, "Phones", "Телефоны"), _phones(data.phones)),
             (t(lang, "E-mails", "E-mail"), ", ".join(data.emails)),
             (t(lang, "City", "Город"), city),
             (t(lang, "Address", "Адрес"), data.address),
             (t(lang, "Status", "Статус"), status),
             (t(lang, "Source", "Источник"), data.source),
             (t(lang, "Responsible", "Ответственный"), responsible),
             (t(lang, "Next contact", "Следующий контакт"), _when(data.next_contact_at))]
    if data.tags:
        pairs.append((t(lang, "Tags", "Теги"), ", ".join(data.tags)))
    return FieldsBlock(pairs=pairs, title=t(lang, "Details", "Реквизиты"))


def _contacts(data, lang: str) -> TableBlock:
    cols = [Column("name", t(lang, "Name", "ФИО"), "text", 24),
            Column("position", t(lang, "Position", "Должность"), "text", 16),
            Column("phones", t(lang, "Phones", "Телефоны"), "text", 19),
            Column("emails", t(lang, "E-mails", "E-mail"), "text", 23)]
    rows = [[c.name, c.position, _phones(c.phones), ", ".join(c.emails)] for c in data.contacts]
    return TableBlock(cols, rows, title=t(lang, "Contact persons", "Контактные лица"))


def _deals(client_id: int, lang: str) -> TableBlock:
    from ..deals import deals_of_client
    cols = [Column("title", t(lang, "Deal", "Сделка"), "text", 30),
            Column("stage", t(lang, "Stage", "Этап"), "text", 18),
            Column("amount", t(lang, "Amount, ₽", "Сумма, ₽"), "money", 14),
            Column("status", t(lang, "Status", "Статус"), "text", 12)]
    deals = deals_of_client(client_id)
    rows = [[d.title, d.stage.name, Decimal(d.amount or 0), _name(_DEAL_STATUSES, d.stage.kind, lang)]
            for d in deals]
    totals = [t(lang, "Total", "Итого"), None, sum((r[2] for r in rows), Decimal("0.00")), None] if rows else None
    return TableBlock(cols, rows, totals, title=t(lang, "Deals", "Сделки"))


def _history(client_id: int, lang: str) -> TableBlock:
    from ..activities import timeline
    cols = [Column("when", t(lang, "Date", "Дата"), "date", 15),
            Column("kind", t(lang, "Kind", "Вид"), "text", 17),
            Column("subject", t(lang, "Subject", "Тема"), "text", 24),
            Column("result", t(lang, "Result", "Результат"), "text", 33)]
    rows = []
    for a in timeline(client_id):
        result = " ".join((a.result or "").split())
        if a.status == "planned":
            result = result or t(lang, "(planned)", "(запланировано)")
        elif a.status == "cancelled":
            result = t(lang, "(cancelled) ", "(отменено) ") + result
        rows.append([_local(a.done_at or a.planned_at or a.created_at), _name(_ACTIVITY_KINDS, a.kind, lang),
                     a.subject, result])
    return TableBlock(cols, rows, title=t(lang, "History", "История работы"))


def client_card_document(client_id: int, lang: str = "ru") -> Document:
    """One client on paper: details, contact persons (when there are any), deals and
    the activity history.  Raises ``NotFoundError`` for an unknown client."""
    from ..clients import load_client
    from .document import company_name
    data = load_client(client_id)
    blocks = [_details(data, lang)]
    if data.contacts:
        blocks.append(_contacts(data, lang))
    blocks += [_deals(client_id, lang), _history(client_id, lang)]
    subtitle = [f"{t(lang, 'Client card', 'Карточка клиента')} № {client_id}"]
    return Document(title=data.name, subtitle_lines=subtitle, blocks=blocks, company=company_name())


def _all_phones(ids: list[int]) -> dict[int, list[str]]:
    """The client's own phones (not the contact persons'), in their order."""
    from db.models import Phone

    from ..phones import format_phone
    out: dict[int, list[str]] = {}
    for cid, e164, raw in (Phone.select(Phone.client, Phone.e164, Phone.raw)
                           .where(Phone.client.in_(ids), Phone.contact.is_null())
                           .order_by(Phone.client, Phone.order, Phone.id).tuples()):
        out.setdefault(cid, []).append(format_phone(e164, raw).replace(" ", "\u00a0"))
    return out


def client_list_document(client_ids, lang: str = "ru", filter_lines=()) -> Document:
    """The given clients, in the given order, as a landscape table."""
    from ..client_list import client_rows
    from .document import company_name
    ids = list(dict.fromkeys(client_ids))
    cols = [Column("name", t(lang, "Client", "Клиент"), "text", 32),
            Column("phones", t(lang, "Phones", "Телефоны"), "text", 26),
            Column("city", t(lang, "City", "Город"), "text", 14),
            Column("status", t(lang, "Status", "Статус"), "text", 10),
            Column("responsible", t(lang, "Responsible", "Ответственный"), "text", 18),
            Column("next", t(lang, "Next contact", "Следующий контакт"), "date", 15)]
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found, phones = client_rows(chunk), _all_phones(chunk)
        for cid in chunk:
            r = found.get(cid)
            if r is not None:
                rows.append([r.name, ", ".join(phones.get(cid, [])), r.city, _name(_STATUSES, r.status, lang),
                             r.responsible, _local(r.next_contact_at)])
    subtitle = list(filter_lines) + [f"{t(lang, 'Clients', 'Клиентов')}: {len(rows)}"]
    return Document(title=t(lang, "Client list", "Список клиентов"), subtitle_lines=subtitle,
                    blocks=[TableBlock(cols, rows)], company=company_name(), landscape=True)
