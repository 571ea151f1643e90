"""Sales: the won amount of the period by month, quarter, responsible, city, source or
product, with the previous period of the same length alongside.

A deal counts when its stage is a *won* one and its ``closed_at`` falls in the period.
By product, the amount is quantity × price of the won deals' lines (each line rounded to
the kopeck, as the deal card does).  Months and quarters of the previous period are
matched by position (the 1st month of this period against the 1st of the previous one).
Money is summed as ``Decimal``: exact to the kopeck.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from peewee import JOIN

from db.models import Client, Deal, DealLine, Employee, Stage

from ..deal_details import LineItem
from ..errors import ValidationError
from ..recurrence import to_local
from .base import Chart, Column, Filters, Report, ReportDef, Series, money
from .common import deal_conditions, filter_lines, format_day, in_period, previous_period, t

OPTIONS = ("month", "quarter", "responsible", "city", "source", "product")
OPTION_TITLES = {
    "month": {"en": "By month", "ru": "По месяцам"},
    "quarter": {"en": "By quarter", "ru": "По кварталам"},
    "responsible": {"en": "By responsible", "ru": "По ответственным"},
    "city": {"en": "By city", "ru": "По городам"},
    "source": {"en": "By source", "ru": "По источникам"},
    "product": {"en": "By product", "ru": "По товарам"},
}
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "ru": ("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
           "Октябрь", "Ноябрь", "Декабрь"),
}
_GROUP_TITLES = {
    "month": ("Month", "Месяц"), "quarter": ("Quarter", "Квартал"), "responsible": ("Responsible", "Ответственный"),
    "city": ("City", "Город"), "source": ("Source", "Источник"), "product": ("Product", "Товар / услуга"),
}
_TIME_STEPS = {"month": 1, "quarter": 3}   # months per row of a time grouping


# --- helpers the lost-deals report shares ---------------------------------------------

def local_day(utc: datetime) -> date:
    return to_local(utc).date()


def step_index(day: date, months: int) -> int:
    """The running number of the month (``months`` = 1) or quarter (3) of a day."""
    return (day.year * 12 + day.month - 1) // months


def step_label(index: int, months: int, lang: str) -> str:
    if months == 1:
        return f"{_MONTHS['en' if lang == 'en' else 'ru'][index % 12]} {index // 12}"
    year, quarter = divmod(index, 4)
    return f"Q{quarter + 1} {year}" if lang == "en" else f"{quarter + 1} кв. {year}"


def percent(part, whole) -> Decimal | None:
    """``part`` as a percentage of ``whole`` to 0.01 (None when ``whole`` is zero)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def choose_option(flt: Filters, options: tuple[str, ...]) -> str:
    option = flt.option.strip() or options[0]
    if option not in options:
        raise ValidationError(field="option", detail=f"{option!r} is not one of {', '.join(options)}")
    return option


def fold(text: str | None) -> str:
    return (text or "").strip().casefold()


# --- the report -------------------------------------------------------------------------

def _won_deals(flt: Filters) -> list[tuple]:
    """(id, amount, closed_at, responsible id, responsible name, city, source) per won deal."""
    query = (Deal.select(Deal.id, Deal.amount, Deal.closed_at, Deal.responsible, Employee.name, Client.city,
                         Deal.source, Client.source)
             .join(Stage, on=(Deal.stage == Stage.id))
             .switch(Deal).join(Client, on=(Deal.client == Client.id))
             .switch(Deal).join(Employee, JOIN.LEFT_OUTER, on=(Deal.responsible == Employee.id))
             .where(Stage.kind == "won", *deal_conditions(flt), *in_period(Deal.closed_at, flt))
             .order_by(Deal.closed_at, Deal.id).tuples())
    return [(i, money(a), c, rid, rname, city, dsrc or csrc) for i, a, c, rid, rname, city, dsrc, csrc in query]


def _lines(flt: Filters) -> list[tuple]:
    """(deal id, product name, line amount) of the lines of won deals."""
    won = Deal.select(Deal.id).join(Stage, on=(Deal.stage == Stage.id)).where(
        Stage.kind == "won", *deal_conditions(flt), *in_period(Deal.closed_at, flt))
    query = (DealLine.select(DealLine.deal, DealLine.name, DealLine.quantity, DealLine.price)
             .where(DealLine.deal.in_(won)).order_by(DealLine.deal, DealLine.order, DealLine.id).tuples())
    return [(d, name, LineItem(name, Decimal(q or 0), money(p)).total) for d, name, q, p in query]


