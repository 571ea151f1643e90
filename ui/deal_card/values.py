"""Numbers and dates as typed in the deal card's tables."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QLocale

NO_DATE = QDate(2000, 1, 1)  # a date editor's minimum, shown as "—": no date


def parse_decimal(text) -> Decimal | None:
    """ "1 200,50", "1200.50" or a number → Decimal; None when it is not a number."""
    if isinstance(text, (int, float, Decimal)):
        return Decimal(str(text))
    cleaned = "".join(str(text or "").split()).replace("\u00a0", "").replace("₽", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def fmt_number(value: Decimal | None, decimals: int = 2) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    if decimals == 3:  # a quantity: 2 or 2,5 pieces, not 2,000 or 2,500
        decimals = max(0, -value.normalize().as_tuple().exponent)
    return QLocale().toString(float(value), "f", decimals)


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def from_qdate(value) -> date | None:
    if not isinstance(value, QDate) or not value.isValid() or value <= NO_DATE:
        return None
    return value.toPython()
