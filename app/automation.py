"""Simple, predictable automation rules of the funnel.

- ``stage_enter``: when a deal enters the rule's stage, plan a task for the deal's
  responsible in N days (params: days, subject, kind).
- ``deal_won``: when a deal enters any won stage, plan the same way (e.g. ask for
  feedback later).
- ``invoice_paid``: when an invoice of a deal is marked paid, move the deal to the
  stage in params["stage_id"] (work handed to production).

Rules run inside the transaction of the change that triggered them.  They are read
from the database at every change, so an edited or switched-off rule applies to the
very next move.  Settings edit them through ``save_rule``, ``set_active`` and
``delete_rule``; ``rule_list`` / ``describe`` give them with their stages resolved.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from db.models import Activity, AutomationRule, Deal, Pipeline, Stage, database_proxy, utcnow

from . import access
from .errors import NotFoundError, ValidationError
from .events import publish

ACTIONS = {"stage_enter": "create_task", "deal_won": "create_task", "invoice_paid": "move_stage"}
"""The action each trigger takes (the rules stay simple and predictable)."""
MAX_DAYS = 365


def _params(rule: AutomationRule) -> dict:
    try:
        return json.loads(rule.params or "{}")
    except ValueError:
        return {}


def _plan(rule: AutomationRule, deal: Deal, now: datetime) -> int:
    p = _params(rule)
    days = int(p.get("days", 0))
    when = now + timedelta(days=days)
    if days == 0:
        when = now + timedelta(hours=1)
    act = Activity.create(kind=p.get("kind", "task"), subject=p.get("subject", "") or deal.title,
                          client=deal.client_id, deal=deal.id, status="planned", planned_at=when,
                          responsible=deal.responsible_id, created_by=deal.responsible_id,
                          created_at=now)  # = the StageChange time, so undoing the move finds it
    return act.id


def stage_entered(deal_id: int, stage_id: int, now: datetime | None = None) -> list[int]:
    """Run the rules for a deal that just entered a stage; returns created activity ids."""
    now = now or utcnow()
    deal = Deal.get_by_id(deal_id)
    stage = Stage.get_by_id(stage_id)
    created = []
    rules = AutomationRule.select().where(AutomationRule.active == True)  # noqa: E712
    for rule in rules.where(AutomationRule.trigger == "stage_enter", AutomationRule.stage == stage_id):
        created.append(_plan(rule, deal, now))
    if stage.kind == "won":
        for rule in rules.where(AutomationRule.trigger == "deal_won"):
            created.append(_plan(rule, deal, now))
    return created


def invoice_paid(deal_id: int) -> int | None:
    """The stage an ``invoice_paid`` rule moves the deal to (None when no rule applies).

    Only a live stage of the deal's own pipeline counts: each pipeline may have its
    own rule (stage names repeat across pipelines)."""
    deal = Deal.get_by_id(deal_id)
    for rule in AutomationRule.select().where(AutomationRule.active == True,  # noqa: E712
                                              AutomationRule.trigger == "invoice_paid"):
        target = _params(rule).get("stage_id")
        stage = Stage.get_or_none(Stage.id == target, Stage.retired_at.is_null()) if target else None
        if stage is not None and stage.pipeline_id == deal.pipeline_id and deal.stage_id != stage.id:
            return stage.id
    return None


@dataclass(frozen=True)
class StageRef:
    """A stage as a rule shows it: the name, its pipeline, and whether it is still in use."""

    id: int
    name: str
    pipeline: str
    live: bool  # neither the stage nor its pipeline is retired


@dataclass(frozen=True)
class RuleInfo:
    """One rule in plain terms: what starts it and what it does."""

    id: int
    trigger: str
    active: bool
    stage: StageRef | None = None   # stage_enter: the stage a deal enters
    days: int = 0                   # create_task: the task is due in N days (0: within the hour)
    subject: str = ""
    kind: str = "task"
    target: StageRef | None = None  # invoice_paid (move_stage): where the deal goes

    @property
    def action(self) -> str:
        return ACTIONS.get(self.trigger, "")

    def params(self) -> dict:
        if self.action == "move_stage":
            return {"stage_id": self.target.id if self.target else None}
        return {"days": self.days, "subject": self.subject, "kind": self.kind}


def _stage_ref(stage_id) -> StageRef | None:
    if not stage_id:
        return None
    row = (Stage.select(Stage.id, Stage.name, Stage.retired_at, Pipeline.name, Pipeline.retired_at)
           .join(Pipeline).where(Stage.id == stage_id).tuples().first())
    if row is None:
        return None
    sid, name, retired, pipeline, pipeline_retired = row
    return StageRef(sid, name, pipeline, retired is None and pipeline_retired is None)


def stage_choices() -> list[StageRef]:
    """The stages a rule may name: live stages of live pipelines, board order."""
    rows = (Stage.select(Stage.id, Stage.name, Pipeline.name).join(Pipeline)
            .where(Stage.retired_at.is_null(), Pipeline.retired_at.is_null())
            .order_by(Pipeline.order, Pipeline.id, Stage.order, Stage.id).tuples())
    return [StageRef(sid, name, pipeline, True) for sid, name, pipeline in rows]


def _info(rule: AutomationRule) -> RuleInfo:
    p = _params(rule)
    if ACTIONS.get(rule.trigger) == "move_stage":
        return RuleInfo(rule.id, rule.trigger, bool(rule.active), target=_stage_ref(p.get("stage_id")))
    try:
        days = int(p.get("days", 0))
    except (TypeError, ValueError):
        days = 0
    return RuleInfo(rule.id, rule.trigger, bool(rule.active), stage=_stage_ref(rule.stage_id), days=days,
                    subject=str(p.get("subject", "")), kind=str(p.get("kind", "task")))


def describe(rule_id: int) -> RuleInfo:
    rule = AutomationRule.get_or_none(AutomationRule.id == rule_id)
    if rule is None:
        raise NotFoundError(entity="automation rule", id=rule_id)
    return _info(rule)


def rule_list() -> list[RuleInfo]:
    """Every rule, oldest first, with its stages resolved."""
    return [_info(r) for r in AutomationRule.select().order_by(AutomationRule.id)]


def rules() -> list[dict]:
    return [dict(id=r.id, trigger=r.trigger, stage_id=r.stage_id, action=r.action,
                 params=_params(r), active=r.active)
            for r in AutomationRule.select().order_by(AutomationRule.id)]


def _live_stage(stage_id, field: str) -> int:
    ref = _stage_ref(stage_id)
    if ref is None:
        raise ValidationError(field=field, detail="choose a stage", rule=f"{field}_required")
    if not ref.live:
        raise ValidationError(field=field, detail=f"the stage «{ref.name}» is retired; choose another",
                              rule=f"{field}_retired", name=ref.name)
    return ref.id


def check_rule(trigger: str, action: str, params: dict, stage_id: int | None = None) -> tuple[dict, int | None]:
    """Validate a rule; returns its cleaned ``(params, stage_id)``.

    Raises ``ValidationError`` (with a ``rule`` code the UI words) for an unknown
    trigger, an action the trigger does not take, a missing or retired stage, days
    outside 0–365, an empty subject or an unknown activity kind.
    """
    if trigger not in AutomationRule.TRIGGERS:
        raise ValidationError(field="trigger", detail=f"unknown trigger {trigger!r}", rule="unknown_trigger")
    if action != ACTIONS[trigger]:
        raise ValidationError(field="action", detail=f"{trigger} rules {ACTIONS[trigger]}, not {action!r}",
                              rule="wrong_action")
    params = dict(params or {})
    if action == "move_stage":
        return {"stage_id": _live_stage(params.get("stage_id"), "target")}, None
    stage = _live_stage(stage_id, "stage") if trigger == "stage_enter" else None
    try:
        days = int(params.get("days", 0))
    except (TypeError, ValueError):
        days = -1
    if not 0 <= days <= MAX_DAYS:
        raise ValidationError(field="days", detail=f"the task is due in 0–{MAX_DAYS} days", rule="days_range")
    subject = " ".join(str(params.get("subject") or "").split())
    if not subject:
        raise ValidationError(field="subject", detail="say what the task is", rule="subject_required")
    kind = params.get("kind") or "task"
    if kind not in Activity.KINDS:
        raise ValidationError(field="kind", detail=f"unknown kind {kind!r}", rule="unknown_kind")
    return {"days": days, "subject": subject, "kind": kind}, stage


def save_rule(trigger: str, action: str, params: dict, *, stage_id: int | None = None,
              active: bool = True, rule_id: int | None = None) -> int:
    """Add a rule, or replace rule ``rule_id``; returns its id.  Checked by ``check_rule``."""
    access.require("automation")
    params, stage_id = check_rule(trigger, action, params, stage_id)
    values = dict(trigger=trigger, action=action, params=json.dumps(params, ensure_ascii=False),
                  stage=stage_id, active=bool(active))
    with database_proxy.atomic():
        if rule_id:
            if not AutomationRule.update(**values).where(AutomationRule.id == rule_id).execute():
                raise NotFoundError(entity="automation rule", id=rule_id)
            publish("automation_rule", "update", [rule_id])
            return rule_id
        rule_id = AutomationRule.create(**values).id
    publish("automation_rule", "create", [rule_id])
    return rule_id


def _row_values(info: RuleInfo) -> dict:
    return dict(trigger=info.trigger, action=info.action, stage=info.stage.id if info.stage else None,
                params=json.dumps(info.params(), ensure_ascii=False), active=info.active)


def save_info(info: RuleInfo) -> int:
    """Write a rule back exactly as ``describe`` gave it (undo of an edit: not checked
    again, its stage may have been retired since)."""
    access.require("automation")
    if not AutomationRule.update(**_row_values(info)).where(AutomationRule.id == info.id).execute():
        raise NotFoundError(entity="automation rule", id=info.id)
    publish("automation_rule", "update", [info.id])
    return info.id


def set_active(rule_id: int, active: bool) -> bool:
    """Switch a rule on or off; returns whether it was on."""
    access.require("automation")
    rule = AutomationRule.get_or_none(AutomationRule.id == rule_id)
    if rule is None:
        raise NotFoundError(entity="automation rule", id=rule_id)
    AutomationRule.update(active=bool(active)).where(AutomationRule.id == rule_id).execute()
    publish("automation_rule", "update", [rule_id])
    return bool(rule.active)


def delete_rule(rule_id: int) -> RuleInfo:
    """Delete a rule; returns it as it was, for ``restore_rule``."""
    access.require("automation")
    rule = AutomationRule.get_or_none(AutomationRule.id == rule_id)
    if rule is None:
        raise NotFoundError(entity="automation rule", id=rule_id)
    info = _info(rule)
    rule.delete_instance()
    publish("automation_rule", "delete", [rule_id])
    return info


def restore_rule(info: RuleInfo) -> int:
    """Put a deleted rule back under its old id (undo of ``delete_rule``)."""
    access.require("automation")
    AutomationRule.create(id=info.id, **_row_values(info))
    publish("automation_rule", "restore", [info.id])
    return info.id
