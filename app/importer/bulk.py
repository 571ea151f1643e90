"""Bulk inserts for the import: ``executemany`` on the open transaction.

Building a multi-row INSERT through peewee costs more than the insert itself at
100 000 rows, so the import binds plain tuples.  Values are converted the way peewee
would store them in SQLite (dates as ISO text, Decimal as text, booleans as 0/1).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from peewee import BooleanField, DateField, DateTimeField, DecimalField

from db.models import database_proxy

_CONVERTED = (BooleanField, DateField, DateTimeField, DecimalField)


def _value(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (date, Decimal)):
        return str(v)
    return v


def insert_rows(model, rows: list[dict]) -> None:
    if not rows:
        return
    keys = list(rows[0])
    fields = model._meta.fields
    defaults = {}  # peewee fills these in Python, not in the schema
    for f in model._meta.sorted_fields:
        if f.name not in rows[0] and not f.primary_key and f.default is not None:
            defaults[f.name] = _value(f.default() if callable(f.default) else f.default)
    names = keys + list(defaults)
    columns = ", ".join(f'"{fields[k].column_name}"' for k in names)
    marks = ", ".join("?" * len(names))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    tail = tuple(defaults.values())
    # Convert only the columns whose values may need it (dates, money, flags).
    plain = [k for k in keys if not isinstance(fields[k], _CONVERTED)]
    if len(plain) == len(keys):
        data = [tuple(r[k] for k in keys) + tail for r in rows]
    else:
        data = [tuple(r[k] if k in plain_set else _value(r[k]) for k in keys) + tail
                for plain_set in [set(plain)] for r in rows]
    database_proxy.cursor().executemany(sql, data)


def insert_ids(model, rows: list[dict]) -> list[int]:
    """Insert and return the new ids in the order of ``rows``.

    Inside the import's transaction nobody else writes, and SQLite gives each new row
    the next rowid, so the new ids are the ids above the previous maximum, in order.
    """
    if not rows:
        return []
    table = model._meta.table_name
    before = database_proxy.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0]
    insert_rows(model, rows)
    ids = [r[0] for r in database_proxy.execute_sql(
        f'SELECT id FROM "{table}" WHERE id > ? ORDER BY id', (before,)).fetchall()]
    if len(ids) != len(rows):  # cannot happen inside one transaction; never guess ids
        raise RuntimeError(f"{table}: inserted {len(rows)} rows but found {len(ids)} new ids")
    return ids
