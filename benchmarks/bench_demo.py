"""Demo data generation throughput and the size of the resulting database.

    .venv/bin/python benchmarks/bench_demo.py [--clients 100000] [--keep PATH]

Creates a brand-new database in a temporary folder (or at ``--keep``), fills it with
``app.demo.generate`` and prints clients per second, the row counts and the file size.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.demo import generate  # noqa: E402
from db.connection import close_database, open_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="PATH", help="write the database here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kartoteka-bench-") as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "demo.db"
        if path.exists():
            sys.exit(f"{path} exists; give a new path")
        open_database(path)
        started = time.perf_counter()
        stats = generate(args.clients, seed=args.seed)
        elapsed = time.perf_counter() - started
        close_database()
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        print(f"demo generation: {args.clients} clients, seed {args.seed}")
        print(f"{'rows':<12}{'count':>12}")
        for key in ("clients", "contacts", "phones", "emails", "deals", "activities"):
            print(f"{key:<12}{stats[key]:>12,}")
        print(f"{'seconds':<12}{elapsed:>12.1f}   (goal for 100 000 clients: < 60 s)")
        print(f"{'clients/s':<12}{args.clients / elapsed:>12,.0f}")
        print(f"{'file size':<12}{size / 2 ** 20:>10.1f} MB  ({size / max(args.clients, 1) / 1024:.1f} KB per client)")
        if args.keep:
            print(f"kept: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
