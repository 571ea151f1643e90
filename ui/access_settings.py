"""Settings ▸ General ▸ Access: may managers read the records of other managers?
(Company-wide: stored in the database through ``app.settings``; only the owner changes it.)"""
from __future__ import annotations

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpacerItem, QWidget

from app import access, settings
from app.errors import KartotekaError

from .errors import show_error


class AccessSettings(QObject):
    """The rows of the "Access" section (widgets of ``parent``), added to its form."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        self.title = QLabel(self.tr("Access"), parent)
        self.title.setObjectName("SectionTitle")
        self.see_all = QCheckBox(self.tr("Managers may read the clients, deals and activities "
                                         "of other managers"), parent)
        self.see_all.setChecked(access.managers_see_all())
        self.see_all.setEnabled(access.can("settings"))
        self.note = QLabel(self.tr("They still change only their own. The owner sees everything; "
                                   "a viewer reads everything and changes nothing."), parent)
        self.note.setObjectName("PageHint")
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(360)
        self.see_all.toggled.connect(self.on_see_all_toggled)

    def add_to(self, form: QFormLayout) -> None:
        form.addItem(QSpacerItem(0, 12))
        form.addRow(self.title)
        form.addRow("", self.see_all)
        form.addRow("", self.note)

    def on_see_all_toggled(self, checked: bool) -> None:
        try:
            settings.put(access.SEE_ALL_KEY, bool(checked))
        except KartotekaError as exc:
            with QSignalBlocker(self.see_all):
                self.see_all.setChecked(not checked)
            show_error(self._parent, exc)
