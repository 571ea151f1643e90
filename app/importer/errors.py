"""Errors of the import: what the user can fix (a bad file) or did (cancel)."""
from __future__ import annotations

from app.errors import ImportFileError, KartotekaError

__all__ = ["KartotekaError", "ImportFileError", "ImportCancelled", "ImportUndoError", "bad_file"]


class ImportCancelled(KartotekaError):
    code = "import_cancelled"
    message = "The import was cancelled; nothing was changed."


class ImportUndoError(KartotekaError):
    code = "import_undo"
    message = "Import #{batch} cannot be undone: {detail}"


def bad_file(path, detail: str) -> ImportFileError:
    """An ``ImportFileError`` naming the file by its name only (what the user sees)."""
    from pathlib import Path
    return ImportFileError(path=Path(str(path)).name, detail=detail)
