"""The welcome on a brand-new database: the company name, the phone country and the
language, where the data lives, and four ways to begin.

    dialog = WelcomeDialog(database_path, parent)
    dialog.exec()
    dialog.choice   # "empty" | "demo" | "import" | "restore"; None if closed without choosing

"demo" has already filled the database (in a worker); "import" and "restore" ask the
caller to open the import wizard or the restore flow.  Every choice but "restore" stores
the answers (``app.first_run.finish_first_run``): a restored backup brings its own.
"""
from __future__ import annotations

import html
from urllib.parse import urlsplit

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QCommandLinkButton, QDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget)

from app import settings
from app.demo import generate
from app.first_run import MAX_COMPANY_NAME, PHONE_REGIONS, calling_code, finish_first_run

from . import i18n, style
from .backup.settings import backup_folder as configured_folder, load_policy
from .errors import show_error
from .workers import run_in_worker

DEMO_CLIENTS = 300
CHOICES = ("empty", "demo", "import", "restore")

CHOICE_STYLE = """
QCommandLinkButton {
    border: 1px solid #d5dbe3; border-radius: 8px; background: #ffffff;
    padding: 8px; color: #1f2d3d;
}
QCommandLinkButton:hover { border-color: #2f6fde; background: #f3f7fe; }
QCommandLinkButton:focus { border: 2px solid #2f6fde; }
QCommandLinkButton:disabled { color: #a0a8b3; background: #f7f8fa; }
"""


def _shown_location(database: str) -> str:
    """The database file, or a server address without its user and password."""
    if "://" not in database:
        return database
    parts = urlsplit(database)
    return parts._replace(netloc=(parts.hostname or "") + (f":{parts.port}" if parts.port else "")).geturl()


