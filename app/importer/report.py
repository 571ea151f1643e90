"""The problems report: rows that were skipped or had warnings, with the reasons and the
cells as they were in the file, as an .xlsx the user can fix and import again."""
from __future__ import annotations

import os
from pathlib import Path

from .table import cell_text


def problem_rows(result) -> list[tuple[int, str, str]]:
    """(row, what, reasons) for each skipped row or row with warnings, in file order."""
    plan = getattr(result, "plan", None) or result
    out = []
    for r in plan.rows:
        reasons = list(r.draft.warnings) if r.draft else []
        if r.action == "skip":
            reasons.insert(0, r.reason or "skipped")
        if reasons:
            out.append((r.row, "skipped" if r.action == "skip" else r.action, "; ".join(reasons)))
    out += [(row, "ignored", reason) for row, reason in plan.ignored]
    return sorted(out)


def write_problems_xlsx(result, path) -> int:
    """Write the report; returns the number of problem rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ..exporter.xlsx import safe_text
    plan = getattr(result, "plan", None) or result
    table = getattr(plan, "table", None)
    cells = {row: values for row, values in table.rows} if table else {}
    headers = list(table.headers) if table else []
    problems = problem_rows(result)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Проблемы")
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    from openpyxl.cell import WriteOnlyCell
    head = []
    for title in ["Строка", "Что сделано", "Причина"] + headers:
        c = WriteOnlyCell(ws, value=safe_text(title))
        c.font = bold
        head.append(c)
    ws.column_dimensions["C"].width = 60
    ws.append(head)
    for row, what, reasons in problems:
        values = [safe_text(cell_text(v)) for v in cells.get(row, [])]
        ws.append([row, what, safe_text(reasons)] + values)
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    os.replace(tmp, path)
    return len(problems)
