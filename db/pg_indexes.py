"""Migration 6: the indexes PostgreSQL needs beyond the shared ones (nothing on SQLite).

Prefix searches (a name's first letters, a phone's last digits, an e-mail's start) compare
by code point (``db.sql.binary``), as SQLite does, whatever the database's collation:
they need indexes built on that collation.  Names are also searched by any substring
(the activity list's client filter), which a trigram index serves."""
from __future__ import annotations

from .sql import is_postgres

PG_INDEXES = (
    'CREATE INDEX IF NOT EXISTS client_name_fold_c ON client (name_fold COLLATE "C")',
    'CREATE INDEX IF NOT EXISTS phone_digits_rev_c ON phone (digits_rev COLLATE "C")',
    'CREATE INDEX IF NOT EXISTS email_address_fold_c ON email (address_fold COLLATE "C")',
    "CREATE INDEX IF NOT EXISTS client_name_fold_trgm ON client USING gin (name_fold gin_trgm_ops)",
)


def m006_postgres_indexes(db) -> None:
    if not is_postgres(db):
        return
    for statement in PG_INDEXES:
        db.execute_sql(statement)