def _group(flt: Filters, option: str, lang: str) -> dict:
    """{key: [label, deal ids, amount]} of the period (time keys count from its start)."""
    groups: dict = {}
    steps = _TIME_STEPS.get(option)
    base = step_index(flt.date_from, steps) if steps and flt.date_from else 0
    nobody, none = t(lang, "(not assigned)", "(не назначен)"), t(lang, "(not given)", "(не указан)")
    if option == "product":
        items = [(fold(name), name.strip() or none, d, amount) for d, name, amount in _lines(flt)]
    else:
        items = []
        for did, amount, closed, rid, rname, city, source in _won_deals(flt):
            if steps:
                index = step_index(local_day(closed), steps)
                key, label = index - base, step_label(index, steps, lang)
            elif option == "responsible":
                key, label = rid or 0, rname if rid else nobody
            else:
                value = city if option == "city" else source
                key, label = fold(value), (value or "").strip() or none
            items.append((key, label, did, amount))
    for key, label, did, amount in items:
        entry = groups.setdefault(key, [label, set(), Decimal("0.00")])
        entry[1].add(did)
        entry[2] += amount
    return groups


def _rows(flt: Filters, option: str, lang: str, prev: Filters | None) -> tuple[list, list]:
    current = _group(flt, option, lang)
    before = _group(prev, option, lang) if prev else {}
    steps = _TIME_STEPS.get(option)
    if steps and flt.date_from and flt.date_to:   # a time axis shows every month of the period
        base = step_index(flt.date_from, steps)
        last = step_index(flt.date_to, steps) - base
        for key in range(last + 1):
            current.setdefault(key, [step_label(base + key, steps, lang), set(), Decimal("0.00")])
        for key in [k for k in before if k > last]:   # a longer previous period folds into the last row
            before.setdefault(last, ["", set(), Decimal("0.00")])[2] += before.pop(key)[2]
    for key, (label, _, _) in before.items():
        current.setdefault(key, [label, set(), Decimal("0.00")])
    if steps:
        keys = sorted(current)
    else:
        keys = sorted(current, key=lambda k: (-current[k][2], -before.get(k, [0, 0, 0])[2], fold(current[k][0])))
    rows = []
    for key in keys:
        label, ids, amount = current[key]
        row = [label, len(ids), amount]
        if prev:
            was = before.get(key, ["", set(), Decimal("0.00")])[2]
            row += [was, percent(amount - was, was)]
        rows.append(row)
    deal_ids = set().union(*(ids for _, ids, _ in current.values())) if current else set()
    return rows, [len(deal_ids)]


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    option = choose_option(filters, OPTIONS)
    prev = None
    if filters.date_from and filters.date_to:
        start, end = previous_period(filters.date_from, filters.date_to)
        prev = filters.with_(date_from=start, date_to=end)
    rows, (deal_count,) = _rows(filters, option, lang, prev)
    columns = [Column("group", t(lang, *_GROUP_TITLES[option]), "text", 24),
               Column("deals", t(lang, "Deals", "Сделок"), "int", 8),
               Column("amount", t(lang, "Amount", "Сумма"), "money", 14)]
    if prev:
        columns += [Column("previous", t(lang, "Previous period", "Предыдущий период"), "money", 14),
                    Column("change", t(lang, "Change, %", "Изменение, %"), "percent", 10)]
    total = sum((r[2] for r in rows), Decimal("0.00"))
    notes = [t(lang, "Won deals, by the day they were closed.", "Выигранные сделки по дате закрытия.")]
    if prev:
        was = sum((r[3] for r in rows), Decimal("0.00"))
        totals = [t(lang, "Total", "Итого"), deal_count, total, was, percent(total - was, was)]
        notes.append(t(lang, "Previous period: ", "Предыдущий период: ")
                     + f"{format_day(prev.date_from)} – {format_day(prev.date_to)}")
    else:
        totals = [t(lang, "Total", "Итого"), deal_count, total]
        notes.append(t(lang, "No previous period to compare with: the period is open-ended.",
                       "Сравнения с предыдущим периодом нет: период не ограничен."))
    if option == "product":
        bare = {d for d, *_ in _won_deals(filters)} - {d for d, *_ in _lines(filters)}
        if bare:
            notes.append(t(lang, f"{len(bare)} won deal(s) without product lines are not counted here.",
                           f"Выигранных сделок без товаров (здесь не учтены): {len(bare)}."))
    if not any(r[1] or r[2] or (prev and r[3]) for r in rows):
        rows, totals = [], None
        notes.append(t(lang, "No won deals in the period.", "За период нет выигранных сделок."))
    series = [Series(t(lang, "This period", "Текущий период"), [float(r[2]) for r in rows])]
    if prev:
        series.append(Series(t(lang, "Previous period", "Предыдущий период"), [float(r[3]) for r in rows]))
    return Report(
        name="sales", title=DEFINITION.title(lang),
        filter_lines=filter_lines(filters, lang, OPTION_TITLES[option][lang if lang == "en" else "ru"]),
        columns=columns, rows=rows, totals=totals,
        chart=Chart("bar", [r[0] for r in rows], series, "money", y_label=t(lang, "Amount", "Сумма")),
        refs=[None] * len(rows), notes=notes)


DEFINITION = ReportDef(name="sales", titles={"en": "Sales", "ru": "Продажи"}, build=build,
                       options=OPTIONS, option_titles=OPTION_TITLES)
