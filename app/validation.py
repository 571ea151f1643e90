"""Checks of user input that need no database: INN checksum, e-mail shape, names."""
from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s,;<>()\[\]]+@[^@\s,;<>()\[\]]+\.[^@\s,;<>()\[\].]{2,}$")

_INN10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check_digit(digits: str, weights) -> str:
    return str(sum(int(d) * w for d, w in zip(digits, weights)) % 11 % 10)


def inn_with_checksum(body: str) -> str:
    """Complete an INN: 9 digits get the organisation's check digit (10 in all), 10
    digits the person's two (12 in all)."""
    if len(body) == 9:
        return body + _check_digit(body, _INN10)
    body += _check_digit(body, _INN12_1)
    return body + _check_digit(body, _INN12_2)


def inn_is_valid(inn: str) -> bool:
    """Russian INN: 10 digits (organisation) or 12 (person / sole trader), with checksum."""
    if not inn.isdigit() or len(inn) not in (10, 12):
        return False
    return inn == inn_with_checksum(inn[:9] if len(inn) == 10 else inn[:10])


def email_is_valid(address: str) -> bool:
    return bool(_EMAIL.match(address or ""))


def clean_name(name: str) -> str:
    """Trim, collapse spaces and fix the case only when the whole name is in one case."""
    text = " ".join((name or "").split())
    letters = [ch for ch in text if ch.isalpha()]
    if letters and (all(ch.isupper() for ch in letters) or all(ch.islower() for ch in letters)):
        if not any(marker in text.upper() for marker in ("ООО", "ОАО", "ЗАО", "ПАО", "ИП ", "АО ")):
            text = " ".join(w[:1].upper() + w[1:].lower() if w else w for w in text.split(" "))
            text = "-".join(p[:1].upper() + p[1:] if p else p for p in text.split("-"))
    return text
