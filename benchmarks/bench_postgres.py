"""Search and the funnel board on PostgreSQL against SQLite, on the same 100 000 clients.

    .venv/bin/python benchmarks/bench_postgres.py [--sqlite PATH] [--pg-url URL [--copied]] [--repeat 5]

The SQLite side is ``--sqlite`` (default: /tmp/big100k.db when it exists, else a demo
database of ``--clients`` generated in a temporary folder).  It is copied with
``copy-db``'s code into a new database on ``--pg-url`` (an empty database) or, by default,
on a throwaway server started here (tests/pg_server.py); ``--copied`` skips the copy when
the ``--pg-url`` database already holds it (to iterate on the queries).  Then the same
queries run on both: the search box's queries of every kind (bench_search.py) and the
funnel board (columns with totals, the ids of every column, the cards of the first screen).
Prints the median of each on both engines and the ratio.  Goal (issue 9): PostgreSQL
within 2× of SQLite.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_search import queries  # noqa: E402

from app import funnel  # noqa: E402
from app.deal_list import board_ids  # noqa: E402
from app.search import search_clients  # noqa: E402
from db.connection import close_database, engine, open_database  # noqa: E402
from db.models import database_proxy  # noqa: E402

FIRST_SCREEN = 40
"""Cards per column the board paints first."""


def board() -> int:
    cols = funnel.columns()
    ids = board_ids([c.stage_id for c in cols])
    shown = 0
    for stage_ids in ids.values():
        shown += len(funnel.deal_cards(stage_ids[:FIRST_SCREEN]))
    return shown


def timed(fn, repeat: int) -> float:
    fn()  # warm the caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(target: str, groups: dict[str, list[str]], repeat: int) -> dict[str, float]:
    open_database(target)
    try:
        out = {}
        for kind, items in groups.items():
            out[f"search: {kind}"] = statistics.median(timed(lambda q=q: search_clients(q), repeat) for q in items)
        out["funnel board"] = timed(board, repeat)
        out["_engine"] = engine()
        out["_hits"] = {q: [h.id for h in search_clients(q)] for items in groups.values() for q in items}
        return out
    finally:
        close_database()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", help="a demo SQLite database (default /tmp/big100k.db or a new one)")
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--pg-url", help="an EMPTY PostgreSQL database to copy into (default: a throwaway server)")
    parser.add_argument("--copied", action="store_true",
                        help="the --pg-url database already holds the copy (skip copy-db)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    path = args.sqlite or ("/tmp/big100k.db" if Path("/tmp/big100k.db").exists() else "")
    if not path:
        from app.demo import generate
        path = str(Path(tempfile.mkdtemp(prefix="bench-pg-")) / "bench.db")
        open_database(path)
        print(f"generating {args.clients} demo clients…", flush=True)
        generate(args.clients, seed=1)
        close_database()

    server = None
    url = args.pg_url
    if not url:
        from tests.pg_server import PgServer
        server = PgServer().start()
        url = server.new_database()
    try:
        from app.db_copy import copy_database
        open_database(path)
        groups = queries(random.Random(5))
        if not args.copied:
            started = time.perf_counter()
            counts = copy_database(database_proxy.obj, url)
            print(f"copy-db: {counts['client']} clients, {sum(counts.values())} rows in "
                  f"{time.perf_counter() - started:.1f} s", flush=True)
        close_database()
        lite = measure(path, groups, args.repeat)
        pg = measure(url, groups, args.repeat)
        assert lite.pop("_engine") == "sqlite" and pg.pop("_engine") == "postgres"
        hits_lite, hits_pg = lite.pop("_hits"), pg.pop("_hits")
        differ = [q for q in hits_lite if hits_lite[q] != hits_pg[q]]
        print(f"search results: {len(hits_lite) - len(differ)} of {len(hits_lite)} queries give the same "
              f"clients in the same order on both engines" + (f"; differ: {differ}" if differ else ""))
        print(f"\n{'median, ms':32} {'SQLite':>9} {'PostgreSQL':>11} {'ratio':>7}")
        for key in lite:
            print(f"{key:32} {lite[key]:9.1f} {pg[key]:11.1f} {pg[key] / max(lite[key], 0.01):7.2f}")
        total_lite, total_pg = sum(lite.values()), sum(pg.values())
        print(f"{'all (sum of medians)':32} {total_lite:9.1f} {total_pg:11.1f} {total_pg / total_lite:7.2f}")
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
