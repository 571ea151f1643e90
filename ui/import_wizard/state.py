"""What the wizard knows so far, and the core calls its workers make (no Qt here)."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.importer import (ImportFileError, find_table, guess_mapping, plan_import, read_sheet,
                          sheet_names)
from app.importer.review import existing_clients


@dataclass
class Sheet:
    """One sheet as read: the raw rows, and the table found in it (or why not)."""

    name: str
    raw: object
    table: object | None = None
    mapping: object | None = None
    error: ImportFileError | None = None


@dataclass
class ImportState:
    path: str = ""
    sheets: list[str] = field(default_factory=list)
    sheet: Sheet | None = None
    plan: object | None = None
    existing: dict = field(default_factory=dict)
    result: object | None = None

    def reset(self) -> None:
        self.sheets, self.sheet, self.plan, self.existing, self.result = [], None, None, {}, None


def load_sheet(path: str, name: str | None) -> Sheet:
    """Read one sheet (the first non-empty one without a name) and find its table."""
    raw = read_sheet(path, name)
    sheet = Sheet(raw.name, raw)
    try:
        sheet.table = find_table(raw, path)
    except ImportFileError as exc:
        sheet.error = exc
        return sheet
    sheet.mapping = guess_mapping(sheet.table)
    return sheet


def load_file(path: str) -> tuple[list[str], Sheet]:
    return sheet_names(path), load_sheet(path, None)


def make_plan(table, mapping, progress, cancelled):
    """The preview and the clients its duplicates match."""
    plan = plan_import(table, mapping, on_duplicate="merge", on_progress=progress, should_cancel=cancelled)
    return plan, existing_clients(r.target_id for r in plan.rows if r.target_id)
