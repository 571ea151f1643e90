"""Export speed: 100 000 clients to .xlsx (goal < 15 s).

    .venv/bin/python benchmarks/bench_export.py [--clients 100000] [--profile]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=100_000)
    ap.add_argument("--profile", action="store_true", help="print the top entries of a cProfile of the xlsx export")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kartoteka-bench-"))
    from db.connection import open_database
    open_database(work / "bench.db")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_import import fill_database
    t = time.perf_counter()
    fill_database(args.clients)
    print(f"database with {args.clients} clients in {time.perf_counter() - t:.1f} s")
    from app.exporter import export
    for name in ("clients.xlsx", "clients.csv"):
        if args.profile and name.endswith("xlsx"):
            import cProfile
            import pstats
            prof = cProfile.Profile()
            prof.enable()
        t = time.perf_counter()
        count = export("clients", work / name)
        took = time.perf_counter() - t
        if args.profile and name.endswith("xlsx"):
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(20)
        print(f"{name}: {count} clients in {took:.2f} s, {(work / name).stat().st_size / 1e6:.1f} MB"
              + (" (goal < 15 s)" if name.endswith("xlsx") else ""))
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
