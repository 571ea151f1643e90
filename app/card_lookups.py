"""Small read-only lookups a client card needs: employees, tag names, custom fields."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from db.models import CustomField, Employee, Tag


@dataclass
class FieldDef:
    id: int
    name: str
    kind: str  # text | number | date | choice
    choices: list[str] = field(default_factory=list)


def active_employees() -> list[tuple[int, str]]:
    """(id, name) of the employees who can be responsible, by name."""
    return [(e.id, e.name) for e in Employee.select(Employee.id, Employee.name)
            .where(Employee.active == True).order_by(Employee.name)]  # noqa: E712


def employee_names(ids) -> dict[int, str]:
    ids = [i for i in set(ids) if i is not None]
    if not ids:
        return {}
    return dict(Employee.select(Employee.id, Employee.name).where(Employee.id.in_(ids)).tuples())


def tag_names() -> list[str]:
    return [n for (n,) in Tag.select(Tag.name).order_by(Tag.name).tuples()]


def custom_fields(entity: str = "client") -> list[FieldDef]:
    """The fields defined for ``entity`` (not retired), in their order."""
    out = []
    for f in (CustomField.select().where(CustomField.entity == entity, CustomField.retired_at.is_null())
              .order_by(CustomField.order, CustomField.id)):
        try:
            choices = [str(c) for c in json.loads(f.choices or "[]")]
        except ValueError:
            choices = []
        out.append(FieldDef(f.id, f.name, f.kind, choices))
    return out
