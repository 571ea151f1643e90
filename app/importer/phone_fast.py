"""The import's shortcut for the phone cells most files are made of: one Russian number
typed with ASCII digits, spaces and ``( ) + - .`` ("8 916 123-45-67", "+7 (916) 1234567",
"89161234567", "916-123-4567").

``plain_ru_phone(text)`` is exactly ``app.phones.parse_cell(text, "RU")`` for those cells
(tests/app/test_import_phone_fast_path.py compares them) and None for every other cell,
which then takes the full path.  It skips the splitting, the second validation and the
result cache (each number of a file is usually different, so caching by text only cost
memory)."""
from __future__ import annotations

import re

from ..phones import ParsedPhone

_PLAIN = re.compile(r"[\d\s()+\-.]+")
_NON_DIGITS = {i: None for i in range(128) if not chr(i).isdigit()}
_NATIONAL_FIRST = frozenset("3489")  # geographic, free-phone, mobile


def plain_ru_phone(text: str) -> list[ParsedPhone] | None:
    """``parse_cell(text, "RU")`` for a single plain Russian number, else None."""
    if not text.isascii() or "\n" in text or _PLAIN.fullmatch(text) is None:
        return None
    raw = text.strip()
    digits = raw.translate(_NON_DIGITS)
    if len(digits) == 11 and digits[0] in "78" and digits[1] in _NATIONAL_FIRST:
        if digits[0] == "8" and raw[0] == "+":
            return None  # "+8…" is not Russian: the full parser decides
        e164 = "+7" + digits[1:]
    elif len(digits) == 10 and digits[0] == "9" and raw[0] != "+":
        e164 = "+7" + digits
    else:
        return None
    return [ParsedPhone(raw=raw, e164=e164, digits=e164[1:])]
