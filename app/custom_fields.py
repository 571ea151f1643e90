"""The company's own fields of clients and deals (text, number, date, choice): the settings
behind the "other fields" of a card.

Every change returns what is needed to undo it.  Retiring a field hides it from the cards
and keeps its values; bringing it back shows them again.  A ``ValidationError`` carries a
``rule`` parameter, so the UI can say each refusal in the user's language."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from peewee import fn

from db.models import CustomField, CustomFieldValue, database_proxy, utcnow

from . import access
from .errors import NotFoundError, ValidationError
from .events import publish

ENTITIES = ("client", "deal")
KINDS = CustomField.KINDS
EDITABLE = ("name", "kind", "choices")


@dataclass
class FieldInfo:
    """One field definition as the settings show it."""

    id: int
    entity: str
    name: str
    kind: str
    choices: list[str] = field(default_factory=list)
    order: int = 0
    retired_at: datetime | None = None
    values: int = 0  # how many cards hold a value of this field

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


def _choices_of(row: CustomField) -> list[str]:
    try:
        return [str(c) for c in json.loads(row.choices or "[]")]
    except ValueError:
        return []


def _fold(name: str) -> str:
    return name.casefold().replace("ё", "е")


def _used(field_id: int) -> int:
    return CustomFieldValue.select().where(CustomFieldValue.field == field_id).count()


def _get(field_id: int) -> CustomField:
    row = CustomField.get_or_none(CustomField.id == field_id)
    if row is None:
        raise NotFoundError(entity="custom field", id=field_id)
    return row


def fields(entity: str = "client", include_retired: bool = False) -> list[FieldInfo]:
    """The fields of ``entity`` in their order (retired ones too when asked)."""
    counts = dict(CustomFieldValue.select(CustomFieldValue.field, fn.COUNT(CustomFieldValue.id))
                  .group_by(CustomFieldValue.field).tuples())
    q = CustomField.select().where(CustomField.entity == entity)
    if not include_retired:
        q = q.where(CustomField.retired_at.is_null())
    return [FieldInfo(f.id, f.entity, f.name, f.kind, _choices_of(f), f.order, f.retired_at, counts.get(f.id, 0))
            for f in q.order_by(CustomField.order, CustomField.id)]


# ----------------------------------------------------------------------- checks

def clean_name(name) -> str:
    text = " ".join(str(name or "").split())
    if not text:
        raise ValidationError(field="name", detail="the field needs a name", rule="name_required")
    return text


def clean_choices(choices) -> list[str]:
    """Options trimmed, empty ones dropped, repeats (whatever their case) kept once."""
    if isinstance(choices, str):
        choices = choices.splitlines()
    out: dict[str, str] = {}
    for choice in choices or ():
        text = " ".join(str(choice).split())
        if text and _fold(text) not in out:
            out[_fold(text)] = text
    return list(out.values())


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError(field="kind", detail=f"unknown kind {kind!r}", rule="unknown_kind")
    return kind


def _check_choices(kind: str, choices) -> list[str]:
    if kind != "choice":
        return []
    cleaned = clean_choices(choices)
    if not cleaned:
        raise ValidationError(field="choices", detail="a choice field needs at least one option",
                              rule="choices_required")
    return cleaned


def _ensure_unique(entity: str, name: str, except_id: int | None = None) -> None:
    q = CustomField.select(CustomField.id, CustomField.name).where(
        CustomField.entity == entity, CustomField.retired_at.is_null())
    if except_id is not None:
        q = q.where(CustomField.id != except_id)
    if any(_fold(other) == _fold(name) for _, other in q.tuples()):
        raise ValidationError(field="name", detail=f"there already is a field called {name!r}",
                              rule="name_taken", name=name)


# ----------------------------------------------------------------------- writes

def add_field(entity: str, name: str, kind: str, choices=(), *, field_id: int | None = None,
              order: int | None = None) -> int:
    """Define a new field at the end of the list; returns its id.

    ``field_id`` and ``order`` bring back a field that an undo removed, under its old id."""
    access.require("custom_fields")
    if entity not in ENTITIES:
        raise ValidationError(field="entity", detail=f"unknown entity {entity!r}", rule="unknown_entity")
    name = clean_name(name)
    kind = _check_kind(kind)
    cleaned = _check_choices(kind, choices)
    with database_proxy.atomic():
        _ensure_unique(entity, name)
        if order is None:
            last = (CustomField.select(fn.MAX(CustomField.order)).where(CustomField.entity == entity).scalar())
            order = 0 if last is None else last + 1
        extra = {"id": field_id} if field_id is not None else {}
        row = CustomField.create(entity=entity, name=name, kind=kind, order=order,
                                 choices=json.dumps(cleaned, ensure_ascii=False), **extra)
    publish("custom_field", "create", [row.id])
    return row.id


def update_field(field_id: int, **changes) -> dict:
    """Change the name, kind or options of a field; returns the old values of what changed.

    The kind stays once a card holds a value of the field (the values would stop making sense)."""
    access.require("custom_fields")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(field=sorted(unknown)[0], detail="cannot be changed here", rule="not_editable")
    with database_proxy.atomic():
        row = _get(field_id)
        old_choices = _choices_of(row)
        values: dict = {}
        if "name" in changes:
            values["name"] = clean_name(changes["name"])
            if row.retired_at is None:
                _ensure_unique(row.entity, values["name"], except_id=field_id)
        kind = _check_kind(changes.get("kind", row.kind))
        if kind != row.kind:
            if _used(field_id):
                raise ValidationError(field="kind", detail="the kind cannot change: some cards already hold "
                                      "values of this field", rule="kind_locked")
            values["kind"] = kind
        if "choices" in changes or kind != row.kind:
            values["choices"] = _check_choices(kind, changes.get("choices", old_choices))
        current = {"name": row.name, "kind": row.kind, "choices": old_choices}
        values = {k: v for k, v in values.items() if v != current[k]}
        if not values:
            return {}
        stored = dict(values)
        if "choices" in stored:
            stored["choices"] = json.dumps(stored["choices"], ensure_ascii=False)
        CustomField.update(**stored).where(CustomField.id == field_id).execute()
    publish("custom_field", "update", [field_id])
    return {k: current[k] for k in values}


def reorder_fields(entity: str, ordered_ids) -> list[int]:
    """Put the fields of ``entity`` (retired ones included) in this order; returns the previous order."""
    access.require("custom_fields")
    ordered_ids = list(ordered_ids)
    with database_proxy.atomic():
        current = [i for (i,) in CustomField.select(CustomField.id).where(CustomField.entity == entity)
                   .order_by(CustomField.order, CustomField.id).tuples()]
        if sorted(current) != sorted(ordered_ids):
            raise ValidationError(field="order", detail="the list of fields does not match", rule="order_mismatch")
        for pos, fid in enumerate(ordered_ids):
            CustomField.update(order=pos).where(CustomField.id == fid).execute()
    publish("custom_field", "update", ordered_ids)
    return current


def retire_field(field_id: int) -> None:
    """Hide a field from the cards; its values stay and come back with it."""
    access.require("custom_fields")
    with database_proxy.atomic():
        _get(field_id)
        CustomField.update(retired_at=utcnow()).where(CustomField.id == field_id).execute()
    publish("custom_field", "update", [field_id])


def unretire_field(field_id: int) -> None:
    """Bring a retired field back, unless an active field took its name meanwhile."""
    access.require("custom_fields")
    with database_proxy.atomic():
        row = _get(field_id)
        if row.retired_at is None:
            return
        _ensure_unique(row.entity, row.name, except_id=field_id)
        CustomField.update(retired_at=None).where(CustomField.id == field_id).execute()
    publish("custom_field", "update", [field_id])


def remove_new_field(field_id: int) -> str:
    """Take back the adding of a field: delete it while no card holds a value of it, else
    retire it.  Returns "deleted" or "retired"."""
    access.require("custom_fields")
    with database_proxy.atomic():
        row = _get(field_id)
        if _used(field_id):
            CustomField.update(retired_at=utcnow()).where(CustomField.id == field_id).execute()
            outcome = "retired"
        else:
            row.delete_instance()
            outcome = "deleted"
    publish("custom_field", "delete" if outcome == "deleted" else "update", [field_id])
    return outcome
