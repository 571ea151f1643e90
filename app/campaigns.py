"""Advertising campaigns: name, channel, period, cost, target segment and notes.

Clients and deals carry the campaign they came from (``Client.campaign``,
``Deal.campaign``): set on the card, by import (a column matched by the campaign's
name), in bulk from the client list, or by a rule: the client sources a campaign
brings (``app.campaign_rules``).  ``app.reports.campaigns`` shows what each one
brought.  Deleting a campaign can be undone: ``delete_campaign`` returns what
``restore_campaign`` needs, including which clients and deals pointed at it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from db.models import Campaign, Client, Deal, Segment, database_proxy, utcnow

from . import access, audit, campaign_rules
from .errors import KartotekaError, NotFoundError, ValidationError
from .events import publish

CHANNELS = ("ads", "mailing", "exhibition", "calls", "website", "referral", "other")
CENT = Decimal("0.01")


class CampaignNameError(KartotekaError):
    code = "campaign_name"
    message = "Give the campaign a name."


class CampaignNameTakenError(KartotekaError):
    code = "campaign_name_taken"
    message = "A campaign named “{name}” already exists. Choose another name."


class CampaignDatesError(KartotekaError):
    code = "campaign_dates"
    message = "The campaign ends ({ends}) before it starts ({starts})."


class CampaignCostError(KartotekaError):
    code = "campaign_cost"
    message = "The cost of a campaign is an amount of money of zero or more (got “{value}”)."


@dataclass
class CampaignData:
    name: str = ""
    channel: str = "other"
    starts_on: date | None = None
    ends_on: date | None = None
    cost: Decimal = Decimal("0.00")
    segment_id: int | None = None
    notes: str = ""
    id: int | None = None
    created_at: datetime | None = None
    sources: list[str] = field(default_factory=list)  # client sources that bring it (app.campaign_rules)


_STORED = ("name", "channel", "starts_on", "ends_on", "cost", "segment_id", "notes")


def _data(row: Campaign, sources: list[str] | None = None) -> CampaignData:
    return CampaignData(row.name, row.channel or "other", row.starts_on, row.ends_on,
                        Decimal(row.cost or 0).quantize(CENT), row.segment_id, row.notes or "", row.id,
                        row.created_at, campaign_rules.sources_of(row.id) if sources is None else sources)


def _get(campaign_id: int) -> Campaign:
    row = Campaign.get_or_none(Campaign.id == campaign_id)
    if row is None:
        raise NotFoundError(entity="campaign", id=campaign_id)
    return row


def _clean(data: CampaignData, except_id: int | None = None) -> dict:
    name = " ".join(str(data.name or "").split())
    if not name:
        raise CampaignNameError()
    for other_id, other in Campaign.select(Campaign.id, Campaign.name).tuples():
        if other_id != except_id and other.casefold() == name.casefold():
            raise CampaignNameTakenError(name=name)
    channel = data.channel or "other"
    if channel not in CHANNELS:
        raise ValidationError(field="channel", detail=f"choose one of {', '.join(CHANNELS)}")
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise CampaignDatesError(starts=data.starts_on.strftime("%d.%m.%Y"), ends=data.ends_on.strftime("%d.%m.%Y"))
    try:
        cost = Decimal(str(data.cost if data.cost not in (None, "") else 0).replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        cost = None
    if cost is None or not cost.is_finite() or cost < 0:
        raise CampaignCostError(value=str(data.cost))
    if data.segment_id is not None and not Segment.select().where(Segment.id == data.segment_id).exists():
        raise NotFoundError(entity="segment", id=data.segment_id)
    return dict(name=name, channel=channel, starts_on=data.starts_on, ends_on=data.ends_on,
                cost=cost.quantize(CENT), segment_id=data.segment_id, notes=(data.notes or "").strip())


# ----------------------------------------------------------------------- reading

def list_campaigns() -> list[CampaignData]:
    """Every campaign: the latest start first, campaigns without dates last."""
    rules = campaign_rules.source_lists()
    rows = [_data(r, rules.get(r.id, [])) for r in Campaign.select()]
    return sorted(rows, key=lambda c: (c.starts_on is None, -(c.starts_on or date.min).toordinal(),
                                       c.name.casefold(), c.id))


def get_campaign(campaign_id: int) -> CampaignData:
    return _data(_get(campaign_id))


def campaign_choices() -> list[tuple[int, str]]:
    """(id, name) of every campaign, by name: what the combos offer."""
    return sorted(Campaign.select(Campaign.id, Campaign.name).tuples(), key=lambda r: (r[1].casefold(), r[0]))


def find_by_name(name: str) -> int | None:
    """The campaign called ``name`` (any case, outer spaces ignored), for the importer."""
    wanted = " ".join(str(name or "").split()).casefold()
    if not wanted:
        return None
    return next((i for i, n in campaign_choices() if n.casefold() == wanted), None)


# ----------------------------------------------------------------------- writing

def create_campaign(data: CampaignData) -> int:
    access.require("settings")  # campaigns and their costs: the owner's
    with database_proxy.atomic():
        row = Campaign.create(**_clean(data))
        campaign_rules.store(row.id, campaign_rules.check(data.sources, row.id))
    publish("campaign", "create", [row.id])
    return row.id


def update_campaign(data: CampaignData) -> CampaignData:
    """Save a changed campaign; returns it as it was (for undo)."""
    if not data.id:
        raise NotFoundError(entity="campaign", id=0)
    access.require("settings")
    with database_proxy.atomic():
        row = _get(data.id)
        before = _data(row)
        Campaign.update(**_clean(data, except_id=data.id)).where(Campaign.id == data.id).execute()
        campaign_rules.store(data.id, campaign_rules.check(data.sources, data.id))
    publish("campaign", "update", [data.id])
    return before


def delete_campaign(campaign_id: int) -> dict:
    """Delete a campaign; clients and deals forget it.  Returns the undo snapshot."""
    access.require("settings")
    with database_proxy.atomic():
        row = _get(campaign_id)
        snapshot = {"data": _data(row),
                    "clients": [i for (i,) in Client.select(Client.id).where(Client.campaign == campaign_id).tuples()],
                    "deals": [i for (i,) in Deal.select(Deal.id).where(Deal.campaign == campaign_id).tuples()]}
        Client.update(campaign=None).where(Client.campaign == campaign_id).execute()
        Deal.update(campaign=None).where(Deal.campaign == campaign_id).execute()
        row.delete_instance()
        campaign_rules.store(campaign_id, [])  # the snapshot's data keeps the sources for undo
    publish("campaign", "delete", [campaign_id])
    return snapshot


def restore_campaign(snapshot: dict) -> int:
    """Undo ``delete_campaign``: the same id, and the clients and deals point at it again."""
    access.require("settings")
    data: CampaignData = snapshot["data"]
    values = {f.name: getattr(data, f.name) for f in fields(data) if f.name in _STORED}
    if values["segment_id"] is not None and not Segment.select().where(Segment.id == values["segment_id"]).exists():
        values["segment_id"] = None
    with database_proxy.atomic():
        Campaign.insert(id=data.id, created_at=data.created_at or utcnow(), **values).execute()
        for chunk in _chunks(snapshot.get("clients") or []):
            Client.update(campaign=data.id).where(Client.id.in_(chunk)).execute()
        for chunk in _chunks(snapshot.get("deals") or []):
            Deal.update(campaign=data.id).where(Deal.id.in_(chunk)).execute()
        campaign_rules.store(data.id, campaign_rules.untaken(data.sources, data.id))
    publish("campaign", "restore", [data.id])
    return data.id


def _chunks(ids, size=500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def set_client_campaign(ids, campaign_id: int | None) -> dict[int, int | None]:
    """Set the source campaign of many clients; returns {id: previous campaign} for undo."""
    ids = list(ids)
    access.require_all("edit", Client, ids)  # a manager: own clients only
    if campaign_id is not None:
        _get(campaign_id)
    previous: dict[int, int | None] = {}
    with database_proxy.atomic():
        for chunk in _chunks(ids):
            previous.update(Client.select(Client.id, Client.campaign).where(Client.id.in_(chunk)).tuples())
            Client.update(campaign=campaign_id, updated_at=utcnow(), version=Client.version + 1).where(
                Client.id.in_(chunk)).execute()
        audit.record_many("client", previous, "update", {"campaign_id": [None, campaign_id]})
    publish("client", "bulk", list(previous))
    return previous


def restore_client_campaign(previous: dict[int, int | None]) -> None:
    """Put back what ``set_client_campaign`` returned."""
    access.require_all("edit", Client, list(previous))
    by_value: dict[int | None, list[int]] = {}
    for cid, value in previous.items():
        by_value.setdefault(value, []).append(cid)
    with database_proxy.atomic():
        for value, ids in by_value.items():
            if value is not None and not Campaign.select().where(Campaign.id == value).exists():
                value = None
            for chunk in _chunks(ids):
                Client.update(campaign=value, version=Client.version + 1).where(Client.id.in_(chunk)).execute()
    publish("client", "bulk", list(previous))
