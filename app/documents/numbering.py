"""Invoice numbers: 1, 2, 3… anew each year, kept in the Setting "invoice_counter"
({"2025": 41, "2026": 3}) and taken in the same transaction that writes the Invoice row,
so two invoices never get one number and a failed document gives its number back."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from db.models import Deal, Invoice, Setting, utcnow

from .. import audit

COUNTER_KEY = "invoice_counter"
DUE_BANKING_DAYS = 5


@dataclass(frozen=True)
class IssuedInvoice:
    id: int
    number: str
    issued_on: date
    due_on: date


def add_banking_days(day: date, days: int) -> date:
    """``days`` working days (Monday–Friday) after ``day``."""
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def next_number(year: int) -> int:
    """Take the next number of ``year`` (call inside a transaction)."""
    # Writing first takes SQLite's write lock before the read, so the read-increment is safe.
    Setting.insert(key=COUNTER_KEY, value="{}").on_conflict_ignore().execute()
    row = Setting.get(Setting.key == COUNTER_KEY)
    try:
        counters = json.loads(row.value) or {}
    except ValueError:
        counters = {}
    number = int(counters.get(str(year), 0)) + 1
    counters[str(year)] = number
    Setting.update(value=json.dumps(counters)).where(Setting.key == COUNTER_KEY).execute()
    return number


def peek_number(year: int) -> int:
    """The number the next invoice of ``year`` would get (nothing is taken)."""
    row = Setting.get_or_none(Setting.key == COUNTER_KEY)
    counters = json.loads(row.value) if row else {}
    return int(counters.get(str(year), 0)) + 1


def issue_invoice(deal_id: int, amount: Decimal, issued_on: date) -> IssuedInvoice:
    """Number and write an Invoice row for the deal (call inside a transaction).

    The deal's version goes up, so a deal card opened before reloads (or, with unsaved
    edits, asks) instead of saving its old list of invoices over the new one."""
    number = str(next_number(issued_on.year))
    due_on = add_banking_days(issued_on, DUE_BANKING_DAYS)
    invoice = Invoice.create(deal=deal_id, number=number, amount=amount, issued_on=issued_on, due_on=due_on)
    Deal.update(version=Deal.version + 1, updated_at=utcnow()).where(Deal.id == deal_id).execute()
    audit.record("deal", deal_id, "update", {"invoice": [None, number]})
    return IssuedInvoice(invoice.id, number, issued_on, due_on)

