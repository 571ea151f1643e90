"""Finding clients by anything a user remembers: part of a name (ё = е, any case), a
company or contact person, an e-mail, INN, city, notes, or a phone in any format or
just its last digits.  Indexed lookups only (FTS5 trigram, name prefix, digit suffix)."""
from __future__ import annotations

from dataclasses import dataclass, field

from peewee import SQL, Value

from db import pg_search
from db.models import Client, Email, Phone
from db.search_index import match_sql
from db.sql import binary, is_postgres
from db.text import fold, only_digits

from . import access
from .phones import search_keys

_PREFIX_END = "\U0010ffff"


@dataclass
class ClientHit:
    id: int
    name: str
    kind: str
    city: str
    status: str
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind, "city": self.city,
                "status": self.status, "phones": self.phones, "emails": self.emails}


def _looks_like_phone(query: str) -> bool:
    stripped = query.strip()
    return bool(stripped) and all(ch.isdigit() or ch in " +-()." for ch in stripped) \
        and len(only_digits(stripped)) >= 5


def _phone_condition(keys: list[str]):
    cond = None
    for key in keys:
        rev = key[::-1]
        part = (binary(Phone.digits_rev) >= rev) & (binary(Phone.digits_rev) < rev + _PREFIX_END)
        cond = part if cond is None else (cond | part)
    return Client.id.in_(Phone.select(Phone.client).where(cond))


def _text_condition(terms: list[str], cap: int | None = None):
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    cond = None
    if long_terms:
        sql, params = match_sql(long_terms, cap)
        cond = Client.id.in_(SQL(f"({sql})", params))
    for term in short_terms:
        if cond is None:  # only short words: a name prefix, served by the name index
            part = (binary(Client.name_fold) >= term) & (binary(Client.name_fold) < term + _PREFIX_END)
        else:
            part = Client.name_fold.contains(term)
        cond = part if cond is None else (cond & part)
    return cond


def condition(query: str, cap: int | None = None):
    """A peewee condition on ``Client`` matching the query (None for an empty query).

    The client list combines it with its other filters, so "find" and "filter" are
    one code path.  ``cap`` bounds how many text matches are considered (the
    search-as-you-type box: "ович" matches a third of a big base; typing more
    narrows it), the list passes none and gets every match.
    """
    query = (query or "").strip()
    if not query:
        return None
    if _looks_like_phone(query):
        digits = only_digits(query)
        cond = _phone_condition(search_keys(query))
        if len(digits) in (10, 12):
            cond = cond | (Client.inn == digits)
        return cond
    folded = fold(query)
    if "@" in folded:
        emails = Email.select(Email.client).where(
            (binary(Email.address_fold) >= folded) & (binary(Email.address_fold) < folded + _PREFIX_END))
        if len(folded) < 3:
            return Client.id.in_(emails)
        if is_postgres():  # one id set: PostgreSQL plans an OR of two IN as a walk over every client
            email_sql, email_params = emails.sql()
            text_sql, text_params = match_sql([folded], cap)
            return Client.id.in_(SQL(f"({email_sql} UNION ({text_sql}))", list(email_params) + text_params))
        return Client.id.in_(emails) | _text_condition([folded], cap)
    return _text_condition(folded.split(), cap)


SEARCH_CAP = 2000


def _pg_ranked(columns, query: str, filters: list, limit: int):
    """PostgreSQL, a text query with a word of three letters or more: the capped matches
    come with their clients' sort key (migration 7), so only the first ``limit`` clients
    in name order are looked up, not every match.  None for the other queries."""
    folded = fold(query.strip())
    if _looks_like_phone(query) or "@" in folded:
        return None
    terms = folded.split()
    long_terms = [t for t in terms if len(t) >= 3]
    if not long_terms:
        return None
    sql, params = match_sql(long_terms, SEARCH_CAP, columns="rowid, name_fold")
    extra = [Client.name_fold.contains(t) for t in terms if len(t) < 3]
    # sorted before the join, so that the join stops after ``limit`` live clients
    ranked = f"(SELECT rowid, name_fold FROM ({sql}) AS capped ORDER BY name_fold, rowid) AS m"
    return (Client.select(*columns, SQL("m.name_fold AS sort_key")).from_(Client, SQL(ranked, params))
            .where(Client.id == SQL("m.rowid"), *filters, *extra)
            .order_by(SQL("m.name_fold"), SQL("m.rowid")).limit(limit))


def _pg_page(query: str, columns, filters: list, limit: int) -> list[tuple]:
    """PostgreSQL: the page's rows with their phones and e-mails, in one prepared statement."""
    page = _pg_ranked(columns, query, filters, limit)
    if page is None:
        cond = condition(query, cap=SEARCH_CAP)
        if cond is None:
            return []
        page = (Client.select(*columns, binary(Client.name_fold).alias("sort_key")).where(cond, *filters)
                .order_by(binary(Client.name_fold), Client.id).limit(limit))
    return pg_search.page_with_contacts(*page.sql())


def search_clients(query: str, limit: int = 50, include_deleted: bool = False) -> list[ClientHit]:
    """Up to ``limit`` clients for the query, names starting with it first."""
    filters = ([] if include_deleted else [Client.deleted_at.is_null()]) + access.scope(Client)
    columns = (Client.id, Client.name, Client.kind, Client.city, Client.status)
    if is_postgres():
        rows = _pg_page(query, columns, filters, limit)
    else:
        cond = condition(query, cap=SEARCH_CAP)
        if cond is None:
            return []
        # by code point on both engines (PostgreSQL: the C-collation name index serves it)
        rows = list(Client.select(*columns).where(cond, *filters)
                    .order_by(binary(Client.name_fold), Client.id).limit(limit).tuples())
    hits = {r[0]: ClientHit(*r) for r in rows}
    if hits and not is_postgres():  # their phones and e-mails in one query
        ids = list(hits)
        phones = Phone.select(Phone.client, Value(0), Phone.e164, Phone.raw, Phone.order, Phone.id) \
            .where(Phone.client.in_(ids))
        emails = Email.select(Email.client, Value(1), Email.address, Email.address, Email.order, Email.id) \
            .where(Email.client.in_(ids))
        for cid, is_email, first, raw, _, _ in (phones + emails).order_by(SQL("2, 5, 6")).tuples():
            (hits[cid].emails if is_email else hits[cid].phones).append(first or raw)
    folded = fold(query)
    return sorted(hits.values(), key=lambda h: (not fold(h.name).startswith(folded), fold(h.name)))
