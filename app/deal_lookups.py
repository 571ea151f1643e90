"""Small read-only lookups the funnel and the deal card need."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from db.models import Activity, Client, ContactPerson, Deal, Employee, LostReason, Stage


@dataclass
class DealActivity:
    id: int
    kind: str
    status: str
    when: datetime | None
    subject: str
    result: str
    responsible: str


def lost_reasons() -> list[str]:
    """The reasons offered when a deal is lost, in their order."""
    return [n for (n,) in LostReason.select(LostReason.name).where(LostReason.active == True)  # noqa: E712
            .order_by(LostReason.order, LostReason.id).tuples()]


def client_name(client_id: int) -> str:
    row = Client.select(Client.name).where(Client.id == client_id).tuples().first()
    return row[0] if row else ""


def client_contacts(client_id: int) -> list[tuple[int, str, str]]:
    """(id, name, position) of the client's contact persons."""
    return list(ContactPerson.select(ContactPerson.id, ContactPerson.name, ContactPerson.position)
                .where(ContactPerson.client == client_id, ContactPerson.deleted_at.is_null())
                .order_by(ContactPerson.order, ContactPerson.id).tuples())


def deal_activities(deal_id: int, limit: int = 500) -> list[DealActivity]:
    """The deal's activities: planned ones first (soonest first), then the rest, newest first."""
    rows = (Activity.select(Activity, Employee.name.alias("who"))
            .join(Employee, on=(Activity.responsible == Employee.id), join_type=JOIN.LEFT_OUTER)
            .where(Activity.deal == deal_id, Activity.deleted_at.is_null()).objects())
    out = [DealActivity(r.id, r.kind, r.status,
                        r.planned_at if r.status == "planned" else (r.done_at or r.created_at),
                        r.subject, r.result, r.who or "") for r in rows]
    planned = sorted((a for a in out if a.status == "planned"), key=lambda a: a.when or datetime.max)
    rest = sorted((a for a in out if a.status != "planned"), key=lambda a: a.when or datetime.min, reverse=True)
    return (planned + rest)[:limit]


def deal_client_id(deal_id: int) -> int | None:
    row = Deal.select(Deal.client).where(Deal.id == deal_id).tuples().first()
    return row[0] if row else None


def stage_pipeline(stage_id: int | None) -> int | None:
    """The pipeline a stage belongs to."""
    row = Stage.select(Stage.pipeline).where(Stage.id == stage_id).tuples().first() if stage_id else None
    return row[0] if row else None


def deal_stages(deal_ids) -> dict[int, int]:
    """{deal id: stage id} of these deals (deleted ones left out)."""
    ids = list(deal_ids)
    if not ids:
        return {}
    return dict(Deal.select(Deal.id, Deal.stage).where(Deal.id.in_(ids), Deal.deleted_at.is_null()).tuples())


def activity_owners(activity_ids) -> tuple[set[int], set[int]]:
    """(deal ids, client ids) the activities belong to: whose next step may have changed."""
    ids = list(activity_ids)
    deals_, clients = set(), set()
    if ids:
        for deal_id, client_id in Activity.select(Activity.deal, Activity.client).where(Activity.id.in_(ids)).tuples():
            if deal_id:
                deals_.add(deal_id)
            if client_id:
                clients.add(client_id)
    return deals_, clients


__all__ = ["DealActivity", "lost_reasons", "client_name", "client_contacts", "deal_activities",
           "deal_client_id", "stage_pipeline", "deal_stages", "activity_owners"]
