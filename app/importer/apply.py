"""Writing a plan: one transaction, bulk inserts, progress and cancel.

Rows of the file that are the same client are written as one client; a group that
matches a client of the database fills that client's empty fields and adds its new
phones, e-mails, contact persons, tags and notes.  Each created or merged client gets
an ``ImportChange`` row (for merges, what was there before and what was added), so
``undo_import`` can put everything back."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from db.models import (Client, ClientTag, ContactPerson, CustomField, CustomFieldValue, Deal,
                       Email, ImportBatch, ImportChange, Phone, Stage, StageChange, Tag,
                       database_proxy, utcnow)
from db.search_index import FTS_TABLE, index_clients
from db.sql import portable
from db.text import fold, only_digits

from .. import access, audit
from ..campaign_rules import key as source_key, source_map
from ..context import current_employee_id
from ..events import publish
from ..validation import email_is_valid
from .bulk import insert_rows, insert_tuple_ids, insert_tuples, storage_value
from .campaigns import AUDIT_KEY, resolve as resolve_campaigns
from .cleaning import Draft
from .errors import ImportCancelled
from .fts_buffer import big_index_buffer
from ..gc_pause import gc_paused
from .plan import ImportPlan
from .values import fast_fold

DEAL_TITLE = "Из импорта"
MERGE_FIELDS = ("inn", "kpp", "city", "region", "address", "source", "segment", "birthday",
                "next_contact_at", "responsible_id")
_CLIENT_CHUNK = 2000
_ROW_CHUNK = 20000
# The columns each bulk insert binds, in the order of its tuples.
_CLIENT_KEYS = ("kind", "name", "name_fold", "inn", "kpp", "address", "city", "region", "source", "segment",
                "campaign", "status", "refusal_reason", "responsible", "next_contact_at", "last_contact_at",
                "birthday", "notes", "created_at", "updated_at")
_PHONE_KEYS = ("client", "contact", "raw", "e164", "digits", "digits_rev", "valid", "order")
_EMAIL_KEYS = ("client", "contact", "address", "address_fold", "valid", "order")
_CONTACT_KEYS = ("client", "name", "position", "birthday", "notes", "order", "created_at")
_TAG_KEYS = ("client", "tag")
_CUSTOM_KEYS = ("field", "client", "value")
_DEAL_KEYS = ("client", "pipeline", "stage", "title", "amount", "responsible", "stage_entered_at", "closed_at",
              "created_at", "updated_at")
_STAGE_CHANGE_KEYS = ("deal", "from_stage", "to_stage", "changed_at", "employee")
_CHANGE_KEYS = ("batch", "client", "action")


@dataclass
class ImportResult:
    rows: int
    created: int
    merged: int
    skipped: int
    warnings: list[dict]
    batch: int | None
    created_ids: list[int] = field(default_factory=list)
    merged_ids: list[int] = field(default_factory=list)
    plan: ImportPlan | None = None
    new_campaigns: list[str] = field(default_factory=list)
    """The campaigns the import creates (or, for a dry run, would create)."""

    def as_json(self) -> dict:
        return {"rows": self.rows, "created": self.created, "merged": self.merged, "skipped": self.skipped,
                "warnings": self.warnings, "batch": self.batch,
                "unknown_values": self.plan.unknown_values if self.plan else [],
                "new_campaigns": self.new_campaigns}


def preview_result(plan: ImportPlan) -> ImportResult:
    """What ``apply_import`` would report, without writing (a dry run)."""
    s = plan.summary()
    return ImportResult(s["rows"], s["created"], s["merged"], s["skipped"], s["warnings"], None, plan=plan,
                        new_campaigns=s["new_campaigns"])


@dataclass
class _Group:
    target_id: int | None
    drafts: list[Draft] = field(default_factory=list)

    def combined(self) -> Draft:
        first = self.drafts[0]
        if len(self.drafts) == 1:
            return first
        d = Draft(first.row, dict(first.fields), list(first.notes), list(first.phones), list(first.emails),
                  list(first.contacts), list(first.tags), dict(first.custom), first.stage_id, first.amount,
                  first.last_contact_at, [], list(first.rows))
        for other in self.drafts[1:]:
            d.absorb(other)
        return d


def _groups(plan: ImportPlan) -> list[_Group]:
    by_key: dict[tuple, _Group] = {}
    group_of_row: dict[int, _Group] = {}
    for r in plan.rows:
        if r.action == "skip" or r.draft is None:
            continue
        if r.action == "merge" and r.target_row in group_of_row:
            g = group_of_row[r.target_row]
        elif r.action == "merge" and r.target_id:
            g = by_key.setdefault(("db", r.target_id), _Group(r.target_id))
        else:
            g = by_key.setdefault(("row", r.row), _Group(None))
        g.drafts.append(r.draft)
        group_of_row[r.row] = g
    return list(by_key.values())


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Writer:
    def __init__(self, plan: ImportPlan, batch_id: int):
        self.plan, self.batch_id = plan, batch_id
        self.employee = current_employee_id()
        self.now = utcnow()
        self.tags: dict[str, int] = {}
        self.custom: dict = {}
        self.stages = {s.id: s for s in Stage.select()}
        self.campaigns: dict[str, int] = {}  # cell text → campaign id
        self.new_campaigns: list[int] = []
        self.rules: dict[str, int] = {}  # source key → campaign id (app.campaign_rules)

    def prepare(self, groups: list[_Group]) -> None:
        names = {t for g in groups for d in g.drafts for t in d.tags}
        headers = {k for g in groups for d in g.drafts for k in d.custom if isinstance(k, str)}
        self.campaigns, self.new_campaigns = resolve_campaigns(
            {d.fields.get("campaign") for g in groups for d in g.drafts} - {None, ""})
        self.rules = source_map()
        existing = {n: i for i, n in Tag.select(Tag.id, Tag.name).tuples()}
        for name in sorted(names):
            self.tags[name] = existing.get(name) or Tag.create(name=name).id
        fields = {fold(n): i for i, n in CustomField.select(CustomField.id, CustomField.name)
                  .where(CustomField.entity == "client").tuples()}
        order = CustomField.select().count()
        for header in sorted(headers):
            if fold(header) not in fields:
                order += 1
                fields[fold(header)] = CustomField.create(entity="client", name=header, order=order).id
            self.custom[header] = fields[fold(header)]

    def _field_id(self, key) -> int:
        return key if isinstance(key, int) else self.custom[key]

    def children(self, pairs: list[tuple[int, Draft]], start_order: dict | None = None) -> dict:
        """Insert phones, e-mails, contacts, tags, custom values and deals; return new ids."""
        start_order = start_order or {}
        phones, emails, contacts, owners, tags, values, deals = [], [], [], [], [], [], []
        now = storage_value(self.now)
        for cid, d in pairs:
            base = start_order.get(cid, (0, 0))
            if d.phones:
                first = base[0]
                phones += [(cid, None, p.raw, p.e164, p.digits, p.digits[::-1], int(p.e164 is not None), first + i)
                           for i, p in enumerate(d.phones)]
            if d.emails:
                first = base[1]
                emails += [(cid, None, e, fast_fold(e), int(email_is_valid(e)), first + i)
                           for i, e in enumerate(d.emails)]
            for i, c in enumerate(d.contacts):
                contacts.append((cid, c.name or "—", c.position, storage_value(c.birthday), c.notes, i, now))
                owners.append((cid, c))
            if d.tags:
                tags += [(cid, self.tags[t]) for t in dict.fromkeys(d.tags)]
            if d.custom:
                values += [(self._field_id(k), cid, str(v)) for k, v in d.custom.items() if v not in (None, "")]
            if d.stage_id or d.amount:
                deals.append((cid, d))
        out = {"phones": [], "emails": [], "contacts": [], "tags": [], "custom": [], "deals": []}
        for chunk in _chunks(contacts, _CLIENT_CHUNK):
            out["contacts"] += insert_tuple_ids(ContactPerson, _CONTACT_KEYS, chunk)
        for contact_id, (cid, c) in zip(out["contacts"], owners):
            for i, p in enumerate(c.phones):
                digits = p.e164[1:] if p.e164 else only_digits(p.raw)
                phones.append((cid, contact_id, p.raw, p.e164, digits, digits[::-1], int(p.e164 is not None), i))
            emails += [(cid, contact_id, e, fast_fold(e), int(email_is_valid(e)), i) for i, e in enumerate(c.emails)]
        for key, model, keys, rows in (("phones", Phone, _PHONE_KEYS, phones), ("emails", Email, _EMAIL_KEYS, emails),
                                       ("tags", ClientTag, _TAG_KEYS, tags),
                                       ("custom", CustomFieldValue, _CUSTOM_KEYS, values)):
            for chunk in _chunks(rows, _ROW_CHUNK):
                out[key] += insert_tuple_ids(model, keys, chunk)
        if deals:
            out["deals"] = self._deals(deals)
        return out

    def _deals(self, pairs: list[tuple[int, Draft]]) -> list[int]:
        default = min((s for s in self.stages.values() if s.retired_at is None), key=lambda s: (s.pipeline_id, s.order))
        rows, stages = [], []
        now = storage_value(self.now)
        for cid, d in pairs:
            stage = self.stages.get(d.stage_id) or default
            rows.append((cid, stage.pipeline_id, stage.id, DEAL_TITLE, storage_value(d.amount or 0),
                         d.fields.get("responsible_id") or self.employee, now,
                         now if stage.kind != "open" else None, now, now))
            stages.append(stage.id)
        ids = []
        for chunk in _chunks(rows, _CLIENT_CHUNK):
            ids += insert_tuple_ids(Deal, _DEAL_KEYS, chunk)
        insert_tuples(StageChange, _STAGE_CHANGE_KEYS, [(i, None, s, now, self.employee) for i, s in zip(ids, stages)])
        return ids

    def create(self, groups: list[_Group]) -> list[int]:
        drafts = [g.combined() for g in groups]
        rows = []
        now = storage_value(self.now)
        employee, campaigns, rules = self.employee, self.campaigns, self.rules
        for d in drafts:
            f = d.fields
            get = f.get
            status = get("status") or "lead"
            name = d.name
            rows.append((
                get("kind", "person"), name, fast_fold(name), get("inn", ""), get("kpp", ""), get("address", ""),
                get("city", ""), get("region", ""), get("source", ""), get("segment", ""),
                campaigns.get(get("campaign")) or (rules.get(source_key(get("source"))) if rules else None), status,
                "(import)" if status == "refused" else "", get("responsible_id") or employee,
                storage_value(get("next_contact_at")), storage_value(d.last_contact_at),
                storage_value(get("birthday")), "\n".join(d.notes), now, now))
        ids = insert_tuple_ids(Client, _CLIENT_KEYS, rows)
        self.children(list(zip(ids, drafts)))
        insert_tuples(ImportChange, _CHANGE_KEYS, [(self.batch_id, i, "create") for i in ids])
        _index_new(list(zip(ids, drafts)))
        return ids

    def merge(self, groups: list[_Group]) -> list[int]:
        ids = [g.target_id for g in groups]
        current = {c.id: c for c in Client.select().where(Client.id.in_(ids))}
        phones, emails, contacts, tags, custom = {}, {}, {}, {}, {}
        for cid, digits in Phone.select(Phone.client, Phone.digits).where(Phone.client.in_(ids)).tuples():
            phones.setdefault(cid, set()).add(digits)
        for cid, address in Email.select(Email.client, Email.address_fold).where(Email.client.in_(ids)).tuples():
            emails.setdefault(cid, set()).add(address)
        for cid, name in (ContactPerson.select(ContactPerson.client, ContactPerson.name)
                          .where(ContactPerson.client.in_(ids), ContactPerson.deleted_at.is_null()).tuples()):
            contacts.setdefault(cid, set()).add(fold(name))
        for cid, tag in ClientTag.select(ClientTag.client, ClientTag.tag).where(ClientTag.client.in_(ids)).tuples():
            tags.setdefault(cid, set()).add(tag)
        for cid, fid in (CustomFieldValue.select(CustomFieldValue.client, CustomFieldValue.field)
                         .where(CustomFieldValue.client.in_(ids)).tuples()):
            custom.setdefault(cid, set()).add(fid)
        pairs, befores, orders = [], {}, {}
        for g in groups:
            cid, d = g.target_id, g.combined()
            c = current.get(cid)
            if c is None:
                continue
            changes = {}
            for k in MERGE_FIELDS:
                new = d.fields.get(k)
                old = getattr(c, k)
                if new not in (None, "") and old in (None, ""):
                    changes[k] = (old, new)
            campaign = self.campaigns.get(d.fields.get("campaign"))
            if not campaign and "source" in changes:  # the source it now has brings a campaign
                campaign = self.rules.get(source_key(changes["source"][1]))
            if campaign and c.campaign_id is None:
                changes["campaign_id"] = (None, campaign)
            if d.last_contact_at and (c.last_contact_at is None or d.last_contact_at > c.last_contact_at):
                changes["last_contact_at"] = (c.last_contact_at, d.last_contact_at)
            notes = [n for n in d.notes if n not in (c.notes or "")]
            if notes:
                changes["notes"] = (c.notes, "\n".join(([c.notes] if c.notes else []) + notes))
            d = Draft(d.row, {}, [], [p for p in d.phones if p.digits not in phones.get(cid, ())],
                      [e for e in d.emails if fold(e) not in emails.get(cid, ())],
                      [x for x in d.contacts if fold(x.name) not in contacts.get(cid, ())],
                      [t for t in d.tags if self.tags[t] not in tags.get(cid, ())],
                      {k: v for k, v in d.custom.items() if self._field_id(k) not in custom.get(cid, ())},
                      d.stage_id, d.amount)
            values = {("responsible" if k == "responsible_id" else k): v[1] for k, v in changes.items()}
            values.update(updated_at=self.now, version=Client.version + 1)
            Client.update(**values).where(Client.id == cid).execute()
            befores[cid] = {"version": c.version,
                            "fields": {k: [_plain(a), _plain(b)] for k, (a, b) in changes.items()}}
            orders[cid] = (len(phones.get(cid, ())), len(emails.get(cid, ())))
            pairs.append((cid, d))
        added = self._children_by_client(pairs, orders)
        rows = []
        for cid, before in befores.items():
            before["added"] = added.get(cid, {})
            rows.append(dict(batch=self.batch_id, client=cid, action="merge",
                             before=json.dumps(before, ensure_ascii=False)))
        insert_rows(ImportChange, rows)
        return list(befores)

    def _children_by_client(self, pairs, orders) -> dict:
        """Insert the merged children; return {client: {kind: [new ids]}} for undo."""
        out: dict[int, dict] = {}
        for cid, d in pairs:  # merges are few; per client keeps the ids attributable
            ids = self.children([(cid, d)], orders)
            out[cid] = {k: v for k, v in ids.items() if v}
        return out


def _index_new(pairs: list[tuple[int, Draft]]) -> None:
    """Search-index rows of new clients, built from what was just written (the same
    text ``db.search_index`` makes: client fields, contact persons, e-mails)."""
    docs = []
    for cid, d in pairs:
        f = d.fields
        parts = [d.name, f.get("inn"), f.get("city"), f.get("region"), f.get("address"), "\n".join(d.notes),
                 f.get("source"), f.get("segment")]
        for c in d.contacts:
            parts += [c.name or "—", c.position]
        parts += d.emails + [e for c in d.contacts for e in c.emails]
        docs.append((cid, fast_fold(" | ".join(p for p in parts if p))))
    database_proxy.cursor().executemany(portable(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (?, ?)"), docs)


def _plain(value):
    return None if value is None else (value if isinstance(value, (str, int, float)) else str(value))


@gc_paused
def apply_import(plan: ImportPlan, on_progress: Callable[[int, int], None] | None = None,
                 should_cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Write the plan in one transaction.  Cancel (``should_cancel()`` true) raises
    ``ImportCancelled`` and leaves the database as it was."""
    access.require("import")
    groups = _groups(plan)
    new = [g for g in groups if g.target_id is None]
    merges = [g for g in groups if g.target_id is not None]
    access.require_all("edit", Client, [g.target_id for g in merges])  # a manager: own clients only
    total, done = len(groups), 0
    summary = plan.summary()
    created_ids: list[int] = []
    merged_ids: list[int] = []

    def step(n: int) -> None:
        nonlocal done
        if should_cancel and should_cancel():
            raise ImportCancelled()
        done += n
        if on_progress:
            on_progress(done, total)

    with database_proxy.atomic(), big_index_buffer():
        batch = ImportBatch.create(filename=Path(plan.path).name, sheet=plan.sheet, employee=current_employee_id(),
                                   rows=summary["rows"], created=len(new), merged=summary["merged"],
                                   skipped=summary["skipped"])
        writer = _Writer(plan, batch.id)
        writer.prepare(groups)
        step(0)
        for chunk in _chunks(new, _CLIENT_CHUNK):
            created_ids += writer.create(chunk)
            step(len(chunk))
        for chunk in _chunks(merges, _CLIENT_CHUNK):
            merged_ids += writer.merge(chunk)
            step(len(chunk))
        index_clients(merged_ids)
        if should_cancel and should_cancel():
            raise ImportCancelled()
        # One audit entry per import; ImportChange rows say what happened to each client.
        audit.record("import", batch.id, "create", {"file": [None, batch.filename], "created": [None, len(created_ids)],
                                                    "merged": [None, len(merged_ids)],
                                                    **({AUDIT_KEY: [None, writer.new_campaigns]}
                                                       if writer.new_campaigns else {})})
    if writer.new_campaigns:
        publish("campaign", "create", writer.new_campaigns)
    if created_ids:
        publish("client", "create", created_ids)
    if merged_ids:
        publish("client", "update", merged_ids)
    return ImportResult(summary["rows"], len(created_ids), summary["merged"], summary["skipped"],
                        summary["warnings"], batch.id, created_ids, merged_ids, plan,
                        new_campaigns=summary["new_campaigns"])
