"""Writing a table to .xlsx (openpyxl write-only) or .csv (UTF-8 with BOM, ";").

Formula injection (OWASP "CSV injection"): every text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe, so no spreadsheet
program runs it as a formula.

Phones are the one exception that stays readable: a phone Kartoteka recognised is
written in E.164 ("+79161234567", only "+" and digits, so it cannot carry a formula).
In .xlsx it is a text cell with Excel's own "quote prefix" flag — exactly what Excel
stores when someone types '+7916… — so it shows as +79161234567, stays text when edited,
and is never evaluated.  CSV has no such flag, so there the phone gets the apostrophe
like any other cell ("'+79161234567"); Kartoteka's import strips it again.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_FORMATS = {"date": "DD.MM.YYYY", "datetime": "DD.MM.YYYY HH:MM", "money": "#,##0.00"}


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # text | phone | int | money | date | datetime
    width: float = 14


def safe_text(value):
    """Neutralise a text cell that a spreadsheet could take for a formula."""
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def is_e164_list(text: str) -> bool:
    return bool(text) and all(p.startswith("+") and p[1:].isdigit() for p in text.split(", "))


_is_e164_list = is_e164_list


def _atomic_target(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def write_xlsx(path, title: str, columns: list[Column], rows: Iterable[list],
               tick: Callable[[], None] | None = None) -> int:
    """Header in bold, frozen, with an auto-filter; column widths and number formats from
    ``columns``; the rows written by ``sheet_xml`` (cell for cell what openpyxl's write-only
    mode writes, several times faster)."""
    from .sheet_xml import write_table

    path = Path(path)
    tmp = _atomic_target(path)
    try:
        count = write_table(tmp, title, columns, rows, tick, compresslevel=3)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count


def _csv_value(value) -> str:
    if value.__class__ is str:  # most cells: safe_text without the detour
        return "'" + value if value.startswith(_DANGEROUS) else value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return safe_text(str(value))


def write_csv(path, columns: list[Column], rows: Iterable[list],
              tick: Callable[[], None] | None = None) -> int:
    path = Path(path)
    tmp = _atomic_target(path)
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow([safe_text(c.title) for c in columns])
            for row in rows:
                writer.writerow([_csv_value(v) for v in row])
                count += 1
                if tick and count % 1000 == 0:
                    tick()
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count
