"""Sales forecast.

``pipeline`` (default): open deals by expected close month with their amount and the
probability-weighted amount (the deal's own probability, else its stage's); the
period limits the expected close dates, and deals without one are always shown in a
"no date" row.
``plan``: revenue plan against actual revenue per manager per month, the actual being
the amounts of the deals won (closed) in that local month of the period.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from peewee import JOIN

from db.models import Deal, Employee, Stage, utcnow

from ..recurrence import to_local
from .base import Chart, Column, Filters, Report, ReportDef, Series, money
from .common import deal_conditions, filter_lines, in_period, t
from .plans import month_label, month_of, percent, period_months, plans
from .sales import choose_option


def _pipeline(flt: Filters, lang: str, today: date):
    query = (Deal.select(Deal.amount, Deal.probability, Stage.probability, Deal.expected_close)
             .join(Stage).where(Stage.kind == "open", *deal_conditions(flt)))
    if flt.date_from:
        query = query.where(Deal.expected_close.is_null() | (Deal.expected_close >= flt.date_from))
    if flt.date_to:
        query = query.where(Deal.expected_close.is_null() | (Deal.expected_close <= flt.date_to))
    groups: dict[str | None, list] = {}
    late = 0
    for amount, own, stage_prob, close in query.tuples():
        amount = Decimal(amount or 0)
        prob = own if own is not None else (stage_prob or 0)
        group = groups.setdefault(month_of(close) if close else None, [0, Decimal(0), Decimal(0)])
        group[0] += 1
        group[1] += amount
        group[2] += amount * prob / 100
        late += bool(close and close < today)
    keys = sorted(k for k in groups if k) + ([None] if None in groups else [])
    no_date = t(lang, "No date", "Без даты")
    rows = [[month_label(k, lang) if k else no_date, groups[k][0], money(groups[k][1]), money(groups[k][2])]
            for k in keys]
    columns = [Column("month", t(lang, "Expected close", "Ожидаемое закрытие"), "text", 18),
               Column("deals", t(lang, "Deals", "Сделок"), "int", 8),
               Column("amount", t(lang, "Amount", "Сумма"), "money", 16),
               Column("weighted", t(lang, "Weighted by probability", "С учётом вероятности"), "money", 16)]
    totals = [t(lang, "Total", "Итого"), sum(r[1] for r in rows), sum((r[2] for r in rows), money(0)),
              sum((r[3] for r in rows), money(0))] if rows else None
    notes = []
    if late:
        notes.append(t(lang, f"Open deals past their expected close date: {late}.",
                       f"Открытых сделок с прошедшей датой закрытия: {late}."))
    chart = Chart("bar", [r[0] for r in rows],
                  [Series(columns[2].title, [float(r[2]) for r in rows]),
                   Series(columns[3].title, [float(r[3]) for r in rows])]) if rows else None
    return columns, rows, totals, chart, notes


def _plan(flt: Filters, lang: str, today: date):
    query = (Deal.select(Deal.responsible, Employee.name, Deal.closed_at, Deal.amount)
             .join(Stage).switch(Deal).join(Employee, JOIN.LEFT_OUTER, on=(Deal.responsible == Employee.id))
             .where(Stage.kind == "won", Deal.closed_at.is_null(False), *deal_conditions(flt),
                    *in_period(Deal.closed_at, flt)))
    actual: dict[tuple, list] = {}
    names: dict[int | None, str] = {None: t(lang, "No responsible", "Без ответственного")}
    for emp, name, closed, amount in query.tuples():
        cell = actual.setdefault((emp, month_of(to_local(closed).date())), [0, Decimal(0)])
        cell[0] += 1
        cell[1] += Decimal(amount or 0)
        if emp is not None:
            names[emp] = name or ""
    month_from, month_to = period_months(flt.date_from, flt.date_to)
    targets = {(emp, m): v for emp, by_month in plans(month_from, month_to, "revenue", flt.responsible_id).items()
               for m, v in by_month.items()}
    missing = {e for e, _ in targets if e not in names}
    names.update(dict(Employee.select(Employee.id, Employee.name).where(Employee.id.in_(missing)).tuples()))
    keys = sorted(set(actual) | set(targets), key=lambda k: (k[0] is None, names[k[0]].lower(), k[0] or 0, k[1]))
    rows = []
    for emp, month in keys:
        won, amount = actual.get((emp, month), (0, Decimal(0)))
        target = targets.get((emp, month))
        rows.append([names[emp], month_label(month, lang), None if target is None else money(target),
                     money(amount), percent(amount, target), won])
    columns = [Column("manager", t(lang, "Manager", "Менеджер"), "text", 20),
               Column("month", t(lang, "Month", "Месяц"), "text", 14),
               Column("plan", t(lang, "Plan", "План"), "money", 14),
               Column("actual", t(lang, "Actual", "Факт"), "money", 14),
               Column("percent", t(lang, "% of plan", "% плана"), "percent", 9),
               Column("won", t(lang, "Deals won", "Выиграно сделок"), "int", 9)]
    totals = None
    if rows:
        plan_sum = sum((r[2] for r in rows if r[2] is not None), money(0))
        fact_sum = sum((r[3] for r in rows), money(0))
        totals = [t(lang, "Total", "Итого"), "", plan_sum, fact_sum, percent(fact_sum, plan_sum),
                  sum(r[5] for r in rows)]
    notes = []
    if rows and (flt.region.strip() or flt.source.strip() or flt.tag_id or flt.pipeline_id
                 or flt.segment_id is not None):
        notes.append(t(lang, "Plans are per manager: the client and pipeline filters narrow the actual only.",
                       "Планы ставятся менеджерам: фильтры по клиентам и воронке сужают только факт."))
    months = {m for _, m in keys}
    labels = [r[0] if len(months) == 1 else f"{r[0]}, {r[1]}" for r in rows]
    chart = Chart("bar", labels, [Series(columns[2].title, [float(r[2] or 0) for r in rows]),
                                  Series(columns[3].title, [float(r[3]) for r in rows])]) if rows else None
    return columns, rows, totals, chart, notes


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    option = choose_option(filters, DEFINITION.options)
    today = today or to_local(utcnow()).date()
    maker = _pipeline if option == "pipeline" else _plan
    columns, rows, totals, chart, notes = maker(filters, lang, today)
    if not rows:
        notes.append(t(lang, "No open deals for the chosen filters.", "Нет открытых сделок по выбранным условиям.")
                     if option == "pipeline" else
                     t(lang, "No plans and no won deals for the chosen filters.",
                       "Нет ни планов, ни выигранных сделок по выбранным условиям."))
    option_title = DEFINITION.option_titles[option]["en" if lang == "en" else "ru"]
    return Report(DEFINITION.name, DEFINITION.title(lang), filter_lines(filters, lang, option_title),
                  columns, rows, totals, chart, [None] * len(rows), notes)


DEFINITION = ReportDef(
    name="forecast",
    titles={"en": "Sales forecast", "ru": "Прогноз продаж"},
    build=build,
    options=("pipeline", "plan"),
    option_titles={"pipeline": {"en": "Pipeline by expected close month",
                                "ru": "Воронка по месяцам ожидаемого закрытия"},
                   "plan": {"en": "Revenue plan vs actual", "ru": "План и факт выручки"}},
)
