"""Dates, times and money in the user's locale; times stored in UTC shown in local time."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def to_local(value: datetime | None) -> datetime | None:
    """A stored naive-UTC datetime as a naive local datetime."""
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def to_utc(value: datetime | None) -> datetime | None:
    """A naive local datetime (from an editor) as naive UTC for storage."""
    if value is None:
        return None
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second))


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value).date()
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def fmt_datetime(value: datetime | None) -> str:
    """Local date and time, short format, for a stored UTC datetime."""
    if value is None:
        return ""
    return QLocale().toString(qdatetime(to_local(value)), QLocale.FormatType.ShortFormat)


def fmt_money(value: Decimal | int | float | None, currency: str = "RUB") -> str:
    if value is None:
        return ""
    symbol = {"RUB": "₽", "USD": "$", "EUR": "€"}.get(currency, currency)
    text = QLocale().toString(float(Decimal(value)), "f", 2)
    return f"{text} {symbol}"
