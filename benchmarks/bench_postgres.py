"""Search and the funnel board on PostgreSQL against SQLite, on the same 100 000 clients.

    .venv/bin/python benchmarks/bench_postgres.py [--sqlite PATH] [--pg-url URL [--copied]] [--repeat 5] [--rounds 2]

The SQLite side is ``--sqlite`` (default: /tmp/big100k.db when it exists, else a demo
database of ``--clients`` generated in a temporary folder).  It is copied with
``copy-db``'s code into a new database on ``--pg-url`` (an empty database) or, by default,
on a throwaway server started here (tests/pg_server.py); ``--copied`` skips the copy when
the ``--pg-url`` database already holds it (to iterate on the queries).  Then the same
queries run on both: the search box's queries of every kind (bench_search.py) and the
funnel board (columns with totals, the ids of every column, the cards of the first screen).
Each query runs on one engine right after the other (the load of a shared machine
drifts), ``--rounds`` times; prints per kind the median (over its queries) of the
queries' medians and of their best times on both engines, and the ratios.
Goal (issue 9): PostgreSQL within 2× of SQLite.
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
from db.connection import close_database, open_database  # noqa: E402
from db.models import database_proxy  # noqa: E402
from db.proxy import bound_to  # noqa: E402
from db.sql import engine  # noqa: E402

FIRST_SCREEN = 40
"""Cards per column the board paints first."""


def board() -> int:
    cols = funnel.columns()
    ids = board_ids([c.stage_id for c in cols])
    shown = 0
    for stage_ids in ids.values():
        shown += len(funnel.deal_cards(stage_ids[:FIRST_SCREEN]))
    return shown


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm the caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(dbs: dict, groups: dict[str, list[str]], repeat: int, rounds: int) -> dict:
    """Each query timed on one engine right after the other (the machine's load drifts:
    a ratio of figures taken minutes apart says little), in ``rounds`` rounds.  Per
    engine and kind: the median over the kind's queries of each query's median and best."""
    samples = {name: {} for name in dbs}
    jobs = [(kind, q, lambda q=q: search_clients(q)) for kind, items in groups.items() for q in items]
    jobs.append(("funnel board", "", board))
    for _ in range(rounds):
        for kind, q, fn in jobs:
            for name, db in dbs.items():
                with bound_to(db):
                    samples[name].setdefault((kind, q), []).extend(timed(fn, repeat))
    out = {}
    for name in dbs:
        per_kind: dict[str, list[list[float]]] = {}
        for (kind, _q), times in samples[name].items():
            per_kind.setdefault(kind if kind == "funnel board" else f"search: {kind}", []).append(times)
        out[name] = {kind: (statistics.median(statistics.median(t) for t in runs),
                            statistics.median(min(t) for t in runs)) for kind, runs in per_kind.items()}
        with bound_to(dbs[name]):
            out[name]["_hits"] = {q: [h.id for h in search_clients(q)] for items in groups.values() for q in items}
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", help="a demo SQLite database (default /tmp/big100k.db or a new one)")
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--pg-url", help="an EMPTY PostgreSQL database to copy into (default: a throwaway server)")
    parser.add_argument("--copied", action="store_true",
                        help="the --pg-url database already holds the copy (skip copy-db)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query per round")
    parser.add_argument("--rounds", type=int, default=2, help="rounds over every query, engines alternating")
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
        lite_db = open_database(path)
        pg_db = open_database(url)
        assert engine(lite_db) == "sqlite" and engine(pg_db) == "postgres"
        try:
            both = measure({"sqlite": lite_db, "postgres": pg_db}, groups, args.repeat, args.rounds)
        finally:
            pg_db.close()
            database_proxy.initialize(lite_db)
            close_database()
        lite, pg = both["sqlite"], both["postgres"]
        hits_lite, hits_pg = lite.pop("_hits"), pg.pop("_hits")
        differ = [q for q in hits_lite if hits_lite[q] != hits_pg[q]]
        print(f"search results: {len(hits_lite) - len(differ)} of {len(hits_lite)} queries give the same "
              f"clients in the same order on both engines" + (f"; differ: {differ}" if differ else ""))
        print(f"\n{'ms (median | best)':32} {'SQLite':>15} {'PostgreSQL':>15} {'ratio':>13}")
        for key in lite:
            (lm, lb), (pm, pb) = lite[key], pg[key]
            print(f"{key:32} {lm:7.2f} {lb:7.2f} {pm:7.2f} {pb:7.2f} {pm / max(lm, 0.01):6.2f} "
                  f"{pb / max(lb, 0.01):6.2f}")
        total_lite, total_pg = sum(v[0] for v in lite.values()), sum(v[0] for v in pg.values())
        print(f"{'all (sum of medians)':32} {total_lite:7.1f} {'':7} {total_pg:7.1f} {'':7} "
              f"{total_pg / total_lite:6.2f}")
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
