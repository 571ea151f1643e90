"""Every report on a big database: the time to compute it, and the time the Reports page
takes to show it (the worker done, the table filled and the chart drawn).

    cp /tmp/big100k.db /tmp/bench_reports.db      # a 100 000-client demo database, or none:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_reports.py --db /tmp/bench_reports.db

A missing database is made with the demo generator (``--clients``, several minutes); then
done activities are added (plain sqlite3, one transaction) until there are
``--activities`` of them, spread over the last two years for existing clients and
employees.  Goals: every report computes in < 1 s and the window shows it in < 1.5 s
(the first chart the page draws also imports matplotlib; it is reported apart).
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COMPUTE_GOAL_MS = 1000
SHOWN_GOAL_MS = 1500
KINDS = (("call_out", 30), ("call_in", 17), ("email", 17), ("meeting", 9), ("note", 13), ("task", 8),
         ("feedback", 6))


def fill_activities(path: Path, wanted: int, seed: int = 11) -> int:
    """Add done activities until the file holds ``wanted``; returns how many were added."""
    conn = sqlite3.connect(path)
    have = conn.execute("SELECT COUNT(*) FROM activity").fetchone()[0]
    missing = wanted - have
    if missing <= 0:
        conn.close()
        return 0
    rng = random.Random(seed)
    clients = [r[0] for r in conn.execute("SELECT id FROM client WHERE deleted_at IS NULL")]
    employees = [r[0] for r in conn.execute("SELECT id FROM employee")]
    texts: dict[str, list[tuple[str, str]]] = {}
    for kind, subject, result in conn.execute(
            "SELECT kind, subject, result FROM activity WHERE status = 'done' GROUP BY kind, subject, result"):
        texts.setdefault(kind, []).append((subject, result))
    texts.setdefault("task", [("Подготовить предложение", "Сделано")])
    texts.setdefault("feedback", [("Отзыв клиента", "Всё понравилось"), ("Жалоба", "Задержали отгрузку")])
    kinds = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    now = datetime.utcnow().replace(second=0, microsecond=0)
    span = 2 * 365 * 24 * 60

    def rows():
        for _ in range(missing):
            kind = rng.choices(kinds, weights)[0]
            subject, result = rng.choice(texts[kind])
            when = (now - timedelta(minutes=rng.randrange(span))).strftime("%Y-%m-%d %H:%M:00")
            sentiment = rng.choice(("positive", "positive", "negative")) if kind == "feedback" else ""
            duration = rng.randrange(2, 40) if kind.startswith("call") else (
                rng.choice((30, 60, 90)) if kind == "meeting" else None)
            employee = rng.choice(employees)
            yield (kind, subject, result, rng.choice(clients), "done", when, duration, sentiment,
                   employee, employee, when, when)

    with conn:
        conn.executemany(
            "INSERT INTO activity (kind, subject, result, client_id, status, done_at, duration_min, "
            "reminder_dismissed, recurrence, sentiment, resolved, responsible_id, created_by_id, "
            "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '', ?, 0, ?, ?, ?, ?, 1)",
            rows())
    conn.execute("ANALYZE")
    conn.close()
    return missing


def prepare(path: Path, clients: int, activities: int) -> None:
    from db.connection import open_database
    if not path.exists():
        from app import demo
        open_database(path)
        started = time.perf_counter()
        demo.generate(clients, seed=7)
        print(f"demo data: {clients} clients in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    added = fill_activities(path, activities)
    if added:
        print(f"added {added} done activities in {time.perf_counter() - started:.1f} s")
    open_database(path)


def periods(today: date):
    from app.reports.common import period_range
    return (("this year", period_range("this_year", today)),
            ("last 12 months", (today.replace(year=today.year - 1) + timedelta(days=1), today)))


def time_compute(today: date, all_options: bool) -> list[tuple[str, str, str, float, int]]:
    from app.reports import build_report, definitions
    from app.reports.base import Filters
    results = []
    for definition in definitions():
        options = definition.options if all_options else definition.options[:1]
        for option in options or ("",):
            for label, (start, end) in periods(today):
                flt = Filters(date_from=start, date_to=end, option=option)
                times, report = [], None
                for _ in range(3):
                    started = time.perf_counter()
                    report = build_report(definition.name, flt, "ru", today)
                    times.append((time.perf_counter() - started) * 1000)
                results.append((definition.name, option or "-", label, statistics.median(times),
                                len(report.rows)))
                print(f"  {definition.name:<9} {option or '-':<11} {label:<15} {statistics.median(times):8.0f} ms"
                      f"  {len(report.rows):>6} rows", flush=True)
    return results


def time_shown(today: date) -> list[tuple[str, str, float]]:
    from PySide6.QtCore import QCoreApplication, QDate, QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Kartoteka")
    QCoreApplication.setApplicationName("Kartoteka-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from ui import style
    from ui.reports.page import ReportsPage
    style.apply(app)

    QSettings().setValue("reports/current", "none")
    QSettings().setValue("reports/period", "this_year")
    page = ReportsPage(today=today)
    page.resize(1366, 768)
    page.show()
    drawn: list[int] = []

    def wait(deadline_s: float = 60, chart: bool = True) -> None:
        limit = time.perf_counter() + deadline_s
        while time.perf_counter() < limit:
            app.processEvents()
            report = page.report
            chart_wanted = chart and bool(report and report.rows and report.chart and report.chart.categories)
            if not page.busy() and (not chart_wanted or drawn):
                return
            time.sleep(0.001)
        raise TimeoutError("the report was not shown in time")

    wait(chart=False)  # the first report the page opens with (its chart imports matplotlib)
    while page.chart_view.canvas is None:
        app.processEvents()
    page.chart_view.canvas.mpl_connect("draw_event", lambda _e: drawn.append(1))
    show_chart = page.chart_view.show_chart

    def showing(*args):  # a draw counts only once this result's chart is handed over
        drawn.clear()
        show_chart(*args)
    page.chart_view.show_chart = showing
    results = []
    names = [d.name for d in page.definitions]
    combo = page.filters.period_combo
    for label, (start, end) in periods(today):
        if label == "this year":
            combo.setCurrentIndex(combo.findData("this_year"))
        else:  # no preset for it: the page's own "Dates…"
            combo.setCurrentIndex(combo.findData("custom"))
            page.filters.from_edit.setDate(QDate(start.year, start.month, start.day))
            page.filters.to_edit.setDate(QDate(end.year, end.month, end.day))
        assert page.filters.period() == (start, end)
        for name in names:
            times = []
            for _ in range(3):
                page.select_report(names[(names.index(name) + 1) % len(names)])  # away and back:
                wait()                                                           # built afresh
                drawn.clear()
                started = time.perf_counter()
                page.select_report(name)
                wait()
                times.append((time.perf_counter() - started) * 1000)
            ms = statistics.median(times)
            results.append((name, label, ms))
            print(f"  {name:<9} {label:<15} {ms:8.0f} ms shown", flush=True)
    return results


def first_chart_ms(today: date) -> float:
    """A fresh page's first chart, the matplotlib import included (run in a child process
    so matplotlib is not imported yet)."""
    import subprocess
    code = ("import sys, time; sys.path.insert(0, %r); from benchmarks.bench_reports import _first; _first(%r, %r)"
            % (str(ROOT), str(Path(os.environ["BENCH_REPORTS_DB"])), today.isoformat()))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def _first(db: str, today_iso: str) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    from db.connection import open_database
    open_database(db)
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Kartoteka")
    QCoreApplication.setApplicationName("Kartoteka-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from ui import style
    from ui.reports.chart_view import ChartView
    from ui.reports.page import ReportsPage
    style.apply(app)
    QSettings().setValue("reports/period", "this_year")
    drawn: list[int] = []
    original = ChartView._ensure_canvas

    def ensure(self):
        fresh = self.canvas is None
        original(self)
        if fresh:
            self.canvas.mpl_connect("draw_event", lambda _e: drawn.append(1))
    ChartView._ensure_canvas = ensure
    assert "matplotlib" not in sys.modules
    started = time.perf_counter()
    page = ReportsPage(today=date.fromisoformat(today_iso))  # opens "sales" (its default)
    page.resize(1366, 768)
    page.show()
    while page.busy() or not drawn:
        app.processEvents()
        time.sleep(0.001)
    print((time.perf_counter() - started) * 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/bench_reports.db")
    parser.add_argument("--clients", type=int, default=100000, help="demo clients when the file is missing")
    parser.add_argument("--activities", type=int, default=1000000, help="fill the activities up to this many")
    parser.add_argument("--default-options", action="store_true", help="compute each report's default option only")
    parser.add_argument("--gui-only", action="store_true", help="skip the compute timings")
    parser.add_argument("--no-gui", action="store_true", help="skip the Reports page timings")
    args = parser.parse_args()
    path = Path(args.db)
    prepare(path, args.clients, args.activities)
    os.environ["BENCH_REPORTS_DB"] = str(path)
    from db.models import Activity, Client, Deal
    today = date.today()
    print(f"reports on {path}: {Client.select().count()} clients, {Deal.select().count()} deals, "
          f"{Activity.select().count()} activities; today {today}")
    print("compute (build_report, median of 3):")
    computed = [] if args.gui_only else time_compute(today, not args.default_options)
    shown, first = [], None
    if not args.no_gui:
        print("shown (select_report -> worker done, table filled, chart drawn; median of 3):")
        shown = time_shown(today)
        first = first_chart_ms(today)
        print(f"  first chart of a fresh page (sales, this year, matplotlib import included): {first:.0f} ms")

    print()
    print(f"  {'report':<9} {'option':<11} {'period':<15} {'compute ms':>10} {'shown ms':>9}")
    shown_by = {(n, p): ms for n, p, ms in shown}
    defaults: dict[str, str] = {}
    for name, option, label, ms, _rows in computed:
        defaults.setdefault(name, option)
        gui = shown_by.get((name, label)) if defaults[name] == option else None
        gui_text = f"{gui:9.0f}" if gui is not None else f"{'':>9}"
        print(f"  {name:<9} {option:<11} {label:<15} {ms:10.0f} {gui_text}")
    for name, label, ms in ([] if computed else shown):
        print(f"  {name:<9} {'':<11} {label:<15} {'':>10} {ms:9.0f}")
    worst_c = max(computed, key=lambda r: r[3]) if computed else None
    line = "" if worst_c is None else (f"worst compute {worst_c[3]:.0f} ms ({worst_c[0]} {worst_c[1]}, {worst_c[2]}; goal < {COMPUTE_GOAL_MS}: "
            f"{'ok' if worst_c[3] < COMPUTE_GOAL_MS else 'ABOVE'})")
    if shown:
        worst_s = max(shown, key=lambda r: r[2])
        line += (f"{'; ' if line else ''}worst shown {worst_s[2]:.0f} ms ({worst_s[0]}, {worst_s[1]}; goal < {SHOWN_GOAL_MS}: "
                 f"{'ok' if worst_s[2] < SHOWN_GOAL_MS else 'ABOVE'})")
    if first is not None:
        line += f"; first chart with the matplotlib import {first:.0f} ms"
    print("SUMMARY: " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
