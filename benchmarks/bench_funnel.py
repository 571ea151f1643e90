"""Funnel board figures on a database with ~10 000 open deals over 9 stages.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_funnel.py [--clients 25000] [--db PATH]

Prints: the time to open the board (create the page, lay it out at 1366×768 and paint
it; goal < 500 ms) and the time of a drag (the move through the undo stack, the two
columns' headers and models refreshed and painted; goal < 50 ms).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=25000, help="demo clients to generate (~0.4 open deal each)")
    parser.add_argument("--db", help="use this demo database instead of generating one")
    parser.add_argument("--moves", type=int, default=30)
    args = parser.parse_args()

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))

    from app import demo, funnel
    from db.connection import open_database
    folder = tempfile.mkdtemp(prefix="bench-funnel-")
    path = args.db or str(Path(folder) / "bench.db")
    open_database(path)
    if not args.db:
        started = time.perf_counter()
        demo.generate(args.clients, seed=7)
        print("demo data: {} clients in {:.1f} s".format(args.clients, time.perf_counter() - started))
    cols = funnel.columns()
    open_deals = sum(c.count for c in cols if c.kind == "open")
    print("stages: {}, open deals: {}, on the board: {}".format(len(cols), open_deals, sum(c.count for c in cols)))

    from ui.funnel import FunnelPage
    opens = []
    page = None
    for _ in range(3):
        if page is not None:
            page.close()
            page.deleteLater()
            app.processEvents()
        started = time.perf_counter()
        page = FunnelPage()
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        page.grab()
        opens.append((time.perf_counter() - started) * 1000)
    print("open board: first {:.0f} ms, median of 3 {:.0f} ms (goal < 500 ms)".format(
        opens[0], statistics.median(opens)))

    open_cols = [c for c in page.stages() if c.kind == "open"]
    moves = []
    for i in range(args.moves):
        source = page.board.columns[open_cols[i % len(open_cols)].stage_id]
        target = page.board.columns[open_cols[(i + 3) % len(open_cols)].stage_id]
        deal_id = source.model.deal_id(0)
        started = time.perf_counter()
        moved = page.move_deal(deal_id, target.stage_id)
        app.processEvents()
        source.grab()
        target.grab()
        moves.append((time.perf_counter() - started) * 1000)
        assert moved and deal_id in target.model.ids()
    print("drag (move + 2 columns refreshed and painted), {} moves: median {:.1f} ms, 90th percentile {:.1f} ms, "
          "max {:.1f} ms (goal < 50 ms)".format(len(moves), statistics.median(moves),
                                                sorted(moves)[int(len(moves) * 0.9) - 1], max(moves)))
    page.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
