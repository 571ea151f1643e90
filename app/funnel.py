"""The funnel board's data: per-stage totals and the deal cards of a column.

Totals are summed in SQL as whole kopecks, so they are exact (no float drift).
A deal is *stuck* when it sits in an open stage longer than the stage's limit, or
when nothing is planned for it (neither for the deal nor for its client).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from peewee import JOIN, fn

from db.models import Activity, Client, ClientTag, Deal, Employee, Stage, Tag, utcnow

from . import access, search
from .deals import default_pipeline

STATUS_COLORS = {"lead": "#42a5f5", "active": "#43a047", "refused": "#e53935", "archived": "#9e9e9e"}
CLOSED_DEFAULT_DAYS = 30


@dataclass
class FunnelFilter:
    pipeline_id: int | None = None
    responsible_id: int | None = None
    tag: str = ""
    date_from: date | None = None  # deals created (open) or closed (won/lost) in the period
    date_to: date | None = None
    text: str = ""                 # client name, phone…, or the deal title
    segment_id: int | None = None  # only deals of clients in this saved segment (app.segments)


@dataclass
class StageColumn:
    stage_id: int
    name: str
    color: str
    kind: str
    probability: int
    stuck_days: int | None
    count: int = 0
    amount: Decimal = Decimal("0.00")
    weighted: Decimal = Decimal("0.00")


@dataclass
class DealCard:
    id: int
    title: str
    client_id: int
    client_name: str
    amount: Decimal
    currency: str
    responsible: str
    stage_id: int
    days_in_stage: int
    next_at: datetime | None = None
    next_subject: str = ""
    stuck_reasons: list[str] = field(default_factory=list)

    @property
    def stuck(self) -> bool:
        return bool(self.stuck_reasons)


def _kopecks(expr):
    return fn.SUM(fn.ROUND(expr * 100))


def _to_money(kopecks) -> Decimal:
    return (Decimal(int(kopecks or 0)) / 100).quantize(Decimal("0.01"))


def _conditions(flt: FunnelFilter, now: datetime) -> list:
    conds = [Deal.deleted_at.is_null(), *access.scope(Deal)]
    if flt.responsible_id:
        conds.append(Deal.responsible == flt.responsible_id)
    if flt.segment_id is not None:
        from .segment_filters import of_segment
        conds += of_segment(Deal.client, flt.segment_id, now)
    if flt.tag:
        conds.append(Deal.client.in_(ClientTag.select(ClientTag.client).join(Tag).where(Tag.name == flt.tag)))
    if flt.text.strip():
        cond = search.condition(flt.text)
        by_client = Deal.client.in_(Client.select(Client.id).where(cond)) if cond is not None else None
        by_title = Deal.title.contains(flt.text.strip())
        conds.append(by_title | by_client if by_client is not None else by_title)
    start = datetime.combine(flt.date_from, datetime.min.time()) if flt.date_from else None
    end = datetime.combine(flt.date_to + timedelta(days=1), datetime.min.time()) if flt.date_to else None
    closed_start = start or (now - timedelta(days=CLOSED_DEFAULT_DAYS))
    open_part = Stage.kind == "open"
    if start:
        open_part &= Deal.created_at >= start
    if end:
        open_part &= Deal.created_at < end
    closed_part = (Stage.kind != "open") & (Deal.closed_at >= closed_start)
    if end:
        closed_part &= Deal.closed_at < end
    conds.append(open_part | closed_part)
    return conds


def columns(flt: FunnelFilter | None = None, now: datetime | None = None) -> list[StageColumn]:
    """The board's columns in order, each with count, sum and probability-weighted sum."""
    flt = flt or FunnelFilter()
    now = now or utcnow()
    pipeline_id = flt.pipeline_id or default_pipeline().id
    stages = list(Stage.select().where(Stage.pipeline == pipeline_id, Stage.retired_at.is_null())
                  .order_by(Stage.order, Stage.id))
    cols = {s.id: StageColumn(s.id, s.name, s.color, s.kind, s.probability, s.stuck_days) for s in stages}
    prob = fn.COALESCE(Deal.probability, Stage.probability)
    rows = (Deal.select(Deal.stage, fn.COUNT(Deal.id), _kopecks(Deal.amount), _kopecks(Deal.amount * prob))
            .join(Stage).where(Deal.pipeline == pipeline_id, *_conditions(flt, now))
            .group_by(Deal.stage).tuples())
    for stage_id, count, amount, weighted in rows:
        if stage_id in cols:
            col = cols[stage_id]
            col.count, col.amount = count, _to_money(amount)
            col.weighted = (Decimal(int(weighted or 0)) / 10000).quantize(Decimal("0.01"))
    return list(cols.values())


