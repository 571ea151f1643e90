"""Numbered migrations.  A brand-new file is created at the current version; an older
one is backed up (by ``db.connection``) and then brought forward step by step."""
from __future__ import annotations

import json
from typing import Callable

from . import defaults
from .models import (ALL_MODELS, AutomationRule, Employee, LostReason, Pipeline, SchemaMigration,
                     Setting, Stage, database_proxy)
from .pg_indexes import m006_postgres_indexes, m007_postgres_search_sort_key
from .search_index import create_index


# Soft-deleted rows are few: partial indexes serve the Trash views, while the
# everyday "not deleted" queries are left to the better indexes (name, dates).
TRASH_INDEXES = ("client", "deal", "activity")


def _m001_initial(db) -> None:
    db.create_tables(ALL_MODELS, safe=True)
    for table in TRASH_INDEXES:
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {table}_trash ON {table}(deleted_at) "
                       "WHERE deleted_at IS NOT NULL")
    create_index(db)
    if not Pipeline.select().exists():
        pipe = Pipeline.create(name=defaults.DEFAULT_PIPELINE, order=0)
        stages = [Stage.create(pipeline=pipe, name=name, color=color, probability=prob,
                               order=order, kind=kind, stuck_days=stuck)
                  for order, (name, color, prob, kind, stuck) in enumerate(defaults.DEFAULT_STAGES)]
        for trigger, stage_index, params in defaults.DEFAULT_RULES:
            AutomationRule.create(trigger=trigger, action="create_task",
                                  stage=stages[stage_index] if stage_index is not None else None,
                                  params=json.dumps(params, ensure_ascii=False))
    for order, name in enumerate(defaults.DEFAULT_LOST_REASONS):
        LostReason.get_or_create(name=name, defaults={"order": order})
    for key, value in defaults.DEFAULT_SETTINGS.items():
        Setting.get_or_create(key=key, defaults={"value": json.dumps(value)})
    if not Employee.select().exists():
        Employee.create(name=defaults.OWNER_NAME, role="owner")


def _m002_board_index(db) -> None:
    # a funnel column lists its deals by time in stage: one index serves it
    db.execute_sql("CREATE INDEX IF NOT EXISTS deal_stage_entered ON deal(stage_id, stage_entered_at, id)")


def _m003_client_list_index(db) -> None:
    # the client list opens sorted by name over the clients not in the trash; a partial
    # covering index gives those ids without touching the table
    db.execute_sql("CREATE INDEX IF NOT EXISTS client_alive_name ON client(name_fold, id) "
                   "WHERE deleted_at IS NULL")


ACTIVITY_WHEN = "COALESCE(done_at, planned_at, created_at)"
"""When an activity happened, as ``app.activity_list`` orders by it: SQLite uses an index on
an expression only for the identical expression, so the two must stay the same."""


def _m004_activity_list_indexes(db) -> None:
    # the activities page opens newest first over the activities not in the trash, and
    # its common filters are a status or a kind (often with a period): each walks one of
    # these partial indexes in display order and stops after the first chunk.  The status
    # one also holds the dates, so "overdue" (planned, planned_at < now) needs no table look-up.
    when = ACTIVITY_WHEN
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS activity_alive_when ON activity({when}, id) "
                   "WHERE deleted_at IS NULL")
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS activity_alive_status_when ON activity(status, {when}, "
                   "id, planned_at, done_at, created_at) WHERE deleted_at IS NULL")
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS activity_alive_kind_when ON activity(kind, {when}, id) "
                   "WHERE deleted_at IS NULL")


def _m005_activity_report_index(db) -> None:
    # the manager activity report counts the done activities of a period (a year holds
    # hundreds of thousands): a partial index over them alone covers what it reads, so the
    # count walks the index and never the table
    db.execute_sql("CREATE INDEX IF NOT EXISTS activity_done_report ON activity(done_at, kind, "
                   "responsible_id, client_id, status, deleted_at) "
                   "WHERE status = 'done' AND deleted_at IS NULL")


def _m008_today_indexes(db) -> None:
    # the Today panel (app.today): the planned activities by time (overdue and today's),
    # the living clients by next contact and each client's done contacts ("missed
    # contacts").  Partial indexes over those rows alone; the planned one starts with the
    # status so that the planner prefers it to the plain status index.
    db.execute_sql("CREATE INDEX IF NOT EXISTS activity_open_planned ON activity(status, planned_at, "
                   "client_id, responsible_id) WHERE status = 'planned' AND deleted_at IS NULL")
    db.execute_sql("CREATE INDEX IF NOT EXISTS activity_client_contact ON activity(client_id, done_at, kind) "
                   "WHERE status = 'done' AND deleted_at IS NULL")
    db.execute_sql("CREATE INDEX IF NOT EXISTS client_alive_next_contact ON client(next_contact_at, "
                   "responsible_id) WHERE deleted_at IS NULL")


MIGRATIONS: list[tuple[int, str, Callable]] = [
    (1, "initial schema and default funnel", _m001_initial),
    (2, "index of the funnel board columns", _m002_board_index),
    (3, "index of the client list's default order", _m003_client_list_index),
    (4, "indexes of the activity list's order and filters", _m004_activity_list_indexes),
    (5, "index of the done activities for the activity report", _m005_activity_report_index),
    (6, "PostgreSQL: collation and trigram indexes of the searches", m006_postgres_indexes),
    (7, "PostgreSQL: the search index keeps the clients' sort key", m007_postgres_search_sort_key),
    (8, "indexes of the Today panel", _m008_today_indexes),
]

MIGRATIONS.sort(key=lambda m: m[0])
CURRENT_VERSION = MIGRATIONS[-1][0]


def schema_version(db) -> int:
    """0 for an empty file; the highest applied migration otherwise."""
    if not db.table_exists(SchemaMigration._meta.table_name):
        return 0
    row = SchemaMigration.select(SchemaMigration.version).order_by(SchemaMigration.version.desc()).first()
    return row.version if row else 0


def migrate(db, start: int) -> list[int]:
    """Apply every migration above ``start``, each in its own transaction."""
    applied = []
    for version, name, step in MIGRATIONS:
        if version <= start:
            continue
        with db.atomic():
            step(db)
            SchemaMigration.create(version=version, name=name)
        applied.append(version)
    return applied


__all__ = ["CURRENT_VERSION", "MIGRATIONS", "migrate", "schema_version", "database_proxy"]
