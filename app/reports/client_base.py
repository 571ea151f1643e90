"""The client base: new clients per month (or by source, segment, city) and birthdays.

New clients are the live clients created (local day) in the period that pass the
region, source and tag filters, belong to the filter's responsible, and, with a
pipeline chosen, have a deal in that pipeline.  ``birthdays`` lists the birthdays of
such clients and of their contact persons in the period (when it is at most a year
long), otherwise in the current month; a Feb 29 birthday falls on Feb 28 in other years.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from db.models import Client, Deal, utcnow

from .. import calendar
from ..recurrence import to_local, to_utc
from .base import Chart, Column, Filters, Report, ReportDef, Series
from .common import client_conditions, filter_lines, format_day, in_period, t
from .plans import month_label, month_of, months_between
from .sales import choose_option

_GROUP_COLUMNS = {"source": ("Source", "Источник"), "segment": ("Segment", "Сегмент"), "city": ("City", "Город")}
_MAX_FILLED_MONTHS = 120


def _client_query(flt: Filters, *fields):
    query = Client.select(*fields).where(*client_conditions(flt))
    if flt.responsible_id:
        query = query.where(Client.responsible == flt.responsible_id)
    if flt.pipeline_id:
        query = query.where(Client.id.in_(Deal.select(Deal.client).where(
            Deal.pipeline == flt.pipeline_id, Deal.deleted_at.is_null())))
    return query


def _by_month(flt: Filters, lang: str):
    created = _client_query(flt, Client.created_at).where(*in_period(Client.created_at, flt))
    counts = Counter(month_of(to_local(at).date()) for (at,) in created.tuples())
    if counts and flt.date_from and flt.date_to:
        months = months_between(flt.date_from, flt.date_to)
        if len(months) <= _MAX_FILLED_MONTHS:
            counts.update({m: 0 for m in months})
    rows = [[month_label(m, lang), counts[m]] for m in sorted(counts)]
    columns = [Column("month", t(lang, "Month", "Месяц"), "text", 16),
               Column("new", t(lang, "New clients", "Новых клиентов"), "int", 10)]
    return columns, rows, [None] * len(rows)


def _by_field(flt: Filters, lang: str, key: str):
    field = getattr(Client, key)
    created = _client_query(flt, field).where(*in_period(Client.created_at, flt))
    counts: Counter = Counter()
    spelling: dict[str, str] = {}
    for (value,) in created.tuples():
        text = " ".join((value or "").split())
        spelling.setdefault(text.lower(), text)
        counts[text.lower()] += 1
    total = sum(counts.values())
    unset = t(lang, "(not set)", "(не указан)")
    order = sorted(counts, key=lambda k: (k == "", -counts[k], k))
    rows = [[spelling[k] or unset, counts[k], (Decimal(counts[k]) * 100 / total).quantize(Decimal("0.1"))]
            for k in order]
    columns = [Column(key, t(lang, *_GROUP_COLUMNS[key]), "text", 22),
               Column("new", t(lang, "New clients", "Новых клиентов"), "int", 10),
               Column("share", t(lang, "Share", "Доля"), "percent", 8)]
    return columns, rows, [None] * len(rows)


def _birthday_days(flt: Filters, today: date) -> tuple[date, date]:
    if flt.date_from and flt.date_to and 0 <= (flt.date_to - flt.date_from).days < 366:
        return flt.date_from, flt.date_to
    first = today.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _birthdays(flt: Filters, lang: str, today: date):
    first, last = _birthday_days(flt, today)
    found = calendar.items(to_utc(datetime.combine(first, time.min)),
                           to_utc(datetime.combine(last + timedelta(days=1), time.min)),
                           responsible_id=flt.responsible_id, kinds=("birthday",), include_done=False)
    allowed = {i for (i,) in _client_query(flt, Client.id).where(
        Client.id.in_({b.client_id for b in found})).tuples()}
    people = [b for b in found if b.client_id in allowed]
    people.sort(key=lambda b: (b.day, b.title.lower()))
    client_word, contact_word = t(lang, "Client", "Клиент"), t(lang, "Contact person", "Контактное лицо")
    rows = [[b.day, b.title, contact_word if b.contact_id else client_word,
             b.client_name if b.contact_id else "", b.age] for b in people]
    columns = [Column("day", t(lang, "Date", "Дата"), "date", 11),
               Column("name", t(lang, "Name", "Имя"), "text", 26),
               Column("who", t(lang, "Who", "Кто"), "text", 16),
               Column("company", t(lang, "Contact of", "Контакт клиента"), "text", 24),
               Column("age", t(lang, "Turns", "Исполняется"), "int", 8)]
    return columns, rows, [("client", b.client_id) for b in people], (first, last)


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    option = choose_option(filters, DEFINITION.options)
    today = today or to_local(utcnow()).date()
    notes, chart, totals = [], None, None
    option_title = DEFINITION.option_titles[option]["en" if lang == "en" else "ru"]
    if option == "birthdays":
        columns, rows, refs, (first, last) = _birthdays(filters, lang, today)
        option_title = f"{option_title}: {format_day(first)} – {format_day(last)}"
        if not rows:
            notes.append(t(lang, "No birthdays in these days.", "В эти дни дней рождения нет."))
        else:
            totals = [t(lang, "Total", "Итого"), len(rows), None, None, None]
    else:
        columns, rows, refs = _by_month(filters, lang) if option == "month" else _by_field(filters, lang, option)
        if not rows:
            notes.append(t(lang, "No new clients for the chosen filters.",
                           "Новых клиентов по выбранным условиям нет."))
        else:
            totals = [t(lang, "Total", "Итого"), sum(r[1] for r in rows)]
            totals += [Decimal("100.0")] if len(columns) > 2 else []
            chart = Chart("bar", [r[0] for r in rows], [Series(columns[1].title, [float(r[1]) for r in rows])],
                          value_format="int")
        if option == "month":
            count = len(_birthdays(filters.with_(date_from=None, date_to=None), lang, today)[1])
            if count:
                notes.append(t(lang, f"Birthdays this month: {count} (see “Birthdays”).",
                               f"Дней рождения в этом месяце: {count} (см. «Дни рождения»)."))
    lines = filter_lines(filters, lang, option_title)
    return Report(DEFINITION.name, DEFINITION.title(lang), lines, columns, rows, totals, chart, refs, notes)


DEFINITION = ReportDef(
    name="clients",
    titles={"en": "Client base", "ru": "Клиентская база"},
    build=build,
    options=("month", "source", "segment", "city", "birthdays"),
    option_titles={"month": {"en": "New clients by month", "ru": "Новые клиенты по месяцам"},
                   "source": {"en": "New clients by source", "ru": "Новые клиенты по источникам"},
                   "segment": {"en": "New clients by segment", "ru": "Новые клиенты по сегментам"},
                   "city": {"en": "New clients by city", "ru": "Новые клиенты по городам"},
                   "birthdays": {"en": "Birthdays", "ru": "Дни рождения"}},
)
