"""What the import wizard shows for review: the stage/status values of the mapped
columns, the funnel stages they can map onto, the clients a plan would merge into, and
the list of past imports.  Read-only."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from db.models import Client, Email, ImportBatch, Phone, Pipeline, Stage

from .values import resolve_status_value
from .table import Table, cell_text

STATUSES = ("lead", "active", "refused", "archived")


def stage_values(table: Table, mapping) -> dict[str, int]:
    """Distinct cell values of the columns mapped to "stage" / "status" → how many rows.

    ``mapping.values`` is brought in line: a value seen for the first time gets its guess,
    a value no mapped column has any more is dropped, the user's choices are kept."""
    columns = [c.index for c in mapping.columns if c.target in ("stage", "status")]
    counts: dict[str, int] = {}
    for _, row in table.rows:
        for index in columns:
            text = cell_text(row[index]) if index < len(row) else ""
            if text:
                counts[text] = counts.get(text, 0) + 1
    for value in list(mapping.values):
        if value not in counts:
            del mapping.values[value]
    for value in counts:
        if value not in mapping.values:
            mapping.values[value] = resolve_status_value(value)
    return counts


@dataclass
class StageChoice:
    value: str   # "stage:<id>"
    name: str
    pipeline: str
    color: str


def stage_choices() -> list[StageChoice]:
    """The funnel stages a value can map onto (not retired), pipeline by pipeline."""
    rows = (Stage.select(Stage.id, Stage.name, Stage.color, Pipeline.name)
            .join(Pipeline)
            .where(Stage.retired_at.is_null(), Pipeline.retired_at.is_null())
            .order_by(Pipeline.order, Pipeline.id, Stage.order, Stage.id).tuples())
    return [StageChoice(f"stage:{sid}", name, pipe, color) for sid, name, color, pipe in rows]


@dataclass
class ExistingClient:
    id: int
    name: str
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)


def existing_clients(ids) -> dict[int, ExistingClient]:
    """Name, phones and e-mails of the clients a plan merges into."""
    ids = sorted({i for i in ids if i})
    out: dict[int, ExistingClient] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for cid, name in Client.select(Client.id, Client.name).where(Client.id.in_(chunk)).tuples():
            out[cid] = ExistingClient(cid, name)
        for cid, raw in (Phone.select(Phone.client, Phone.raw).where(Phone.client.in_(chunk))
                         .order_by(Phone.order, Phone.id).tuples()):
            if cid in out:
                out[cid].phones.append(raw)
        for cid, address in (Email.select(Email.client, Email.address).where(Email.client.in_(chunk))
                             .order_by(Email.order, Email.id).tuples()):
            if cid in out:
                out[cid].emails.append(address)
    return out


@dataclass
class BatchInfo:
    id: int
    created_at: datetime
    filename: str
    sheet: str
    rows: int
    created: int
    merged: int
    skipped: int
    undone_at: datetime | None


def import_history(limit: int = 500) -> list[BatchInfo]:
    """Past imports, newest first."""
    q = (ImportBatch.select(ImportBatch.id, ImportBatch.created_at, ImportBatch.filename, ImportBatch.sheet,
                            ImportBatch.rows, ImportBatch.created, ImportBatch.merged, ImportBatch.skipped,
                            ImportBatch.undone_at)
         .order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc()).limit(limit).tuples())
    return [BatchInfo(*row) for row in q]


def set_duplicate_actions(plan, action: str) -> int:
    """Give every duplicate row of the plan the same action (the wizard's "merge all",
    "skip all", "create all"), by the rules of ``ImportPlan.set_action``.  Returns how
    many rows are duplicates."""
    from .plan import POLICIES
    if action not in POLICIES:
        raise ValueError(action)
    count = 0
    for r in plan.rows:
        if r.duplicate:
            count += 1
            r.action = action if r.draft is not None else "skip"
    return count


def mapping_is_usable(table: Table, mapping) -> bool:
    """True when some column can tell clients apart (a name, phone, e-mail or INN):
    ``plan_import`` refuses a mapping without one."""
    from .errors import ImportFileError
    from .plan import _check_mapping
    try:
        _check_mapping(table, mapping)
    except ImportFileError:
        return False
    return True
