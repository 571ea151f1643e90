"""Pipelines and their stages: the settings behind the funnel board.

Every change returns what is needed to undo it; retiring keeps the stage (its
history and its deals' history stay intact)."""
from __future__ import annotations

import re

from db.models import Deal, Pipeline, Stage, database_proxy, utcnow
from db.defaults import DEFAULT_STAGES

from . import access
from .errors import NotFoundError, ValidationError
from .events import publish

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
EDITABLE = ("name", "color", "probability", "kind", "stuck_days")


def pipelines(include_retired: bool = False) -> list[Pipeline]:
    q = Pipeline.select()
    if not include_retired:
        q = q.where(Pipeline.retired_at.is_null())
    return list(q.order_by(Pipeline.order, Pipeline.id))


def _check(values: dict) -> dict:
    out = {}
    if "name" in values:
        name = " ".join(str(values["name"] or "").split())
        if not name:
            raise ValidationError(field="name", detail="the stage needs a name")
        out["name"] = name
    if "color" in values:
        if not _COLOR.match(values["color"] or ""):
            raise ValidationError(field="color", detail=f"{values['color']!r} is not a colour like #43a047")
        out["color"] = values["color"].lower()
    if "probability" in values:
        prob = int(values["probability"])
        if not 0 <= prob <= 100:
            raise ValidationError(field="probability", detail="the probability is a percentage, 0–100")
        out["probability"] = prob
    if "kind" in values:
        if values["kind"] not in Stage.KINDS:
            raise ValidationError(field="kind", detail=f"unknown kind {values['kind']!r}")
        out["kind"] = values["kind"]
    if "stuck_days" in values:
        days = values["stuck_days"]
        if days is not None and int(days) <= 0:
            raise ValidationError(field="stuck_days", detail="the limit is a positive number of days")
        out["stuck_days"] = None if days is None else int(days)
    return out


def create_pipeline(name: str, *, with_default_stages: bool = True) -> int:
    access.require("stages")
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(field="name", detail="the pipeline needs a name")
    with database_proxy.atomic():
        order = (Pipeline.select().count())
        pipe = Pipeline.create(name=name, order=order)
        if with_default_stages:
            for pos, (sname, color, prob, kind, stuck) in enumerate(DEFAULT_STAGES):
                Stage.create(pipeline=pipe, name=sname, color=color, probability=prob, order=pos,
                             kind=kind, stuck_days=stuck)
    publish("pipeline", "create", [pipe.id])
    return pipe.id


def rename_pipeline(pipeline_id: int, name: str) -> str:
    access.require("stages")
    pipe = Pipeline.get_or_none(Pipeline.id == pipeline_id)
    if pipe is None:
        raise NotFoundError(entity="pipeline", id=pipeline_id)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(field="name", detail="the pipeline needs a name")
    old = pipe.name
    Pipeline.update(name=name).where(Pipeline.id == pipeline_id).execute()
    publish("pipeline", "update", [pipeline_id])
    return old


def add_stage(pipeline_id: int, name: str, color: str = "#90a4ae", probability: int = 0,
              kind: str = "open", stuck_days: int | None = None, position: int | None = None) -> int:
    access.require("stages")
    values = _check(dict(name=name, color=color, probability=probability, kind=kind, stuck_days=stuck_days))
    with database_proxy.atomic():
        ordered = [s.id for s in Stage.select(Stage.id).where(Stage.pipeline == pipeline_id)
                   .order_by(Stage.order, Stage.id)]
        stage = Stage.create(pipeline=pipeline_id, order=len(ordered), **values)
        if position is not None:
            ordered.insert(max(0, min(position, len(ordered))), stage.id)
            _write_order(ordered)
    publish("stage", "create", [stage.id])
    return stage.id


def update_stage(stage_id: int, **changes) -> dict:
    """Change name / colour / probability / kind / stuck limit; returns the old values."""
    access.require("stages")
    stage = Stage.get_or_none(Stage.id == stage_id)
    if stage is None:
        raise NotFoundError(entity="stage", id=stage_id)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(field=sorted(unknown)[0], detail="cannot be changed here")
    values = _check(changes)
    old = {k: getattr(stage, k) for k in values}
    if values.get("kind", stage.kind) != stage.kind:
        _ensure_other_open_stage(stage, values["kind"])
    Stage.update(**values).where(Stage.id == stage_id).execute()
    publish("stage", "update", [stage_id])
    return old


def _ensure_other_open_stage(stage: Stage, new_kind: str) -> None:
    if stage.kind == "open" and new_kind != "open":
        others = (Stage.select().where(Stage.pipeline == stage.pipeline_id, Stage.kind == "open",
                                       Stage.id != stage.id, Stage.retired_at.is_null()).count())
        if not others:
            raise ValidationError(field="kind", detail="a pipeline needs at least one open stage")


def _write_order(ordered_ids: list[int]) -> None:
    for pos, sid in enumerate(ordered_ids):
        Stage.update(order=pos).where(Stage.id == sid).execute()


def reorder_stages(pipeline_id: int, ordered_ids: list[int]) -> list[int]:
    """Put the stages of a pipeline in this order; returns the previous order."""
    access.require("stages")
    with database_proxy.atomic():
        current = [s.id for s in Stage.select(Stage.id).where(Stage.pipeline == pipeline_id)
                   .order_by(Stage.order, Stage.id)]
        if sorted(current) != sorted(ordered_ids):
            raise ValidationError(field="order", detail="the list of stages does not match the pipeline")
        _write_order(ordered_ids)
    publish("stage", "update", ordered_ids)
    return current


def retire_stage(stage_id: int) -> None:
    """Hide a stage from the board; refused while open deals still sit in it."""
    access.require("stages")
    stage = Stage.get_or_none(Stage.id == stage_id)
    if stage is None:
        raise NotFoundError(entity="stage", id=stage_id)
    waiting = Deal.select().where(Deal.stage == stage_id, Deal.deleted_at.is_null()).count()
    if waiting and stage.kind == "open":
        raise ValidationError(field="stage", detail=f"move its {waiting} deal(s) to another stage first")
    _ensure_other_open_stage(stage, "retired")
    Stage.update(retired_at=utcnow()).where(Stage.id == stage_id).execute()
    publish("stage", "update", [stage_id])


def unretire_stage(stage_id: int) -> None:
    access.require("stages")
    Stage.update(retired_at=None).where(Stage.id == stage_id).execute()
    publish("stage", "update", [stage_id])
