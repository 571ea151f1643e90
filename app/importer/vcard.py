"""vCard 3.0 / 4.0 (and the 2.1 a phone may still write): folded lines, quoted-printable,
CHARSET parameters.  Each card becomes one row of a table whose headers the column
guesser already knows, so a .vcf goes through the same cleaning and duplicate checks."""
from __future__ import annotations

import quopri
import re
from pathlib import Path

from .errors import bad_file
from .reading import RawSheet, decode_text

HEADERS = ["ФИО", "Телефон", "E-mail", "Организация", "Должность", "Адрес", "Дата рождения",
           "Примечание"]
_BDAY_V4 = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


def _unfold(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif lines and lines[-1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1].split(":", 1)[0].upper():
            lines[-1] = lines[-1][:-1] + line  # a quoted-printable soft line break
        else:
            lines.append(line)
    return lines


def _unescape(value: str) -> str:
    return (value.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",")
            .replace("\\;", ";").replace("\\\\", "\\"))


def _split(value: str, sep: str) -> list[str]:
    parts, cur, escaped = [], "", False
    for ch in value:
        if escaped:
            cur += "\\" + ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


def _parse_line(line: str):
    if ":" not in line:
        return None
    head, value = line.split(":", 1)
    name, *params = head.split(";")
    name = name.split(".")[-1].upper()  # "item1.TEL" → TEL
    params_up = [p.upper() for p in params]
    if any(p in ("ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE") for p in params_up):
        charset = next((p.split("=", 1)[1] for p in params if p.upper().startswith("CHARSET=")), "utf-8")
        raw = quopri.decodestring(value.encode("latin-1", "replace"))
        try:
            value = raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            value = raw.decode("utf-8", "replace")
    return name, value


def _bday(value: str) -> str:
    m = _BDAY_V4.match(value.strip())
    return f"{m.group(3)}.{m.group(2)}.{m.group(1)}" if m else value.strip()


def read_vcards(path: Path) -> RawSheet:
    text = decode_text(path, path.read_bytes())
    if "BEGIN:VCARD" not in text.upper():
        raise bad_file(path, "there is no contact (BEGIN:VCARD) in this file.")
    rows: list[list] = [list(HEADERS)]
    card: dict | None = None
    for line in _unfold(text):
        parsed = _parse_line(line.strip())
        if parsed is None:
            continue
        name, value = parsed
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            card = {k: [] for k in ("FN", "N", "TEL", "EMAIL", "ORG", "TITLE", "ADR", "BDAY", "NOTE")}
        elif name == "END" and card is not None:
            rows.append(_card_row(card))
            card = None
        elif card is not None and name in card:
            card[name].append(value)
    return RawSheet(path.stem, rows, "vcard")


def _card_row(card: dict) -> list[str]:
    name = _unescape(card["FN"][0]).strip() if card["FN"] else ""
    if not name and card["N"]:
        family, given, additional, *_ = _split(card["N"][0], ";") + ["", "", ""]
        name = " ".join(_unescape(p).strip() for p in (family, given, additional) if p.strip())
    org = " ".join(_unescape(p).strip() for p in _split(card["ORG"][0], ";") if p.strip()) if card["ORG"] else ""
    adr = ""
    if card["ADR"]:
        parts = [_unescape(p).strip() for p in _split(card["ADR"][0], ";")]
        adr = ", ".join(p for p in parts if p)
    return [
        name,
        ", ".join(_unescape(v).strip().removeprefix("tel:") for v in card["TEL"] if v.strip()),
        ", ".join(_unescape(v).strip().removeprefix("mailto:") for v in card["EMAIL"] if v.strip()),
        org,
        _unescape(card["TITLE"][0]).strip() if card["TITLE"] else "",
        adr,
        _bday(card["BDAY"][0]) if card["BDAY"] else "",
        "\n".join(_unescape(v).strip() for v in card["NOTE"] if v.strip()),
    ]
