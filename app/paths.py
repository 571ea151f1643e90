"""Where data lives by default: the user's data folder (platformdirs)."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Kartoteka"


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "kartoteka.db"


def keep_matplotlib_cache() -> None:
    """In the packaged app, keep matplotlib's font cache in the user's cache folder.

    PyInstaller points ``MPLCONFIGDIR`` at a fresh temporary folder on every start, so the
    first chart of each run would rebuild the font list (seconds).  The one-folder bundle
    does not move between runs, so a cache kept across runs stays valid."""
    import os
    import sys

    if getattr(sys, "frozen", False):
        from platformdirs import user_cache_dir
        folder = Path(user_cache_dir(APP_NAME, appauthor=False)) / "matplotlib"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # the temporary folder still works, only slower
        os.environ["MPLCONFIGDIR"] = str(folder)
