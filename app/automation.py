"""Simple, predictable automation rules of the funnel.

- ``stage_enter``: when a deal enters the rule's stage, plan a task for the deal's
  responsible in N days (params: days, subject, kind).
- ``deal_won``: when a deal enters any won stage, plan the same way (e.g. ask for
  feedback later).
- ``invoice_paid``: when an invoice of a deal is marked paid, move the deal to the
  stage in params["stage_id"] (work handed to production).

Rules run inside the transaction of the change that triggered them.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from db.models import Activity, AutomationRule, Deal, Stage, utcnow


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
    """The stage an ``invoice_paid`` rule moves the deal to (None when no rule applies)."""
    for rule in AutomationRule.select().where(AutomationRule.active == True,  # noqa: E712
                                              AutomationRule.trigger == "invoice_paid"):
        target = _params(rule).get("stage_id")
        if target and Stage.get_or_none(Stage.id == target, Stage.retired_at.is_null()):
            deal = Deal.get_by_id(deal_id)
            if deal.stage_id != target:
                return int(target)
    return None


def rules() -> list[dict]:
    return [dict(id=r.id, trigger=r.trigger, stage_id=r.stage_id, action=r.action,
                 params=_params(r), active=r.active)
            for r in AutomationRule.select().order_by(AutomationRule.id)]


def save_rule(trigger: str, action: str, params: dict, *, stage_id: int | None = None,
              active: bool = True, rule_id: int | None = None) -> int:
    from .errors import ValidationError
    if trigger not in AutomationRule.TRIGGERS:
        raise ValidationError(field="trigger", detail=f"unknown trigger {trigger!r}")
    if trigger == "stage_enter" and not stage_id:
        raise ValidationError(field="stage", detail="choose the stage that starts the rule")
    values = dict(trigger=trigger, action=action, params=json.dumps(params, ensure_ascii=False),
                  stage=stage_id, active=active)
    if rule_id:
        AutomationRule.update(**values).where(AutomationRule.id == rule_id).execute()
        return rule_id
    return AutomationRule.create(**values).id
