"""The rows of an export: clients (with contact persons, phones, e-mails, tags, custom
fields), deals and activities.  Fetched in chunks with a few ``IN`` queries per chunk;
times are converted from stored UTC to local time."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Iterator

from db.models import (Activity, Client, ClientTag, ContactPerson, CustomField, CustomFieldValue, Deal,
                       Email, Employee, Phone, Stage, Tag)

from .xlsx import Column

CHUNK = 1000
KIND_NAMES = {"person": "Человек", "company": "Компания"}
STATUS_NAMES = {"lead": "Лид", "active": "Активный", "refused": "Отказ", "archived": "Архив"}
ACTIVITY_KINDS = {"call_in": "Входящий звонок", "call_out": "Исходящий звонок", "email": "Письмо",
                  "meeting": "Встреча", "task": "Задача", "note": "Заметка", "feedback": "Отзыв"}
ACTIVITY_STATUSES = {"planned": "Запланировано", "done": "Выполнено", "cancelled": "Отменено"}


def local(value: datetime | None) -> datetime | None:
    """A stored naive-UTC time as naive local time (what the user sees in the app)."""
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def _ordered_chunks(model, ids, base_where, order) -> Iterator[list]:
    """Rows of ``model`` in chunks: the given ids in their order, or all rows by ``order``."""
    if ids is None:
        ids = [i for (i,) in model.select(model.id).where(base_where).order_by(*order).tuples()]
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        found = {r.id: r for r in model.select().where(model.id.in_(chunk))}
        yield [found[i] for i in chunk if i in found]


def _employees() -> dict[int, str]:
    return dict(Employee.select(Employee.id, Employee.name).tuples())


def client_columns() -> tuple[list[Column], list[tuple[int, str]]]:
    fields = list(CustomField.select(CustomField.id, CustomField.name)
                  .where(CustomField.entity == "client", CustomField.retired_at.is_null())
                  .order_by(CustomField.order, CustomField.id).tuples())
    cols = [Column("ID", "int", 8), Column("Тип", "text", 11), Column("Наименование", "text", 34),
            Column("ИНН", "text", 14), Column("КПП", "text", 11), Column("Телефоны", "phone", 30),
            Column("E-mail", "text", 28), Column("Город", "text", 16), Column("Регион", "text", 16),
            Column("Адрес", "text", 36), Column("Статус", "text", 11), Column("Причина отказа", "text", 20),
            Column("Источник", "text", 14), Column("Сегмент", "text", 14), Column("Ответственный", "text", 18),
            Column("Дата рождения", "date", 13), Column("Следующий контакт", "datetime", 17),
            Column("Последний контакт", "datetime", 17), Column("Теги", "text", 20),
            Column("Контактные лица", "text", 40), Column("Примечание", "text", 40),
            Column("Создан", "datetime", 17)]
    cols += [Column(name, "text", 16) for _, name in fields]
    return cols, fields


def _contact_text(name, position, phones, emails) -> str:
    details = [x for x in [position] + phones + emails if x]
    return f"{name} ({', '.join(details)})" if details else name


def client_rows(ids=None, tick: Callable[[], None] | None = None) -> tuple[list[Column], Iterator[list]]:
    columns, fields = client_columns()
    employees = _employees()

    def rows():
        for chunk in _ordered_chunks(Client, ids, Client.deleted_at.is_null(), (Client.name_fold, Client.id)):
            cids = [c.id for c in chunk]
            phones, emails, tags, custom, contacts = {}, {}, {}, {}, {}
            contact_phones, contact_emails = {}, {}
            for cid, contact, e164, raw in (Phone.select(Phone.client, Phone.contact, Phone.e164, Phone.raw)
                                            .where(Phone.client.in_(cids)).order_by(Phone.order, Phone.id).tuples()):
                target = phones.setdefault(cid, []) if contact is None else contact_phones.setdefault(contact, [])
                target.append(e164 or raw)
            for cid, contact, address in (Email.select(Email.client, Email.contact, Email.address)
                                          .where(Email.client.in_(cids)).order_by(Email.order, Email.id).tuples()):
                target = emails.setdefault(cid, []) if contact is None else contact_emails.setdefault(contact, [])
                target.append(address)
            for cid, name in (Tag.select(ClientTag.client, Tag.name).join(ClientTag)
                              .where(ClientTag.client.in_(cids)).order_by(Tag.name).tuples()):
                tags.setdefault(cid, []).append(name)
            for cid, fid, value in (CustomFieldValue.select(CustomFieldValue.client, CustomFieldValue.field,
                                                            CustomFieldValue.value)
                                    .where(CustomFieldValue.client.in_(cids)).tuples()):
                custom.setdefault(cid, {})[fid] = value
            for p in (ContactPerson.select().where(ContactPerson.client.in_(cids), ContactPerson.deleted_at.is_null())
                      .order_by(ContactPerson.order, ContactPerson.id)):
                contacts.setdefault(p.client_id, []).append(p)
            for c in chunk:
                people = "; ".join(_contact_text(p.name, p.position, contact_phones.get(p.id, []),
                                                 contact_emails.get(p.id, [])) for p in contacts.get(c.id, []))
                values = custom.get(c.id, {})
                yield [c.id, KIND_NAMES.get(c.kind, c.kind), c.name, c.inn, c.kpp, ", ".join(phones.get(c.id, [])),
                       ", ".join(emails.get(c.id, [])), c.city, c.region, c.address,
                       STATUS_NAMES.get(c.status, c.status), c.refusal_reason, c.source, c.segment,
                       employees.get(c.responsible_id, ""), c.birthday, local(c.next_contact_at),
                       local(c.last_contact_at), ", ".join(tags.get(c.id, [])), people, c.notes,
                       local(c.created_at)] + [values.get(fid, "") for fid, _ in fields]
            if tick:
                tick()
    return columns, rows()


def deal_rows(ids=None, tick=None) -> tuple[list[Column], Iterator[list]]:
    columns = [Column("ID", "int", 8), Column("Сделка", "text", 30), Column("Клиент", "text", 30),
               Column("Этап", "text", 20), Column("Сумма", "money", 14), Column("Валюта", "text", 8),
               Column("Вероятность, %", "int", 12), Column("Ожидаемое закрытие", "date", 14),
               Column("Ответственный", "text", 18), Column("Причина проигрыша", "text", 20),
               Column("Конкурент", "text", 16), Column("Создана", "datetime", 17), Column("Закрыта", "datetime", 17)]
    employees = _employees()
    stages = {s.id: s for s in Stage.select()}

    def rows():
        for chunk in _ordered_chunks(Deal, ids, Deal.deleted_at.is_null(), (Deal.created_at, Deal.id)):
            names = dict(Client.select(Client.id, Client.name)
                         .where(Client.id.in_({d.client_id for d in chunk})).tuples())
            for d in chunk:
                stage = stages.get(d.stage_id)
                prob = d.probability if d.probability is not None else (stage.probability if stage else None)
                yield [d.id, d.title, names.get(d.client_id, ""), stage.name if stage else "", d.amount,
                       d.currency, prob, d.expected_close, employees.get(d.responsible_id, ""), d.lost_reason,
                       d.competitor, local(d.created_at), local(d.closed_at)]
            if tick:
                tick()
    return columns, rows()


def activity_rows(ids=None, tick=None) -> tuple[list[Column], Iterator[list]]:
    columns = [Column("ID", "int", 8), Column("Тип", "text", 16), Column("Тема", "text", 30),
               Column("Результат", "text", 40), Column("Клиент", "text", 30), Column("Статус", "text", 14),
               Column("Запланировано", "datetime", 17), Column("Выполнено", "datetime", 17),
               Column("Напоминание", "datetime", 17), Column("Повтор", "text", 20),
               Column("Ответственный", "text", 18)]
    employees = _employees()

    def rows():
        for chunk in _ordered_chunks(Activity, ids, Activity.deleted_at.is_null(),
                                     (Activity.planned_at, Activity.done_at, Activity.id)):
            names = dict(Client.select(Client.id, Client.name)
                         .where(Client.id.in_({a.client_id for a in chunk if a.client_id})).tuples())
            for a in chunk:
                yield [a.id, ACTIVITY_KINDS.get(a.kind, a.kind), a.subject, a.result, names.get(a.client_id, ""),
                       ACTIVITY_STATUSES.get(a.status, a.status), local(a.planned_at), local(a.done_at),
                       local(a.reminder_at), a.recurrence, employees.get(a.responsible_id, "")]
            if tick:
                tick()
    return columns, rows()
