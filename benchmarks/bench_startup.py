"""Cold start to a usable main window, as whole processes, against a bare PySide6 window.

    python benchmarks/bench_startup.py --db /tmp/big.db [--clients 100000] [--repeat 7]
    python benchmarks/bench_startup.py --db /tmp/big.db --exe dist/kartoteka/kartoteka

Kartoteka runs with ``--quit-after-show`` (exits once the window is shown with the first
page of clients painted); the baseline is a Python process that imports PySide6, shows
an empty QMainWindow and quits after its first paint.  Both run offscreen, alternately,
``--repeat`` times; the medians and their ratio are printed.  Goal: ratio ≤ 3.
A database that does not exist yet is filled with ``app.demo`` first.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1200, 800)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/big.db")
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--exe", help="a built bundle's executable instead of `python -m app`")
    args = parser.parse_args()

    db = Path(args.db)
    if not db.exists():
        from app.demo import generate
        from db.connection import close_database, open_database
        open_database(db)
        print(f"filling {db} with {args.clients} demo clients…", flush=True)
        generate(args.clients)
        close_database()

    scratch = tempfile.mkdtemp(prefix="kartoteka-startup-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=scratch,
               XDG_DATA_HOME=scratch)
    app_cmd = ([args.exe] if args.exe else [sys.executable, "-m", "app"]) + [
        "--db", str(db), "--quit-after-show"]
    bare_cmd = [sys.executable, "-c", BARE]
    timed(app_cmd, env), timed(bare_cmd, env)  # warm the file cache: measure starts, not disks
    app_times, bare_times = [], []
    for _ in range(args.repeat):
        bare_times.append(timed(bare_cmd, env))
        app_times.append(timed(app_cmd, env))
    bare, kart = statistics.median(bare_times), statistics.median(app_times)
    print(f"bare PySide6 window : median {bare * 1000:.0f} ms  (min {min(bare_times) * 1000:.0f})")
    print(f"Kartoteka, {db.name}: median {kart * 1000:.0f} ms  (min {min(app_times) * 1000:.0f})")
    print(f"ratio               : {kart / bare:.2f}×  (goal ≤ 3×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
