"""Copying a whole Kartoteka database to another engine: a SQLite file into a new
PostgreSQL database (a solo user growing into an office) and back (a logical export:
the PostgreSQL backup is one).

The target gets the current schema through the same numbered migrations, then every
table in foreign-key order, in chunks, values converted the way the models store them;
then the id sequences are moved past the copied ids, the search index is rebuilt, and
the rows of every table are counted on both sides.  A target that already holds data is
refused; a failure rolls the copy back (a new file is removed).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from peewee import (BooleanField, DateField, DateTimeField, DecimalField, ForeignKeyField,
                    IntegerField, TimeField, sort_models)

from db.errors import KartotekaError
from db.migrations import CURRENT_VERSION, migrate, schema_version
from db.models import ALL_MODELS, Client, Deal, Activity
from db.postgres import connect, foreign_tables, is_postgres_url, safe_url
from db.proxy import bound_to
from db.search_index import FTS_TABLE, rebuild_index
from db.sql import insert_many_rows, is_postgres, reset_sequences

CHUNK = 5000
_CONVERTED = (BooleanField, DateField, DateTimeField, DecimalField, TimeField)


class DbCopyError(KartotekaError):
    code = "db_copy"
    message = "Cannot copy the database to {target}: {detail}"


def describe(target) -> str:
    return safe_url(str(target)) if is_postgres_url(target) else str(target)


def _open_target(target):
    """The target database, connected but not bound; refused when it holds data."""
    name = describe(target)
    if is_postgres_url(target):
        db = connect(str(target))
        tables = foreign_tables(db)
    else:
        from db.connection import _sqlite
        path = Path(target).expanduser()
        if path.exists() and path.stat().st_size > 0:
            raise DbCopyError(target=name, detail="the file already exists; choose a new file name")
        path.parent.mkdir(parents=True, exist_ok=True)
        db = _sqlite(path)
        db.connect(reuse_if_open=True)
        tables = []
    if tables and not _is_fresh(db, set(tables)):
        db.close()
        raise DbCopyError(target=name, detail="it is not empty (copy only into a new, empty database)")
    return db


def _is_fresh(db, tables: set[str]) -> bool:
    """A Kartoteka database nobody worked in yet (only the seed rows) counts as empty."""
    if not {m._meta.table_name for m in (Client, Deal, Activity)} <= tables:
        return False
    with bound_to(db):
        if schema_version(db) != CURRENT_VERSION:
            return False
        return not any(m.select().exists() for m in (Client, Deal, Activity))


def _columns(model) -> list:
    return [f for f in model._meta.sorted_fields]


def _converter(field) -> Callable | None:
    if isinstance(field, _CONVERTED):
        return lambda v, f=field: None if v is None else f.db_value(f.python_value(v))
    return None


def _read_chunks(source, model):
    """The rows of one table in primary-key order, ``CHUNK`` at a time (keyset)."""
    table = model._meta.table_name
    fields = _columns(model)
    cols = ", ".join(f'"{f.column_name}"' for f in fields)
    pk = model._meta.primary_key
    mark = source.param
    if isinstance(pk, (IntegerField,)) and pk.field_type in ("AUTO", "BIGAUTO", "INT"):
        last = None
        while True:
            where = f' WHERE "{pk.column_name}" > {mark}' if last is not None else ""
            rows = source.execute_sql(f'SELECT {cols} FROM "{table}"{where} ORDER BY "{pk.column_name}" '
                                      f"LIMIT {CHUNK}", (last,) if last is not None else ()).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][fields.index(pk)]
            if len(rows) < CHUNK:
                return
    else:
        rows = source.execute_sql(f'SELECT {cols} FROM "{table}"').fetchall()
        if rows:
            yield rows


def _copy_table(source, model) -> int:
    """Copy one table into the database bound in this thread; returns the rows copied."""
    fields = _columns(model)
    converters = [_converter(f) for f in fields]
    # a row may point at a later row of its own table (a recurring series): set afterwards
    own = [i for i, f in enumerate(fields) if isinstance(f, ForeignKeyField) and f.rel_model is model]
    head = (f'INSERT INTO "{model._meta.table_name}" ('
            + ", ".join(f'"{f.column_name}"' for f in fields) + ") VALUES")
    template = "(" + ", ".join("?" * 1 for _ in fields) + ")"
    later, copied = [], 0
    for rows in _read_chunks(source, model):
        out = []
        for row in rows:
            values = [v if c is None else c(v) for v, c in zip(row, converters)]
            for i in own:
                if values[i] is not None:
                    later.append((values[i], values[fields.index(model._meta.primary_key)]))
                    values[i] = None
            out.append(tuple(values))
        insert_many_rows(head, template, out)
        copied += len(out)
    for i in own:
        column = fields[i]
        for ref, pk in later:
            model.update({column: ref}).where(model._meta.primary_key == pk).execute()
    return copied


def _count(db, model) -> int:
    return db.execute_sql(f'SELECT COUNT(*) FROM "{model._meta.table_name}"').fetchone()[0]


def copy_database(source, target, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Copy the database ``source`` (a connected peewee database) into ``target`` (a new
    SQLite file or an empty PostgreSQL database URL); returns {table: rows}."""
    models = sort_models(ALL_MODELS)
    name = describe(target)
    db = _open_target(target)
    new_file = None if is_postgres_url(target) else Path(target).expanduser()
    ok = False
    try:
        with bound_to(db):
            found = schema_version(db)
            if found < CURRENT_VERSION:
                migrate(db, found)
            counts: dict[str, int] = {}
            with db.atomic():
                for model in reversed(models):  # the seed rows of the new schema
                    model.delete().execute()
                db.execute_sql(f"DELETE FROM {FTS_TABLE}")
                for model in models:
                    counts[model._meta.table_name] = _copy_table(source, model)
                    if progress:
                        progress(f"{model._meta.table_name}: {counts[model._meta.table_name]}")
                reset_sequences(models)
                if progress:
                    progress("rebuilding the search index")
                rebuild_index()
                for model in models:
                    table = model._meta.table_name
                    there, here = _count(db, model), _count(source, model)
                    if there != here or counts[table] != here:
                        raise DbCopyError(target=name, detail=f"table {table}: {here} rows in the source, "
                                                              f"{there} copied")
            if is_postgres(db):
                db.execute_sql("ANALYZE")
        ok = True
        return counts
    except KartotekaError:
        raise
    except Exception as exc:  # a driver error: said plainly, the copy rolled back
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DbCopyError(target=name, detail=detail) from exc
    finally:
        db.close()
        if not ok and new_file is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(str(new_file) + suffix).unlink(missing_ok=True)


def export_to_sqlite(path: Path, progress=None) -> dict[str, int]:
    """The bound database (PostgreSQL) copied into a new SQLite file."""
    from db.models import database_proxy
    return copy_database(database_proxy.obj, path, progress)
