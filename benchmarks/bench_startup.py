"""Cold start to a usable main window, as whole processes, against a bare PySide6 window.

    python benchmarks/bench_startup.py --db /tmp/big.db [--clients 100000] [--repeat 7]
    python benchmarks/bench_startup.py --db /tmp/big.db --exe dist/kartoteka/kartoteka

Kartoteka runs with ``--quit-after-show``: once the window is shown with the first page
of clients painted, and the work deferred to right after that first paint has been
started (the Today panel's and the rest of the client list's reads, in workers; the
reminder timer; the backup line), it ends the process at once (``os._exit`` after
flushing and closing its database connection) instead of closing the window and tearing
down the interpreter, which is no part of a start.  The baseline is a Python process
that imports PySide6, shows an empty QMainWindow and quits after its first paint (its
own ordinary exit).  Both run offscreen, with a fresh settings folder (a first start),
alternately, ``--repeat`` times; the medians and their ratio are printed.  Goal: ratio ≤ 3.
A database that does not exist yet is filled with ``app.demo`` first.  Then the program
is started normally and left idle for ``--idle-seconds``; its resident memory is printed
(goal: under 250 MB with 100 000 clients).
"""
from __future__ import annotations

import argparse
import os
import shutil
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
    parser.add_argument("--idle-seconds", type=float, default=20,
                        help="then leave the program running this long and report its memory (0: skip)")
    args = parser.parse_args()

    db = Path(args.db)
    if not db.exists():
        from app.demo import generate
        from db.connection import close_database, open_database
        open_database(db)
        print(f"filling {db} with {args.clients} demo clients…", flush=True)
        generate(args.clients)
        close_database()

    scratch = tempfile.mkdtemp(prefix="kartoteka-startup-")  # settings of a first start
    try:
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
        if args.idle_seconds:
            rss = idle_memory(app_cmd[:-1], env, args.idle_seconds)  # a normal start, not --quit-after-show
            print(f"memory at idle after {args.idle_seconds:.0f} s: {rss / 1024:.0f} MB resident  (goal < 250 MB)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def idle_memory(cmd: list[str], env: dict, seconds: float) -> int:
    """The resident memory (kB) of the program left running for ``seconds`` (its start,
    the first backup of the day, reminders and the change watcher's polls included)."""
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(seconds)
        status = Path(f"/proc/{process.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
