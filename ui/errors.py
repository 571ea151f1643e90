"""Core errors (``app.errors``) said in the user's language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KartotekaError


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def message(exc: BaseException) -> str:
    """A sentence for the user; unknown errors keep their plain text."""
    if not isinstance(exc, KartotekaError):
        return str(exc)
    p = exc.params
    templates = {
        "validation": _tr("{field}: {detail}"),
        "not_found": _tr("The record was not found; it may have been deleted."),
        "conflict": _tr("Someone else changed this record since you opened it."),
        "permission": _tr("You are not allowed to do this."),
        "schema_too_new": _tr("This database was made by a newer version of Kartoteka. "
                              "Please update the program; the file was not changed."),
        "not_a_database": _tr("This file is not a Kartoteka database, or it is damaged."),
        "db_open": _tr("Cannot open the database: {detail}"),
    }
    fields = {
        "name": _tr("Name"), "inn": _tr("INN"), "email": _tr("E-mail"), "status": _tr("Status"),
        "refusal_reason": _tr("Refusal reason"), "title": _tr("Title"), "kind": _tr("Kind"),
        "planned_at": _tr("Planned date"), "lost_reason": _tr("Lost reason"), "tag": _tr("Tag"),
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
    QMessageBox.warning(parent, title or _tr("Kartoteka"), message(exc))
