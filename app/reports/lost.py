"""Lost deals: deals in a *lost* stage whose ``closed_at`` falls in the period, by
reason (default), competitor or month (the trend).

Reasons and competitors are grouped ignoring case and outer spaces; an empty one is
shown as "(not given)".  The share is the share of the lost deals' count.  Rows go
from the most frequent (then the largest amount); months go in calendar order and,
for a bounded period, every month of it is shown.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.models import Deal, Stage

from .base import Chart, Column, Filters, Report, ReportDef, Series, money
from .common import deal_conditions, filter_lines, in_period, t
from .sales import choose_option, fold, local_day, percent, step_index, step_label

OPTIONS = ("reason", "competitor", "month")
OPTION_TITLES = {
    "reason": {"en": "By reason", "ru": "По причинам"},
    "competitor": {"en": "By competitor", "ru": "По конкурентам"},
    "month": {"en": "By month", "ru": "По месяцам"},
}
_GROUP_TITLES = {"reason": ("Reason", "Причина"), "competitor": ("Competitor", "Конкурент"),
                 "month": ("Month", "Месяц")}
_NOT_GIVEN = {"reason": ("(not given)", "(не указана)"), "competitor": ("(not given)", "(не указан)")}


def _lost_deals(flt: Filters) -> list[tuple]:
    """(id, amount, closed_at, lost reason, competitor) per lost deal of the period."""
    query = (Deal.select(Deal.id, Deal.amount, Deal.closed_at, Deal.lost_reason, Deal.competitor)
             .join(Stage, on=(Deal.stage == Stage.id))
             .where(Stage.kind == "lost", *deal_conditions(flt), *in_period(Deal.closed_at, flt))
             .order_by(Deal.closed_at, Deal.id).tuples())
    return list(query)


def _groups(flt: Filters, option: str, lang: str) -> dict:
    """{key: [label, count, amount]}."""
    groups: dict = {}
    for _, amount, closed, reason, competitor in _lost_deals(flt):
        if option == "month":
            index = step_index(local_day(closed), 1)
            key, label = index, step_label(index, 1, lang)
        else:
            value = (reason if option == "reason" else competitor) or ""
            key, label = fold(value), value.strip() or t(lang, *_NOT_GIVEN[option])
        entry = groups.setdefault(key, [label, 0, Decimal("0.00")])
        entry[1] += 1
        entry[2] += money(amount)
    if option == "month" and groups and flt.date_from and flt.date_to:
        for index in range(step_index(flt.date_from, 1), step_index(flt.date_to, 1) + 1):
            groups.setdefault(index, [step_label(index, 1, lang), 0, Decimal("0.00")])
    return groups


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    option = choose_option(filters, OPTIONS)
    groups = _groups(filters, option, lang)
    if option == "month":
        keys = sorted(groups)
    else:
        keys = sorted(groups, key=lambda k: (-groups[k][1], -groups[k][2], fold(groups[k][0])))
    count = sum(g[1] for g in groups.values())
    amount = sum((g[2] for g in groups.values()), Decimal("0.00"))
    rows = [[groups[k][0], groups[k][1], groups[k][2], percent(groups[k][1], count)] for k in keys]
    columns = [Column("group", t(lang, *_GROUP_TITLES[option]), "text", 26),
               Column("deals", t(lang, "Deals", "Сделок"), "int", 8),
               Column("amount", t(lang, "Amount lost", "Упущенная сумма"), "money", 14),
               Column("share", t(lang, "Share of deals, %", "Доля сделок, %"), "percent", 10)]
    notes = [t(lang, "Deals in a lost stage, by the day they were closed.",
               "Сделки, закрытые как упущенные, по дате закрытия.")]
    totals = None
    if rows:
        totals = [t(lang, "Total", "Итого"), count, amount, Decimal("100.00")]
    else:
        notes.append(t(lang, "No lost deals in the period.", "За период нет упущенных сделок."))
    axis = {("y_label" if option == "month" else "x_label"): t(lang, "Deals", "Сделок")}   # the value axis
    chart = Chart("bar" if option == "month" else "barh", [r[0] for r in rows],
                  [Series(t(lang, "Lost deals", "Упущено сделок"), [float(r[1]) for r in rows])], "int", **axis)
    lang_key = "en" if lang == "en" else "ru"
    return Report(name="lost", title=DEFINITION.title(lang),
                  filter_lines=filter_lines(filters, lang, OPTION_TITLES[option][lang_key]),
                  columns=columns, rows=rows, totals=totals, chart=chart, refs=[None] * len(rows), notes=notes)


DEFINITION = ReportDef(name="lost", titles={"en": "Lost deals", "ru": "Упущенные сделки"}, build=build,
                       options=OPTIONS, option_titles=OPTION_TITLES)
