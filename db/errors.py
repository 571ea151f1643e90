"""Errors raised by the data layer.  Each has a ``code`` and ``params`` so that the UI
can say it in the user's language and the CLI can print it plainly."""
from __future__ import annotations


class KartotekaError(Exception):
    """Base of every error the user may see.  ``code`` names it, ``params`` fill it in."""

    code = "error"
    message = "Something went wrong: {detail}"

    def __init__(self, code: str | None = None, **params):
        if code:
            self.code = code
        self.params = params
        super().__init__(self.plain())

    def plain(self) -> str:
        try:
            return self.message.format(**self.params)
        except (KeyError, IndexError):
            return f"{self.code}: {self.params}"


class DatabaseOpenError(KartotekaError):
    code = "db_open"
    message = "Cannot open the database {path}: {detail}"


class SchemaTooNewError(KartotekaError):
    code = "schema_too_new"
    message = ("The database {path} was written by a newer Kartoteka (schema {found}, "
               "this program knows up to {known}). Update the program; the file was not changed.")


class NotADatabaseError(KartotekaError):
    code = "not_a_database"
    message = "{path} is not a Kartoteka database (or it is damaged)."
