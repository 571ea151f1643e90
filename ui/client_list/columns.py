"""The client list's columns, roles and the words for statuses and kinds."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClientList", text)


class Columns(IntEnum):
    NAME = 0
    KIND = 1
    PHONE = 2
    EMAIL = 3
    CITY = 4
    STATUS = 5
    RESPONSIBLE = 6
    NEXT_CONTACT = 7
    LAST_CONTACT = 8
    TAGS = 9
    CREATED = 10
    DELETED = 11


class Roles(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    """The client id of the row."""
    STATUS = Qt.ItemDataRole.UserRole + 2
    """The client's status code (lead / active / refused / archived)."""
    OVERDUE = Qt.ItemDataRole.UserRole + 3
    """True when the next contact date has passed."""


SORT_KEYS = {
    Columns.NAME: "name", Columns.KIND: "kind", Columns.CITY: "city", Columns.STATUS: "status",
    Columns.RESPONSIBLE: "responsible", Columns.NEXT_CONTACT: "next_contact",
    Columns.LAST_CONTACT: "last_contact", Columns.CREATED: "created", Columns.DELETED: "deleted",
}
"""Columns the list can sort by (in SQL); the others keep the current order."""

HIDDEN_BY_DEFAULT = (Columns.KIND, Columns.EMAIL, Columns.LAST_CONTACT, Columns.CREATED)


def headers() -> dict[Columns, str]:
    return {
        Columns.NAME: _tr("Name"),
        Columns.KIND: _tr("Kind"),
        Columns.PHONE: _tr("Phone"),
        Columns.EMAIL: _tr("E-mail"),
        Columns.CITY: _tr("City"),
        Columns.STATUS: _tr("Status"),
        Columns.RESPONSIBLE: _tr("Responsible"),
        Columns.NEXT_CONTACT: _tr("Next contact"),
        Columns.LAST_CONTACT: _tr("Last contact"),
        Columns.TAGS: _tr("Tags"),
        Columns.CREATED: _tr("Created"),
        Columns.DELETED: _tr("Deleted"),
    }


def status_names() -> dict[str, str]:
    return {"lead": _tr("Lead"), "active": _tr("Active"), "refused": _tr("Refused"),
            "archived": _tr("Archived")}


def kind_names() -> dict[str, str]:
    return {"person": _tr("Person"), "company": _tr("Company")}
