"""The rows of an export: clients (with contact persons, phones, e-mails, tags, custom
fields), deals and activities.  Fetched in chunks with a few ``IN`` queries per chunk;
times are converted from stored UTC to local time."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Iterator

from db.models import (Activity, Client, ClientTag, ContactPerson, CustomField, CustomFieldValue, Deal,
                       Email, Employee, Phone, Stage, Tag, database_proxy)
from db.sql import marks

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


def _in(column: str, ids) -> tuple[str, list]:
    return f'{column} IN ({marks(len(ids))})', list(ids)


def _query(sql: str, params) -> list[tuple]:
    return database_proxy.execute_sql(sql, params).fetchall()


class _Times:
    """Stored date/time values of one column as the export shows them: converted the way
    the peewee field converts them, times moved to local time; once per distinct value."""

    def __init__(self, field, to_local: bool):
        self.field, self.to_local, self.cache = field, to_local, {}

    def __call__(self, value):
        if value is None:
            return None
        if value.__class__ is not str:  # not the usual ISO text: nothing to remember
            return self._convert(value)
        try:
            return self.cache[value]
        except KeyError:
            pass
        if len(self.cache) > 100_000:
            self.cache.clear()
        out = self.cache[value] = self._convert(value)
        return out

    def _convert(self, value):
        out = self.field.python_value(value)
        return local(out) if self.to_local else out


_CLIENT_COLUMNS = ("id", "kind", "name", "inn", "kpp", "city", "region", "address", "status", "refusal_reason",
                   "source", "segment", "responsible", "birthday", "next_contact_at", "last_contact_at", "notes",
                   "created_at")


def _client_chunks(ids) -> Iterator[list[tuple]]:
    """Client rows (the ``_CLIENT_COLUMNS``) in chunks: the given ids in their order, or all
    clients by name.  Plain SQL: model objects cost more than the rest of the export."""
    table = Client._meta.table_name
    if ids is None:
        ids = [i for (i,) in _query(f'SELECT "id" FROM "{table}" WHERE "deleted_at" IS NULL '
                                    'ORDER BY "name_fold", "id"', ())]
    ids = list(dict.fromkeys(ids))
    fields = Client._meta.fields
    columns = ", ".join(f'"{fields[name].column_name}"' for name in _CLIENT_COLUMNS)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        where, params = _in('"id"', chunk)
        found = {r[0]: r for r in _query(f'SELECT {columns} FROM "{table}" WHERE {where}', params)}
        yield [found[i] for i in chunk if i in found]


def client_rows(ids=None, tick: Callable[[], None] | None = None) -> tuple[list[Column], Iterator[list]]:
    columns, fields = client_columns()
    employees = _employees()
    field_ids = [fid for fid, _ in fields]
    birthday = _Times(Client.birthday, False)
    next_contact, last_contact, created = (_Times(Client.next_contact_at, True), _Times(Client.last_contact_at, True),
                                           _Times(Client.created_at, True))
    phone_t, email_t, tag_t, link_t = (Phone._meta.table_name, Email._meta.table_name, Tag._meta.table_name,
                                       ClientTag._meta.table_name)
    value_t, person_t = CustomFieldValue._meta.table_name, ContactPerson._meta.table_name

    def rows():
        for chunk in _client_chunks(ids):
            cids = [c[0] for c in chunk]
            phones, emails, tags, custom, contacts = {}, {}, {}, {}, {}
            contact_phones, contact_emails = {}, {}
            where, params = _in('"client_id"', cids)
            for cid, contact, e164, raw in _query(f'SELECT "client_id", "contact_id", "e164", "raw" FROM "{phone_t}" '
                                                  f'WHERE {where} ORDER BY "order", "id"', params):
                target = phones.setdefault(cid, []) if contact is None else contact_phones.setdefault(contact, [])
                target.append(e164 or raw)
            for cid, contact, address in _query(f'SELECT "client_id", "contact_id", "address" FROM "{email_t}" '
                                                f'WHERE {where} ORDER BY "order", "id"', params):
                target = emails.setdefault(cid, []) if contact is None else contact_emails.setdefault(contact, [])
                target.append(address)
            for cid, name in _query(f'SELECT l."client_id", t."name" FROM "{tag_t}" AS t JOIN "{link_t}" AS l '
                                    f'ON l."tag_id" = t."id" WHERE l.{where} ORDER BY t."name"', params):
                tags.setdefault(cid, []).append(name)
            for cid, fid, value in _query(f'SELECT "client_id", "field_id", "value" FROM "{value_t}" WHERE {where}',
                                          params):
                custom.setdefault(cid, {})[fid] = value
            for pid, cid, name, position in _query(f'SELECT "id", "client_id", "name", "position" FROM "{person_t}" '
                                                   f'WHERE {where} AND "deleted_at" IS NULL ORDER BY "order", "id"',
                                                   params):
                contacts.setdefault(cid, []).append((pid, name, position))
            for (cid, kind, name, inn, kpp, city, region, address, status, refusal, source, segment, responsible,
                 born, next_at, last_at, notes, created_at) in chunk:
                people = "; ".join(_contact_text(pname, position, contact_phones.get(pid, []),
                                                 contact_emails.get(pid, []))
                                   for pid, pname, position in contacts.get(cid, ()))
                row = [cid, KIND_NAMES.get(kind, kind), name, inn, kpp, ", ".join(phones.get(cid, ())),
                       ", ".join(emails.get(cid, ())), city, region, address, STATUS_NAMES.get(status, status),
                       refusal, source, segment, employees.get(responsible, ""), birthday(born),
                       next_contact(next_at), last_contact(last_at), ", ".join(tags.get(cid, ())), people, notes,
                       created(created_at)]
                if field_ids:
                    values = custom.get(cid, {})
                    row += [values.get(fid, "") for fid in field_ids]
                yield row
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
