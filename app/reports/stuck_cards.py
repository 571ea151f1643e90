"""``app.funnel.deal_cards`` for tens of thousands of deals at once, for the stuck report.

The cards and the stuck rule are the funnel's (over the stage's limit, or nothing
planned: no planned activity of the deal or, without a deal, of its client); only the
reading differs: one query over the chosen deals in their order and one over every
planned activity, read raw, instead of chunks of ids bound as parameters (a big
database has ~40 000 open deals; the chunks took seconds).
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from peewee import JOIN

from db.models import Activity, Client, Deal, Employee, Stage, database_proxy
from db.sql import indexed_by, mark

from ..funnel import DealCard, mark_stuck


def _times(column, values):
    """Stored times as datetimes, as the column's field would give them."""
    try:
        return [None if v is None else datetime.fromisoformat(v) for v in values]
    except (TypeError, ValueError):
        return [column.python_value(v) for v in values]


def _next_planned() -> tuple[dict, dict]:
    """({deal id: (planned_at, subject)}, {client id: …}) of the soonest planned activity of
    each deal, and of each client among its activities without a deal."""
    # the few planned ones through the status index (the planner would rather walk every
    # activity in planned_at order, several times slower)
    rows = database_proxy.execute_sql(
        f"SELECT deal_id, client_id, planned_at, subject, kind FROM activity{indexed_by('activity_status')} "
        f"WHERE status = {mark()} AND deleted_at IS NULL ORDER BY planned_at", ("planned",)).fetchall()
    whens = _times(Activity.planned_at, [r[2] for r in rows])
    by_deal, by_client = {}, {}
    for (deal_id, client_id, _, subject, kind), when in zip(rows, whens):
        if deal_id is not None:
            by_deal.setdefault(deal_id, (when, subject or kind))
        else:
            by_client.setdefault(client_id, (when, subject or kind))
    return by_deal, by_client


def deal_cards(deals, now: datetime) -> list[DealCard]:
    """The cards of the deals ``deals`` (a query of ``Deal.id``, in its order) selects."""
    query = (deals.select(Deal.id, Deal.title, Deal.client, Client.name, Deal.amount, Deal.currency,
                          Employee.name, Deal.stage, Deal.stage_entered_at, Stage.kind, Stage.stuck_days)
             .join_from(Deal, Client, on=(Deal.client == Client.id))
             .join_from(Deal, Employee, JOIN.LEFT_OUTER, on=(Deal.responsible == Employee.id)))
    rows = database_proxy.execute(query).fetchall()
    entered_at = _times(Deal.stage_entered_at, [r[8] for r in rows])
    by_deal, by_client = _next_planned()
    cards = []
    for row, entered in zip(rows, entered_at):
        (did, title, client_id, client_name, amount, currency, resp, stage_id, _, kind, limit) = row
        days = max(0, (now - entered).days) if entered else 0
        card = DealCard(did, title, client_id, client_name,
                        Decimal(Deal.amount.python_value(amount) or 0).quantize(Decimal("0.01")),
                        currency, resp or "", stage_id, days)
        options = [x for x in (by_deal.get(did), by_client.get(client_id)) if x]
        if options:
            card.next_at, card.next_subject = min(options, key=lambda x: x[0])
        mark_stuck(card, kind, limit)
        cards.append(card)
    return cards
