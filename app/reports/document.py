"""A report as a printable :class:`Document`, and how one typed value reads on paper and
on screen (``format_value`` is shared by the print, the PDF and the GUI tables)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .base import ChartBlock, Document, FieldsBlock, Report, TableBlock
from .common import t

NUMERIC_KINDS = ("int", "money", "percent", "days")
GROUP_RU = "\u00a0"  # no-break space between thousands: "1 234 567,50"


def company_name() -> str:
    """The company printed in page headers: the name in the requisites, else the one the
    first-run dialog wrote; "" when unset or when no database is open."""
    try:
        from ..first_run import company_name as stored
        from ..requisites import get_requisites
        return str(get_requisites()["name"] or stored() or "").strip()
    except Exception:  # no database bound (a document built by hand)
        return ""


def _decimal(value) -> Decimal | None:
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def format_number(value, decimals: int, lang: str = "ru", group: str = GROUP_RU) -> str:
    """``1234.5`` → "1 234,50" (ru) or "1,234.50" (en); ``group`` separates thousands in ru."""
    number = _decimal(value)
    if number is None:
        return str(value)
    if not number.is_finite():
        return ""
    number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(number):,.{decimals}f}"
    if lang != "en":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", group)
    return ("-" if number < 0 else "") + text


def format_percent(value, lang: str = "ru", group: str = GROUP_RU) -> str:
    text = format_number(value, 1, lang, group)
    return text + "%" if lang == "en" else text + "\u00a0%"


def days_places(value) -> int:
    """Decimals of a "days" value: 1 for an average kept to tenths (a Decimal with a
    fractional place, even "49.0", so a column of averages reads alike) or a fractional
    number, 0 for whole days (an int, "12")."""
    number = _decimal(value)
    if number is None or not number.is_finite():
        return 0
    if isinstance(value, Decimal):
        return 1 if number.as_tuple().exponent < 0 else 0
    return 0 if number == number.to_integral_value() else 1


def format_date(value) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M") if (value.hour, value.minute) != (0, 0) \
            else value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def format_value(value, kind: str = "text", lang: str = "ru") -> str:
    """One cell as text: money "1 234,50" (ru) / "1,234.50" (en), percent (0..100)
    "66,7 %" / "66.7%", dates dd.mm.yyyy (with the time when there is one), None → ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t(lang, "Yes", "Да") if value else t(lang, "No", "Нет")
    if isinstance(value, (date, datetime)):
        return format_date(value)
    if kind == "money":
        return format_number(value, 2, lang)
    if kind == "percent":
        return format_percent(value, lang)
    if kind == "int":
        return format_number(value, 0, lang)
    if kind == "days":
        return format_number(value, days_places(value), lang)
    return str(value)


def wants_landscape(columns) -> bool:
    """A table too wide for a portrait A4 page (about 110 characters at 8 pt)."""
    return len(columns) > 7 or sum(max(c.width, 4) for c in columns) > 100


def report_document(report: Report, company: str = "") -> Document:
    """The printable form of a report: title and filter lines, the chart, the table with
    its totals, then the notes.  ``company`` defaults to :func:`company_name`."""
    blocks: list = []
    chart = report.chart
    if chart is not None and chart.categories and chart.series:
        blocks.append(ChartBlock(chart))
    blocks.append(TableBlock(columns=list(report.columns), rows=list(report.rows), totals=report.totals))
    if report.notes:
        blocks.append(FieldsBlock(pairs=[("", note) for note in report.notes]))
    return Document(title=report.title, subtitle_lines=list(report.filter_lines), blocks=blocks,
                    company=company or company_name(), landscape=wants_landscape(report.columns))
