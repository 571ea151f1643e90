"""The activities page on a big database: time from creating the page to the first rows
painted, the same after each common filter, scrolling, and the query plans.

    python -m app --db /tmp/act100k.db demo --clients 100000   # once, about a minute
    python benchmarks/bench_activities.py --db /tmp/act100k.db [--explain]

Goals: the page with its default filter and with each common filter (status planned /
overdue, period today / this week / this month, one kind) paints its first rows in
< 300 ms; a page down while scrolling < 50 ms.  ``--explain`` prints EXPLAIN QUERY PLAN
of every statement each step ran.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _Statements(logging.Handler):
    """Collects the SQL peewee runs (it logs every statement at DEBUG)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.seen: list[tuple[str, tuple]] = []

    def emit(self, record):
        if isinstance(record.msg, tuple) and len(record.msg) == 2:
            sql, params = record.msg
            self.seen.append((sql, tuple(params or ())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/act100k.db")
    parser.add_argument("--explain", action="store_true", help="print the query plans")
    args = parser.parse_args()

    from db.connection import open_database
    from db.models import Activity, database_proxy
    db_path = Path(args.db)
    if not db_path.exists():
        print(f"{db_path} does not exist; make it with: python -m app --db {db_path} demo "
              "--clients 100000")
        return 1
    started = time.perf_counter()
    open_database(db_path)
    opened = (time.perf_counter() - started) * 1000
    total = Activity.select().where(Activity.deleted_at.is_null()).count()

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from ui import style
    from ui.activities_page import ActivitiesPage

    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Kartoteka")
    QCoreApplication.setApplicationName("Kartoteka-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    style.apply(app)

    painted: list[int] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt name
            if event.type() == QEvent.Type.Paint:
                painted.append(1)
            return False

    watch = PaintWatch()
    statements = _Statements()
    logger = logging.getLogger("peewee")
    logger.addHandler(statements)
    logger.setLevel(logging.DEBUG)
    results: list[tuple[str, float, float | None, str]] = []
    plans: list[tuple[str, list[tuple[str, tuple]]]] = []

    def until_painted(action) -> float:
        painted.clear()
        statements.seen.clear()
        start = time.perf_counter()
        action()
        if page is not None:
            page.view.viewport().update()  # a step that changes nothing still ends in a paint
        while not painted:
            app.processEvents()
        app.processEvents()  # the paint itself
        return (time.perf_counter() - start) * 1000

    page = None

    def create_and_show():
        nonlocal page
        page = ActivitiesPage()
        page.view.viewport().installEventFilter(watch)
        page.resize(1280, 800)
        page.show()

    def record(label, ms, goal=None):
        results.append((label, ms, goal, page.count_label.text() if page else ""))
        plans.append((label, list(statements.seen)))

    record("create page + first rows painted (default filter)", until_painted(create_and_show), 300)
    view = page.view

    def choose(combo, data):
        return lambda: combo.setCurrentIndex(combo.findData(data))

    def reset_filters():
        for combo in (page.kind_combo, page.period_combo, page.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    for label, combo, data in (("status planned", page.status_combo, "planned"),
                               ("status overdue", page.status_combo, "overdue"),
                               ("status done", page.status_combo, "done"),
                               ("period today", page.period_combo, "today"),
                               ("period this week", page.period_combo, "week"),
                               ("period this month", page.period_combo, "month"),
                               ("kind outgoing call", page.kind_combo, "call_out"),
                               ("kind task", page.kind_combo, "task")):
        reset_filters()
        record(label, until_painted(choose(combo, data)), 300)
    reset_filters()
    page.status_combo.setCurrentIndex(page.status_combo.findData("planned"))
    record("status planned + period this week",
           until_painted(choose(page.period_combo, "week")), 300)
    reset_filters()
    record("back to all (default filter)", until_painted(page.apply_filter), 300)

    bar = view.verticalScrollBar()
    steps = []
    for _ in range(40):
        steps.append(until_painted(lambda: bar.setValue(bar.value() + bar.pageStep())))
    record("page down, average of 40", sum(steps) / len(steps), 50)
    record("page down, slowest of 40", max(steps), 50)
    ends = [until_painted(view.scrollToBottom) for _ in range(5)]
    record(f"scroll to the end x5, slowest (row {view.rowAt(view.viewport().height() - 2)})",
           max(ends), 300)
    header = view.horizontalHeader()
    from PySide6.QtCore import Qt

    from ui.activities_model import ActivitiesModel
    record("sort by when, ascending", until_painted(
        lambda: header.setSortIndicator(ActivitiesModel.Columns.WHEN, Qt.SortOrder.AscendingOrder)))
    record("sort by kind", until_painted(
        lambda: header.setSortIndicator(ActivitiesModel.Columns.KIND, Qt.SortOrder.AscendingOrder)))
    record("sort by when, descending (default)", until_painted(
        lambda: header.setSortIndicator(ActivitiesModel.Columns.WHEN, Qt.SortOrder.DescendingOrder)), 300)
    reset_filters()
    page.client_edit.blockSignals(True)
    page.client_edit.setText("иван")
    page.client_edit.blockSignals(False)
    record("client name 'иван'", until_painted(page.apply_filter))

    print(f"activities page on {db_path} ({total} activities; opening the file {opened:.0f} ms)")
    print(f"  {'step':<58} {'ms':>8}  {'goal':>6}  result / shown")
    for label, ms, goal, shown in results:
        mark = "" if goal is None else ("ok" if ms < goal else "ABOVE")
        goal_text = "" if goal is None else f"<{goal}"
        print(f"  {label:<58} {ms:8.1f}  {goal_text:>6} {mark:>5}  {shown}")
    if args.explain:
        conn = database_proxy.connection()
        for label, seen in plans:
            print(f"\n== {label}")
            for sql, params in seen:
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                print("  " + sql[:300] + (" …" if len(sql) > 300 else ""))
                for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params):
                    print(f"      {row[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
