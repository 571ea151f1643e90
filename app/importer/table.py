"""Finding the table in a sheet: the header row (even below a title and blank rows), the
data rows after it, with blank and totals rows ("Итого", "Всего", "Total") left out."""
from __future__ import annotations

from dataclasses import dataclass, field

from db.text import fold

from .errors import bad_file
from .mapping import header_target
from .reading import RawSheet

HEADER_SCAN = 30
_TOTALS = ("итого", "итог", "всего", "total", "grand total", "subtotal")


@dataclass
class Table:
    """The rows to import.  ``rows`` hold ``(sheet_row, values)``, sheet rows 1-based."""

    path: str
    sheet: str
    kind: str
    headers: list[str]
    header_row: int | None
    rows: list[tuple[int, list]] = field(default_factory=list)
    ignored: list[tuple[int, str]] = field(default_factory=list)  # (row, reason): totals…


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _blank(row) -> bool:
    return all(v in ("", None) or (isinstance(v, str) and not v.strip()) for v in row)


# The first two letters of the totals words: the folded text of a totals row starts with
# one of them (casefold maps each character on its own; "ё" is not among them).
_TOTALS_HEADS = frozenset(w[:2] for w in _TOTALS)


def is_totals(row) -> bool:
    first = next((cell_text(v) for v in row if cell_text(v)), "")
    if first[:2].casefold()[:2] not in _TOTALS_HEADS:
        return False
    word = fold(first).rstrip(":.").split(" ")[0] if first else ""
    return word in _TOTALS or fold(first).rstrip(":.") in _TOTALS


def _column_name(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return f"Столбец {name}"


def find_table(raw: RawSheet, path: str = "") -> Table:
    rows = raw.rows
    non_blank = [i for i, r in enumerate(rows[: HEADER_SCAN * 4]) if not _blank(r)]
    if not non_blank:
        raise bad_file(path or raw.name, f"the sheet {raw.name!r} is empty.")
    best, best_score = None, 0
    for i in non_blank[:HEADER_SCAN]:
        texts = [cell_text(v) for v in rows[i]]
        score = sum(1 for t in texts if t and not t[:1].isdigit() and header_target(t))
        if score > best_score:
            best, best_score = i, score
    width = len(rows[0]) if rows else 0
    if best is None:
        headers = [_column_name(c) for c in range(width)]
        start = non_blank[0]
        header_row = None
    else:
        headers = [cell_text(v) or _column_name(c) for c, v in enumerate(rows[best])]
        start = best + 1
        header_row = best + 1
    table = Table(path=str(path), sheet=raw.name, kind=raw.kind, headers=headers, header_row=header_row)
    for i in range(start, len(rows)):
        row = rows[i]
        if _blank(row):
            continue
        if is_totals(row):
            table.ignored.append((i + 1, "a totals row"))
            continue
        table.rows.append((i + 1, row))
    if not table.rows:
        raise bad_file(path or raw.name, f"the sheet {raw.name!r} has a header but no data rows.")
    return table
