"""Importing clients from spreadsheets, CSV and vCard.

The flow the wizard and the CLI share::

    table = read_table(path, sheet)            # find the header and the data rows
    mapping = guess_mapping(table)             # editable: column → field, stage values
    plan = plan_import(table, mapping, on_duplicate="merge")   # the preview, nothing written
    result = apply_import(plan, on_progress, should_cancel)    # one transaction
    undo_import(result.batch)                  # put everything back

``import_file`` does all of it in one call.
"""
from __future__ import annotations

from pathlib import Path

from .apply import ImportResult, apply_import, preview_result
from .errors import ImportCancelled, ImportFileError, ImportUndoError
from ..gc_pause import gc_paused
from .mapping import TARGETS, ColumnMap, Mapping, guess_mapping
from .plan import POLICIES, ImportPlan, PlanRow, plan_import
from .reading import MAX_ROWS, read_sheet, sheet_names
from .report import problem_rows, write_problems_xlsx
from .table import Table, find_table
from .undo import undo_import

__all__ = ["ColumnMap", "ImportCancelled", "ImportFileError", "ImportPlan", "ImportResult",
           "ImportUndoError", "MAX_ROWS", "Mapping", "POLICIES", "PlanRow", "TARGETS", "Table",
           "apply_import", "find_table", "guess_mapping", "import_file", "plan_import",
           "preview_result", "problem_rows", "read_table", "sheet_names", "undo_import",
           "write_problems_xlsx"]


@gc_paused
def read_table(path, sheet: str | None = None) -> Table:
    """Read a file and find its table (default sheet: the first non-empty one)."""
    raw = read_sheet(path, sheet)
    return find_table(raw, str(path))


def import_file(path, *, sheet: str | None = None, on_duplicate: str = "merge", dry_run: bool = False,
                on_progress=None, should_cancel=None) -> ImportResult:
    table = read_table(Path(path), sheet)
    plan = plan_import(table, guess_mapping(table), on_duplicate=on_duplicate)
    if dry_run:
        return preview_result(plan)
    return apply_import(plan, on_progress, should_cancel)
