"""Backup and restore of a big database, compared with copying the file.

    python benchmarks/bench_backup.py [--size-mb 500] [--dir DIR] [--repeat 3] [--phases] [--fallback]
    python benchmarks/bench_backup.py --crash-runs 20   # only the kill-during-import runs

Builds a Kartoteka database of about --size-mb (clients with long random notes, plus a
few attachment files) while it is open as in the app, then times, interleaved run by run
(so that a busy machine slows all of them alike): ``cp`` of the file, ``cp`` + fsync,
``make_backup`` (raw read of the WAL database in one read transaction, copied by the
kernel into the zip while a second thread reads each block back, compares it and
computes the CRC-32, quick_check of the same snapshot meanwhile, fsync, rename),
``verify_backup`` and ``restore_backup`` (extraction with the same read-back CRC,
quick_check of the copy while it is flushed to the drive, the replaced file kept in
safety/ by a hard link, rename; the database is then opened as the app does, so the
next backup finds it in WAL mode)
and a restore onto a computer without a database (no safety backup).  With --fallback
also ``make_backup`` as when the WAL cannot be emptied (SQLite's online backup API into
a scratch copy first).  Prints the best and the median of --repeat runs, and the ratio
to cp + fsync of the same runs; --phases adds when each step of one backup ran.
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


def timed(fn, repeat: int, cleanup=lambda: None) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        cleanup()
    return times


def cp_fsync(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
    with open(dst, "rb+") as fh:
        os.fsync(fh.fileno())


def phases(make) -> None:
    """One backup with the start and end of each step (wall clock from its start)."""
    from app import backup, backup_snapshot
    marks = []

    def watch(owner, name, label):
        real = getattr(owner, name)

        def timed_step(*a, **k):
            start = time.perf_counter()
            try:
                return real(*a, **k)
            finally:
                marks.append((label, start, time.perf_counter()))
        return real, timed_step

    steps = [(backup, "take_image", "snapshot (checkpoint, read transaction, counts)"),
             (backup_snapshot.Image, "check", "integrity check of the image (thread)"),
             (backup, "_write_archive", "kernel copy + read-back CRC + zip (+ attachments)"),
             (backup, "fsync_file", "fsync of the zip"),
             (backup, "_read_back", "the finished zip read back (thread)"),
             (backup, "fsync_dir", "rename + fsync of the folder")]
    saved = []
    for owner, name, label in steps:
        real, wrapped = watch(owner, name, label)
        saved.append((owner, name, real))
        setattr(owner, name, wrapped)
    try:
        t0 = time.perf_counter()
        make()
        total = time.perf_counter() - t0
    finally:
        for owner, name, real in saved:
            setattr(owner, name, real)
    print(f"phases of one backup ({total:.2f} s):")
    for label, start, end in sorted(marks, key=lambda m: m[1]):
        print(f"  {start - t0:5.2f} -> {end - t0:5.2f} s  {end - start:5.2f} s  {label}")


def row(label: str, times: list[float], base: list[float] | None = None, note: str = "") -> None:
    best, median = min(times), statistics.median(times)
    text = f"{label:22} best {best:5.2f} s  median {median:5.2f} s"
    if base:
        text += f"   {best / min(base):4.1f}x / {median / statistics.median(base):4.1f}x cp+fsync"
    print(text + (f"   {note}" if note else ""))


def bench(folder: Path, size_mb: int, repeat: int, show_phases: bool, fallback: bool) -> None:
    from app import backup_snapshot
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
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"database: {size / 1e6:.0f} MB, attachments: 20 MB; {os.cpu_count()} CPUs{load}")
    out = folder / "out"
    out.mkdir(exist_ok=True)
    for p in out.iterdir():
        p.unlink()

    import app.backup as backup_module
    real_take, real_begin = backup_snapshot.take_image, backup_snapshot._begin
    paths = {"backup": set(), "fallback": set()}
    current = []

    def take(*a, **k):  # which way the image was taken
        image = real_take(*a, **k)
        current.append("raw read" if image.raw else "online backup API")
        return image

    def backup_once():
        make_backup(out)

    def keep_latest():  # untimed: deleting the previous 555 MB file is not part of a backup
        (out / "copy.db").unlink(missing_ok=True)
        for p in sorted(out.glob("*.kbak"))[:-1]:
            p.unlink()

    def backup_fallback():
        backup_snapshot._begin = lambda conn, src: real_begin(conn, src) and False
        try:
            backup_once()
        finally:
            backup_snapshot._begin = real_begin

    safety, fresh = folder / "safety", folder / "new-computer"

    def latest():
        return sorted(out.glob("*.kbak"))[-1]

    def restore_once():  # as the app does it: closed, restored, opened again (WAL mode)
        close_database()
        try:
            restore_backup(latest(), live, safety_dir=safety)
        finally:
            open_database(live)
            shutil.rmtree(safety, ignore_errors=True)

    def restore_fresh():
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir()
        restore_backup(latest(), fresh / "kartoteka.db")

    runs = [("cp", lambda: subprocess.run(["cp", str(live), str(out / "copy.db")], check=True)),
            ("cp+fsync", lambda: cp_fsync(live, out / "copy.db")),
            ("backup", backup_once)] + ([("fallback", backup_fallback)] if fallback else []) + [
            ("verify", lambda: verify_backup(latest())), ("restore", restore_once), ("fresh", restore_fresh)]
    results = {name: [] for name, _ in runs}
    open_database(live)  # the app has it open while backing up
    backup_module.take_image = take
    try:
        for _ in range(repeat):  # interleaved: a busy machine slows each of them alike
            for name, fn in runs:
                results[name] += timed(fn, 1, keep_latest)
                if name in paths:
                    paths[name].update(current)
                current.clear()
        if show_phases:
            phases(backup_once)
    finally:
        backup_module.take_image = real_take
        close_database()
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"backup file: {latest().stat().st_size / 1e6:.0f} MB (database ZIP_STORED)")
    base = results["cp+fsync"]
    row("cp", results["cp"])
    row("cp + fsync", base)
    row("make_backup", results["backup"], base, f"({', '.join(sorted(paths['backup']))})")
    if fallback:
        row("make_backup, fallback", results["fallback"], base, f"({', '.join(sorted(paths['fallback']))})")
    row("verify_backup", results["verify"], base)
    row("restore_backup", results["restore"], base, "(the replaced file kept as the safety copy)")
    row("restore, new computer", results["fresh"], base, "(nothing to replace: no safety copy)")


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
    parser.add_argument("--phases", action="store_true", help="also time each step of one backup")
    parser.add_argument("--fallback", action="store_true",
                        help="also time a backup as when the WAL cannot be emptied")
    parser.add_argument("--crash-runs", type=int, help="run the kill-during-import test N times instead")
    parser.add_argument("--crash-rows", type=int, default=10_000, help="clients (each with a phone)")
    args = parser.parse_args()
    if args.crash_runs:
        return crash(max(args.crash_runs, 3), args.crash_rows)
    if args.dir:
        folder = Path(args.dir)
        folder.mkdir(parents=True, exist_ok=True)
        bench(folder, args.size_mb, args.repeat, args.phases, args.fallback)
    else:
        with tempfile.TemporaryDirectory(prefix="kartoteka-bench-") as tmp:
            bench(Path(tmp), args.size_mb, args.repeat, args.phases, args.fallback)
    return 0


if __name__ == "__main__":
    sys.exit(main())
