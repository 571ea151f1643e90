"""What every report is made of, independent of how it is shown.

A report is built from :class:`Filters` into a :class:`Report`: localized title and
filter lines, typed columns and rows (money as ``Decimal``, dates as ``date``), an
optional totals row, the :class:`Chart` behind it and, per row, what a click opens.
The GUI, the printed/PDF page, the xlsx file and the CLI all render the same
``Report``; nothing here knows about Qt or matplotlib.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Callable

COLUMN_KINDS = ("text", "int", "money", "percent", "days", "date")
CHART_KINDS = ("bar", "barh", "line", "stacked", "pareto", "funnel")
PERIOD_PRESETS = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year",
                  "last_year", "custom")


@dataclass(frozen=True)
class Filters:
    """What a report is limited to.  Dates are local calendar days, both inclusive;
    ``None`` means open-ended.  ``option`` is the report's own choice (for example the
    grouping of the sales report); empty takes the report's default."""

    date_from: date | None = None
    date_to: date | None = None
    responsible_id: int | None = None
    pipeline_id: int | None = None
    region: str = ""   # matches the client's region or city, case-insensitively
    source: str = ""   # the client's (or deal's) source
    tag_id: int | None = None
    segment_id: int | None = None  # clients of a saved segment (app.segments)
    option: str = ""

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)


@dataclass
class Column:
    key: str
    title: str           # localized
    kind: str = "text"   # one of COLUMN_KINDS; percent values are Decimal 0..100
    width: int = 12      # in characters, a hint for print and xlsx


@dataclass
class Series:
    name: str
    values: list[float]
    color: str | None = None


@dataclass
class Chart:
    kind: str                      # one of CHART_KINDS
    categories: list[str]
    series: list[Series]
    value_format: str = "money"    # money | int | percent | days
    colors: list[str] | None = None  # one per category (stage colours), optional
    x_label: str = ""
    y_label: str = ""


@dataclass
class Report:
    name: str
    title: str                   # localized
    filter_lines: list[str]      # localized, e.g. "Период: 01.11.2026 – 30.11.2026"
    columns: list[Column]
    rows: list[list]
    totals: list | None = None   # same length as columns, or None
    chart: Chart | None = None
    refs: list[tuple[str, int] | None] = field(default_factory=list)  # ("client"|"deal", id) per row
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportDef:
    name: str                                   # stable id used by the CLI: funnel, sales, …
    titles: dict[str, str]                      # {"en": …, "ru": …}
    build: Callable[..., Report]                # build(filters, lang="ru", today=None) -> Report
    options: tuple[str, ...] = ()               # allowed Filters.option values; first is default
    option_titles: dict[str, dict[str, str]] = field(default_factory=dict)  # option -> {lang: title}

    def title(self, lang: str = "ru") -> str:
        return self.titles.get(lang) or self.titles["en"]


def money(value) -> Decimal:
    """A Decimal rounded to the kopeck."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


# --- printable documents: what the page composer lays out on A4 ------------------------

@dataclass
class TableBlock:
    columns: list[Column]
    rows: list[list]
    totals: list | None = None
    title: str = ""          # a heading printed above the table, localized


@dataclass
class FieldsBlock:
    pairs: list[tuple[str, str]]   # (label, value), localized
    title: str = ""


@dataclass
class ChartBlock:
    chart: Chart


@dataclass
class Document:
    """One printable document: a report, a client card or the client list."""

    title: str
    subtitle_lines: list[str]      # filters, or the client's essentials
    blocks: list                   # TableBlock | FieldsBlock | ChartBlock, in order
    company: str = ""              # printed in the page header
    landscape: bool = False
