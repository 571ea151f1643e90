"""report: build a report and write it to .pdf, .xlsx or .png (the chart).

    python -m app --db PATH report sales --period last_month --out sales.pdf
    python -m app report --list
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from . import Command

FORMATS = (".pdf", ".xlsx", ".png")
PERIODS = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year")


def _options(p):
    p.add_argument("name", nargs="?", metavar="NAME", help="the report (see --list)")
    p.add_argument("--list", action="store_true", help="print the reports: name<TAB>title")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD or DD.MM.YYYY")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD or DD.MM.YYYY")
    p.add_argument("--period", choices=PERIODS, help="a period relative to today (instead of --from/--to)")
    p.add_argument("--responsible", metavar="NAME", help="only this employee's clients and deals")
    p.add_argument("--pipeline", metavar="NAME", help="only this pipeline's deals")
    p.add_argument("--region", default="", help="only clients of this region or city")
    p.add_argument("--source", default="", help="only clients (or deals) from this source")
    p.add_argument("--option", default="", metavar="X", help="the report's own choice, e.g. the grouping")
    p.add_argument("--out", metavar="FILE", help="where to write: .pdf, .xlsx, or .png for the chart")


def _bad(field: str, detail: str):
    from app.errors import ValidationError
    return ValidationError(field=field, detail=detail)


def parse_day(text: str | None, field: str) -> date | None:
    """A date typed as YYYY-MM-DD or DD.MM.YYYY."""
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    raise _bad(field, f"{text!r} is not a date (use YYYY-MM-DD or DD.MM.YYYY)")


def _period(args) -> tuple[date | None, date | None]:
    start, end = parse_day(args.date_from, "--from"), parse_day(args.date_to, "--to")
    if args.period:
        if start or end:
            raise _bad("--period", "give either --period or --from/--to, not both")
        from app.reports.common import period_range
        start, end = period_range(args.period, date.today())
    if start and end and start > end:
        raise _bad("--from", f"{start:%d.%m.%Y} is after --to {end:%d.%m.%Y}")
    return start, end


def _by_name(rows, name: str, field: str) -> int:
    wanted = name.strip().casefold()
    found = [i for i, n in rows if (n or "").strip().casefold() == wanted]
    if not found:
        known = ", ".join(n for _, n in rows) or "none"
        raise _bad(field, f"no {field.lstrip('-')} named {name!r} (known: {known})")
    return found[0]


def _filters(args, definition, start, end):
    from app.reports.base import Filters
    from db.models import Employee
    responsible_id = pipeline_id = None
    if args.responsible:
        rows = list(Employee.select(Employee.id, Employee.name).order_by(Employee.name).tuples())
        responsible_id = _by_name(rows, args.responsible, "--responsible")
    if args.pipeline:
        from app.stages import pipelines
        pipeline_id = _by_name([(p.id, p.name) for p in pipelines(include_retired=True)],
                               args.pipeline, "--pipeline")
    if args.option and definition.options and args.option not in definition.options:
        raise _bad("--option", f"{args.option!r} is not one of {', '.join(definition.options)}")
    return Filters(date_from=start, date_to=end, responsible_id=responsible_id, pipeline_id=pipeline_id,
                   region=args.region, source=args.source, option=args.option)


def _report(args) -> int:
    lang = getattr(args, "lang", None) or "ru"
    from app import reports
    if args.list:
        for d in reports.definitions():
            print(f"{d.name}\t{d.title(lang)}")
        return 0
    if not args.name:
        raise _bad("report", "name a report (see 'report --list')")
    if not args.out:
        raise _bad("--out", "say where to write the report: --out FILE.pdf, .xlsx or .png")
    out = Path(args.out)
    if out.suffix.lower() not in FORMATS:
        raise _bad("--out", f"cannot write {out.suffix or 'a file without extension'!r}; use .pdf, .xlsx or .png")
    start, end = _period(args)
    definition = reports.definition(args.name)
    if definition is None:
        known = ", ".join(d.name for d in reports.definitions())
        raise _bad("report", f"unknown report {args.name!r} (known: {known})")
    from app.cli import open_from_args
    open_from_args(args)
    report = reports.build_report(definition.name, _filters(args, definition, start, end), lang=lang)
    ext = out.suffix.lower()
    if ext == ".pdf":
        from app.reports.document import report_document
        from app.reports.pages import write_pdf
        pages = write_pdf(report_document(report), out, lang)
        print(f"{report.title}: {len(report.rows)} rows, {pages} page{'' if pages == 1 else 's'} written to {out}")
    elif ext == ".xlsx":
        from app.reports.xlsx import write_report_xlsx
        write_report_xlsx(report, out, lang)
        print(f"{report.title}: {len(report.rows)} rows written to {out}")
    else:
        if report.chart is None:
            raise _bad("--out", f"the report {definition.name!r} has no chart; write .pdf or .xlsx")
        from app.reports.charts import write_chart_png
        write_chart_png(report.chart, out, lang)
        print(f"{report.title}: chart written to {out}")
    return 0


COMMANDS = [
    Command("report", "build a report and write it to .pdf, .xlsx or .png (the chart)", _options, _report,
            needs_db=False),
]
