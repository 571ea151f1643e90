"""Reading a file into rows of cell values: spreadsheets through python-calamine, CSV with
encoding and delimiter detection, vCard through ``vcard.py``.

The file is checked before it is parsed: a spreadsheet that is not one, an encrypted
workbook (an OLE2 container named .xlsx), a zip bomb, too many rows or columns each
raise ``ImportFileError`` with a message a shop owner understands.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KartotekaError, bad_file

SPREADSHEET_EXTS = (".xlsx", ".xlsm", ".xls", ".ods")
ZIP_EXTS = (".xlsx", ".xlsm", ".ods")
SUPPORTED_EXTS = SPREADSHEET_EXTS + (".csv", ".txt", ".vcf")

MAX_ROWS = 1_000_000
MAX_COLUMNS = 100
MAX_UNCOMPRESSED = 1 << 30          # 1 GB inside a zip container
MAX_RATIO = 200                     # uncompressed / compressed, for big members
RATIO_MIN_SIZE = 10 << 20           # the ratio is only checked above 10 MB

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass
class RawSheet:
    """One sheet as read: ``rows[i]`` is sheet row ``i + 1`` (blank rows included)."""

    name: str
    rows: list[list] = field(default_factory=list)
    kind: str = "sheet"  # sheet | csv | vcard


def _head(path: Path, size: int = 8) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise bad_file(path, "the file is damaged or incomplete (it could not be opened as a "
                             "spreadsheet). Open it in Excel or LibreOffice and save it again.") from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise bad_file(path, f"the file unpacks to {total // (1 << 20)} MB, more than the "
                             f"{MAX_UNCOMPRESSED // (1 << 20)} MB a spreadsheet may take; it was not read.")
    for info in infos:
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise bad_file(path, "the file is packed suspiciously tightly (a \"zip bomb\"); it was not read.")
    if total > RATIO_MIN_SIZE and total > MAX_RATIO * max(packed, 1):
        raise bad_file(path, "the file is packed suspiciously tightly (a \"zip bomb\"); it was not read.")


def check_file(path: Path) -> str:
    """Validate the container; return the lower-case extension."""
    if not path.exists():
        raise bad_file(path, "the file does not exist.")
    if path.is_dir():
        raise bad_file(path, "this is a folder, not a file.")
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTS:
        raise bad_file(path, f"files of type {ext or '(none)'} cannot be imported; use .xlsx, .xls, "
                             ".ods, .csv or .vcf.")
    if path.stat().st_size == 0:
        raise bad_file(path, "the file is empty.")
    if ext in ZIP_EXTS:
        head = _head(path)
        if head.startswith(OLE2_SIGNATURE):
            raise bad_file(path, "the workbook is password-protected (encrypted). Open it in Excel, "
                                 "remove the password (File → Info → Protect workbook) and save it again.")
        if not head.startswith(ZIP_SIGNATURE):
            raise bad_file(path, f"this is not a spreadsheet (not a real {ext} file).")
        _check_zip(path)
    elif ext == ".xls" and not _head(path).startswith(OLE2_SIGNATURE):
        if _head(path).startswith(ZIP_SIGNATURE):
            _check_zip(path)  # an .xlsx named .xls: calamine reads it by its content
        else:
            raise bad_file(path, "this is not a spreadsheet (not a real .xls file).")
    return ext


def _workbook(path: Path):
    from python_calamine import CalamineWorkbook
    try:
        with open(path, "rb") as fh:
            return CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
    except Exception as exc:  # calamine raises its own errors and plain ones for junk
        name = type(exc).__name__
        if "Password" in name:
            raise bad_file(path, "the workbook is password-protected; remove the password and "
                                 "save it again.") from None
        raise bad_file(path, "the file is damaged or is not a spreadsheet; open it in Excel or "
                             "LibreOffice and save it again.") from None


def sheet_names(path) -> list[str]:
    """Names of the sheets the user can choose from (one pseudo-sheet for CSV/vCard)."""
    path = Path(path)
    ext = check_file(path)
    if ext not in SPREADSHEET_EXTS:
        return [path.stem]
    return list(_workbook(path).sheet_names)


def _check_size(path: Path, rows: int, max_rows: int) -> None:
    if rows > max_rows:
        raise bad_file(path, f"the sheet has {rows} rows, more than the {max_rows} Kartoteka "
                             "can import at once; split the file into parts.")


def _read_sheet(path: Path, sheet: str | None, max_rows: int) -> RawSheet:
    wb = _workbook(path)
    names = list(wb.sheet_names)
    if not names:
        raise bad_file(path, "the workbook has no sheets.")
    if sheet is not None and sheet not in names:
        raise bad_file(path, f"there is no sheet {sheet!r}; the sheets are: {', '.join(names)}.")
    try:
        candidates = [sheet] if sheet is not None else names
        for name in candidates:
            ws = wb.get_sheet_by_name(name)
            _check_size(path, ws.total_height, max_rows)
            if ws.height == 0 and sheet is None:
                continue
            rows = ws.to_python(skip_empty_area=False)
            if sheet is not None or any(any(v not in ("", None) for v in r) for r in rows):
                return RawSheet(name, rows)
    except KartotekaError:
        raise
    except Exception:
        raise bad_file(path, "the sheet could not be read; the file may be damaged.") from None
    return RawSheet(sheet or names[0], [])


# --- CSV -----------------------------------------------------------------------------------

_CP1251_RARE = set(bytes(range(0x80, 0xC0)).decode("cp1251", "replace")) - set("Ёё№«»–—“”„…‘’\xa0•")


def _plausible(text: str) -> bool:
    if not text:
        return True
    sample = text[:200_000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n") or ch in _CP1251_RARE
              or ch == "\ufffd")
    return bad <= max(2, len(sample) // 200)


def decode_text(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
        if _plausible(text):
            return text
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="replace")
    if _plausible(text):
        return text
    raise bad_file(path, "the text encoding of the file is not recognised (Kartoteka reads UTF-8 "
                         "and Windows-1251). Save it from Excel as \"CSV UTF-8\".")


def sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    best, best_score = ";", -1.0
    for delim in (";", "\t", ","):
        counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        common = max(set(multi), key=multi.count)
        score = multi.count(common) / len(counts) + common / 1000
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_csv(path: Path, max_rows: int) -> RawSheet:
    text = decode_text(path, path.read_bytes())
    delim = sniff_delimiter(text)
    rows = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
        rows.append(row)
        if len(rows) > max_rows:
            _check_size(path, len(rows), max_rows)
    return RawSheet(path.stem, rows, "csv")


def read_sheet(path, sheet: str | None = None, *, max_rows: int | None = None) -> RawSheet:
    """The raw rows of one sheet (default: the first non-empty one)."""
    path = Path(path)
    max_rows = MAX_ROWS if max_rows is None else max_rows
    ext = check_file(path)
    if ext in (".csv", ".txt"):
        raw = _read_csv(path, max_rows)
    elif ext == ".vcf":
        from .vcard import read_vcards
        raw = read_vcards(path)
        _check_size(path, len(raw.rows), max_rows + 1)
    else:
        raw = _read_sheet(path, sheet, max_rows)
    _trim_columns(path, raw)
    return raw


def _trim_columns(path: Path, raw: RawSheet) -> None:
    width = 0
    for row in raw.rows:
        for i in range(len(row) - 1, width - 1, -1):
            if row[i] not in ("", None):
                width = i + 1
                break
    if width > MAX_COLUMNS:
        raise bad_file(path, f"the sheet has {width} filled columns; Kartoteka reads at most "
                             f"{MAX_COLUMNS}. Delete the columns you do not need and try again.")
    # Rows already a list of the right width (every row of a spreadsheet) are kept as they are.
    raw.rows = [r if len(r) == width and r.__class__ is list else list(r[:width]) + [""] * (width - len(r))
                for r in raw.rows]
