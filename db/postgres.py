"""The office mode: opening a PostgreSQL database given as a URL.

``postgresql://user[:password]@host[:port]/dbname``.  The connection fails fast (a
connect timeout) and the three usual troubles get a message a user can act on: the
server does not answer, the database does not exist, the password was rejected.
"""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from peewee import PostgresqlDatabase

from .errors import DatabaseOpenError

CONNECT_TIMEOUT = 5
"""Seconds to wait for the server before saying it is not reachable."""

SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target) -> bool:
    return str(target).startswith(SCHEMES)


def parse_url(url: str) -> dict:
    """The connection parameters of a URL (``dbname``, ``user``, ``password``, ``host``, ``port``)."""
    parts = urlsplit(url)
    params = {"dbname": unquote(parts.path.lstrip("/")), "user": unquote(parts.username or ""),
              "password": unquote(parts.password or ""), "host": parts.hostname or "localhost",
              "port": parts.port or 5432}
    if not params["dbname"]:
        raise DatabaseOpenError(path=safe_url(url), detail="the address names no database")
    return params


def make_url(host: str, port: int, dbname: str, user: str = "", password: str = "") -> str:
    from urllib.parse import quote
    who = quote(user, safe="") if user else ""
    if who and password:
        who += ":" + quote(password, safe="")
    return f"postgresql://{who + '@' if who else ''}{host}:{int(port)}/{quote(dbname, safe='')}"


def safe_url(url: str) -> str:
    """The URL without its password (for messages, logs and settings)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.split("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}@{netloc}").geturl()


def _explain(exc: Exception, params: dict) -> str:
    text = str(exc)
    low = text.lower()
    if "does not exist" in low and "database" in low:
        return f"the database \"{params['dbname']}\" does not exist on the server"
    if "password authentication failed" in low or "no password supplied" in low:
        return f"the password of user \"{params['user']}\" was rejected"
    if "role" in low and "does not exist" in low:
        return f"the server has no user \"{params['user']}\""
    if any(s in low for s in ("could not connect", "connection refused", "timeout expired",
                              "could not translate host", "no route to host", "network is unreachable",
                              "name or service not known")):
        return f"the server {params['host']}:{params['port']} is not reachable"
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def driver_for_peewee() -> None:
    """Give peewee the psycopg2 driver it was loaded without (see ``db/__init__.py``):
    the module globals and adapter constants peewee sets when it finds psycopg2 at
    import.  Nothing to do when peewee was loaded with it."""
    import peewee
    if peewee.psycopg2 is not None:
        return
    import psycopg2
    from psycopg2 import extensions
    from psycopg2.extras import Json, register_uuid
    register_uuid()
    peewee.psycopg2, peewee.pg_extensions, peewee.Json_pg2 = psycopg2, extensions, Json
    adapter = getattr(peewee, "Psycopg2Adapter", None)  # peewee 4: the driver's constants
    if adapter is not None:
        adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
        adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
        adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN


def connect(url: str) -> PostgresqlDatabase:
    """A connected peewee database for the URL; ``DatabaseOpenError`` when it cannot be."""
    params = parse_url(url)
    driver_for_peewee()
    kwargs = {"user": params["user"] or None, "password": params["password"] or None,
              "host": params["host"], "port": params["port"], "connect_timeout": CONNECT_TIMEOUT,
              "application_name": "Kartoteka",
              # the office's data is mostly cached: an index look-up costs about what a
              # sequential read does (the default 4.0 makes the search scan every client);
              # compiling a query costs more than the office's short queries take (jit);
              # the search's prepared statements (db.pg_search, nothing else prepares) are
              # planned once: written for it, their generic plan is the one a value would get
              "options": "-c random_page_cost=1.1 -c jit=off -c plan_cache_mode=force_generic_plan"}
    db = PostgresqlDatabase(params["dbname"], **{k: v for k, v in kwargs.items() if v is not None})
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1")
    except Exception as exc:  # psycopg2.OperationalError and friends
        if not db.is_closed():
            db.close()
        raise DatabaseOpenError(path=safe_url(url), detail=_explain(exc, params)) from exc
    return db


def foreign_tables(db) -> list[str]:
    """Tables in the public schema when the database holds no Kartoteka schema."""
    rows = db.execute_sql("SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
    return [r[0] for r in rows.fetchall()]
