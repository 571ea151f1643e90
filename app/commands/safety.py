"""backup, restore, verify and check: keeping the data safe from the command line.

None of them lets the CLI open (and so migrate) the database first: a backup copies
the file as it is, a restore must replace a file nobody has open, and a check must
also work on a file too damaged (or too new) to open.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import Command

MAIN_TABLES = (("client", "clients"), ("contact_person", "contacts"), ("phone", "phones"),
               ("deal", "deals"), ("activity", "activities"), ("attachment", "attachments"))


def _db_path(args) -> Path:
    from app.errors import DatabaseOpenError
    from app.paths import default_database_path
    text = args.db or str(default_database_path())
    if text.startswith(("postgresql://", "postgres://")):
        raise DatabaseOpenError(path=text, detail="backup, restore and check work on SQLite files only")
    return Path(text).expanduser()


def _postgres(args) -> bool:
    return bool(args.db) and args.db.startswith(("postgresql://", "postgres://"))


def _network_warning(path: Path) -> None:
    from app.integrity import is_network_path
    if is_network_path(path.parent if not path.exists() else path):
        print(f"kartoteka: warning: {path} is on a network drive; SQLite files there can be damaged "
              "by two computers writing at once. Keep the database on a local disk.", file=sys.stderr)


def _checksum(db: dict) -> str:
    if db.get("crc32"):  # backups made since format 2
        return f"CRC-32 {db['crc32']}"
    return f"sha256 {(db.get('sha256') or '?')[:16]}…"


def summary(manifest: dict) -> str:
    counts = manifest.get("counts", {})
    rows = ", ".join(f"{counts[t]} {label}" for t, label in MAIN_TABLES if t in counts)
    db = manifest.get("database", {})
    size = db.get("size", 0) / 1e6
    return "\n".join([
        f"made:      {manifest.get('created', '?')} ({manifest.get('reason', '?')})",
        f"program:   Kartoteka {manifest.get('app_version', '?')}, schema {manifest.get('schema_version')}",
        f"database:  {size:.1f} MB, {_checksum(db)}",
        f"rows:      {rows}",
        f"files:     {len(manifest.get('attachments', []))} attachment(s)",
    ])


def _backup_options(p):
    p.add_argument("dest_dir", metavar="DEST_DIR", help="folder to write the .kbak file into "
                   "(created if only its last part is missing)")
    p.add_argument("--reason", default="manual", help=argparse.SUPPRESS)


def _backup(args) -> int:
    from app.backup import make_backup
    if _postgres(args):  # the office mode: a logical export of the server's database
        from db.connection import open_database
        open_database(args.db)
        print(make_backup(args.dest_dir, reason=args.reason))
        return 0
    path = _db_path(args)
    print(make_backup(args.dest_dir, reason=args.reason, db_path=path))
    return 0


def _restore_options(p):
    p.add_argument("file", metavar="FILE", help="a .kbak backup file")
    p.add_argument("--safety-dir", metavar="DIR",
                   help="where to save the current database first (default: safety/ next to it)")


def _restore(args) -> int:
    from app.backup_restore import restore_backup
    if _postgres(args):  # only into an empty database (app/backup_pg.py)
        from app.backup_pg import restore_to_postgres
        from app.db_copy import describe
        counts = restore_to_postgres(args.file, args.db)
        print(f"restored {args.file} into {describe(args.db)}: {sum(counts.values())} rows", file=sys.stderr)
        return 0
    path = _db_path(args)
    safety = restore_backup(args.file, path, safety_dir=args.safety_dir)
    print(f"restored {args.file} into {path}", file=sys.stderr)
    if safety is not None:
        print(safety)
        print(f"the previous database was saved as {safety}; restore that file to undo", file=sys.stderr)
    return 0


def _verify_options(p):
    p.add_argument("file", metavar="FILE", help="a .kbak backup file")


def _verify(args) -> int:
    from db import migrations

    from app.backup import verify_backup
    manifest = verify_backup(args.file)
    print(summary(manifest))
    if manifest.get("schema_version", 0) > migrations.CURRENT_VERSION:
        print("note: made by a newer Kartoteka; update the program to restore it")
    print("OK")
    return 0


def _check_options(p):
    p.add_argument("--quick", action="store_true", help="only the fast start-up check")


def _check(args) -> int:
    from app.integrity import check_database, quick_check
    path = _db_path(args)
    _network_warning(path)
    report = (quick_check if args.quick else check_database)(path)
    print(report.plain(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 2


COMMANDS = [
    Command("backup", "write a verified backup (.kbak) of the database into a folder",
            _backup_options, _backup, needs_db=False),
    Command("restore", "replace the database with a backup (the current one is saved first)",
            _restore_options, _restore, needs_db=False),
    Command("verify", "check a backup file completely without restoring it",
            _verify_options, _verify, needs_db=False),
    Command("check", "check the database file for damage (exit code 2 if damaged)",
            _check_options, _check, needs_db=False),
]
