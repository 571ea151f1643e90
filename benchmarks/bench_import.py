"""Import speed: a 100 000-row xlsx into a database of 100 000 clients.

Prints the time python-calamine alone needs to read the file, the time of the whole
import (read + plan + apply), their ratio (goal ≤ 3×) and the peak memory (goal < 500 MB).
The file and the database are made once; each of the ``--repeat`` imports runs in its
own process on a fresh copy of the database, and the best and median ratios are printed.
The working folder is deleted at the end (``--keep`` keeps it).

    .venv/bin/python benchmarks/bench_import.py [--rows 100000] [--clients 100000] [--repeat 3] [--profile]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FIRST = ["Иван", "Ольга", "Пётр", "Анна", "Сергей", "Мария", "Дмитрий", "Елена", "Алексей", "Наталья"]
LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков"]
CITIES = ["Москва", "Тюмень", "Казань", "Пермь", "Омск", "Тула", "Ярославль"]
STAGES = ["Холодный", "Интересуется", "Обсуждаем задачу", "Работа!", ""]


def phone_formats(n: int) -> str:
    d = f"9{n:09d}"
    return random.choice([f"8{d}", f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}", f"8 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}",
                          f"+7{d}", f"{d[:3]}-{d[3:6]}-{d[6:]}"])


def make_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Клиенты")
    ws.append(["Список клиентов"])
    ws.append(["ФИО", "Телефон", "E-mail", "Город", "Адрес", "Этап", "Последний контакт", "Сумма",
               "Источник", "Примечание"])
    for i in range(rows):
        n = 5_000_000 + (random.randrange(i) if i and random.random() < 0.05 else i)  # 5 % repeat a row
        name = f"{random.choice(LAST)} {random.choice(FIRST)} {n}"
        ws.append([name, phone_formats(n), f"client{n}@mail.ru", random.choice(CITIES), f"ул. Мира, {i % 200}",
                   random.choice(STAGES), f"{1 + i % 28:02d}.{1 + i % 12:02d}.2023", (i % 50) * 1000,
                   "выставка", "заметка"])
    wb.save(path)


def fill_database(n: int) -> None:
    try:
        from app.demo import generate
    except ImportError:
        generate = None
    if generate is not None:
        generate(n, seed=1)
        return
    from db.models import Client, Phone, database_proxy
    from db.search_index import rebuild_index
    with database_proxy.atomic():
        for start in range(0, n, 500):
            ids = [r[0] for r in Client.insert_many(
                [dict(name=f"Клиент {i}", name_fold=f"клиент {i}") for i in range(start, min(n, start + 500))]
            ).returning(Client.id).tuples().execute()]
            Phone.insert_many([dict(client=c, raw=f"+7916{c:07d}", e164=f"+7916{c:07d}", digits=f"7916{c:07d}",
                                    digits_rev=f"7916{c:07d}"[::-1]) for c in ids]).execute()
        rebuild_index()


def _import_once(db_path: Path, xlsx: Path, profile: bool) -> dict:
    """One measured run (in a child process, so that its peak memory is its own)."""
    from db.connection import open_database
    open_database(db_path)
    from python_calamine import CalamineWorkbook
    t = time.perf_counter()
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    calamine = time.perf_counter() - t
    del rows
    from app.importer import apply_import, guess_mapping, plan_import, read_table
    if profile:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    times = {}
    t0 = time.perf_counter()
    table = read_table(xlsx)
    times["read"] = time.perf_counter() - t0
    t = time.perf_counter()
    plan = plan_import(table, guess_mapping(table))
    times["plan"] = time.perf_counter() - t
    t = time.perf_counter()
    result = apply_import(plan)
    times["apply"] = time.perf_counter() - t
    total = time.perf_counter() - t0
    if profile:
        import pstats
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    return {"calamine": calamine, "times": times, "total": total,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "result": [result.created, result.merged, result.skipped, len(result.warnings)]}


def _copy_db(src: Path, dest: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        target = Path(str(dest) + suffix)
        if target.exists():
            target.unlink()
        if Path(str(src) + suffix).exists():
            shutil.copyfile(str(src) + suffix, target)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="imports, each into a fresh copy of the database")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the working folder (file and databases)")
    ap.add_argument("--fill-only", metavar="DB", help=argparse.SUPPRESS)
    ap.add_argument("--import-only", nargs=2, metavar=("DB", "XLSX"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.fill_only:  # run in a child process so its memory does not count below
        from db.connection import close_database, open_database
        open_database(args.fill_only)
        fill_database(args.clients)
        close_database()  # checkpointed: the file alone is the whole database
        return
    if args.import_only:
        print(json.dumps(_import_once(Path(args.import_only[0]), Path(args.import_only[1]), args.profile)))
        return
    random.seed(7)
    work = Path(tempfile.mkdtemp(prefix="kartoteka-bench-"))
    try:
        _run(args, work)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _run(args, work: Path) -> None:
    xlsx = work / "import.xlsx"
    t = time.perf_counter()
    make_xlsx(xlsx, args.rows)
    print(f"made {xlsx.name}: {args.rows} rows, {xlsx.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--clients", str(args.clients), "--fill-only",
                    str(work / "bench.db")], check=True)
    print(f"database with {args.clients} clients in {time.perf_counter() - t:.1f} s")
    ratios, totals = [], []
    for n in range(1, args.repeat + 1):
        _copy_db(work / "bench.db", work / "run.db")
        out = subprocess.run([sys.executable, __file__, "--import-only", str(work / "run.db"), str(xlsx)]
                             + (["--profile"] if args.profile else []), check=True, stdout=subprocess.PIPE,
                             text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        ratio = r["total"] / r["calamine"]
        ratios.append(ratio)
        totals.append(r["total"])
        created, merged, skipped, warnings = r["result"]
        print(f"run {n}: calamine alone {r['calamine']:.2f} s; whole import: "
              + ", ".join(f"{k} {v:.2f} s" for k, v in r["times"].items())
              + f" = {r['total']:.2f} s; ratio {ratio:.2f}x; peak memory {r['peak_mb']:.0f} MB; "
              f"{created} created, {merged} merged, {skipped} skipped, {warnings} warnings")
    print(f"ratio import / calamine: best {min(ratios):.2f}x, median {statistics.median(ratios):.2f}x "
          f"(goal <= 3x); import best {min(totals):.2f} s, median {statistics.median(totals):.2f} s")


if __name__ == "__main__":
    main()
