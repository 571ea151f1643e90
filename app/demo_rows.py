"""Writing the demo data: the rows of a chunk of clients per table, in foreign-key order,
sent with one ``executemany`` per table; the plain indexes dropped for the load (and
rebuilt once by ``app.demo``)."""
from __future__ import annotations

from db.models import Activity, Client, ClientTag, ContactPerson, Deal, Email, Phone, StageChange, database_proxy
from db.sql import insert_many_rows

_TS_CACHE: dict = {}


def ts(value):
    """The stored text of a date or time (dates repeat a lot: the text is cached)."""
    if value is None:
        return None
    text = _TS_CACHE.get(value)
    if text is None:
        text = str(value)
        if len(_TS_CACHE) < 300_000:
            _TS_CACHE[value] = text
    return text


class Rows:
    """Rows of one chunk, per table, in foreign-key order."""

    TABLES = [
        (Client, ("id", "kind", "name", "name_fold", "inn", "kpp", "address", "city", "region", "source",
                  "segment", "status", "refusal_reason", "responsible", "next_contact_at", "last_contact_at",
                  "birthday", "notes", "created_at", "updated_at", "version")),
        (ContactPerson, ("id", "client", "name", "position", "birthday", "order", "created_at")),
        (Phone, ("client", "contact", "raw", "e164", "digits", "digits_rev", "valid", "label", "order")),
        (Email, ("client", "contact", "address", "address_fold", "valid", "order")),
        (ClientTag, ("client", "tag")),
        (Deal, ("id", "client", "contact", "pipeline", "stage", "title", "amount", "expected_close",
                "responsible", "source", "lost_reason", "competitor", "stage_entered_at", "closed_at",
                "created_at", "updated_at", "version")),
        (StageChange, ("deal", "from_stage", "to_stage", "changed_at", "employee")),
        (Activity, ("kind", "subject", "result", "client", "contact", "deal", "status", "planned_at", "done_at",
                    "duration_min", "reminder_at", "responsible", "created_by", "created_at", "updated_at",
                    "version")),
    ]

    # NOT NULL columns whose value is the same on every demo row: SQL literals
    CONSTANTS = {
        ContactPerson: {"notes": "''"},
        Deal: {"currency": "'RUB'"},
        Activity: {"recurrence": "''", "sentiment": "''", "resolved": "FALSE", "reminder_dismissed": "FALSE"},
    }

    def __init__(self):
        self.rows = {model: [] for model, _ in self.TABLES}

    def flush(self) -> None:
        for model, names in self.TABLES:
            rows = self.rows[model]
            if not rows:
                continue
            constants = self.CONSTANTS.get(model, {})
            columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in (*names, *constants))
            values = ", ".join(["?"] * len(names) + list(constants.values()))
            insert_many_rows(f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES', f"({values})", rows)
            rows.clear()


def max_id(model) -> int:
    return model.select(model.id).order_by(model.id.desc()).scalar() or 0


def drop_indexes() -> list[str]:
    """Drop the plain (non-unique) indexes of the bulk-loaded tables; returns how to rebuild them.

    Building an index once over sorted keys is much faster than updating it row by row;
    called inside the loading transaction, so a failure brings the indexes back too.
    """
    tables = [model._meta.table_name for model, _ in Rows.TABLES]
    found = database_proxy.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({', '.join('?' * len(tables))}) ORDER BY name",
        tables).fetchall()
    for name, _ in found:
        database_proxy.execute_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]
