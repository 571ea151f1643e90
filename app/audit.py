"""Audit log: who changed what, old → new."""
from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

from db.models import AuditLog

from .context import current_employee_id


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def diff(old: dict, new: dict) -> dict:
    """{field: [old, new]} for the fields whose values differ."""
    out = {}
    for key in new:
        a, b = _plain(old.get(key)), _plain(new.get(key))
        if a != b:
            out[key] = [a, b]
    return out


def record(entity: str, entity_id: int, action: str, changes: dict | None = None) -> None:
    AuditLog.create(entity=entity, entity_id=entity_id, action=action,
                    employee=current_employee_id(),
                    changes=json.dumps(changes or {}, ensure_ascii=False, default=str))


def record_many(entity: str, ids, action: str, changes: dict | None = None) -> None:
    emp = current_employee_id()
    payload = json.dumps(changes or {}, ensure_ascii=False, default=str)
    rows = [dict(entity=entity, entity_id=i, action=action, employee=emp, changes=payload) for i in ids]
    for start in range(0, len(rows), 500):
        AuditLog.insert_many(rows[start:start + 500]).execute()


def history(entity: str, entity_id: int) -> list[dict]:
    rows = (AuditLog.select().where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
            .order_by(AuditLog.at.desc(), AuditLog.id.desc()))
    return [dict(at=r.at, employee_id=r.employee_id, action=r.action, changes=json.loads(r.changes))
            for r in rows]
