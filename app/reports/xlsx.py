"""A report as an .xlsx workbook: title and filter lines on top, the table with typed
cells (money, percent, days and counts are numbers, dates are dates), the bold totals
row, the notes, and the chart as a picture to the right of the table.

Text cells that a spreadsheet could take for a formula are neutralised the same way as
in the exports (``app.exporter.xlsx.safe_text``)."""
from __future__ import annotations

import io
import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from .base import Report
from .document import days_places, wants_landscape

FORMATS = {"money": "#,##0.00", "int": "#,##0", "days": "#,##0.0", "percent": "0.0%",
           "date": "DD.MM.YYYY", "datetime": "DD.MM.YYYY HH:MM"}
HEADER_FILL = "E3E8EC"
CHART_SIZE = (7.0, 4.0)  # inches, drawn at 96 dpi


def _sheet_title(title: str) -> str:
    clean = "".join(" " if c in '[]:*?/\\' else c for c in title).strip().strip("'")
    return clean[:31] or "Report"


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def _cell(cell, value, kind: str) -> None:
    """Put ``value`` into ``cell`` as the right type with its number format."""
    from app.exporter.xlsx import safe_text
    if value is None:
        return
    if isinstance(value, datetime):
        has_time = value.time() != datetime.min.time()
        cell.value, cell.number_format = value, FORMATS["datetime" if has_time else "date"]
    elif isinstance(value, date):
        cell.value, cell.number_format = value, FORMATS["date"]
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and kind in FORMATS:
        if kind == "percent":
            cell.value = float(Decimal(str(value)) / 100)
        elif kind == "days" and days_places(value) == 0:
            cell.value, kind = int(value), "int"
        else:
            cell.value = _number(value)
        cell.number_format = FORMATS[kind]
    else:
        cell.value = safe_text(value if isinstance(value, str) else str(value))


def _chart_image(chart, lang: str):
    from openpyxl.drawing.image import Image

    from .charts import draw_chart, new_figure
    figure = new_figure(*CHART_SIZE)
    draw_chart(figure, chart, lang)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96, facecolor="white")
    buffer.seek(0)
    image = Image(buffer)
    image.width, image.height = int(CHART_SIZE[0] * 96), int(CHART_SIZE[1] * 96)
    return image


def write_report_xlsx(report: Report, path, lang: str = "ru") -> None:
    """Write ``report`` to ``path`` (.xlsx).  The file appears only when complete."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(report.title)
    sheet.cell(1, 1, report.title).font = Font(bold=True, size=14)
    row = 2
    for line in report.filter_lines:
        sheet.cell(row, 1, line).font = Font(italic=True, color="616161")
        row += 1
    header_row = row + 1
    cols = report.columns
    for c, col in enumerate(cols, 1):
        cell = sheet.cell(header_row, c, col.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center",
                                   horizontal="left" if col.kind in ("text", "date") else "right")
        sheet.column_dimensions[get_column_letter(c)].width = max(col.width, 6) + 2
    row = header_row
    for values in report.rows:
        row += 1
        for c, (col, value) in enumerate(zip(cols, values), 1):
            _cell(sheet.cell(row, c), value, col.kind)
    if cols and report.rows:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(cols))}{row}"
    if report.totals is not None:
        row += 1
        top = Border(top=Side(style="thin"))
        for c, (col, value) in enumerate(zip(cols, report.totals), 1):
            cell = sheet.cell(row, c)
            _cell(cell, value, col.kind)
            cell.font, cell.border = Font(bold=True), top
    row += 1
    for note in report.notes:
        row += 1
        sheet.cell(row, 1, note).font = Font(italic=True)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape" if wants_landscape(cols) else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    chart = report.chart
    if chart is not None and chart.categories and chart.series:
        sheet.add_image(_chart_image(chart, lang), f"{get_column_letter(len(cols) + 2)}{header_row}")
    book.properties.title = report.title
    book.properties.creator = "Kartoteka"
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        book.save(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
