"""Migrations 6 and 7: what PostgreSQL needs beyond the shared schema (nothing on SQLite).

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


NAME_FOLD_TRIGGERS = (
    # a row written without its sort key (the importer's fast path writes rowid and body
    # alone) takes it from the client
    """CREATE OR REPLACE FUNCTION client_fts_name_fold() RETURNS trigger AS $$
    BEGIN
        IF NEW.name_fold IS NULL THEN
            NEW.name_fold := (SELECT name_fold FROM client WHERE id = NEW.rowid);
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS client_fts_name_fold ON client_fts",
    "CREATE TRIGGER client_fts_name_fold BEFORE INSERT ON client_fts "
    "FOR EACH ROW EXECUTE FUNCTION client_fts_name_fold()",
    # a renamed client's key follows, whoever renamed it
    """CREATE OR REPLACE FUNCTION client_name_fold_to_fts() RETURNS trigger AS $$
    BEGIN
        UPDATE client_fts SET name_fold = NEW.name_fold WHERE rowid = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS client_name_fold_to_fts ON client",
    "CREATE TRIGGER client_name_fold_to_fts AFTER UPDATE OF name_fold ON client FOR EACH ROW "
    "WHEN (OLD.name_fold IS DISTINCT FROM NEW.name_fold) EXECUTE FUNCTION client_name_fold_to_fts()",
)


def m007_postgres_search_sort_key(db) -> None:
    """Migration 7: the search index keeps each client's ``name_fold`` (sorted by code
    point) next to its text, so a capped search orders its matches without looking up
    every matched client (nothing on SQLite)."""
    if not is_postgres(db):
        return
    db.execute_sql('ALTER TABLE client_fts ADD COLUMN IF NOT EXISTS name_fold text COLLATE "C"')
    db.execute_sql("UPDATE client_fts f SET name_fold = c.name_fold FROM client c WHERE c.id = f.rowid")
    for statement in NAME_FOLD_TRIGGERS:
        db.execute_sql(statement)
