"""Settings.  First section, Interface: the language (applied at the next start)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpacerItem, QVBoxLayout, QWidget

from . import i18n


class SettingsPage(QWidget):
    language_changed = Signal(str)
    """The user chose another interface language ("system", "ru" or "en")."""

    def __init__(self, parent=None, *, database: str = ""):
        super().__init__(parent)
        self.setObjectName("Page")
        title = QLabel(self.tr("Settings"), self)
        title.setObjectName("PageTitle")

        interface = QLabel(self.tr("Interface"), self)
        interface.setObjectName("SectionTitle")
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.chosen_language())))
        self.language.setMinimumWidth(220)
        self.language_note = QLabel(self.tr("The language changes the next time Kartoteka starts."), self)
        self.language_note.setObjectName("PageHint")
        self.language_note.setWordWrap(True)
        self.language_note.setMinimumWidth(360)

        data = QLabel(self.tr("Data"), self)
        data.setObjectName("SectionTitle")
        self.database = QLabel(database, self)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.addRow(interface)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        form.addItem(QSpacerItem(0, 12))
        form.addRow(data)
        form.addRow(self.tr("Database file:"), self.database)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)

        self.language.currentIndexChanged.connect(self.on_language_current_index_changed)

    def on_language_current_index_changed(self, _index: int) -> None:
        value = self.language.currentData()
        i18n.set_chosen_language(value)
        self.language_changed.emit(value)
