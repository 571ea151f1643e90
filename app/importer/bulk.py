"""Bulk inserts for the import: ``executemany`` on the open transaction.

Building a multi-row INSERT through peewee costs more than the insert itself at
100 000 rows, so the import binds plain tuples.  Values are converted the way peewee
would store them in SQLite (dates as ISO text, Decimal as text, booleans as 0/1):
``insert_rows`` converts dicts itself; ``insert_tuples`` takes tuples whose values the
caller already converted with ``storage_value``.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from peewee import BooleanField, DateField, DateTimeField, DecimalField

from db.models import database_proxy
from db.sql import is_postgres, portable

_CONVERTED = (BooleanField, DateField, DateTimeField, DecimalField)


def storage_value(v):
    """A value as it is bound for SQLite (what peewee would store); PostgreSQL keeps
    booleans (it has the type, and refuses 0/1 for it)."""
    if isinstance(v, bool):
        return v if is_postgres() else int(v)
    if isinstance(v, (date, Decimal)):
        return str(v)
    return v


_value = storage_value


def _literal(v) -> str:
    """A constant as SQL text (the defaults of the columns a caller leaves out)."""
    v = storage_value(v)
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


def _defaults(model, given) -> dict:
    """Python-side defaults of the columns not given (peewee fills these, not the schema)."""
    out = {}
    for f in model._meta.sorted_fields:
        if f.name not in given and not f.primary_key and f.default is not None:
            out[f.name] = storage_value(f.default() if callable(f.default) else f.default)
    return out


def _insert_parts(model, keys) -> tuple[str, str]:
    """The ``INSERT INTO … (columns)`` head and the ``(?, ?, constants)`` row of ``keys``."""
    fields = model._meta.fields
    defaults = _defaults(model, set(keys))
    columns = ", ".join(f'"{fields[k].column_name}"' for k in list(keys) + list(defaults))
    # PostgreSQL takes the 0/1 callers bind for flags only with a cast
    marks = ["CAST(? AS boolean)" if is_postgres() and isinstance(fields[k], BooleanField) else "?"
             for k in keys]
    values = ", ".join(marks + [_literal(v) for v in defaults.values()])
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES', portable(f"({values})")


def insert_sql(model, keys) -> str:
    """``INSERT`` binding ``keys`` in order, with the other columns' defaults as constants."""
    head, row = _insert_parts(model, keys)
    return f"{head} {row}"


def _pg_insert(model, keys, data: list[tuple], returning: bool = False) -> list[int]:
    """PostgreSQL: multi-row ``INSERT … VALUES`` pages (one round trip per thousand rows,
    where ``executemany`` makes one per row), the new ids in the order of ``data``."""
    from psycopg2.extras import execute_values
    head, row = _insert_parts(model, keys)
    tail = " RETURNING id" if returning else ""
    rows = execute_values(database_proxy.cursor(), f"{head} %s{tail}", data, template=row,
                          page_size=1000, fetch=returning)
    return [r[0] for r in rows] if returning else []


def insert_tuples(model, keys, data: list[tuple]) -> None:
    """Insert rows given as tuples of storage values in the order of ``keys``."""
    if data and is_postgres():
        _pg_insert(model, keys, data)
    elif data:
        database_proxy.cursor().executemany(insert_sql(model, keys), data)


def insert_rows(model, rows: list[dict]) -> None:
    if not rows:
        return
    keys = list(rows[0])
    fields = model._meta.fields
    # Convert only the columns whose values may need it (dates, money, flags).
    plain = [k for k in keys if not isinstance(fields[k], _CONVERTED)]
    if len(plain) == len(keys):
        data = [tuple(r[k] for k in keys) for r in rows]
    else:
        data = [tuple(r[k] if k in plain_set else _value(r[k]) for k in keys)
                for plain_set in [set(plain)] for r in rows]
    insert_tuples(model, keys, data)


def _new_ids(model, before: int, count: int) -> list[int]:
    table = model._meta.table_name
    ids = [r[0] for r in database_proxy.execute_sql(
        portable(f'SELECT id FROM "{table}" WHERE id > ? ORDER BY id'), (before,)).fetchall()]
    if len(ids) != count:  # cannot happen inside one transaction; never guess ids
        raise RuntimeError(f"{table}: inserted {count} rows but found {len(ids)} new ids")
    return ids


def _max_id(model) -> int:
    return database_proxy.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{model._meta.table_name}"').fetchone()[0]


def insert_ids(model, rows: list[dict]) -> list[int]:
    """Insert and return the new ids in the order of ``rows``.

    Inside the import's transaction nobody else writes, and SQLite gives each new row
    the next rowid, so the new ids are the ids above the previous maximum, in order.
    """
    if not rows:
        return []
    if is_postgres():  # other sessions may insert meanwhile: the ids come back from the insert
        keys = list(rows[0])
        return _pg_insert(model, keys, [tuple(storage_value(r[k]) for k in keys) for r in rows], True)
    before = _max_id(model)
    insert_rows(model, rows)
    return _new_ids(model, before, len(rows))


def insert_tuple_ids(model, keys, data: list[tuple]) -> list[int]:
    """``insert_tuples`` returning the new ids in the order of ``data`` (see ``insert_ids``)."""
    if not data:
        return []
    if is_postgres():
        return _pg_insert(model, keys, data, returning=True)
    before = _max_id(model)
    insert_tuples(model, keys, data)
    return _new_ids(model, before, len(data))
