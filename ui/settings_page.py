"""Settings: General (language, tray, data file, backups), Funnel (pipelines and stages),
the client card's own fields and the funnel's automation rules."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QFrame, QLabel, QScrollArea, QSpacerItem,
                               QSystemTrayIcon, QTabWidget, QVBoxLayout, QWidget)

from . import i18n, style
from .backup.settings import BackupSettings
from .reminders import CLOSE_TO_TRAY_KEY


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
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("As the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(style.chosen_theme())))
        self.theme.setMinimumWidth(220)
        self.theme.setToolTip(self.tr("Light or dark colours; the change shows the next time Kartoteka starts."))
        self.language_note = QLabel(self.tr("The language and the look change the next time Kartoteka starts."), self)
        self.language_note.setObjectName("PageHint")
        self.language_note.setWordWrap(True)
        self.language_note.setMinimumWidth(360)

        self.close_to_tray = QCheckBox(self.tr("Keep reminding from the tray when the window is closed"), self)
        tray = QSystemTrayIcon.isSystemTrayAvailable()
        self.close_to_tray.setEnabled(tray)
        self.close_to_tray.setChecked(tray and QSettings().value(CLOSE_TO_TRAY_KEY, True, type=bool))
        if not tray:
            self.close_to_tray.setToolTip(self.tr("This desktop has no system tray; reminders show "
                                                  "in a window while Kartoteka runs."))

        data = QLabel(self.tr("Data"), self)
        data.setObjectName("SectionTitle")
        self.database = QLabel(database, self)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database.setWordWrap(True)
        self.database.setMinimumWidth(360)  # a long path wraps instead of hiding its file name
        self.backup_settings = BackupSettings(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.addRow(interface)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Look:"), self.theme)
        form.addRow("", self.language_note)
        form.addRow("", self.close_to_tray)
        form.addItem(QSpacerItem(0, 12))
        form.addRow(data)
        form.addRow(self.tr("Database file:"), self.database)
        from .office_dialog import add_office_row; add_office_row(self, form)  # noqa: E702 - PostgreSQL
        form.addItem(QSpacerItem(0, 12))
        self.backup_settings.add_to(form)
        from .access_settings import AccessSettings  # may managers read each other's records
        self.access_settings = AccessSettings(self)
        self.access_settings.add_to(form)

        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.setContentsMargins(12, 12, 12, 12)
        general_layout.addLayout(form)
        general_layout.addStretch(1)
        from .stages_editor import StagesEditor
        self.stages_editor = StagesEditor(self)
        self.tabs = QTabWidget(self)
        self.general_tab = general
        self.general_scroll = scroll = QScrollArea(self)  # on a small screen the form scrolls instead of squeezing its notes
        scroll.setWidget(general)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(scroll, self.tr("General"))
        from .requisites_editor import RequisitesEditor  # the company's requisites for documents
        self.requisites_editor = RequisitesEditor(self)
        self.tabs.addTab(self.requisites_editor, self.tr("Company"))
        self.tabs.addTab(self.stages_editor, self.tr("Funnel stages"))
        from .custom_fields_editor import CustomFieldsEditor
        self.custom_fields_editor = CustomFieldsEditor(self)
        self.tabs.addTab(self.custom_fields_editor, self.tr("Client fields"))
        from .automation_editor import AutomationEditor
        self.automation_editor = AutomationEditor(self)
        self.tabs.addTab(self.automation_editor, self.tr("Automation"))
        from .campaigns_editor import CampaignsEditor  # advertising campaigns (app.campaigns)
        self.campaigns_editor = CampaignsEditor(self)
        self.tabs.addTab(self.campaigns_editor, self.tr("Campaigns"))
        from .employees_editor import EmployeesEditor  # read-only, own password only, unless the owner
        self.employees_editor = EmployeesEditor(self)
        self.tabs.addTab(self.employees_editor, self.tr("Employees"))

        from .access_ui import apply_settings
        apply_settings(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.language.currentIndexChanged.connect(self.on_language_current_index_changed)
        self.close_to_tray.toggled.connect(self.on_close_to_tray_toggled)
        self.theme.currentIndexChanged.connect(lambda _i: style.set_chosen_theme(self.theme.currentData()))

    def on_close_to_tray_toggled(self, checked: bool) -> None:
        QSettings().setValue(CLOSE_TO_TRAY_KEY, checked)

    def on_language_current_index_changed(self, _index: int) -> None:
        value = self.language.currentData()
        i18n.set_chosen_language(value)
        self.language_changed.emit(value)

    def show_backups(self) -> None:
        """Bring the backup settings into view (the status line was clicked)."""
        self.tabs.setCurrentWidget(self.general_scroll)
        self.backup_settings.focus_folder()
