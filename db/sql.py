"""Small SQL dialect helpers: the few places where SQLite and PostgreSQL spell a thing
differently get one function each here, so the services stay one code path.

Everything renders for the database bound to ``database_proxy`` at the time of the call.
"""
from __future__ import annotations

from peewee import SQL, NodeList, PostgresqlDatabase, fn

from .models import database_proxy


def engine(db=None) -> str:
    """``"sqlite"`` or ``"postgres"``: the engine of ``db`` (the bound database by default)."""
    db = db if db is not None else database_proxy.obj
    return "postgres" if isinstance(db, PostgresqlDatabase) else "sqlite"


def is_postgres(db=None) -> bool:
    return engine(db) == "postgres"


def mark() -> str:
    """The parameter placeholder of the bound database: ``?`` or ``%s``."""
    return "%s" if is_postgres() else "?"


def marks(count: int) -> str:
    """``count`` placeholders separated by commas, for ``IN (…)``."""
    return ", ".join([mark()] * count)


def portable(sql: str) -> str:
    """A statement written with ``?`` placeholders, for the bound database.

    Only for statements with no ``?`` or ``%`` inside literals (ours)."""
    return sql.replace("?", "%s") if is_postgres() else sql


def no_index(column):
    """The column, written so that SQLite does not pick its index (``+column``); plain
    on PostgreSQL, whose planner needs no hint (and has no unary plus on text or time)."""
    if is_postgres():
        return column
    return NodeList((SQL("+"), column), glue="")


def month_day(column):
    """``MM-DD`` of a date column (birthdays of a month, whatever the year)."""
    if is_postgres():
        return fn.to_char(column, "MM-DD")
    return fn.substr(column, 6, 5)


def hour_text(column):
    """``YYYY-MM-DD HH`` of a stored time, as text (the hour bucket of a report)."""
    if is_postgres():
        return fn.to_char(column, "YYYY-MM-DD HH24").coerce(False)
    return fn.substr(column, 1, 13).coerce(False)


def indexed_by(index: str) -> str:
    """SQLite's ``INDEXED BY`` hint for a raw query; nothing on PostgreSQL."""
    return "" if is_postgres() else f" INDEXED BY {index}"


def binary(column):
    """The column compared and sorted by code point, as SQLite does (PostgreSQL's
    database collation may be a language's)."""
    if is_postgres():
        return NodeList((column, SQL('COLLATE "C"')))
    return column


def local_day_start(column, offset_seconds: int):
    """The UTC time the local day of ``column`` began, for a zone ``offset_seconds`` east
    of UTC (midnight of that day in local time, back in UTC)."""
    if is_postgres():
        shift = SQL(f"interval '{int(offset_seconds)} seconds'")
        return fn.date_trunc("day", column + shift) - shift
    return fn.datetime(column, f"{offset_seconds:+d} seconds", "start of day", f"{-offset_seconds:+d} seconds")


def least(a, b):
    """The smaller of two values, either of which may be NULL (then the other one)."""
    if is_postgres():
        return fn.LEAST(a, b)  # LEAST skips NULLs
    # SQLite's two-argument MIN() is NULL when either is, hence the COALESCE
    return fn.COALESCE(fn.MIN(a, b), a, b)


def reset_sequences(models) -> None:
    """After rows were inserted with explicit ids: move each table's id sequence past its
    highest id (PostgreSQL; SQLite needs nothing)."""
    if not is_postgres():
        return
    for model in models:
        pk = model._meta.primary_key
        if pk is None or pk.field_type not in ("AUTO", "BIGAUTO"):
            continue
        table, column = model._meta.table_name, pk.column_name
        database_proxy.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
            f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)')


def insert_many_rows(sql_head: str, row_template: str, rows: list) -> None:
    """``INSERT INTO t (cols) VALUES`` + one ``(?, ?, …)`` template per row, for many rows:
    ``executemany`` on SQLite, multi-row pages on PostgreSQL (a round trip per row is slow)."""
    if not rows:
        return
    if is_postgres():
        from psycopg2.extras import execute_values
        execute_values(database_proxy.cursor(), f"{sql_head} %s", rows, template=portable(row_template),
                       page_size=1000)
    else:
        database_proxy.cursor().executemany(f"{sql_head} {row_template}", rows)
