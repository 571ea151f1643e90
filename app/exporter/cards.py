"""Clients as vCard 3.0 and planned activities as iCalendar (RFC 5545): escaped values,
lines folded at 75 octets, CRLF line ends, UTF-8."""
from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Iterable

from db.models import (Activity, Client, ClientTag, ContactPerson, Email, Phone, Tag,
                       utcnow)

from .data import ACTIVITY_KINDS, CHUNK


def escape(text: str) -> str:
    return (str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold_line(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets (never inside a character)."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _write(path: Path, lines: Iterable[str]) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            for line in lines:
                fh.write(fold_line(line) + "\r\n")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _vcard_lines(ids, tick) -> Iterable[str]:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        clients = {c.id: c for c in Client.select().where(Client.id.in_(chunk))}
        phones, emails, tags, contacts = {}, {}, {}, {}
        for cid, e164, raw, label in (Phone.select(Phone.client, Phone.e164, Phone.raw, Phone.label)
                                      .where(Phone.client.in_(chunk), Phone.contact.is_null())
                                      .order_by(Phone.order, Phone.id).tuples()):
            phones.setdefault(cid, []).append(e164 or raw)
        for cid, address in (Email.select(Email.client, Email.address)
                             .where(Email.client.in_(chunk), Email.contact.is_null())
                             .order_by(Email.order, Email.id).tuples()):
            emails.setdefault(cid, []).append(address)
        for cid, name in Tag.select(ClientTag.client, Tag.name).join(ClientTag).where(
                ClientTag.client.in_(chunk)).tuples():
            tags.setdefault(cid, []).append(name)
        for cid, name, position in (ContactPerson.select(ContactPerson.client, ContactPerson.name,
                                                         ContactPerson.position)
                                    .where(ContactPerson.client.in_(chunk), ContactPerson.deleted_at.is_null())
                                    .tuples()):
            contacts.setdefault(cid, []).append(f"{name} ({position})" if position else name)
        for cid in chunk:
            c = clients.get(cid)
            if c is None:
                continue
            yield from ("BEGIN:VCARD", "VERSION:3.0", f"UID:kartoteka-client-{c.id}", f"FN:{escape(c.name)}")
            if c.kind == "company":
                yield "N:;;;;"
                yield f"ORG:{escape(c.name)}"
                yield "X-ABShowAs:COMPANY"
            else:
                words = c.name.split()
                family, given, middle = (words + ["", "", ""])[:3] if len(words) > 1 else ("", c.name, "")
                yield f"N:{escape(family)};{escape(given)};{escape(middle)};;"
            for number in phones.get(cid, []):
                yield f"TEL;TYPE=VOICE:{escape(number)}"
            for address in emails.get(cid, []):
                yield f"EMAIL;TYPE=INTERNET:{escape(address)}"
            if c.address or c.city or c.region:
                yield f"ADR;TYPE=WORK:;;{escape(c.address)};{escape(c.city)};{escape(c.region)};;"
            if c.birthday:
                yield f"BDAY:{c.birthday:%Y-%m-%d}"
            if tags.get(cid):
                yield "CATEGORIES:" + ",".join(escape(t) for t in tags[cid])
            note = "\n".join(x for x in [c.notes] + [f"Контакт: {p}" for p in contacts.get(cid, [])] if x)
            if c.inn:
                note = f"ИНН {c.inn}" + ("\n" + note if note else "")
            if note:
                yield f"NOTE:{escape(note)}"
            yield f"REV:{c.updated_at:%Y%m%dT%H%M%SZ}"
            yield "END:VCARD"
        if tick:
            tick()


def write_vcards(path, ids: list[int], tick: Callable[[], None] | None = None) -> int:
    _write(Path(path), _vcard_lines(ids, tick))
    return len(ids)


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%SZ")  # stored times are UTC


def _ics_lines(activities: list[Activity], names: dict[int, str]) -> Iterable[str]:
    yield from ("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kartoteka//Kartoteka CRM//RU", "CALSCALE:GREGORIAN")
    now = _stamp(utcnow())
    for a in activities:
        todo = a.kind == "task"
        kind = ACTIVITY_KINDS.get(a.kind, a.kind)
        summary = a.subject or kind
        client = names.get(a.client_id, "")
        if client:
            summary = f"{summary} — {client}"
        yield "BEGIN:VTODO" if todo else "BEGIN:VEVENT"
        yield f"UID:kartoteka-activity-{a.id}@kartoteka"
        yield f"DTSTAMP:{now}"
        yield f"DTSTART:{_stamp(a.planned_at)}"
        if todo:
            yield f"DUE:{_stamp(a.planned_at + timedelta(minutes=a.duration_min or 30))}"
        else:
            yield f"DTEND:{_stamp(a.planned_at + timedelta(minutes=a.duration_min or 30))}"
        yield f"SUMMARY:{escape(summary)}"
        description = "\n".join(x for x in (f"{kind}", f"Клиент: {client}" if client else "", a.result) if x)
        yield f"DESCRIPTION:{escape(description)}"
        if a.recurrence:
            yield "RRULE:" + a.recurrence.strip().removeprefix("RRULE:")
        if a.reminder_at:
            yield from ("BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape(summary)}",
                        f"TRIGGER;VALUE=DATE-TIME:{_stamp(a.reminder_at)}", "END:VALARM")
        yield "END:VTODO" if todo else "END:VEVENT"
    yield "END:VCALENDAR"


def write_ics(path, ids=None, tick: Callable[[], None] | None = None) -> int:
    """Planned activities (with a planned time) as events; tasks as to-dos."""
    query = Activity.select().where(Activity.deleted_at.is_null(), Activity.status == "planned",
                                    Activity.planned_at.is_null(False))
    if ids is not None:
        query = query.where(Activity.id.in_(list(ids)))
    activities = list(query.order_by(Activity.planned_at, Activity.id))
    client_ids = list({a.client_id for a in activities if a.client_id})
    names = {}
    for start in range(0, len(client_ids), CHUNK):
        names.update(Client.select(Client.id, Client.name)
                     .where(Client.id.in_(client_ids[start:start + CHUNK])).tuples())
    _write(Path(path), _ics_lines(activities, names))
    return len(activities)
