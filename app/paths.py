"""Where data lives by default: the user's data folder (platformdirs)."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Kartoteka"


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "kartoteka.db"