def column_deal_ids(stage_id: int, flt: FunnelFilter | None = None, now: datetime | None = None) -> list[int]:
    """Ids of a column's deals, the longest waiting first."""
    flt = flt or FunnelFilter()
    now = now or utcnow()
    q = (Deal.select(Deal.id).join(Stage).where(Deal.stage == stage_id, *_conditions(flt, now))
         .order_by(Deal.stage_entered_at, Deal.id))
    return [i for (i,) in q.tuples()]


def _next_planned(deals: dict[int, tuple]) -> dict[int, tuple]:
    """{deal id: (planned_at, subject)} of the soonest planned activity of the deal or its client."""
    if not deals:
        return {}
    ids = list(deals)
    client_ids = list({v[0] for v in deals.values()})
    planned = (Activity.select(Activity.deal, Activity.client, Activity.planned_at, Activity.subject, Activity.kind)
               .where(Activity.status == "planned", Activity.deleted_at.is_null(),
                      (Activity.deal.in_(ids)) | (Activity.deal.is_null() & Activity.client.in_(client_ids)))
               .order_by(Activity.planned_at).tuples())
    by_deal, by_client = {}, {}
    for deal_id, client_id, when, subject, kind in planned:
        if deal_id is not None:
            by_deal.setdefault(deal_id, (when, subject or kind))
        else:
            by_client.setdefault(client_id, (when, subject or kind))
    out = {}
    for did, (client_id,) in deals.items():
        options = [x for x in (by_deal.get(did), by_client.get(client_id)) if x]
        if options:
            out[did] = min(options, key=lambda x: x[0])
    return out


def mark_stuck(card: DealCard, kind: str, limit: int | None) -> None:
    """An open deal is stuck when it is over its stage's day limit or nothing is planned."""
    if kind == "open":
        if limit and card.days_in_stage > limit:
            card.stuck_reasons.append("over_limit")
        if card.next_at is None:
            card.stuck_reasons.append("nothing_planned")


def deal_cards(ids: list[int], now: datetime | None = None) -> list[DealCard]:
    """Cards for these deals, in the given order."""
    if not ids:
        return []
    now = now or utcnow()
    rows = (Deal.select(Deal.id, Deal.title, Deal.client, Client.name, Deal.amount, Deal.currency,
                        Employee.name, Deal.stage, Deal.stage_entered_at, Stage.kind, Stage.stuck_days)
            .join(Client, on=(Deal.client == Client.id))
            .switch(Deal).join(Stage, on=(Deal.stage == Stage.id))
            .switch(Deal).join(Employee, JOIN.LEFT_OUTER, on=(Deal.responsible == Employee.id))
            .where(Deal.id.in_(ids)).tuples())
    data = {r[0]: r for r in rows}
    nexts = _next_planned({i: (r[2],) for i, r in data.items()})
    cards = []
    for did in ids:
        if did not in data:
            continue
        (_, title, client_id, client_name, amount, currency, resp, stage_id, entered, kind, limit) = data[did]
        days = max(0, (now - entered).days) if entered else 0
        card = DealCard(did, title, client_id, client_name, Decimal(amount or 0).quantize(Decimal("0.01")),
                        currency, resp or "", stage_id, days)
        if did in nexts:
            card.next_at, card.next_subject = nexts[did]
        mark_stuck(card, kind, limit)
        cards.append(card)
    return cards


def client_colors(client_ids: list[int]) -> dict[int, str]:
    """The colour a client row shows: its most advanced open deal's stage, else its status."""
    if not client_ids:
        return {}
    best: dict[int, tuple[int, str]] = {}
    rows = (Deal.select(Deal.client, Stage.order, Stage.color).join(Stage)
            .where(Deal.client.in_(client_ids), Deal.deleted_at.is_null(), Stage.kind == "open").tuples())
    for cid, order, color in rows:
        if cid not in best or order > best[cid][0]:
            best[cid] = (order, color)
    out = {cid: color for cid, (_, color) in best.items()}
    for cid, status in Client.select(Client.id, Client.status).where(Client.id.in_(client_ids)).tuples():
        out.setdefault(cid, STATUS_COLORS.get(status, "#9e9e9e"))
    return out


__all__ = ["FunnelFilter", "StageColumn", "DealCard", "columns", "column_deal_ids", "deal_cards",
           "client_colors", "STATUS_COLORS"]
