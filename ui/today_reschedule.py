"""The Today panel's "Reschedule" menu: tomorrow or in three days at the same time, or a
date and time the user picks; the move itself is ``ui.calendar.editing``'s (undoable)."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QMenu, QVBoxLayout, QWidget


def reschedule_menu(row, parent: QWidget) -> QMenu:
    """The menu that moves the activity (or missed contact) ``row``."""
    menu = QMenu(QCoreApplication.translate("TodayPanel", "Reschedule"), parent)
    menu.addAction(QCoreApplication.translate("TodayPanel", "Tomorrow")).triggered.connect(lambda: reschedule_by(parent, row, 1))
    menu.addAction(QCoreApplication.translate("TodayPanel", "In 3 days")).triggered.connect(lambda: reschedule_by(parent, row, 3))
    menu.addAction(QCoreApplication.translate("TodayPanel", "Pick a date…")).triggered.connect(lambda: reschedule_by(parent, row, None))
    return menu


def reschedule_by(parent: QWidget, row, days: int | None) -> None:
    """Move to the same time ``days`` days from today, or to a date the user picks."""
    from app import recurrence
    from app.today import MissedContact
    from ui.calendar import editing
    from ui.calendar.common import local_now
    when = row.next_contact_at if isinstance(row, MissedContact) else row.planned_at
    current = recurrence.to_local(when)
    if days is None:
        new = ask_datetime(parent, max(current, local_now().replace(second=0, microsecond=0)))
    else:
        new = datetime.combine(local_now().date() + timedelta(days=days), current.time())
    if new is not None:
        editing.reschedule_from_today(parent, row, new)


def ask_datetime(parent: QWidget, initial: datetime) -> datetime | None:
    from ui.formatting import qdatetime
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("TodayPanel", "Reschedule"))
    edit = QDateTimeEdit(qdatetime(initial), dialog)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy HH:mm")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = edit.dateTime().toPython().replace(second=0, microsecond=0)
    dialog.deleteLater()
    return value if accepted else None
