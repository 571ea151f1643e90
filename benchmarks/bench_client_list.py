"""The client list on a big database: time to the first rows painted, time to scroll to
the end, re-sorting and filtering, and the memory the process holds.

    python benchmarks/bench_client_list.py --db /tmp/big.db [--clients 100000]

A database that does not exist yet is filled with ``app.demo`` first.  Goals: first rows
< 300 ms, scroll to the end < 300 ms, RSS < 250 MB.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/big.db")
    parser.add_argument("--clients", type=int, default=100_000)
    args = parser.parse_args()

    from app.client_list import client_count
    from db.connection import open_database
    db_path = Path(args.db)
    open_database(db_path)
    if client_count() == 0:
        from app.demo import generate
        print(f"filling {db_path} with {args.clients} demo clients…", flush=True)
        generate(args.clients)
    total = client_count()

    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from ui import style
    from ui.client_list import ClientListPage

    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Kartoteka")
    QCoreApplication.setApplicationName("Kartoteka-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    style.apply(app)
    rss_before = rss_mb()

    painted = []

    def until_painted(action) -> float:
        painted.clear()
        start = time.perf_counter()
        action()
        while not painted:
            app.processEvents()
        return (time.perf_counter() - start) * 1000

    page = None

    def create_and_show():
        nonlocal page
        page = ClientListPage()
        page.view.painted.connect(lambda: painted.append(1))
        page.resize(1280, 800)
        page.show()

    first = until_painted(create_and_show)
    view, model = page.view, page.model
    assert model.rowCount() == total
    to_end = until_painted(view.scrollToBottom)
    last_row = view.rowAt(view.viewport().height() - 2)
    to_top = until_painted(view.scrollToTop)

    steps = []
    for _ in range(30):
        steps.append(until_painted(lambda: view.verticalScrollBar().setValue(
            view.verticalScrollBar().value() + view.verticalScrollBar().pageStep())))
    header = view.horizontalHeader()
    from ui.client_list.columns import Columns
    by_city = until_painted(lambda: header.setSortIndicator(Columns.CITY, Qt.SortOrder.AscendingOrder))
    by_next = until_painted(lambda: header.setSortIndicator(Columns.NEXT_CONTACT, Qt.SortOrder.AscendingOrder))
    by_name_desc = until_painted(lambda: header.setSortIndicator(Columns.NAME, Qt.SortOrder.DescendingOrder))
    bar = page.filter_bar
    status = until_painted(lambda: bar.status.setCurrentIndex(bar.status.findData("active")))
    shown_active = model.rowCount()

    def type_filter():
        bar.text.setText("иван")
        bar.on_text_return_pressed()
    text = until_painted(type_filter)
    shown_text = model.rowCount()
    refresh = until_painted(lambda: (page.refresh(), view.viewport().update()))
    rss_after = rss_mb()

    start = time.perf_counter()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=tempfile.mkdtemp())
    done = subprocess.run([sys.executable, "-m", "app", "--db", str(db_path), "--quit-after-show"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    whole_start = (time.perf_counter() - start) * 1000

    def line(label, value, unit="ms", goal=None):
        mark = "" if goal is None else ("  ok" if value < goal else f"  ABOVE GOAL {goal} {unit}")
        print(f"  {label:<46} {value:9.1f} {unit}{mark}")

    print(f"client list on {db_path} ({total} clients)")
    line("create page + first rows painted", first, goal=300)
    line(f"scroll to the end (row {last_row} painted)", to_end, goal=300)
    line("scroll back to the top", to_top)
    line("page down, average of 30", sum(steps) / len(steps))
    line("page down, slowest of 30", max(steps))
    line("sort by city", by_city)
    line("sort by next contact", by_next)
    line("sort by name, descending", by_name_desc)
    line(f"filter status = active ({shown_active} rows)", status)
    line(f"+ free text 'иван' ({shown_text} rows)", text)
    line("refresh (re-query, keep selection)", refresh)
    line("RSS before the page", rss_before, "MB")
    line("RSS after all of the above", rss_after, "MB", goal=250)
    line("python -m app --quit-after-show (whole start)", whole_start)
    if done.returncode:
        print(done.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
