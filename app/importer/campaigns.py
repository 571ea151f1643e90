"""The "Campaign" column of an import: cell values matched to advertising campaigns by
name (any case, outer and double spaces ignored, as ``app.campaigns.find_by_name``).

A name no campaign has yet becomes a new campaign (channel "other") inside the import's
transaction.  The import's audit entry lists the campaigns it created, so undoing the
import removes them again — unless something else points at them by then."""
from __future__ import annotations

import json

from db.models import AuditLog, Campaign, Client, Deal, utcnow

from ..campaigns import campaign_choices

AUDIT_KEY = "campaigns"
"""The key of the import's audit entry that lists the campaigns it created."""


def _key(name: str) -> str:
    return " ".join(str(name or "").split()).casefold()


def unknown(names) -> list[str]:
    """The cell texts among ``names`` that no campaign has yet (one per campaign-to-be,
    spaces tidied, in alphabetical order): what ``resolve`` would create."""
    known = {_key(n) for _i, n in campaign_choices()}
    out: dict[str, str] = {}
    for text in sorted(n for n in names if n):
        key = _key(text)
        if key and key not in known:
            out.setdefault(key, " ".join(str(text).split()))
    return list(out.values())


def resolve(names) -> tuple[dict[str, int], list[int]]:
    """{cell text: campaign id} for the given cell texts, creating the campaigns that do
    not exist yet; returns that and the ids of the new campaigns."""
    known = {_key(n): i for i, n in campaign_choices()}
    out: dict[str, int] = {}
    created: list[int] = []
    for text in sorted(n for n in names if n):
        key = _key(text)
        if not key:
            continue
        if key not in known:
            known[key] = Campaign.insert(name=" ".join(str(text).split()), channel="other",
                                         created_at=utcnow()).execute()
            created.append(known[key])
        out[text] = known[key]
    return out, created


def created_by(batch_id: int) -> list[int]:
    """The campaigns an import created (from its audit entry)."""
    row = (AuditLog.select(AuditLog.changes)
           .where(AuditLog.entity == "import", AuditLog.entity_id == batch_id, AuditLog.action == "create")
           .order_by(AuditLog.id).first())
    if row is None:
        return []
    try:
        value = json.loads(row.changes or "{}").get(AUDIT_KEY) or [None, []]
    except (ValueError, AttributeError):
        return []
    return [int(i) for i in (value[1] or [])]


def remove_created(batch_id: int) -> list[int]:
    """Undo: delete the campaigns the import created that no client or deal refers to
    any more (call after the import's clients are gone); returns their ids."""
    ids = created_by(batch_id)
    if not ids:
        return []
    used = {i for (i,) in Client.select(Client.campaign).where(Client.campaign.in_(ids)).distinct().tuples()}
    used |= {i for (i,) in Deal.select(Deal.campaign).where(Deal.campaign.in_(ids)).distinct().tuples()}
    gone = [i for i in ids if i not in used]
    if gone:
        Campaign.delete().where(Campaign.id.in_(gone)).execute()
    return gone
