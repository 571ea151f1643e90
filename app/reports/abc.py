"""ABC (Pareto) analysis of clients by the revenue of their won deals closed in the period.

Clients are sorted by revenue (largest first; equal revenue: by name, then id).  A
client's class depends on the cumulative share of the clients *before* it, computed
exactly (Decimal, no rounding):

* A — the clients before it bring less than 80 % (so the client that reaches or
  crosses 80 % is still A; the first client is always A);
* B — the clients before it bring at least 80 % but less than 95 % (the client that
  reaches or crosses 95 % is B);
* C — the rest.

Clients whose won deals add up to zero (or less) bring nothing and are left out.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.models import Client, Deal, Stage

from .base import Chart, Column, Filters, Report, ReportDef, Series, money
from .common import deal_conditions, filter_lines, in_period, t
from .document import format_value
from .sales import fold, percent

A_LIMIT, B_LIMIT = Decimal(80), Decimal(95)
CLASS_COLORS = {"A": "#43a047", "B": "#ffb300", "C": "#9e9e9e"}   # bar colours on the chart


def classify(revenues: list[Decimal]) -> list[str]:
    """The class of each revenue of a list sorted largest first (see the module doc)."""
    total = sum(revenues, Decimal(0))
    classes, before = [], Decimal(0)
    for revenue in revenues:
        share_before = before * 100
        classes.append("A" if share_before < A_LIMIT * total else "B" if share_before < B_LIMIT * total else "C")
        before += revenue
    return classes


def _revenues(flt: Filters) -> list[tuple[int, str, int, Decimal]]:
    """(client id, name, won deals, revenue) sorted by revenue, largest first."""
    query = (Deal.select(Deal.client, Client.name, Deal.amount)
             .join(Stage, on=(Deal.stage == Stage.id))
             .switch(Deal).join(Client, on=(Deal.client == Client.id))
             .where(Stage.kind == "won", *deal_conditions(flt), *in_period(Deal.closed_at, flt)).tuples())
    found: dict[int, list] = {}
    for client_id, name, amount in query:
        entry = found.setdefault(client_id, [name, 0, Decimal("0.00")])
        entry[1] += 1
        entry[2] += money(amount)
    rows = [(cid, name, deals, revenue) for cid, (name, deals, revenue) in found.items() if revenue > 0]
    return sorted(rows, key=lambda r: (-r[3], fold(r[1]), r[0]))


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    clients = _revenues(filters)
    total = sum((r[3] for r in clients), Decimal("0.00"))
    classes = classify([r[3] for r in clients])
    rows, running = [], Decimal("0.00")
    for (cid, name, deals, revenue), cls in zip(clients, classes):
        running += revenue
        rows.append([name, deals, revenue, percent(revenue, total), percent(running, total), cls])
    columns = [Column("client", t(lang, "Client", "Клиент"), "text", 28),
               Column("deals", t(lang, "Deals", "Сделок"), "int", 8),
               Column("revenue", t(lang, "Revenue", "Выручка"), "money", 14),
               Column("share", t(lang, "Share, %", "Доля, %"), "percent", 9),
               Column("cumulative", t(lang, "Cumulative, %", "Накопленная, %"), "percent", 11),
               Column("class", t(lang, "Class", "Класс"), "text", 6)]
    notes = [t(lang, "Revenue of won deals closed in the period. A: the clients up to 80 % of revenue "
                     "(the one crossing 80 % included), B: up to 95 %, C: the rest.",
               "Выручка по выигранным сделкам, закрытым за период. A — клиенты до 80 % выручки "
               "(включая того, на ком набирается 80 %), B — до 95 %, C — остальные.")]
    totals = None
    if rows:
        a_count = classes.count("A")
        a_share = format_value(percent(a_count, len(rows)), "percent", lang)
        a_text, all_text = format_value(a_count, "int", lang), format_value(len(rows), "int", lang)
        notes.insert(0, t(lang, f"{a_text} of {all_text} clients ({a_share}) bring 80% of revenue.",
                          f"{a_text} из {all_text} клиентов ({a_share}) приносят 80\u00a0% выручки."))
        notes.append(f"A: {a_count}, B: {classes.count('B')}, C: {classes.count('C')}.")
        totals = [t(lang, "Total", "Итого"), sum(r[2] for r in clients), total, Decimal("100.00"), None, ""]
    else:
        notes.append(t(lang, "No revenue in the period.", "За период нет выручки."))
    chart = Chart("pareto", [r[0] for r in rows],
                  [Series(t(lang, "Revenue", "Выручка"), [float(r[2]) for r in rows]),
                   Series(t(lang, "Cumulative, %", "Накопленная, %"), [float(r[4]) for r in rows])],
                  "money", colors=[CLASS_COLORS[r[5]] for r in rows], y_label=t(lang, "Revenue", "Выручка"))
    return Report(name="abc", title=DEFINITION.title(lang), filter_lines=filter_lines(filters, lang),
                  columns=columns, rows=rows, totals=totals, chart=chart,
                  refs=[("client", r[0]) for r in clients], notes=notes)


DEFINITION = ReportDef(name="abc", titles={"en": "ABC analysis of clients", "ru": "ABC-анализ клиентов"},
                       build=build)
