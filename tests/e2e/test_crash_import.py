"""The power cut in the middle of an import: a process writing many clients in ONE
transaction is killed (SIGKILL) at random moments; afterwards the database passes
``integrity_check`` and holds either none or all of the new rows, never some.

``benchmarks/bench_backup.py --crash-runs 20`` runs the same harness more times.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = 10_000  # clients, each with a phone: 20 000 rows in one transaction
CHUNK = 500

# The child: one transaction, clients then a phone for each, a line after every chunk
# so that the parent can kill it at a known point; after COMMIT it waits to be killed.
CHILD = f"""
import sys, time
from db.connection import open_database
from db.models import Client, Phone, database_proxy
open_database(sys.argv[1])
rows = int(sys.argv[2])
with database_proxy.atomic():
    for start in range(0, rows, {CHUNK}):
        Client.insert_many([{{"name": f"Импорт {{i}}", "name_fold": f"импорт {{i}}"}}
                            for i in range(start, min(start + {CHUNK}, rows))]).execute()
        print("chunk", flush=True)
    ids = [i for (i,) in Client.select(Client.id).where(Client.name_fold.startswith("импорт")).tuples()]
    for start in range(0, len(ids), {CHUNK}):
        Phone.insert_many([{{"client": c, "raw": f"+7 900 {{c:07d}}", "digits": f"7900{{c:07d}}"}}
                           for c in ids[start:start + {CHUNK}]]).execute()
        print("chunk", flush=True)
print("committed", flush=True)
time.sleep(60)
"""


def make_template(folder: Path) -> Path:
    """A database with one client written before the 'import' starts."""
    code = ("import sys; from db.connection import open_database; from db.models import Client;"
            "open_database(sys.argv[1]); Client.create(name='До импорта', name_fold='до импорта')")
    path = folder / "template.db"
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, check=True, timeout=60)
    return path


def crash_once(template: Path, work: Path, kill_after: int | None, rows: int = ROWS,
               jitter: float = 0.02, rng=random) -> tuple[int, int, bool, list[str]]:
    """Run the child on a copy of ``template`` and SIGKILL it after ``kill_after`` chunk
    lines (None: after it says it committed), plus up to ``jitter`` seconds.
    Returns (clients added, phones added, whether the kill came after COMMIT, findings)."""
    db = work / "crash.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(rows)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    committed, seen = False, 0
    try:
        for line in child.stdout:
            committed = line.startswith("committed")
            seen += line.startswith("chunk")
            if committed or (kill_after is not None and seen > kill_after):
                break
        time.sleep(rng.uniform(0, jitter))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    con = sqlite3.connect(db, isolation_level=None)
    try:
        found = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        clients = con.execute("SELECT count(*) FROM client").fetchone()[0] - 1
        phones = con.execute("SELECT count(*) FROM phone").fetchone()[0]
    finally:
        con.close()
    return clients, phones, committed, [] if found == ["ok"] else found


def kill_points(runs: int, rows: int, rng) -> list[int | None]:
    """Random chunk counts spread over the whole transaction, the last one during COMMIT,
    plus one run killed after COMMIT returned."""
    chunks = 2 * -(-rows // CHUNK)
    points = [rng.randrange(i * chunks // (runs - 1), (i + 1) * chunks // (runs - 1))
              for i in range(runs - 2)]
    return points + [chunks - 1, None]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_import_leaves_none_or_all_rows(tmp_path):
    rng = random.Random(os.environ.get("CRASH_SEED", time.time_ns()))
    template = make_template(tmp_path)
    for kill_after in kill_points(5, ROWS, rng):
        clients, phones, committed, problems = crash_once(template, tmp_path, kill_after, rng=rng)
        assert problems == []
        assert (clients, phones) in ((0, 0), (ROWS, ROWS)), f"killed after {kill_after} chunks"
        if committed:
            assert (clients, phones) == (ROWS, ROWS)
        elif kill_after is not None and kill_after < 2 * ROWS // CHUNK - 1:
            assert (clients, phones) == (0, 0)  # killed before COMMIT was even asked for
