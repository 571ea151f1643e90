"""Segments: saved client filters — any field, tag or custom field, and behaviour
(bought recently, no contact for a while, lost to a competitor, birthday this month,
A-class in the ABC report, came from a campaign).

A segment stores its *definition* (JSON, see ``app.segment_rules`` for the keys), never
its members: ``members_query`` computes them when used, so a segment is a live list that
the client list filters by and the exporter writes out.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from db.models import Campaign, CustomField, Employee, Segment, database_proxy, utcnow

from . import access
from .client_list import NOBODY, ClientFilter
from .errors import KartotekaError, NotFoundError, ValidationError
from .events import publish
from .segment_rules import KEYS, conditions, members_query as _members_query

LIMITS = {"bought_months": (1, 120), "no_contact_days": (1, 3650), "abc_months": (0, 120)}
TEXT_KEYS = ("status", "tag", "place", "segment", "text", "source")
FLAG_KEYS = ("overdue", "lost_to_competitor", "birthday_this_month", "abc_a")


class SegmentNameError(KartotekaError):
    code = "segment_name"
    message = "Give the segment a name."


class SegmentNameTakenError(KartotekaError):
    code = "segment_name_taken"
    message = "A segment named “{name}” already exists. Choose another name."


class SegmentEmptyError(KartotekaError):
    code = "segment_empty"
    message = "The segment has no conditions, so it would hold every client. Choose at least one condition."


class SegmentGoneError(KartotekaError):
    code = "segment_gone"
    message = "The segment refers to a {what} that no longer exists (#{id}). Choose another."


@dataclass
class SegmentInfo:
    id: int
    name: str
    definition: dict = field(default_factory=dict)
    created_at: datetime | None = None


# ----------------------------------------------------------------------- checks

def _whole(key: str, value) -> int:
    low, high = LIMITS[key]
    try:
        number = None if isinstance(value, bool) else int(str(value).strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise ValidationError(field=key, detail=f"enter a whole number from {low} to {high}")
    return number


def clean_definition(definition) -> dict:
    """A checked copy of a definition with empty conditions left out.

    Raises ``ValidationError`` for unknown keys or bad numbers, ``SegmentGoneError``
    for a campaign, custom field or employee that does not exist, ``SegmentEmptyError``
    when nothing is left to filter by."""
    if isinstance(definition, str):
        try:
            definition = json.loads(definition or "{}")
        except ValueError:
            raise ValidationError(field="definition", detail="not valid JSON") from None
    if not isinstance(definition, dict):
        raise ValidationError(field="definition", detail="must be an object of conditions")
    unknown = sorted(set(definition) - set(KEYS))
    if unknown:
        raise ValidationError(field="definition", detail=f"unknown condition(s): {', '.join(unknown)}")
    out: dict = {}
    for key in TEXT_KEYS:
        text = str(definition.get(key) or "").strip()
        if text:
            out[key] = text
    for key in FLAG_KEYS:
        if definition.get(key):
            out[key] = True
    for key in ("bought_months", "no_contact_days"):
        if definition.get(key) not in (None, "", 0):
            out[key] = _whole(key, definition[key])
    if out.get("abc_a") and definition.get("abc_months"):
        out["abc_months"] = _whole("abc_months", definition["abc_months"])
    responsible = definition.get("responsible_id")
    if responsible is not None:
        responsible = int(responsible)
        if responsible != NOBODY and not Employee.select().where(Employee.id == responsible).exists():
            raise SegmentGoneError(what="employee", id=responsible)
        out["responsible_id"] = responsible
    if definition.get("campaign_id"):
        campaign = int(definition["campaign_id"])
        if not Campaign.select().where(Campaign.id == campaign).exists():
            raise SegmentGoneError(what="campaign", id=campaign)
        out["campaign_id"] = campaign
    custom = {}
    for field_id, value in (definition.get("custom") or {}).items():
        if str(value).strip():
            if not CustomField.select().where(CustomField.id == int(field_id)).exists():
                raise SegmentGoneError(what="custom field", id=field_id)
            custom[str(int(field_id))] = str(value).strip()
    if custom:
        out["custom"] = custom
    if not out:
        raise SegmentEmptyError()
    return out


def _clean_name(name, except_id: int | None = None) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise SegmentNameError()
    for other_id, other in Segment.select(Segment.id, Segment.name).tuples():
        if other_id != except_id and other.casefold() == name.casefold():
            raise SegmentNameTakenError(name=name)
    return name


def _get(segment_id: int) -> Segment:
    row = Segment.get_or_none(Segment.id == segment_id)
    if row is None:
        raise NotFoundError(entity="segment", id=segment_id)
    return row


def _info(row: Segment) -> SegmentInfo:
    try:
        definition = json.loads(row.definition or "{}")
    except ValueError:
        definition = {}
    return SegmentInfo(row.id, row.name, definition if isinstance(definition, dict) else {}, row.created_at)


# ----------------------------------------------------------------------- reading

def list_segments() -> list[SegmentInfo]:
    """Every segment, by name."""
    rows = sorted(Segment.select(), key=lambda r: (r.name.casefold(), r.id))
    return [_info(r) for r in rows]


def get_segment(segment_id: int) -> SegmentInfo:
    return _info(_get(segment_id))


def members_query(definition, now: datetime | None = None):
    """A peewee query of the member client ids (live: computed when run) that the user may see."""
    from db.models import Client
    query, mine = _members_query(clean_definition(definition), now), access.scope(Client)
    return query.where(*mine) if mine else query


def member_ids(definition, now: datetime | None = None) -> list[int]:
    return [i for (i,) in members_query(definition, now).order_by(*_name_order()).tuples()]


def _name_order():
    from db.models import Client
    return (Client.name_fold, Client.id)


def count(definition, now: datetime | None = None) -> int:
    return members_query(definition, now).count()


def segment_condition(segment_id: int, now: datetime | None = None):
    """The client list's condition for "in this saved segment" (nothing when it is gone)."""
    from db.models import Client
    row = Segment.get_or_none(Segment.id == segment_id)
    if row is None:
        return Client.id.in_([])
    try:
        definition = clean_definition(_info(row).definition)
    except KartotekaError:   # a condition refers to something deleted since: show nobody
        return Client.id.in_([])
    return Client.id.in_(_members_query(definition, now))


