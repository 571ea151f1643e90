"""Run a few lines of Kartoteka code in ANOTHER process on the same database, the way a
second window, the CLI or a colleague's computer would change it meanwhile."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRELUDE = "import sys\nfrom db.connection import open_database\nopen_database(sys.argv[1])\n"


def elsewhere(database, code: str, *, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``code`` (the database is already open) in a new Python process."""
    return subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(code), str(database)],
                          cwd=ROOT, capture_output=True, text=True, check=check, timeout=60)


def start_elsewhere(database, code: str) -> subprocess.Popen:
    """Like ``elsewhere`` but returns at once; the caller talks to it through stdin/stdout."""
    return subprocess.Popen([sys.executable, "-c", PRELUDE + textwrap.dedent(code), str(database)],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
