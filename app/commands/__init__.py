"""CLI sub-commands.  Each module here defines ``COMMANDS``: a list of
``Command(name, help, configure, run)``; ``app.cli`` collects them all, so a feature
adds its commands without touching the parser."""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable  # (argparse.ArgumentParser) -> None
    run: Callable        # (argparse.Namespace) -> int
    needs_db: bool = True


def all_commands() -> list[Command]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found += getattr(module, "COMMANDS", [])
    return found
