"""The throwaway PostgreSQL servers of killed test runs do not pile up in /tmp."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.pg_server import OWNER, reap_stale_servers


def _folder(owner_pid: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kartoteka-pg-"))
    (folder / OWNER).write_text(str(owner_pid))
    return folder


def test_a_killed_runs_server_folder_is_removed_and_a_live_ones_kept():
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale, live = _folder(int(gone.stdout)), _folder(os.getpid())
    try:
        assert reap_stale_servers() >= 1
        assert not stale.exists() and live.exists()
    finally:
        for folder in (stale, live):
            subprocess.run(["rm", "-rf", str(folder)])
