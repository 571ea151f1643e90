"""Translated labels, glyphs and colours for the core's codes (kinds, statuses)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def client_status_labels() -> dict[str, str]:
    return {"lead": _tr("Lead"), "active": _tr("Active"), "refused": _tr("Refused"),
            "archived": _tr("Archived")}


CLIENT_STATUS_COLORS = {"lead": "#1e88e5", "active": "#43a047", "refused": "#e53935",
                        "archived": "#757575"}


def activity_kind_labels() -> dict[str, str]:
    return {"call_in": _tr("Incoming call"), "call_out": _tr("Outgoing call"),
            "email": _tr("E-mail"), "meeting": _tr("Meeting"), "task": _tr("Task"),
            "note": _tr("Note"), "feedback": _tr("Feedback")}


def activity_status_labels() -> dict[str, str]:
    return {"planned": _tr("Planned"), "done": _tr("Done"), "cancelled": _tr("Cancelled"),
            "overdue": _tr("Overdue")}


# A glyph and a colour per activity kind (DejaVu Sans and Segoe UI Symbol have them all).
ACTIVITY_GLYPHS = {"call_in": ("☎", "#2e7d32"), "call_out": ("☎", "#1565c0"),
                   "email": ("✉", "#00838f"), "meeting": ("⚑", "#6a1b9a"),
                   "task": ("✔", "#ef6c00"), "note": ("✎", "#546e7a"),
                   "feedback": ("★", "#c2185b")}
ARROWS = {"call_in": "↙", "call_out": "↗"}

OVERDUE_COLOR = "#c62828"
PLANNED_BACKGROUND = "#fff8e1"


def position_suggestions() -> list[str]:
    return [_tr("Director"), _tr("Accountant"), _tr("Chief accountant"), _tr("Purchaser"),
            _tr("Manager"), _tr("Sales manager"), _tr("Engineer"), _tr("Secretary"),
            _tr("Owner")]
