"""The client list's columns, roles and the words for statuses and kinds."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt


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
    COLOR = Qt.ItemDataRole.UserRole + 4
    """The row's colour: its most advanced open deal's stage, else its status."""


SORT_KEYS = {
    Columns.NAME: "name", Columns.KIND: "kind", Columns.CITY: "city", Columns.STATUS: "status",
    Columns.RESPONSIBLE: "responsible", Columns.NEXT_CONTACT: "next_contact",
    Columns.LAST_CONTACT: "last_contact", Columns.CREATED: "created", Columns.DELETED: "deleted",
}
"""Columns the list can sort by (in SQL); the others keep the current order."""

HIDDEN_BY_DEFAULT = (Columns.KIND, Columns.EMAIL, Columns.LAST_CONTACT, Columns.CREATED)


def headers() -> dict[Columns, str]:
    return {
        Columns.NAME: QCoreApplication.translate("ClientList", "Name"),
        Columns.KIND: QCoreApplication.translate("ClientList", "Kind"),
        Columns.PHONE: QCoreApplication.translate("ClientList", "Phone"),
        Columns.EMAIL: QCoreApplication.translate("ClientList", "E-mail"),
        Columns.CITY: QCoreApplication.translate("ClientList", "City"),
        Columns.STATUS: QCoreApplication.translate("ClientList", "Status"),
        Columns.RESPONSIBLE: QCoreApplication.translate("ClientList", "Responsible"),
        Columns.NEXT_CONTACT: QCoreApplication.translate("ClientList", "Next contact"),
        Columns.LAST_CONTACT: QCoreApplication.translate("ClientList", "Last contact"),
        Columns.TAGS: QCoreApplication.translate("ClientList", "Tags"),
        Columns.CREATED: QCoreApplication.translate("ClientList", "Created"),
        Columns.DELETED: QCoreApplication.translate("ClientList", "Deleted"),
    }


def status_names() -> dict[str, str]:
    return {
        "lead": QCoreApplication.translate("ClientList", "Lead"),
        "active": QCoreApplication.translate("ClientList", "Active"),
        "refused": QCoreApplication.translate("ClientList", "Refused"),
        "archived": QCoreApplication.translate("ClientList", "Archived"),
    }


def kind_names() -> dict[str, str]:
    return {
        "person": QCoreApplication.translate("ClientList", "Person"),
        "company": QCoreApplication.translate("ClientList", "Company"),
    }
