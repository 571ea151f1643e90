"""The funnel's list view: the deals of a pipeline under the board's filter, as ordered
ids (one query, sorted in SQL).  Rows are read with ``app.funnel.deal_cards``."""
from __future__ import annotations

from datetime import datetime

from decimal import Decimal

from peewee import JOIN, fn

from db.models import Activity, Client, Deal, Employee, Stage, database_proxy, utcnow
from db.sql import least

from .deals import default_pipeline
from .funnel import FunnelFilter, _conditions, _kopecks, _to_money

SORT_KEYS = ("stage", "title", "client", "amount", "responsible", "days", "next")


def _next_planned_expr():
    """The soonest planned activity of the deal, or of its client when not tied to a deal."""
    own = (Activity.select(fn.MIN(Activity.planned_at))
           .where(Activity.deal == Deal.id, Activity.status == "planned", Activity.deleted_at.is_null()))
    of_client = (Activity.select(fn.MIN(Activity.planned_at))
                 .where(Activity.client == Deal.client, Activity.deal.is_null(),
                        Activity.status == "planned", Activity.deleted_at.is_null()))
    return least(own, of_client)


def deal_ids(flt: FunnelFilter | None = None, sort: str = "stage", descending: bool = False,
             now: datetime | None = None) -> list[int]:
    """Ids of the pipeline's deals (stages on the board) under the filter, sorted by ``sort``.

    Empty values (no responsible, nothing planned) come last in both directions.
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    flt = flt or FunnelFilter()
    now = now or utcnow()
    pipeline_id = flt.pipeline_id or default_pipeline().id
    q = (Deal.select(Deal.id).join(Stage, on=(Deal.stage == Stage.id))
         .where(Deal.pipeline == pipeline_id, Stage.retired_at.is_null(), *_conditions(flt, now)))
    if sort == "stage":
        keys = [Stage.order, Deal.stage_entered_at]
    elif sort == "title":
        keys = [Deal.title]
    elif sort == "client":
        q = q.join(Client, on=(Deal.client == Client.id))
        keys = [Client.name_fold]
    elif sort == "amount":
        keys = [Deal.amount]
    elif sort == "responsible":
        q = q.join(Employee, JOIN.LEFT_OUTER, on=(Deal.responsible == Employee.id))
        keys = [Employee.name]
    elif sort == "days":  # days in stage: the later it entered, the fewer days
        keys = [Deal.stage_entered_at]
        descending = not descending
    else:
        keys = [_next_planned_expr()]
    order = []
    for key in keys:
        order.append(key.is_null())  # empty last in both directions
        order.append(key.desc() if descending else key.asc())
    order.append(Deal.id.desc() if descending else Deal.id.asc())
    return [i for (i,) in database_proxy.execute(q.order_by(*order)).fetchall()]


def board_ids(stage_ids: list[int], flt: FunnelFilter | None = None,
              now: datetime | None = None) -> dict[int, list[int]]:
    """``app.funnel.column_deal_ids`` for several columns in one query: {stage id: ids},
    the longest waiting first."""
    flt = flt or FunnelFilter()
    now = now or utcnow()
    out: dict[int, list[int]] = {sid: [] for sid in stage_ids}
    if not stage_ids:
        return out
    q = (Deal.select(Deal.stage, Deal.id).join(Stage, on=(Deal.stage == Stage.id))
         .where(Deal.stage.in_(list(stage_ids)), *_conditions(flt, now))
         .order_by(Deal.stage_entered_at, Deal.id))
    for stage_id, deal_id in database_proxy.execute(q).fetchall():
        out[stage_id].append(deal_id)
    return out


def stage_totals(stage_ids: list[int], flt: FunnelFilter | None = None,
                 now: datetime | None = None) -> dict[int, tuple[int, Decimal, Decimal]]:
    """{stage id: (count, sum, weighted sum)} for a few columns, computed exactly as
    ``app.funnel.columns`` does (after a move only two columns need it)."""
    flt = flt or FunnelFilter()
    now = now or utcnow()
    out = {sid: (0, Decimal("0.00"), Decimal("0.00")) for sid in stage_ids}
    if not stage_ids:
        return out
    prob = fn.COALESCE(Deal.probability, Stage.probability)
    q = (Deal.select(Deal.stage, fn.COUNT(Deal.id), _kopecks(Deal.amount), _kopecks(Deal.amount * prob))
         .join(Stage, on=(Deal.stage == Stage.id))
         .where(Deal.stage.in_(list(stage_ids)), *_conditions(flt, now)).group_by(Deal.stage))
    for stage_id, count, amount, weighted in database_proxy.execute(q).fetchall():
        out[stage_id] = (count, _to_money(amount), (Decimal(int(weighted or 0)) / 10000).quantize(Decimal("0.01")))
    return out


__all__ = ["SORT_KEYS", "deal_ids", "board_ids", "stage_totals"]
