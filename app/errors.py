"""Core errors.  Each carries a ``code`` and ``params``; the UI renders them in the
user's language (``ui/errors.py``), the CLI prints ``plain()`` to stderr."""
from __future__ import annotations

from db.errors import (DatabaseOpenError, KartotekaError, NotADatabaseError,  # noqa: F401
                       SchemaTooNewError)


class ValidationError(KartotekaError):
    code = "validation"
    message = "{field}: {detail}"


class NotFoundError(KartotekaError):
    code = "not_found"
    message = "{entity} #{id} was not found (it may have been deleted)."


class ConflictError(KartotekaError):
    """Raised when a record changed since it was read (optimistic lock)."""

    code = "conflict"
    message = ("{entity} #{id} was changed by someone else since you opened it "
               "(your version {expected}, now {actual}).")


class PermissionDeniedError(KartotekaError):
    code = "permission"
    message = "Your role ({role}) does not allow you to {action}. Ask the owner."  # params: app.access._refuse


class ImportFileError(KartotekaError):
    code = "import_file"
    message = "{path}: {detail}"
