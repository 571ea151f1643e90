"""Core errors (``app.errors``) said in the user's language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KartotekaError


def message(exc: BaseException) -> str:
    """A sentence for the user; unknown errors keep their plain text."""
    if not isinstance(exc, KartotekaError):
        return str(exc)
    p = exc.params
    templates = {
        "validation": QCoreApplication.translate("Errors", "{field}: {detail}"),
        "not_found": QCoreApplication.translate("Errors", "The record was not found; it may have been deleted."),
        "conflict": QCoreApplication.translate("Errors", "Someone else changed this record since you opened it."),
        "permission": QCoreApplication.translate("Errors", "You are not allowed to do this."),
        "schema_too_new": QCoreApplication.translate("Errors", "This database was made by a newer version of Kartoteka. "
                                                     "Please update the program; the file was not changed."),
        "not_a_database": QCoreApplication.translate("Errors", "This file is not a Kartoteka database, or it is damaged."),
        "db_open": QCoreApplication.translate("Errors", "Cannot open the database: {detail}"),
    }
    fields = {
        "name": QCoreApplication.translate("Errors", "Name"),
        "inn": QCoreApplication.translate("Errors", "INN"),
        "email": QCoreApplication.translate("Errors", "E-mail"),
        "status": QCoreApplication.translate("Errors", "Status"),
        "refusal_reason": QCoreApplication.translate("Errors", "Refusal reason"),
        "title": QCoreApplication.translate("Errors", "Title"),
        "kind": QCoreApplication.translate("Errors", "Kind"),
        "planned_at": QCoreApplication.translate("Errors", "Planned date"),
        "lost_reason": QCoreApplication.translate("Errors", "Lost reason"),
        "tag": QCoreApplication.translate("Errors", "Tag"),
    }
    template = templates.get(exc.code)
    if template is None:
        return exc.plain()
    values = dict(p)
    if "field" in values:
        values["field"] = fields.get(values["field"], values["field"])
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return exc.plain()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "Kartoteka"), message(exc))
