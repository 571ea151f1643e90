"""import, undo-import and export."""
from __future__ import annotations

import json
import sys

from . import Command


def _import_options(p):
    p.add_argument("file", help=".xlsx, .xlsm, .xls, .ods, .csv or .vcf")
    p.add_argument("--sheet", help="sheet name (default: the first non-empty sheet)")
    p.add_argument("--on-duplicate", choices=("merge", "skip", "create"), default="merge",
                   help="what to do with a row that is already a client (default: merge)")
    p.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.add_argument("--problems", metavar="XLSX", help="write skipped rows and warnings to this .xlsx")


def _import(args) -> int:
    from app.importer import import_file, write_problems_xlsx

    def progress(done, total):
        if not args.json and total and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)

    result = import_file(args.file, sheet=args.sheet, on_duplicate=args.on_duplicate,
                         dry_run=args.dry_run, on_progress=progress)
    if args.problems:
        write_problems_xlsx(result, args.problems)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=1))
        return 0
    head = "Dry run, nothing written" if args.dry_run else f"Import #{result.batch}"
    print(f"{head}: {result.rows} rows, {result.created} created, {result.merged} merged, "
          f"{result.skipped} skipped, {len(result.warnings)} warnings")
    for w in result.warnings:
        print(f"  row {w['row']}: {w['message']}")
    unknown = result.plan.unknown_values if result.plan else []
    if unknown:
        print("  not a funnel stage (kept in notes): " + ", ".join(unknown))
    if result.batch:
        print(f"Undo with: undo-import {result.batch}")
    return 0


def _undo_options(p):
    p.add_argument("batch", type=int, help="the import number printed by 'import'")
    p.add_argument("--json", action="store_true")


def _undo(args) -> int:
    from app.importer import undo_import
    done = undo_import(args.batch)
    if args.json:
        print(json.dumps(done, ensure_ascii=False))
    else:
        print(f"Import #{args.batch} undone: {done['removed']} clients removed, "
              f"{done['restored']} clients restored")
    return 0


def _export_options(p):
    p.add_argument("what", choices=("clients", "deals", "activities"))
    p.add_argument("file", help=".xlsx or .csv; .vcf for clients, .ics for activities")


def _export(args) -> int:
    from app.exporter import export
    count = export(args.what, args.file)
    print(f"{count} {args.what} written to {args.file}")
    return 0


COMMANDS = [
    Command("import", "import clients from a spreadsheet, CSV or vCard file", _import_options, _import),
    Command("undo-import", "undo an import (remove what it created, restore what it merged)",
            _undo_options, _undo),
    Command("export", "export clients, deals or activities to a file", _export_options, _export),
]
