"""Deals and the funnel: create, move between stages (written as StageChange rows)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.models import Activity, Deal, Pipeline, Stage, StageChange, database_proxy, utcnow

from . import access, audit, automation
from .context import current_employee_id
from .errors import NotFoundError, ValidationError
from .events import publish


def default_pipeline() -> Pipeline:
    return Pipeline.select().where(Pipeline.retired_at.is_null()).order_by(Pipeline.order, Pipeline.id).first()


def stages(pipeline_id: int | None = None, include_retired: bool = False) -> list[Stage]:
    pid = pipeline_id or default_pipeline().id
    q = Stage.select().where(Stage.pipeline == pid)
    if not include_retired:
        q = q.where(Stage.retired_at.is_null())
    return list(q.order_by(Stage.order, Stage.id))


def create_deal(client_id: int, title: str, amount: Decimal | str | int = 0, *,
                stage_id: int | None = None, expected_close: date | None = None,
                responsible_id: int | None = None, contact_id: int | None = None,
                probability: int | None = None) -> int:
    access.require_attach(client_id)
    title = (title or "").strip()
    if not title:
        raise ValidationError(field="title", detail="the deal needs a title")
    stage = Stage.get_or_none(Stage.id == stage_id) if stage_id else stages()[0]
    if stage is None:
        raise NotFoundError(entity="stage", id=stage_id)
    now = utcnow()
    with database_proxy.atomic():
        deal = Deal.create(client=client_id, contact=contact_id, pipeline=stage.pipeline_id, stage=stage,
                           title=title, amount=Decimal(str(amount or 0)), expected_close=expected_close,
                           responsible=responsible_id or current_employee_id(), probability=probability,
                           stage_entered_at=now, closed_at=now if stage.kind != "open" else None)
        StageChange.create(deal=deal, from_stage=None, to_stage=stage, changed_at=now,
                           employee=current_employee_id())
        audit.record("deal", deal.id, "create", {"title": [None, title]})
        planned = automation.stage_entered(deal.id, stage.id, now)
    publish("deal", "create", [deal.id])
    if planned:
        publish("activity", "create", planned)
    return deal.id


def move_deal(deal_id: int, stage_id: int, *, lost_reason: str = "", competitor: str = "") -> int:
    """Move a deal to another stage; returns the StageChange id (undo passes it back)."""
    access.require("edit", ("deal", deal_id))
    deal = Deal.get_or_none(Deal.id == deal_id)
    stage = Stage.get_or_none(Stage.id == stage_id)
    if deal is None or stage is None:
        raise NotFoundError(entity="deal" if deal is None else "stage", id=deal_id if deal is None else stage_id)
    if stage.kind == "lost" and not lost_reason.strip():
        raise ValidationError(field="lost_reason", detail="say why the deal was lost")
    now = utcnow()
    with database_proxy.atomic():
        change = StageChange.create(deal=deal, from_stage=deal.stage_id, to_stage=stage, changed_at=now,
                                    employee=current_employee_id())
        Deal.update(stage=stage, stage_entered_at=now, updated_at=now, version=Deal.version + 1,
                    closed_at=now if stage.kind != "open" else None,
                    lost_reason=lost_reason.strip() if stage.kind == "lost" else "",
                    competitor=competitor.strip() if stage.kind == "lost" else "").where(Deal.id == deal_id).execute()
        audit.record("deal", deal_id, "update", {"stage": [deal.stage.name, stage.name]})
        planned = automation.stage_entered(deal_id, stage.id, now)
    publish("deal", "update", [deal_id])
    if planned:
        publish("activity", "create", planned)
    return change.id


def undo_move(change_id: int) -> None:
    """Take back a move: the deal returns to the previous stage and the history row goes."""
    change = StageChange.get_or_none(StageChange.id == change_id)
    if change is None or change.from_stage_id is None:
        return
    access.require("edit", ("deal", change.deal_id))
    with database_proxy.atomic():
        previous = (StageChange.select().where(StageChange.deal == change.deal_id, StageChange.id < change.id)
                    .order_by(StageChange.id.desc()).first())
        entered = previous.changed_at if previous else change.deal.created_at
        back = change.from_stage
        Deal.update(stage=back, stage_entered_at=entered, version=Deal.version + 1,
                    closed_at=None if back.kind == "open" else entered,
                    lost_reason="" if back.kind != "lost" else Deal.lost_reason).where(
            Deal.id == change.deal_id).execute()
        # tasks the automation planned for this move go with it
        Activity.delete().where(Activity.deal == change.deal_id, Activity.status == "planned",
                                Activity.created_at == change.changed_at).execute()
        change.delete_instance()
    publish("deal", "update", [change.deal_id])
    publish("activity", "delete")


def deals_of_client(client_id: int) -> list[Deal]:
    return list(Deal.select(Deal, Stage).join(Stage).where(Deal.client == client_id, Deal.deleted_at.is_null())
                .order_by(Deal.created_at.desc()))
