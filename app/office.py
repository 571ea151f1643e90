"""The office mode's checks for the connection dialog: can the server be reached with
these details, and what is there (an empty database, or a Kartoteka one)."""
from __future__ import annotations

from dataclasses import dataclass

from db.postgres import connect, foreign_tables, make_url, safe_url

__all__ = ["ServerInfo", "check_server", "make_url", "safe_url"]


@dataclass
class ServerInfo:
    version: str          # "PostgreSQL 15.8"
    empty: bool           # no tables yet: ready for "Copy this database there"
    kartoteka: bool       # holds a Kartoteka schema
    clients: int = 0


def check_server(url: str) -> ServerInfo:
    """Connect once and look; raises ``DatabaseOpenError`` with the reason otherwise."""
    db = connect(url)
    try:
        version = db.execute_sql("SHOW server_version").fetchone()[0].split(" ")[0]
        tables = foreign_tables(db)
        kartoteka = "client" in tables and "schema_migration" in tables
        clients = 0
        if kartoteka:
            clients = db.execute_sql('SELECT COUNT(*) FROM "client" WHERE deleted_at IS NULL').fetchone()[0]
        return ServerInfo(f"PostgreSQL {version}", not tables, kartoteka, clients)
    finally:
        db.close()