class WelcomeDialog(QDialog):
    chosen = Signal(str)
    """The user chose how to begin (one of ``CHOICES``); the answers are stored."""

    def __init__(self, database_path: str = "", parent=None, *, demo_clients: int = DEMO_CLIENTS,
                 backup_folder: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Kartoteka"))
        self.choice: str | None = None
        self.demo_clients = demo_clients
        self._task = None

        title = QLabel(self.tr("Welcome to Kartoteka!"), self)
        title.setObjectName("PageTitle")
        intro = QLabel(self.tr("Your clients, calls, deals and reminders in one card index on this "
                               "computer. Three questions, then choose how to begin."), self)
        intro.setWordWrap(True)

        self.company_edit = QLineEdit(self)
        self.company_edit.setMaxLength(MAX_COMPANY_NAME)
        self.company_edit.setPlaceholderText(self.tr("For example: Romashka LLC"))
        self.company_edit.setMinimumWidth(340)
        self.region_combo = QComboBox(self)
        self._fill_regions(settings.phone_region())
        region_note = self._hint(self.tr("Phone numbers typed without a country code are read as "
                                         "numbers of this country."))
        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("System language"), "system")
        self.language_combo.addItem("Русский", "ru")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(i18n.chosen_language())))
        language_note = self._hint(self.tr("The language changes the next time Kartoteka starts."))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Company name:"), self.company_edit)
        form.addRow(self.tr("Phone country:"), self.region_combo)
        form.addRow("", region_note)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow("", language_note)

        self.data_label = self._hint(self._data_text(database_path, backup_folder))
        self.data_label.setWordWrap(True)
        self.data_label.setTextFormat(Qt.TextFormat.RichText)
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.empty_button = self._choice_button(
            "plus", self.tr("Start empty"), self.tr("An empty card index: add clients as they come"))
        self.demo_button = self._choice_button(
            "clients", self.tr("Open the demo database"),
            self.tr("{count} made-up clients with deals and calls, to try everything out")
            .format(count=demo_clients))
        self.import_button = self._choice_button(
            "reports", self.tr("Import my spreadsheet"),
            self.tr("Bring in clients from Excel, a 1C export or a phone's contacts"))
        self.restore_button = self._choice_button(
            "restore", self.tr("Restore from a backup"),
            self.tr("Continue with the data of a Kartoteka backup (.kbak)"))
        choices = QGridLayout()
        choices.setSpacing(12)
        for i, button in enumerate(self.choice_buttons()):
            choices.addWidget(button, i // 2, i % 2)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress_label = QLabel(self.tr("Creating the demo clients, deals and calls…"), self)
        self.progress_row = QWidget(self)
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        policy = self.progress_row.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the buttons keep their room while the demo is made
        self.progress_row.setSizePolicy(policy)
        self.progress_row.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.data_label)
        layout.addSpacing(6)
        layout.addLayout(choices)
        layout.addWidget(self.progress_row)
        self.setStyleSheet(CHOICE_STYLE)

        self.empty_button.clicked.connect(self.on_empty_button_clicked)
        self.demo_button.clicked.connect(self.on_demo_button_clicked)
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)

    # ----------------------------------------------------------------- building

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("PageHint")
        return label

    def _choice_button(self, icon: str, title: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description, self)
        button.setIcon(style.icon(icon, style.ACCENT))
        button.setIconSize(QSize(28, 28))
        button.setMinimumWidth(320)
        return button

    def _fill_regions(self, current: str) -> None:
        names = {"RU": self.tr("Russia"), "BY": self.tr("Belarus"), "KZ": self.tr("Kazakhstan"),
                 "UA": self.tr("Ukraine"), "UZ": self.tr("Uzbekistan"), "KG": self.tr("Kyrgyzstan"),
                 "TJ": self.tr("Tajikistan"), "AM": self.tr("Armenia"), "GE": self.tr("Georgia"),
                 "AZ": self.tr("Azerbaijan"), "MD": self.tr("Moldova"), "DE": self.tr("Germany"),
                 "US": self.tr("United States")}
        regions = list(PHONE_REGIONS) + ([current] if current not in PHONE_REGIONS else [])
        for region in regions:
            self.region_combo.addItem(f"{names.get(region, region)}  (+{calling_code(region)})", region)
        self.region_combo.setCurrentIndex(self.region_combo.findData(current))

    def _data_text(self, database_path: str, backup_folder: str | None) -> str:
        folder = html.escape(backup_folder or str(configured_folder()))
        text = self.tr("Everything is kept in one file on this computer:<br>{path}").format(
            path=f"<b>{html.escape(_shown_location(str(database_path)))}</b>")
        if load_policy().automatic:
            text += "<br>" + self.tr("Kartoteka backs it up by itself every day and when it closes, "
                                     "into the folder<br>{folder}").format(folder=f"<b>{folder}</b>")
        return text

    def choice_buttons(self) -> list[QCommandLinkButton]:
        return [self.empty_button, self.demo_button, self.import_button, self.restore_button]

    # ----------------------------------------------------------------- behaviour

    def company_name(self) -> str:
        return self.company_edit.text().strip()

    def phone_region(self) -> str:
        return self.region_combo.currentData()

    def language(self) -> str:
        return self.language_combo.currentData()

    def is_busy(self) -> bool:
        return self._task is not None

    def _finish(self, choice: str) -> None:
        """Store the answers (not for a restore) and close with ``choice``."""
        i18n.set_chosen_language(self.language())
        if choice != "restore":
            try:
                finish_first_run(self.company_name(), self.phone_region())
            except Exception as exc:  # noqa: BLE001 - said to the user; the dialog stays open
                show_error(self, exc, self.tr("Welcome to Kartoteka"))
                return
        self.choice = choice
        self.chosen.emit(choice)
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        for widget in (*self.choice_buttons(), self.company_edit, self.region_combo, self.language_combo):
            widget.setEnabled(not busy)
        self.progress_row.setVisible(busy)

    def on_empty_button_clicked(self) -> None:
        self._finish("empty")

    def on_import_button_clicked(self) -> None:
        self._finish("import")

    def on_restore_button_clicked(self) -> None:
        self._finish("restore")

    def on_demo_button_clicked(self) -> None:
        count = self.demo_clients
        self._set_busy(True)
        self._task = run_in_worker(lambda _progress, _cancelled: generate(count),
                                   on_done=self.on_demo_done, on_error=self.on_demo_failed, parent=self)

    def on_demo_done(self, _stats) -> None:
        self._task = None
        self._set_busy(False)
        self._finish("demo")

    def on_demo_failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        show_error(self, exc, self.tr("Open the demo database"))

    def reject(self) -> None:
        if not self.is_busy():  # the demo is written in one transaction: let it end
            super().reject()
