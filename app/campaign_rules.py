"""Campaigns set by a rule: each campaign may list the client *sources* it brings
(campaign «Яндекс.Директ: поиск» ← sources "Яндекс.Директ", "yandex").

A client created by hand or by import, or whose source is changed on the card, gets the
campaign of its source when it has none (a campaign set by hand is never overwritten).
``apply_to_existing`` does the same for the clients already in the database.

The lists live in the Setting ``campaign_sources`` ({campaign id: [source, …]}), so they
travel with the database and its backups.  Sources match whatever the case and spacing.
"""
from __future__ import annotations

from db.models import Campaign, Client, database_proxy, utcnow

from . import access, audit, settings
from .errors import KartotekaError, NotFoundError
from .events import publish

SETTING = "campaign_sources"


class CampaignSourceTakenError(KartotekaError):
    code = "campaign_source_taken"
    message = ("The source “{source}” already brings the campaign “{campaign}”. "
               "A source can bring only one campaign.")


def key(source) -> str:
    """What sources are compared by: spaces collapsed, any case."""
    return " ".join(str(source or "").split()).casefold()


def split(text: str) -> list[str]:
    """The sources typed in one comma-separated field."""
    return clean(str(text or "").split(","))


def clean(sources) -> list[str]:
    """Sources with spaces collapsed, empty ones and repeats (any case) dropped, order kept."""
    out: dict[str, str] = {}
    for source in sources or ():
        text = " ".join(str(source or "").split())
        if text and key(text) not in out:
            out[key(text)] = text
    return list(out.values())


def _stored() -> dict[int, list[str]]:
    value = settings.get(SETTING) or {}
    if not isinstance(value, dict):
        return {}
    return {int(cid): [str(s) for s in sources] for cid, sources in value.items()
            if str(cid).isdigit() and isinstance(sources, list)}


def source_lists() -> dict[int, list[str]]:
    """{campaign id: its sources as typed} of every rule."""
    return _stored()


def sources_of(campaign_id: int) -> list[str]:
    """The sources that bring this campaign, as typed."""
    return _stored().get(campaign_id, [])


def source_map() -> dict[str, int]:
    """{source key: campaign id} of every rule whose campaign exists: one dict lookup per
    client afterwards (the importer's fast path)."""
    stored = _stored()
    if not stored:
        return {}
    existing = {i for (i,) in Campaign.select(Campaign.id).tuples()}
    return {key(s): cid for cid, sources in sorted(stored.items()) if cid in existing for s in sources}


def campaign_for_source(source) -> int | None:
    """The campaign whose rule lists ``source``, or None."""
    wanted = key(source)
    return source_map().get(wanted) if wanted else None


def check(sources, campaign_id: int | None = None) -> list[str]:
    """Cleaned ``sources``; raises ``CampaignSourceTakenError`` when another campaign
    already lists one of them."""
    sources = clean(sources)
    taken = {key(s): cid for cid, listed in _stored().items() if cid != campaign_id for s in listed}
    names = dict(Campaign.select(Campaign.id, Campaign.name).tuples())
    for source in sources:
        other = taken.get(key(source))
        if other is not None and other in names:
            raise CampaignSourceTakenError(source=source, campaign=names[other])
    return sources


def untaken(sources, campaign_id: int) -> list[str]:
    """The ``sources`` no other campaign lists (bringing back a deleted campaign)."""
    taken = {key(s) for cid, listed in _stored().items() if cid != campaign_id for s in listed}
    return [s for s in clean(sources) if key(s) not in taken]


def store(campaign_id: int, sources) -> None:
    """Write the list of one campaign (no checks: the caller ran ``check``); an empty list
    removes the rule.  Rules of campaigns that no longer exist are dropped on the way."""
    stored = _stored()
    sources = clean(sources)
    if stored.get(campaign_id, []) == sources:
        return
    existing = {i for (i,) in Campaign.select(Campaign.id).tuples()}
    stored = {cid: s for cid, s in stored.items() if cid in existing and cid != campaign_id}
    if sources:
        stored[campaign_id] = sources
    settings.put(SETTING, {str(cid): s for cid, s in sorted(stored.items())})


def set_sources(campaign_id: int, sources) -> list[str]:
    """Set the sources that bring a campaign; returns the previous list (for undo)."""
    access.require("settings")  # campaigns and their rules: the owner's
    if not Campaign.select().where(Campaign.id == campaign_id).exists():
        raise NotFoundError(entity="campaign", id=campaign_id)
    with database_proxy.atomic():
        before = sources_of(campaign_id)
        store(campaign_id, check(sources, campaign_id))
    publish("campaign", "update", [campaign_id])
    return before


def apply_to_existing() -> dict[int, int | None]:
    """Give the campaign of their source to the clients (not in the trash) that have no
    campaign.  Returns {client id: previous campaign (None)} — what
    ``app.campaigns.restore_client_campaign`` takes to undo it; its length is the count."""
    access.require("settings")
    rules = source_map()
    if not rules:
        return {}
    by_campaign: dict[int, list[int]] = {}
    with database_proxy.atomic():
        rows = (Client.select(Client.id, Client.source)
                .where(Client.campaign.is_null(), Client.deleted_at.is_null(), Client.source != "").tuples())
        for cid, source in rows:
            campaign = rules.get(key(source))
            if campaign is not None:
                by_campaign.setdefault(campaign, []).append(cid)
        now = utcnow()
        for campaign, ids in by_campaign.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                Client.update(campaign=campaign, updated_at=now, version=Client.version + 1).where(
                    Client.id.in_(chunk), Client.campaign.is_null()).execute()
            audit.record_many("client", ids, "update", {"campaign_id": [None, campaign], "rule": "source"})
    previous = {cid: None for ids in by_campaign.values() for cid in ids}
    if previous:
        publish("client", "bulk", list(previous))
    return previous
