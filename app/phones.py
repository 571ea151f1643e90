"""Phone numbers: split a cell into numbers, normalise each to E.164, keep what was typed.

Common Russian shapes (8…, +7…, 10 digits) take a fast path; anything else goes to
``phonenumbers``.  A number that does not parse is kept as typed with ``valid=False``:
it is flagged, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from db.text import only_digits

_SPLIT = re.compile(r"[,;/\n]+|\s+(?:и|или|or|and)\s+", re.IGNORECASE)
_PLAIN = re.compile(r"^[\d\s()+\-.]+$")
_DIGIT = re.compile(r"\d")
_EXTENSION = re.compile(r"\s*(?:доб\.?|ext\.?|x|#)\s*(\d+)\s*$", re.IGNORECASE)
# Russian national numbers start with 3, 4, 8 (geographic, free-phone) or 9 (mobile).
_RU_NATIONAL_FIRST = set("3489")
# str.translate table that deletes every ASCII character but the digits.
_ASCII_NON_DIGITS = {i: None for i in range(128) if not chr(i).isdigit()}


def _digits(text: str) -> str:
    """``only_digits`` with a fast path for ASCII text (where only 0-9 are digits)."""
    if text.isascii():
        return text.translate(_ASCII_NON_DIGITS)
    return only_digits(text)


@dataclass(frozen=True)
class ParsedPhone:
    raw: str
    e164: str | None
    digits: str

    @property
    def valid(self) -> bool:
        return self.e164 is not None


def _fast_ru(text: str) -> str | None:
    if not _PLAIN.match(text):
        return None
    return _fast_ru_plain(text)


def _fast_ru_plain(text: str) -> str | None:
    """``_fast_ru`` for text already known to match ``_PLAIN``."""
    digits = _digits(text)
    stripped = text.strip()
    if len(digits) == 11 and digits[0] in "78" and digits[1] in _RU_NATIONAL_FIRST:
        if digits[0] == "8" and stripped.startswith("+"):
            return None  # "+8…" is not Russian: let the full parser decide
        return "+7" + digits[1:]
    if len(digits) == 10 and digits[0] in "9" and not stripped.startswith("+"):
        return "+7" + digits
    return None


def normalize(text: str, region: str = "RU") -> ParsedPhone:
    """Normalise one number.  ``e164`` is None when it cannot be parsed."""
    raw = (text or "").strip()
    region = (region or "RU").upper()
    # Only digits, spaces and ( ) + - . : there is no extension to cut off.
    plain = _PLAIN.match(raw) is not None
    body = raw if plain else _EXTENSION.sub("", raw)
    if region != "RU":
        e164 = None
    elif plain:
        e164 = _fast_ru_plain(body)
    else:
        e164 = _fast_ru(body)
    if e164 is None:
        import phonenumbers  # loaded with the first number off the fast path (a start needs none)
        try:
            num = phonenumbers.parse(body, region)
        except phonenumbers.NumberParseException:
            num = None
        if num is not None and phonenumbers.is_valid_number(num):
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    digits = e164[1:] if e164 else _digits(raw)
    return ParsedPhone(raw=raw, e164=e164, digits=digits)


def split_numbers(cell: str) -> list[str]:
    """Split a cell that may hold several numbers ("8 495 …, 8 916 …", "… и …")."""
    if cell is None:
        return []
    text = str(cell)
    if "\n" not in text and _PLAIN.match(text):  # no separator, no words: one number at most
        text = text.strip()
        # Every character is a decimal digit, a space or ( ) + - . here, so "has a digit" is
        # the same as "has a \d".
        return [text] if _DIGIT.search(text) else []
    parts = [p.strip() for p in _SPLIT.split(text)]
    return [p for p in parts if p and any(ch.isdigit() for ch in p)]


def parse_cell(cell: str, region: str = "RU") -> list[ParsedPhone]:
    return [normalize(p, region) for p in split_numbers(cell)]


def _format_ru(e164: str) -> str | None:
    """``+7 916 555-12-34``: what ``phonenumbers`` shows for the Russian numbers whose
    national number starts with 3, 4, 8 (8‑800, but not 8‑1[09]…) or 9, without loading it
    (it takes longer to load than a start-up shows its first page); None for the rest."""
    if len(e164) != 12 or not e164.startswith("+7") or not e164[2:].isdigit():
        return None
    n = e164[2:]
    if n[0] in "349" or (n[0] == "8" and (n[1] in "0234567" or (n[1] == "1" and n[2] in "12345678"))):
        return f"+7 {n[:3]} {n[3:6]}-{n[6:8]}-{n[8:]}"
    return None


def format_phone(e164: str | None, raw: str = "") -> str:
    """How a phone is shown: international format when parsed, as typed otherwise."""
    if not e164:
        return raw
    if (shown := _format_ru(e164)) is not None:
        return shown
    import phonenumbers
    try:
        num = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def search_keys(query: str) -> list[str]:
    """Digit strings to look for as *suffixes* of stored phone digits.

    "8(916)5551234" and "+7 916 555-12-34" both give "9165551234"; "55-12-34" gives
    "551234".  Fewer than five digits is not a phone query.
    """
    digits = only_digits(query)
    if len(digits) < 5:
        return []
    if len(digits) == 11 and digits[0] in "78":
        return [digits[1:]]
    if len(digits) > 10:
        return [digits[-10:]]
    return [digits]
