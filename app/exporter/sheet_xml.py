"""A fast .xlsx writer for one big table.

openpyxl builds a cell object per value, which is most of the time of a 100 000-row
export.  Here openpyxl still makes everything around the rows — the package, the styles,
the workbook, the header row, the column widths, the frozen pane, the auto-filter — from
a workbook holding only the header (a "skeleton"), and the data rows are written as XML
text straight into the sheet's zip member, cell for cell as openpyxl's write-only mode
writes them: inline strings, numbers and dates as Excel serials, the same style ids, the
same checks (illegal characters, 32 767 characters at most, error codes).
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Callable, Iterable

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH, to_excel
from openpyxl.utils.exceptions import IllegalCharacterError

from .xlsx import _DANGEROUS, _FORMATS, is_e164_list, safe_text

_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # openpyxl's ILLEGAL_CHARACTERS_RE
# Anything in a text that needs more than copying: escapes, characters openpyxl or XML refuse.
_SPECIAL = re.compile("[\000-\010\013\014\016-\037&<>\r\ud800-\udfff\ufffe\uffff]")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_ERRORS = frozenset(ERROR_CODES)
_TIME_TYPES = (datetime, date, time, timedelta)
_DATE_CLASSES = (date, datetime)  # exact classes: the fast path of ``_Cells.serial``
_EPOCH = WINDOWS_EPOCH
_MIDNIGHT = time()
_SAMPLES = {datetime: datetime(2000, 1, 1), date: date(2000, 1, 1), time: time(0), timedelta: timedelta(0)}
_MAX_TEXT = 32767
_BLOCK = 1 << 16  # characters buffered before a write to the zip member


def _time_type(value) -> type:
    return next(t for t in _TIME_TYPES if isinstance(value, t))


def _escape(text: str) -> str:
    if _ILLEGAL.search(text):
        raise IllegalCharacterError(f"{text} cannot be used in worksheets.")
    if _NOT_XML.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class Skeleton:
    """A write-only openpyxl workbook with the header only, made the way ``write_xlsx``
    always made it; ``style`` holds the style id of each formatted column's template.

    Made twice: before the rows (the sheet's head, the style ids) and after them (the
    auto-filter over the rows written, the styles the dates among them registered, replayed
    from ``events`` in the same order)."""

    def __init__(self, title: str, columns, count: int = 0, events: Iterable[tuple[bool, type]] = ()):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        self.wb = wb = Workbook(write_only=True)
        self.ws = ws = wb.create_sheet(title[:31])
        ws.freeze_panes = "A2"
        for i, col in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        bold = Font(bold=True)
        header = []
        for col in columns:
            cell = WriteOnlyCell(ws, value=safe_text(col.title))
            cell.font = bold
            header.append(cell)
        ws.append(header)
        self.style: dict[int, int] = {}
        for i, col in enumerate(columns):
            if col.kind in _FORMATS or col.kind == "phone":
                template = WriteOnlyCell(ws)
                if col.kind == "phone":
                    template.quotePrefix = True
                else:
                    template.number_format = _FORMATS[col.kind]
                self.style[i] = template.style_id
        self.events: list[tuple[bool, type]] = []
        self._seen: dict[tuple[bool, type], int | None] = {}
        for styled, t in events:
            self.date_value(t, styled)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"

    def date_value(self, t: type, styled: bool) -> int | None:
        """Register what openpyxl registers for a date/time value of type ``t``: its
        automatic number format and, in a column without a template (``styled`` false), a
        cell style with it, whose id is returned."""
        key = (styled, t)
        if key in self._seen:
            return self._seen[key]
        from openpyxl.cell import WriteOnlyCell
        cell = WriteOnlyCell(self.ws, value=_SAMPLES[t])
        style = self._seen[key] = None if styled else cell.style_id
        self.events.append(key)
        return style

    def package(self) -> tuple[str, bytes, bytes, list[tuple[zipfile.ZipInfo, bytes]]]:
        """(sheet member name, sheet XML up to the end of the header row, sheet XML from the
        end of the data on, the other members)."""
        buf = io.BytesIO()
        self.wb.save(buf)
        sheet = self.ws.path[1:]
        others = []
        with zipfile.ZipFile(buf) as zf:
            for info in zf.infolist():
                data = zf.read(info)
                if info.filename == sheet:
                    cut = data.index(b"</sheetData>")
                    head, tail = data[:cut], data[cut:]
                else:
                    others.append((info, data))
        return sheet, head, tail, others


class _Cells:
    """Data rows as sheet XML."""

    def __init__(self, skeleton: Skeleton, columns):
        self.skeleton = skeleton
        self.letters = [get_column_letter(i + 1) for i in range(len(columns))]
        self.kinds = [c.kind for c in columns]
        self.styles = [skeleton.style.get(i) for i in range(len(columns))]
        self.seen: set = set()

    def row(self, n: int, values) -> str:
        r = str(n)
        out = [f'<row r="{r}">']
        add = out.append
        letters, kinds, styles = self.letters, self.kinds, self.styles
        for i, value in enumerate(values):
            if value is None or value == "":
                continue
            style = styles[i]
            if style is None and value.__class__ is str:  # most cells: plain text
                if value.startswith(_DANGEROUS):
                    value = "'" + value
                first = value[0]  # "=": a formula, "#": an error code, spaces: kept with xml:space
                if first == "=" or first == "#" or first.isspace() or value[-1].isspace() \
                        or len(value) > _MAX_TEXT or _SPECIAL.search(value):
                    add(self.text(letters[i] + r, "", value))
                else:
                    add(f'<c r="{letters[i]}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
                continue
            ref = letters[i] + r
            kind = kinds[i]
            if kind == "phone" and not is_e164_list(value):
                add(self.cell(ref, None, safe_text(value)))
            elif style is not None and (kind == "phone" or isinstance(value, (int, float, Decimal, date))):
                if value.__class__ in _DATE_CLASSES:
                    add(f'<c r="{ref}" s="{style}" t="n"><v>{self.serial(value)}</v></c>')
                else:
                    add(self.cell(ref, style, value))
            elif value.__class__ is str:
                add(self.text(ref, "", "'" + value if value.startswith(_DANGEROUS) else value))
            else:
                add(self.cell(ref, None, safe_text(value)))
        out.append("</row>")
        return "".join(out)

    def serial(self, value) -> str:
        """A naive date or datetime of a formatted column as openpyxl writes it: its Excel
        serial number (``openpyxl.utils.datetime.to_excel``, inlined); openpyxl registers
        the value's own number format first, so this does too."""
        if value.tzinfo if value.__class__ is datetime else False:
            raise TypeError("Excel does not support timezones in datetimes. "
                            "The tzinfo in the datetime/time object must be set to None.")
        if value.__class__ not in self.seen:
            self.seen.add(value.__class__)
            self.skeleton.date_value(value.__class__, True)
        dt = value if value.__class__ is datetime else datetime.combine(value, _MIDNIGHT)
        days = (dt - _EPOCH).days
        if 0 < days <= 60:
            days -= 1
        return "%.16g" % (days + ((dt.hour * 3600) + (dt.minute * 60) + dt.second + dt.microsecond / 10**6) / 86400)

    @staticmethod
    def text(ref: str, s: str, value: str) -> str:
        if len(value) > _MAX_TEXT:
            value = value[:_MAX_TEXT]
        if _SPECIAL.search(value):
            escaped = _escape(value)
        else:
            escaped = value
        if len(value) > 1 and value[0] == "=":
            return f'<c r="{ref}"{s}><f>{escaped[1:]}</f><v></v></c>'
        if value in _ERRORS:
            return f'<c r="{ref}"{s} t="e"><v>{escaped}</v></c>'
        if value[0].isspace() or value[-1].isspace():
            return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'
        return f'<c r="{ref}"{s} t="inlineStr"><is><t>{escaped}</t></is></c>'

    def cell(self, ref: str, style: int | None, value) -> str:
        """One cell the way openpyxl infers and writes it (``style``: the column's template)."""
        s = f' s="{style}"' if style is not None else ""
        cls = value.__class__
        if cls is str:
            return self.text(ref, s, value)
        if cls is bool:
            return f'<c r="{ref}"{s} t="b"><v>{safe_string(value)}</v></c>'
        if cls is int or cls is float or isinstance(value, (int, float, Decimal)):
            return f'<c r="{ref}"{s} t="n"><v>{safe_string(value)}</v></c>'
        if isinstance(value, _TIME_TYPES):
            if getattr(value, "tzinfo", None) is not None:
                raise TypeError("Excel does not support timezones in datetimes. "
                                "The tzinfo in the datetime/time object must be set to None.")
            if style is None:
                s = f' s="{self.skeleton.date_value(_time_type(value), False)}"'
            else:
                self.skeleton.date_value(_time_type(value), True)
            number = to_excel(value)
            return f'<c r="{ref}"{s} t="n"><v>{safe_string(number)}</v></c>'
        if isinstance(value, bytes):
            return self.text(ref, s, str(value, "utf-8"))
        raise ValueError("Cannot convert {0!r} to Excel".format(value))


def write_table(target, title: str, columns, rows: Iterable[list], tick: Callable[[], None] | None = None,
                compresslevel: int | None = None) -> int:
    """Write ``rows`` under a header of ``columns`` to the .xlsx file ``target``; returns
    the number of data rows."""
    start = Skeleton(title, columns)
    sheet, head, _, _ = start.package()
    cells = _Cells(start, columns)
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=compresslevel) as zf:
        with zf.open(sheet, "w", force_zip64=True) as out:
            out.write(head)
            block: list[str] = []
            size = 0
            for row in rows:
                count += 1
                xml = cells.row(count + 1, row)
                block.append(xml)
                size += len(xml)
                if size > _BLOCK:
                    out.write("".join(block).encode("utf-8"))
                    block, size = [], 0
                if tick and count % 1000 == 0:
                    tick()
            out.write("".join(block).encode("utf-8"))
            end = Skeleton(title, columns, count, start.events)
            _, _, tail, others = end.package()
            out.write(tail)
        for info, data in others:
            zf.writestr(info.filename, data)
    return count
