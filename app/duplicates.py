"""Likely duplicates of a client or an incoming row: the same phone, e-mail or INN, or
a similar name (rapidfuzz), each with a score 0–100 and the reasons."""
from __future__ import annotations

from dataclasses import dataclass, field

from db.models import Client, Email, Phone
from db.search_index import match_ids
from db.text import fold

from . import settings
from .phones import normalize

NAME_THRESHOLD = 85


@dataclass
class Duplicate:
    client_id: int
    name: str
    score: int
    reasons: list[str] = field(default_factory=list)


def _name_candidates(name: str, limit: int = 200) -> list[int]:
    words = sorted((w for w in fold(name).replace('"', " ").split() if len(w) >= 3), key=len, reverse=True)
    return match_ids(words[:1], limit) if words else []


def find_duplicates(*, name: str = "", phones=(), emails=(), inn: str = "",
                    exclude_id: int | None = None, limit: int = 10) -> list[Duplicate]:
    """Clients (not in the trash) that look like the given data, best first."""
    from rapidfuzz import fuzz, utils  # loaded on first use, not at start-up

    found: dict[int, Duplicate] = {}

    def hit(cid: int, cname: str, score: int, reason: str) -> None:
        if cid == exclude_id:
            return
        dup = found.setdefault(cid, Duplicate(cid, cname, 0))
        dup.score = max(dup.score, score)
        if reason not in dup.reasons:
            dup.reasons.append(reason)

    alive = Client.deleted_at.is_null()
    region = settings.phone_region()
    digits = [p.digits for p in (normalize(str(x), region) for x in phones) if len(p.digits) >= 5]
    if digits:
        # digits_rev is indexed: the reversed full number is an exact-match lookup
        for cid, cname, raw in (Phone.select(Phone.client, Client.name, Phone.raw).join(Client)
                                .where(Phone.digits_rev.in_([d[::-1] for d in digits]), alive).tuples()):
            hit(cid, cname, 100, f"phone {raw}")
    folded = [fold(e) for e in emails if e and "@" in e]
    if folded:
        for cid, cname, address in (Email.select(Email.client, Client.name, Email.address).join(Client)
                                    .where(Email.address_fold.in_(folded), alive).tuples()):
            hit(cid, cname, 100, f"e-mail {address}")
    inn = "".join((inn or "").split())
    if inn:
        for cid, cname in Client.select(Client.id, Client.name).where(Client.inn == inn, alive).tuples():
            hit(cid, cname, 100, f"INN {inn}")
    if name.strip():
        target = fold(name)
        ids = _name_candidates(name)
        if ids:
            for cid, cname in Client.select(Client.id, Client.name).where(Client.id.in_(ids), alive).tuples():
                other = fold(cname)
                score = int(max(fuzz.token_sort_ratio(target, other, processor=utils.default_process),
                                fuzz.token_set_ratio(target, other, processor=utils.default_process) - 5))
                if score >= NAME_THRESHOLD:
                    hit(cid, cname, score, "similar name")
    return sorted(found.values(), key=lambda d: (-d.score, d.name))[:limit]
