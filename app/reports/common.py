"""Helpers every report shares: periods, the local-day → UTC bounds, the filter
conditions on clients and deals, and the localized filter lines."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from db.models import Client, ClientTag, Deal, Employee, Pipeline, Segment, Tag
from db.sql import no_index

from .. import access
from ..recurrence import to_utc
from .base import Filters


def t(lang: str, en: str, ru: str) -> str:
    """The text in the report language (reports speak Russian unless asked otherwise)."""
    return en if lang == "en" else ru


def _quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _month_end(day: date) -> date:
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def period_range(preset: str, today: date) -> tuple[date, date]:
    """First and last day of a preset period relative to ``today``."""
    if preset == "this_month":
        return today.replace(day=1), _month_end(today)
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "this_quarter":
        start = _quarter_start(today)
        return start, _month_end(date(start.year, start.month + 2, 1))
    if preset == "last_quarter":
        end = _quarter_start(today) - timedelta(days=1)
        return _quarter_start(end), end
    if preset == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if preset == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise ValueError(f"unknown period {preset!r}")


def previous_period(date_from: date, date_to: date) -> tuple[date, date]:
    """The period of the same length just before (whole months stay whole months)."""
    if date_from.day == 1 and date_to == _month_end(date_to):
        months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
        index = date_from.year * 12 + date_from.month - 1 - months
        start = date(index // 12, index % 12 + 1, 1)
        return start, date_from - timedelta(days=1)
    length = date_to - date_from
    end = date_from - timedelta(days=1)
    return end - length, end


def utc_bounds(flt: Filters) -> tuple[datetime | None, datetime | None]:
    """The filter's local days as a half-open UTC range [start, end) for stored times."""
    start = to_utc(datetime.combine(flt.date_from, time.min)) if flt.date_from else None
    end = to_utc(datetime.combine(flt.date_to + timedelta(days=1), time.min)) if flt.date_to else None
    return start, end


def in_period(column, flt: Filters) -> list:
    """Conditions putting a stored UTC datetime column inside the filter's period."""
    start, end = utc_bounds(flt)
    conds = []
    if start is not None:
        conds.append(column >= start)
    if end is not None:
        conds.append(column < end)
    return conds


def unindexed(column):
    """``+column``: SQLite will not walk that column's index for this condition (so that
    it walks the period's index instead)."""
    return no_index(column)


def _spellings(column, text: str) -> list[str]:
    """The stored values of ``column`` equal to ``text`` ignoring case and outer spaces.

    SQLite's LOWER() folds ASCII only ("Москва" != "москва" there), so the matching is
    done in Python over the column's distinct values and handed back as an IN list."""
    wanted = text.strip().casefold()
    values = column.model.select(column).distinct().tuples()
    return [v for (v,) in values if v is not None and v.strip().casefold() == wanted]


def client_conditions(flt: Filters, model=Client, scoped: bool = True) -> list:
    """Region, source and tag conditions on (live) clients (that the user may see)."""
    conds = [model.deleted_at.is_null(), *(access.scope(model) if scoped else ())]
    if flt.region.strip():
        conds.append(model.region.in_(_spellings(Client.region, flt.region))
                     | model.city.in_(_spellings(Client.city, flt.region)))
    if flt.source.strip():
        conds.append(model.source.in_(_spellings(Client.source, flt.source)))
    if flt.tag_id:
        conds.append(model.id.in_(ClientTag.select(ClientTag.client).where(ClientTag.tag == flt.tag_id)))
    if flt.segment_id is not None:
        from ..segment_filters import of_segment
        conds += of_segment(model.id, flt.segment_id)
    return conds


def deal_conditions(flt: Filters) -> list:
    """Live deals of the filter's responsible and pipeline, whose clients pass
    ``client_conditions``; the deal's own source counts as well as the client's."""
    conds = [Deal.deleted_at.is_null(), *access.scope(Deal)]
    if flt.responsible_id:
        conds.append(Deal.responsible == flt.responsible_id)
    if flt.pipeline_id:
        conds.append(Deal.pipeline == flt.pipeline_id)
    client_flt = flt.with_(source="") if flt.source.strip() else flt
    clients = Client.select(Client.id).where(*client_conditions(client_flt, scoped=False))
    conds.append(Deal.client.in_(clients))  # also drops deals of trashed clients
    if flt.source.strip():
        by_client = Client.select(Client.id).where(Client.source.in_(_spellings(Client.source, flt.source)))
        conds.append(Deal.source.in_(_spellings(Deal.source, flt.source)) | Deal.client.in_(by_client))
    return conds


def format_day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def filter_lines(flt: Filters, lang: str, option_title: str = "") -> list[str]:
    """The filters as printed under a report's title."""
    lines = []
    if flt.date_from or flt.date_to:
        start = format_day(flt.date_from) if flt.date_from else "…"
        end = format_day(flt.date_to) if flt.date_to else "…"
        lines.append(f"{t(lang, 'Period', 'Период')}: {start} – {end}")
    if flt.responsible_id:
        emp = Employee.get_or_none(Employee.id == flt.responsible_id)
        lines.append(f"{t(lang, 'Responsible', 'Ответственный')}: {emp.name if emp else '?'}")
    if flt.pipeline_id:
        pipe = Pipeline.get_or_none(Pipeline.id == flt.pipeline_id)
        lines.append(f"{t(lang, 'Pipeline', 'Воронка')}: {pipe.name if pipe else '?'}")
    if flt.region.strip():
        lines.append(f"{t(lang, 'Region', 'Регион')}: {flt.region.strip()}")
    if flt.source.strip():
        lines.append(f"{t(lang, 'Source', 'Источник')}: {flt.source.strip()}")
    if flt.tag_id:
        tag = Tag.get_or_none(Tag.id == flt.tag_id)
        lines.append(f"{t(lang, 'Tag', 'Тег')}: {tag.name if tag else '?'}")
    if flt.segment_id is not None:
        segment = Segment.get_or_none(Segment.id == flt.segment_id)
        lines.append(f"{t(lang, 'Segment', 'Сегмент')}: {segment.name if segment else '?'}")
    if option_title:
        lines.append(option_title)
    return lines
