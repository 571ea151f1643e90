"""Backup and restore of a big database, compared with copying the file.

    python benchmarks/bench_backup.py [--size-mb 500] [--dir DIR] [--repeat 3]
    python benchmarks/bench_backup.py --crash-runs 20   # only the kill-during-import runs

Builds a Kartoteka database of about --size-mb (clients with long random notes, plus a
few attachment files) while it is open as in the app, then times: ``cp`` of the file,
``cp`` + fsync, ``make_backup`` (online copy; integrity check of the copy while it is
zipped and hashed; read-back check while the zip is flushed; rename), ``verify_backup`` and ``restore_backup`` (which includes the safety
backup of the database it replaces).  Prints the median of --repeat runs.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOTE_HEX_BYTES = 2500  # each client's notes: 5 000 characters


def build(path: Path, size_mb: int) -> None:
    from db.connection import close_database, open_database
    from db.models import database_proxy
    open_database(path)
    rows = size_mb * 1_000_000 // (2 * NOTE_HEX_BYTES + 300)
    with database_proxy.atomic():
        database_proxy.execute_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO client (kind, name, name_fold, inn, kpp, address, city, region, source, segment,"
            " status, refusal_reason, notes, created_at, updated_at, version) "
            "SELECT 'company', 'ООО Клиент ' || i, 'ооо клиент ' || i, '', '', 'ул. Ленина, ' || i, 'Москва',"
            " '', '', '', 'active', '', hex(randomblob(?)), datetime('now'), datetime('now'), 1 FROM n",
            (rows, NOTE_HEX_BYTES))
    close_database()
    att = path.parent / "attachments"
    att.mkdir(exist_ok=True)
    for i in range(20):
        (att / f"{i:02x}{'0' * 62}").write_bytes(os.urandom(1_000_000))


def timed(fn, repeat: int, cleanup=lambda: None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        cleanup()
    return statistics.median(times)


def cp_fsync(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
    with open(dst, "rb+") as fh:
        os.fsync(fh.fileno())


def bench(folder: Path, size_mb: int, repeat: int) -> None:
    from app.backup import make_backup, verify_backup
    from app.backup_restore import restore_backup
    from db.connection import close_database, open_database

    live = folder / "live" / "kartoteka.db"
    if not live.exists():
        live.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        build(live, size_mb)
        print(f"built {live} in {time.perf_counter() - start:.1f} s")
    size = live.stat().st_size
    print(f"database: {size / 1e6:.0f} MB, attachments: 20 MB")
    out = folder / "out"
    out.mkdir(exist_ok=True)

    def clear():
        for p in out.iterdir():
            p.unlink()

    t_cp = timed(lambda: subprocess.run(["cp", str(live), str(out / "copy.db")], check=True), repeat, clear)
    t_cps = timed(lambda: cp_fsync(live, out / "copy.db"), repeat, clear)
    open_database(live)  # the app has it open while backing up
    made = []
    t_bk = timed(lambda: made.append(make_backup(out)), repeat,
                 lambda: [p.unlink() for p in out.iterdir() if p != made[-1]])
    close_database()
    backup = made[-1]
    print(f"backup file: {backup.stat().st_size / 1e6:.0f} MB (database ZIP_STORED)")
    t_verify = timed(lambda: verify_backup(backup), repeat)
    safety = folder / "safety"
    t_restore = timed(lambda: restore_backup(backup, live, safety_dir=safety), repeat,
                      lambda: shutil.rmtree(safety, ignore_errors=True))
    print(f"cp                    {t_cp:6.2f} s")
    print(f"cp + fsync            {t_cps:6.2f} s")
    print(f"make_backup           {t_bk:6.2f} s   {t_bk / t_cp:4.1f}x cp, {t_bk / t_cps:4.1f}x cp+fsync")
    print(f"verify_backup         {t_verify:6.2f} s")
    print(f"restore_backup        {t_restore:6.2f} s   (includes the safety backup of the replaced file)")


def crash(runs: int, rows: int) -> int:
    from tests.e2e.test_crash_import import crash_once, kill_points, make_template
    rng = random.Random()
    bad = 0
    outcomes = {"none": 0, "all": 0}
    with tempfile.TemporaryDirectory() as tmp:
        template = make_template(Path(tmp))
        start = time.perf_counter()
        for n, kill_after in enumerate(kill_points(runs, rows, rng), 1):
            clients, phones, committed, problems = crash_once(template, Path(tmp), kill_after, rows, rng=rng)
            ok = not problems and (clients, phones) in ((0, 0), (rows, rows)) and (not committed or clients)
            outcomes["all" if clients else "none"] += 1
            bad += not ok
            print(f"run {n:2}: killed after {kill_after if kill_after is not None else 'COMMIT'} chunks: "
                  f"{clients} clients, {phones} phones, integrity {'ok' if not problems else problems}"
                  f"{'' if ok else '   <-- FAILED'}")
    print(f"{runs} runs in {time.perf_counter() - start:.0f} s: {outcomes['none']} with none of the rows, "
          f"{outcomes['all']} with all, {bad} broken")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=500)
    parser.add_argument("--dir", help="work folder (kept, so the big database is built once)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--crash-runs", type=int, help="run the kill-during-import test N times instead")
    parser.add_argument("--crash-rows", type=int, default=10_000, help="clients (each with a phone)")
    args = parser.parse_args()
    if args.crash_runs:
        return crash(max(args.crash_runs, 3), args.crash_rows)
    if args.dir:
        folder = Path(args.dir)
        folder.mkdir(parents=True, exist_ok=True)
        bench(folder, args.size_mb, args.repeat)
    else:
        with tempfile.TemporaryDirectory(prefix="kartoteka-bench-") as tmp:
            bench(Path(tmp), args.size_mb, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
