"""Retiring a pipeline (hidden from the choosers, its history kept) and taking it back."""
from __future__ import annotations

from db.models import Deal, Pipeline, Stage, utcnow

from . import access
from .errors import NotFoundError, ValidationError
from .events import publish


def retire_pipeline(pipeline_id: int) -> None:
    """Hide a pipeline; refused while open deals are in it or when it is the last one."""
    access.require("stages")
    pipe = Pipeline.get_or_none(Pipeline.id == pipeline_id)
    if pipe is None:
        raise NotFoundError(entity="pipeline", id=pipeline_id)
    waiting = (Deal.select().join(Stage, on=(Deal.stage == Stage.id))
               .where(Deal.pipeline == pipeline_id, Stage.kind == "open", Deal.deleted_at.is_null()).count())
    if waiting:
        raise ValidationError(field="pipeline", detail=f"move its {waiting} open deal(s) first")
    others = Pipeline.select().where(Pipeline.id != pipeline_id, Pipeline.retired_at.is_null()).count()
    if not others:
        raise ValidationError(field="pipeline", detail="at least one pipeline is needed")
    Pipeline.update(retired_at=utcnow()).where(Pipeline.id == pipeline_id).execute()
    publish("pipeline", "update", [pipeline_id])


def unretire_pipeline(pipeline_id: int) -> None:
    access.require("stages")
    Pipeline.update(retired_at=None).where(Pipeline.id == pipeline_id).execute()
    publish("pipeline", "update", [pipeline_id])


__all__ = ["retire_pipeline", "unretire_pipeline"]
