"""Client search latency on a 100 000-client demo database.

    .venv/bin/python benchmarks/bench_search.py [--db PATH] [--clients 100000] [--repeat 5]

Without ``--db`` (or when PATH does not exist yet) a demo database is generated first
(in a temporary folder, or at PATH to reuse it next time).  Then ``app.search.search_clients``
is timed in-process over a fixed set of queries of each type, and the whole CLI
(``python -m app --db X search … --json``) against a bare ``python -c pass``.
Goal: p95 < 20 ms in-process.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.demo import generate  # noqa: E402
from app.search import search_clients  # noqa: E402
from db.connection import close_database, open_database  # noqa: E402
from db.models import Client, Email, Phone  # noqa: E402

GOAL_MS = 20.0


def dashed(digits: str) -> str:
    """'551234' -> '55-12-34', '5551234' -> '555-12-34' (how a suffix is typed)."""
    return f"{digits[:-4]}-{digits[-4:-2]}-{digits[-2:]}"


def queries(rng: random.Random) -> dict[str, list[str]]:
    phones = [d for (d,) in Phone.select(Phone.digits).where(Phone.e164.startswith("+79"))
              .order_by(Phone.id).limit(20000).tuples()]
    picked = rng.sample(phones, 12)
    emails = [a for (a,) in Email.select(Email.address).order_by(Email.id).limit(20000).tuples()]
    some_emails = rng.sample(emails, 6)
    return {
        "name prefix": ["Иван", "Петров", "Смирнова Ольга", "Кузнецов Д", "Ив", "Ал", "ООО", "ИП Соколов"],
        "name fragment": ["ович", "евна", "строй", "снаб", "торг", "ольга", "горо", "тех"],
        "phone suffix": [dashed(d[-6:]) for d in picked[:6]] + [dashed(d[-7:]) for d in picked[6:]],
        "phone other format": [f"8({d[1:4]}){d[4:7]}-{d[7:9]}-{d[9:]}" for d in picked[:6]]
                              + [f"+7 {d[1:4]} {d[4:]}" for d in picked[6:]],
        "e-mail fragment": [e.split("@")[0] for e in some_emails[:3]] + some_emails[3:]
                           + ["@mail.ru", "gmail"],
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def time_search(groups: dict[str, list[str]], repeat: int) -> dict[str, list[tuple[str, float, int]]]:
    out = {}
    for kind, items in groups.items():
        rows = []
        for q in items:
            hits = len(search_clients(q))  # warm the page cache for this query
            for _ in range(repeat):
                started = time.perf_counter()
                search_clients(q)
                rows.append((q, (time.perf_counter() - started) * 1000, hits))
        out[kind] = rows
    return out


def time_process(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", metavar="PATH", help="reuse (or create once) a demo database here")
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of every query")
    parser.add_argument("--verbose", action="store_true", help="print every query")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kartoteka-bench-") as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "demo.db"
        fresh = not path.exists()
        open_database(path)
        if fresh:
            print(f"generating {args.clients} demo clients into {path} …", flush=True)
            print(f"  {generate(args.clients)}", flush=True)
        total = Client.select().count()
        groups = queries(random.Random(42))
        results = time_search(groups, args.repeat)
        close_database()

        print(f"\nin-process search_clients on {total:,} clients ({args.repeat} timed runs per query, warm cache)")
        print(f"{'query type':<20}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}  goal p95 < {GOAL_MS:g} ms")
        every = []
        for kind, rows in results.items():
            ms = [t for _, t, _ in rows]
            every += ms
            p95 = percentile(ms, 0.95)
            print(f"{kind:<20}{len(rows) // args.repeat:>8}{statistics.median(ms):>11.2f}{p95:>9.2f}"
                  f"{max(ms):>9.2f}  {'ok' if p95 < GOAL_MS else 'SLOW'}")
        p95 = percentile(every, 0.95)
        print(f"{'overall':<20}{len(every) // args.repeat:>8}{statistics.median(every):>11.2f}{p95:>9.2f}"
              f"{max(every):>9.2f}  {'ok' if p95 < GOAL_MS else 'SLOW'}")
        if args.verbose:
            for kind, rows in results.items():
                per_query: dict[str, list[float]] = {}
                for q, t, hits in rows:
                    per_query.setdefault(q, []).append(t)
                for q, ts in per_query.items():
                    hits = next(h for qq, _, h in rows if qq == q)
                    print(f"  {kind:<20}{q!r:<34}{statistics.median(ts):>8.2f} ms  {hits} hits")

        suffix = groups["phone suffix"][0]
        cli = [sys.executable, "-m", "app", "--db", str(path), "search", suffix, "--json"]
        cli_ms = time_process(cli, args.repeat)
        bare_ms = time_process([sys.executable, "-c", "pass"], args.repeat)
        print(f"\nwhole process, median of {args.repeat} runs")
        print(f"{'python -m app … search ' + repr(suffix) + ' --json':<48}{cli_ms:>9.0f} ms")
        print(f"{'python -c pass':<48}{bare_ms:>9.0f} ms")
        print(f"{'difference (imports, open, search, print)':<48}{cli_ms - bare_ms:>9.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
