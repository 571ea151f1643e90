"""search and demo."""
from __future__ import annotations

import json
import sys

from . import Command


def _search_options(p):
    p.add_argument("query", help="a name, phone (any format), e-mail, INN…")
    p.add_argument("--json", action="store_true", help="print a JSON list of clients")
    p.add_argument("--limit", type=int, default=50)


def _search(args) -> int:
    from app.search import search_clients
    hits = search_clients(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=1))
    else:
        for h in hits:
            print(f"{h.id}\t{h.name}\t{', '.join(h.phones)}\t{', '.join(h.emails)}")
    return 0


def _demo_options(p):
    p.add_argument("--clients", type=int, default=1000, help="how many clients to create")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")


def _demo(args) -> int:
    from app.demo import generate
    stats = generate(args.clients, seed=args.seed, progress=lambda msg: print(msg, file=sys.stderr))
    print(json.dumps(stats, ensure_ascii=False))
    return 0


COMMANDS = [
    Command("search", "find clients by name, phone, e-mail, INN…", _search_options, _search),
    Command("demo", "fill the database with realistic demo data", _demo_options, _demo),
]
