"""Campaigns: what each advertising campaign brought, and whether it paid off.

Per campaign:

* leads — live clients created in the period whose source campaign it is;
* deals — deals created in the period; won deals and revenue — deals in a *won* stage
  closed in the period (their amounts).  A deal counts for its own campaign, or, when
  it has none, for its client's;
* cost — the campaign's whole cost; cost per lead = cost / leads (to the kopeck);
* ROI = (revenue − cost) / cost, in per cent (to 0.01 %, half up; none when free).

Campaigns are listed when they brought something in the period, or when their dates
overlap it (a campaign without dates only in the first way).  The totals row adds the rows up; its cost per lead and ROI are those
of the sums.  Money is ``Decimal``, exact to the kopeck.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from peewee import fn

from db.models import Campaign, Client, Deal, Stage

from .base import Chart, Column, Filters, Report, ReportDef, Series, money
from .common import client_conditions, deal_conditions, filter_lines, in_period, t
from .sales import fold, percent

CHANNEL_TITLES = {
    "ads": ("Advertising", "Реклама"), "mailing": ("Mailing", "Рассылка"),
    "exhibition": ("Exhibition", "Выставка"), "calls": ("Calls", "Обзвон"), "website": ("Website", "Сайт"),
    "referral": ("Referral", "Рекомендации"), "other": ("Other", "Другое"),
}
REVENUE_COLOR, COST_COLOR = "#43a047", "#e53935"


def channel_title(channel: str, lang: str) -> str:
    en, ru = CHANNEL_TITLES.get(channel or "other", (channel, channel))
    return t(lang, en, ru)


def cost_per(cost: Decimal, count: int) -> Decimal | None:
    """The cost of one lead, to the kopeck (None without leads)."""
    if not count:
        return None
    return (cost / count).quantize(Decimal("0.01"), ROUND_HALF_UP)


def roi(revenue: Decimal, cost: Decimal) -> Decimal | None:
    """(revenue − cost) / cost in per cent, to 0.01 (None for a campaign that cost nothing)."""
    return percent(revenue - cost, cost)


def _leads(flt: Filters) -> dict[int, int]:
    conds = client_conditions(flt)
    if flt.responsible_id:
        conds.append(Client.responsible == flt.responsible_id)
    query = (Client.select(Client.campaign, fn.COUNT(Client.id))
             .where(Client.campaign.is_null(False), *conds, *in_period(Client.created_at, flt))
             .group_by(Client.campaign).tuples())
    return dict(query)


def _deals(flt: Filters, won: bool) -> dict[int, list]:
    """{campaign id: [deal count, amount]} of deals created (or, won ones, closed) in the period."""
    campaign = fn.COALESCE(Deal.campaign, Client.campaign)
    query = (Deal.select(campaign, Deal.amount)
             .join(Client, on=(Deal.client == Client.id))
             .switch(Deal).join(Stage, on=(Deal.stage == Stage.id))
             .where(campaign.is_null(False), *deal_conditions(flt)))
    if won:
        query = query.where(Stage.kind == "won", *in_period(Deal.closed_at, flt))
    else:
        query = query.where(*in_period(Deal.created_at, flt))
    found: dict[int, list] = {}
    for campaign_id, amount in query.tuples():
        entry = found.setdefault(campaign_id, [0, Decimal("0.00")])
        entry[0] += 1
        entry[1] += money(amount)
    return found


def _ran_in(flt: Filters) -> set[int]:
    query = Campaign.select(Campaign.id).where(Campaign.starts_on.is_null(False) | Campaign.ends_on.is_null(False))
    if flt.date_to:
        query = query.where(Campaign.starts_on.is_null() | (Campaign.starts_on <= flt.date_to))
    if flt.date_from:
        query = query.where(Campaign.ends_on.is_null() | (Campaign.ends_on >= flt.date_from))
    return {i for (i,) in query.tuples()}


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    leads, deals, won = _leads(filters), _deals(filters, False), _deals(filters, True)
    shown = _ran_in(filters) | set(leads) | set(deals) | set(won)
    campaigns = {c.id: c for c in Campaign.select().where(Campaign.id.in_(list(shown)))} if shown else {}
    rows, ids = [], []
    for cid, c in campaigns.items():
        cost = money(c.cost)
        revenue = won.get(cid, [0, Decimal("0.00")])[1]
        count = leads.get(cid, 0)
        rows.append([c.name, channel_title(c.channel, lang), count, deals.get(cid, [0])[0],
                     won.get(cid, [0])[0], revenue, cost, cost_per(cost, count), roi(revenue, cost)])
        ids.append(cid)
    order = sorted(range(len(rows)), key=lambda i: (-rows[i][5], rows[i][6], fold(rows[i][0]), ids[i]))
    rows = [rows[i] for i in order]
    columns = [Column("campaign", t(lang, "Campaign", "Кампания"), "text", 26),
               Column("channel", t(lang, "Channel", "Канал"), "text", 12),
               Column("leads", t(lang, "Leads", "Лидов"), "int", 7),
               Column("deals", t(lang, "Deals", "Сделок"), "int", 7),
               Column("won", t(lang, "Won", "Выиграно"), "int", 8),
               Column("revenue", t(lang, "Revenue", "Выручка"), "money", 14),
               Column("cost", t(lang, "Cost", "Затраты"), "money", 13),
               Column("cost_per_lead", t(lang, "Cost per lead", "Цена лида"), "money", 12),
               Column("roi", t(lang, "ROI, %", "ROI, %"), "percent", 9)]
    notes = [t(lang, "Leads: clients created in the period with the campaign as their source. Deals: created "
                     "in the period; won deals and revenue: closed in the period (a deal without its own "
                     "campaign counts for its client's). Cost: the campaign's whole cost. "
                     "ROI = (revenue − cost) / cost.",
               "Лиды — клиенты, созданные за период, с этой кампанией в источнике. Сделки — созданные за "
               "период; выигранные и выручка — закрытые за период (сделка без своей кампании считается по "
               "кампании клиента). Затраты — полная стоимость кампании. ROI = (выручка − затраты) / затраты.")]
    totals = None
    if rows:
        sums = [sum(r[i] for r in rows) for i in (2, 3, 4)]
        revenue = sum((r[5] for r in rows), Decimal("0.00"))
        cost = sum((r[6] for r in rows), Decimal("0.00"))
        totals = [t(lang, "Total", "Итого"), "", *sums, revenue, cost, cost_per(cost, sums[0]), roi(revenue, cost)]
    else:
        notes.append(t(lang, "No campaigns in the period.", "За период нет рекламных кампаний."))
    chart = Chart("bar", [r[0] for r in rows],
                  [Series(t(lang, "Revenue", "Выручка"), [float(r[5]) for r in rows], REVENUE_COLOR),
                   Series(t(lang, "Cost", "Затраты"), [float(r[6]) for r in rows], COST_COLOR)],
                  "money", y_label=t(lang, "Amount", "Сумма"))
    return Report(name="campaigns", title=DEFINITION.title(lang), filter_lines=filter_lines(filters, lang),
                  columns=columns, rows=rows, totals=totals, chart=chart, refs=[None] * len(rows), notes=notes)


DEFINITION = ReportDef(name="campaigns", titles={"en": "Advertising campaigns", "ru": "Рекламные кампании"},
                       build=build)
