"""The preview: what an import will create, merge and skip, with every warning, before
anything is written.  Duplicates are looked for inside the file and in the database by
phone, e-mail and INN (batched ``IN`` queries); a row with none of those is matched by
its name (``app.duplicates.find_duplicates``), so two different "Иванов Иван" with
different phones are never merged on the name alone."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from db.models import Client, Email, Phone, database_proxy
from db.sql import marks
from db.text import fold

from .. import settings
from ..duplicates import find_duplicates
from .cleaning import Cleaner, Draft
from .errors import ImportCancelled, bad_file
from ..gc_pause import gc_paused
from .mapping import Mapping, guess_mapping
from .table import Table
from .values import fast_fold

POLICIES = ("merge", "skip", "create")
_CHUNK = 500


@dataclass(slots=True)
class PlanRow:
    row: int
    action: str                  # create | merge | skip
    draft: Draft | None = None
    target_id: int | None = None   # a client in the database this row merges into
    target_row: int | None = None  # an earlier row of the file this row merges into
    target_name: str = ""
    reason: str = ""

    @property
    def duplicate(self) -> bool:
        return bool(self.target_id or self.target_row)


@dataclass
class ImportPlan:
    path: str
    sheet: str
    mapping: Mapping
    on_duplicate: str
    rows: list[PlanRow] = field(default_factory=list)
    ignored: list[tuple[int, str]] = field(default_factory=list)
    table: Table | None = None

    def set_action(self, row: int, action: str) -> None:
        """Change what happens to one row (the wizard's per-row choice)."""
        if action not in POLICIES:
            raise ValueError(action)
        for r in self.rows:
            if r.row == row:
                if action == "merge" and not r.duplicate:
                    action = "create"
                r.action = action if r.draft is not None else "skip"

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def warnings(self) -> list[dict]:
        out = [{"row": r.row, "message": w} for r in self.rows if r.draft for w in r.draft.warnings]
        out += [{"row": r.row, "message": f"skipped: {r.reason}"} for r in self.rows
                if r.action == "skip" and r.reason]
        return sorted(out, key=lambda w: w["row"])

    @property
    def unknown_values(self) -> list[str]:
        return self.mapping.unknown_values

    @property
    def new_campaigns(self) -> list[str]:
        """The campaigns the import will create (names in its Campaign column that no
        campaign has yet, of the rows not skipped)."""
        from .campaigns import unknown
        return unknown({r.draft.fields.get("campaign") for r in self.rows
                        if r.draft is not None and r.action != "skip"})

    def summary(self) -> dict:
        return {"rows": len(self.rows), "created": self.count("create"), "merged": self.count("merge"),
                "skipped": self.count("skip"), "warnings": self.warnings,
                "unknown_values": self.unknown_values, "new_campaigns": self.new_campaigns}


def _check_mapping(table: Table, mapping: Mapping) -> None:
    useful = {"name", "last_name", "first_name", "company", "phone", "email", "inn"}
    if not any(c.target in useful for c in mapping.columns):
        raise bad_file(table.path or table.sheet,
                       f"no column of the sheet {table.sheet!r} was recognised as a name, phone, "
                       "e-mail or INN. Give the columns headers such as «ФИО», «Телефон», «E-mail».")


def _keys(d: Draft) -> list[str]:
    keys = [f"p:{p.digits}" for p in d.phones if len(p.digits) >= 7]
    keys += [f"e:{fast_fold(e)}" for e in d.emails if "@" in e]
    inn = d.fields.get("inn", "")
    if len(inn) in (10, 12) and inn.isdigit():
        keys.append(f"i:{inn}")
    return keys


def _name_key(d: Draft) -> str:
    return "n:" + " ".join(sorted(fold(d.name).replace('"', " ").replace("«", " ").replace("»", " ").split()))


@gc_paused
def plan_import(table: Table, mapping: Mapping | None = None, *, on_duplicate: str = "merge",
                on_progress: Callable[[int, int], None] | None = None,
                should_cancel: Callable[[], bool] | None = None) -> ImportPlan:
    if on_duplicate not in POLICIES:
        raise ValueError(on_duplicate)
    mapping = mapping or guess_mapping(table)
    _check_mapping(table, mapping)
    plan = ImportPlan(table.path, table.sheet, mapping, on_duplicate, ignored=list(table.ignored),
                      table=table)
    cleaner = Cleaner(mapping, table.headers, settings.phone_region())
    total = len(table.rows)
    leader_of: dict[str, int] = {}     # key → leader row in the file
    groups: dict[int, list[PlanRow]] = {}
    keys_of: dict[int, list[str]] = {}  # row → its phone / e-mail / INN keys
    for i, (row_no, values) in enumerate(table.rows):
        if i % 2000 == 0:
            if should_cancel and should_cancel():
                raise ImportCancelled()
            if on_progress:
                on_progress(i, total)
        d = cleaner.clean(row_no, values)
        if not d.name:
            plan.rows.append(PlanRow(row_no, "skip", None, reason="no name, phone or e-mail"))
            continue
        keys = keys_of[row_no] = _keys(d)
        keys = keys or [_name_key(d)]
        hits = [leader_of[k] for k in keys if k in leader_of]
        pr = PlanRow(row_no, "create", d)
        if hits:
            leader = min(hits)
            first = groups[leader][0]
            pr.target_row, pr.target_name = leader, first.draft.name
            pr.reason = _why(keys, leader_of, leader)
            pr.action = "create" if on_duplicate == "create" else on_duplicate
            if on_duplicate != "create":
                groups[leader].append(pr)
                for k in keys:
                    leader_of.setdefault(k, leader)
        if pr.action == "create" and pr.target_row is None or on_duplicate == "create" and pr.target_row:
            groups[row_no] = [pr]
            for k in keys:
                leader_of.setdefault(k, row_no)
        plan.rows.append(pr)
    _match_database(plan, groups, keys_of, should_cancel)
    if on_progress:
        on_progress(total, total)
    return plan


def _why(keys: list[str], leader_of: dict, leader: int) -> str:
    for k in keys:
        if leader_of.get(k) == leader:
            kind, value = k.split(":", 1)
            return {"p": "same phone", "e": "same e-mail", "i": "same INN", "n": "same name"}[kind] + (
                f" {value}" if kind != "n" else "")
    return "duplicate"


def _match_database(plan: ImportPlan, groups: dict[int, list[PlanRow]], keys_of: dict[int, list[str]],
                    should_cancel) -> None:
    """Find, for each group of rows, the client already in the database (if any)."""
    group_keys: dict[int, list[str]] = {}
    for leader, members in groups.items():
        if len(members) == 1:
            group_keys[leader] = list(keys_of[leader])
            continue
        ks: list[str] = []
        for m in members:
            ks += [k for k in keys_of[m.row] if k not in ks]
        group_keys[leader] = ks
    wanted = {k for ks in group_keys.values() for k in ks}
    found: dict[str, tuple[int, str]] = {}
    # Every look-up uses an index: phones by their reversed digits (digits_rev is indexed,
    # and equal reversed digits are equal digits), e-mails by address_fold, INN by inn.
    # Plain SQL: building 100 000 ``IN`` values through peewee costs more than the queries.
    client, phone, email = Client._meta.table_name, Phone._meta.table_name, Email._meta.table_name
    for prefix, select, column, flip in (
            ("p", f'"{phone}" AS p JOIN "{client}" AS c ON p."client_id" = c."id"', 'p."digits_rev"', True),
            ("e", f'"{email}" AS e JOIN "{client}" AS c ON e."client_id" = c."id"', 'e."address_fold"', False),
            ("i", f'"{client}" AS c', 'c."inn"', False)):
        values = sorted(k[2:][::-1] if flip else k[2:] for k in wanted if k[0] == prefix)
        for start in range(0, len(values), _CHUNK):
            if should_cancel and should_cancel():
                raise ImportCancelled()
            chunk = values[start:start + _CHUNK]
            sql = (f'SELECT {column}, c."id", c."name" FROM {select} WHERE {column} IN '
                   f'({marks(len(chunk))}) AND c."deleted_at" IS NULL ORDER BY c."id"')
            for value, cid, cname in database_proxy.execute_sql(sql, chunk):
                found.setdefault(f"{prefix}:{value[::-1] if flip else value}", (cid, cname))
    for leader, members in groups.items():
        ks = group_keys[leader]
        hit = next(((k, found[k]) for k in ks if k in found), None)
        if hit is None and not ks:
            dups = find_duplicates(name=members[0].draft.name, limit=1)
            if dups:
                hit = ("n:", (dups[0].client_id, dups[0].name))
        if hit is None:
            continue
        key, (cid, cname) = hit
        kind, value = key.split(":", 1)
        reason = {"p": "same phone", "e": "same e-mail", "i": "same INN", "n": "similar name"}[kind]
        reason += f" {value}" if value else ""
        for m in members:
            m.target_id, m.target_name = cid, cname
            if m.target_row is None:
                m.reason = f"already in the database: {reason}"
                m.action = plan.on_duplicate
            if plan.on_duplicate == "skip":
                m.action = "skip"
                m.reason = m.reason or f"already in the database: {reason}"
