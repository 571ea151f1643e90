"""Translated labels, glyphs and colours for the core's codes (kinds, statuses)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def client_status_labels() -> dict[str, str]:
    return {
        "lead": QCoreApplication.translate("Labels", "Lead"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "refused": QCoreApplication.translate("Labels", "Refused"),
        "archived": QCoreApplication.translate("Labels", "Archived"),
    }


CLIENT_STATUS_COLORS = {"lead": "#1e88e5", "active": "#43a047", "refused": "#e53935",
                        "archived": "#757575"}


def activity_kind_labels() -> dict[str, str]:
    return {
        "call_in": QCoreApplication.translate("Labels", "Incoming call"),
        "call_out": QCoreApplication.translate("Labels", "Outgoing call"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "meeting": QCoreApplication.translate("Labels", "Meeting"),
        "task": QCoreApplication.translate("Labels", "Task"),
        "note": QCoreApplication.translate("Labels", "Note"),
        "feedback": QCoreApplication.translate("Labels", "Feedback"),
    }


def activity_status_labels() -> dict[str, str]:
    return {
        "planned": QCoreApplication.translate("Labels", "Planned"),
        "done": QCoreApplication.translate("Labels", "Done"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "overdue": QCoreApplication.translate("Labels", "Overdue"),
    }


# A glyph and a colour per activity kind (DejaVu Sans and Segoe UI Symbol have them all).
ACTIVITY_GLYPHS = {"call_in": ("☎", "#2e7d32"), "call_out": ("☎", "#1565c0"),
                   "email": ("✉", "#00838f"), "meeting": ("⚑", "#6a1b9a"),
                   "task": ("✔", "#ef6c00"), "note": ("✎", "#546e7a"),
                   "feedback": ("★", "#c2185b")}
ARROWS = {"call_in": "↙", "call_out": "↗"}

OVERDUE_COLOR = "#c62828"
PLANNED_BACKGROUND = "#fff8e1"


def position_suggestions() -> list[str]:
    return [
        QCoreApplication.translate("Labels", "Director"),
        QCoreApplication.translate("Labels", "Accountant"),
        QCoreApplication.translate("Labels", "Chief accountant"),
        QCoreApplication.translate("Labels", "Purchaser"),
        QCoreApplication.translate("Labels", "Manager"),
        QCoreApplication.translate("Labels", "Sales manager"),
        QCoreApplication.translate("Labels", "Engineer"),
        QCoreApplication.translate("Labels", "Secretary"),
        QCoreApplication.translate("Labels", "Owner"),
    ]
