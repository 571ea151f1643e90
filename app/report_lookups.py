"""What the report filters offer: employees, pipelines, tags, places and sources, and
the monthly plans the plan dialog shows.  Read-only."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from db.models import Client, Deal, Tag

from .card_lookups import active_employees
from .client_list import filter_choices
from .stages import pipelines


@dataclass
class ReportChoices:
    employees: list[tuple[int, str]]
    pipelines: list[tuple[int, str]]
    tags: list[tuple[int, str]]
    places: list[str]      # cities and regions of live clients
    sources: list[str]     # clients' and deals' sources


def _distinct(column) -> set[str]:
    return {v.strip() for (v,) in column.model.select(fn.DISTINCT(column)).where(column != "").tuples()
            if v and v.strip()}


def report_choices() -> ReportChoices:
    tags = list(Tag.select(Tag.id, Tag.name).order_by(Tag.name).tuples())
    sources = _distinct(Client.source) | _distinct(Deal.source)
    return ReportChoices(employees=active_employees(),
                         pipelines=[(p.id, p.name) for p in pipelines()],
                         tags=tags, places=filter_choices().places,
                         sources=sorted(sources, key=str.casefold))


def month_plans(month: str, metric: str) -> dict[int, Decimal]:
    """{employee id: target} for one month and metric."""
    from .reports.plans import plans
    return {emp: by_month[month] for emp, by_month in plans(month, month, metric).items() if month in by_month}