def definition_from_filter(flt: ClientFilter, base: dict | None = None) -> dict:
    """A definition from the client list's filter, over ``base`` (a chosen segment's)."""
    out = dict(base or {})
    for key in ("status", "tag", "place", "segment", "text"):
        if getattr(flt, key):
            out[key] = getattr(flt, key)
    if flt.responsible_id is not None:
        out["responsible_id"] = flt.responsible_id
    if flt.overdue:
        out["overdue"] = True
    return out


# ----------------------------------------------------------------------- writing

def save_segment(name: str, definition) -> int:
    """Create a segment; returns its id."""
    access.require("create")  # segments: anyone who may change data (not a viewer)
    with database_proxy.atomic():
        row = Segment.create(name=_clean_name(name),
                             definition=json.dumps(clean_definition(definition), ensure_ascii=False))
    publish("segment", "create", [row.id])
    return row.id


def update_segment(segment_id: int, name: str | None = None, definition=None) -> SegmentInfo:
    """Rename and/or change the conditions; returns the segment as it was (for undo)."""
    access.require("edit")
    with database_proxy.atomic():
        row = _get(segment_id)
        before = _info(row)
        if name is not None:
            row.name = _clean_name(name, except_id=segment_id)
        if definition is not None:
            row.definition = json.dumps(clean_definition(definition), ensure_ascii=False)
        row.save()
    publish("segment", "update", [segment_id])
    return before


def delete_segment(segment_id: int) -> dict:
    """Delete a segment; returns what ``restore_segment`` needs to bring it back
    (campaigns that targeted it lose the target and get it back on restore)."""
    access.require("delete")
    with database_proxy.atomic():
        row = _get(segment_id)
        campaigns = [i for (i,) in Campaign.select(Campaign.id).where(Campaign.segment_id == segment_id).tuples()]
        Campaign.update(segment_id=None).where(Campaign.id.in_(campaigns)).execute()
        snapshot = {"id": row.id, "name": row.name, "definition": row.definition,
                    "created_at": row.created_at, "campaigns": campaigns}
        row.delete_instance()
    publish("segment", "delete", [segment_id])
    return snapshot


def restore_segment(snapshot: dict) -> int:
    """Undo ``delete_segment``: the same id, name and conditions."""
    access.require("create")
    with database_proxy.atomic():
        Segment.insert(id=snapshot["id"], name=snapshot["name"], definition=snapshot["definition"],
                       created_at=snapshot.get("created_at") or utcnow()).execute()
        Campaign.update(segment_id=snapshot["id"]).where(Campaign.id.in_(snapshot.get("campaigns") or [])).execute()
    publish("segment", "restore", [snapshot["id"]])
    return snapshot["id"]


__all__ = ["SegmentInfo", "clean_definition", "conditions", "count", "definition_from_filter",
           "delete_segment", "get_segment", "list_segments", "member_ids", "members_query",
           "restore_segment", "save_segment", "segment_condition", "update_segment"]
