"""Monthly plans: a target per employee per month for calls, meetings, e-mails, tasks
and revenue (``Plan`` rows), plus the month helpers the plan-aware reports share.

Months are ``"YYYY-MM"`` text, which sorts chronologically.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from db.models import Employee, Plan, database_proxy

from .. import access, audit
from ..errors import NotFoundError, ValidationError
from ..events import publish

METRICS = ("calls", "meetings", "emails", "tasks", "revenue")
COUNT_METRICS = ("calls", "meetings", "emails", "tasks")   # whole numbers
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_RU_MONTHS = ("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
              "Октябрь", "Ноябрь", "Декабрь")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def check_month(month: str) -> str:
    """The month as ``YYYY-MM``; a ValidationError for anything else."""
    text = str(month or "").strip()
    if not _MONTH.match(text):
        raise ValidationError(field="month", detail=f"a month is written YYYY-MM, not {month!r}")
    return text


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_start(month: str) -> date:
    year, mon = check_month(month).split("-")
    return date(int(year), int(mon), 1)


def months_between(date_from: date, date_to: date) -> list[str]:
    """Every month the days ``date_from``…``date_to`` touch, in order."""
    first = date_from.year * 12 + date_from.month - 1
    last = date_to.year * 12 + date_to.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(first, last + 1)]


def month_label(month: str, lang: str = "ru") -> str:
    """``2026-11`` → "Ноябрь 2026" / "November 2026"."""
    start = month_start(month)
    names = _EN_MONTHS if lang == "en" else _RU_MONTHS
    return f"{names[start.month - 1]} {start.year}"


def _check_target(metric: str, target) -> Decimal:
    try:
        value = Decimal(str(target).strip().replace(",", ".").replace(" ", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError(field="target", detail=f"{target!r} is not a number") from None
    if not value.is_finite() or value < 0:
        raise ValidationError(field="target", detail="the target must be zero or more")
    if metric in COUNT_METRICS and value != value.to_integral_value():
        raise ValidationError(field="target", detail=f"the {metric} target is a whole number")
    return value.quantize(Decimal("0.01"))


def set_plan(employee_id: int, month: str, metric: str, target) -> Decimal:
    """Set one employee's target for one month and metric (replacing the old one);
    returns the stored target."""
    access.require("settings")  # the owner sets the plans
    month = check_month(month)
    if metric not in METRICS:
        raise ValidationError(field="metric", detail=f"unknown metric {metric!r} (one of {', '.join(METRICS)})")
    value = _check_target(metric, target)
    if Employee.get_or_none(Employee.id == employee_id) is None:
        raise NotFoundError(entity="employee", id=employee_id)
    with database_proxy.atomic():
        rows = list(Plan.select().where(Plan.employee == employee_id, Plan.month == month,
                                        Plan.metric == metric).order_by(Plan.id))
        old = Decimal(rows[0].target) if rows else None
        if rows:
            Plan.update(target=value).where(Plan.id == rows[0].id).execute()
            Plan.delete().where(Plan.id.in_([r.id for r in rows[1:]])).execute()
            plan_id = rows[0].id
        else:
            plan_id = Plan.create(employee=employee_id, month=month, metric=metric, target=value).id
        audit.record("plan", plan_id, "update" if rows else "create",
                     {f"{metric} {month}": [None if old is None else str(old), str(value)]})
    publish("plan", "update" if rows else "create", [plan_id])
    return value


def plans(month_from: str | None = None, month_to: str | None = None, metric: str = "calls",
          employee_id: int | None = None) -> dict[int, dict[str, Decimal]]:
    """{employee id: {month: target}} for the months ``month_from``…``month_to``
    (both inclusive, None: open-ended)."""
    if metric not in METRICS:
        raise ValidationError(field="metric", detail=f"unknown metric {metric!r}")
    query = Plan.select(Plan.employee, Plan.month, Plan.target).where(Plan.metric == metric)
    if month_from:
        query = query.where(Plan.month >= check_month(month_from))
    if month_to:
        query = query.where(Plan.month <= check_month(month_to))
    if employee_id:
        query = query.where(Plan.employee == employee_id)
    out: dict[int, dict[str, Decimal]] = {}
    for emp, month, target in query.order_by(Plan.id).tuples():
        out.setdefault(emp, {})[month] = Decimal(target or 0).quantize(Decimal("0.01"))
    return out


def plan_totals(month_from: str | None, month_to: str | None, metric: str,
                employee_id: int | None = None) -> dict[int, Decimal]:
    """{employee id: the sum of the monthly targets} over the months."""
    return {emp: sum(by_month.values(), Decimal("0.00"))
            for emp, by_month in plans(month_from, month_to, metric, employee_id).items()}


def percent(done, plan) -> Decimal | None:
    """How much of the plan is done, 0..100+ with one decimal; None without a plan."""
    plan = Decimal(plan or 0)
    if plan <= 0:
        return None
    return (Decimal(done or 0) * 100 / plan).quantize(Decimal("0.1"))


def period_months(date_from: date | None, date_to: date | None) -> tuple[str | None, str | None]:
    """The first and last month a (possibly open-ended) period touches."""
    return (month_of(date_from) if date_from else None, month_of(date_to) if date_to else None)
