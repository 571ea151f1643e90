"""copy-db: the office mode's way in (and out) — the open database copied into a new
SQLite file or an empty PostgreSQL database, with the rows of every table counted."""
from __future__ import annotations

import sys

from . import Command


def _copy_options(p):
    p.add_argument("dest", metavar="DEST",
                   help="a new SQLite file, or postgresql://user@host[:port]/dbname (an empty database)")
    p.add_argument("--quiet", action="store_true", help="print only the total")


def _copy(args) -> int:
    from app.db_copy import copy_database, describe
    from db.models import database_proxy
    progress = None if args.quiet else (lambda msg: print(msg, file=sys.stderr))
    counts = copy_database(database_proxy.obj, args.dest, progress)
    if not args.quiet:
        for table, rows in counts.items():
            print(f"{table}\t{rows}")
    print(f"copied {sum(counts.values())} rows in {len(counts)} tables to {describe(args.dest)}; "
          "every table's row count matches")
    return 0


COMMANDS = [
    Command("copy-db", "copy the whole database into a new SQLite file or an empty PostgreSQL database",
            _copy_options, _copy),
]
