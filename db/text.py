"""Text folding shared by storage and search: case-insensitive and ё = е."""
from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower case, ё→е, whitespace collapsed: the form names are stored and searched in."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.casefold().replace("ё", "е")).strip()


def only_digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())
