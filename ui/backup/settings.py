"""This computer's backup choices (QSettings) and the "Backups" box of Settings ▸ General."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QWidget)

from app.backup_schedule import BackupPolicy, default_backup_folder

FOLDER_KEY = "backup/folder"
MANUAL_FOLDER_KEY = "backup/manual_folder"
AUTOMATIC_KEY = "backup/automatic"
EVERY_HOURS_KEY = "backup/every_hours"
KEEP_DAILY_KEY = "backup/keep_daily"
KEEP_WEEKLY_KEY = "backup/keep_weekly"
KEEP_MONTHLY_KEY = "backup/keep_monthly"
WARN_DAYS_KEY = "backup/warn_after_days"
DEFAULTS = {EVERY_HOURS_KEY: 24, KEEP_DAILY_KEY: 7, KEEP_WEEKLY_KEY: 4, KEEP_MONTHLY_KEY: 12, WARN_DAYS_KEY: 7}


def backup_folder() -> Path:
    return Path(str(QSettings().value(FOLDER_KEY, "") or default_backup_folder()))


def manual_folder() -> str:
    """Where "Back up now…" saved last (a USB stick, say); empty if never."""
    return str(QSettings().value(MANUAL_FOLDER_KEY, "") or "")


def _int(settings: QSettings, key: str) -> int:
    try:
        return int(settings.value(key, DEFAULTS[key]))
    except (TypeError, ValueError):
        return DEFAULTS[key]


def load_policy() -> BackupPolicy:
    s = QSettings()
    return BackupPolicy(backup_folder(), automatic=s.value(AUTOMATIC_KEY, True, type=bool),
                        every_hours=_int(s, EVERY_HOURS_KEY), keep_daily=_int(s, KEEP_DAILY_KEY),
                        keep_weekly=_int(s, KEEP_WEEKLY_KEY), keep_monthly=_int(s, KEEP_MONTHLY_KEY),
                        warn_after_days=_int(s, WARN_DAYS_KEY))


class BackupSettings(QObject):
    """The rows of the "Backups" section (widgets of ``parent``), added to its form."""

    changed = Signal()
    """A backup setting was changed (and saved)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        policy = load_policy()
        self.title = QLabel(self.tr("Backups"), parent)
        self.title.setObjectName("SectionTitle")

        self.folder = QLineEdit(str(policy.folder), parent)
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.folder.setMinimumWidth(360)
        self.choose = QPushButton(self.tr("Choose…"), parent)
        self.folder_row = QWidget(parent)
        row = QHBoxLayout(self.folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)

        self.automatic = QCheckBox(self.tr("Back up automatically: every day and when Kartoteka closes"), parent)
        self.automatic.setChecked(policy.automatic)
        self.every_hours = self._spin(1, 24 * 7, int(policy.every_hours), self.tr(" hours"))
        self.keep_daily = self._spin(1, 365, policy.keep_daily, "")
        self.keep_weekly = self._spin(0, 260, policy.keep_weekly, "")
        self.keep_monthly = self._spin(0, 240, policy.keep_monthly, "")
        self.keep_row = QWidget(parent)
        keep = QHBoxLayout(self.keep_row)
        keep.setContentsMargins(0, 0, 0, 0)
        self.keep_daily.setAccessibleName(self.tr("Daily backups to keep"))
        self.keep_weekly.setAccessibleName(self.tr("Weekly backups to keep"))
        self.keep_monthly.setAccessibleName(self.tr("Monthly backups to keep"))
        for spin, label in ((self.keep_daily, self.tr("daily,")), (self.keep_weekly, self.tr("weekly,")),
                            (self.keep_monthly, self.tr("monthly"))):
            keep.addWidget(spin)
            keep.addWidget(QLabel(label, self.keep_row))
        keep.addStretch(1)
        self.warn_days = self._spin(1, 365, int(policy.warn_after_days), self.tr(" days"))
        self.note = QLabel(self.tr("These settings belong to this computer. Older automatic backups "
                                   "are deleted, keeping the newest of each day, week and month."), parent)
        self.note.setObjectName("PageHint")
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(360)

        self.choose.clicked.connect(self.on_choose_clicked)
        self.automatic.toggled.connect(self.on_automatic_toggled)
        for spin, key in ((self.every_hours, EVERY_HOURS_KEY), (self.keep_daily, KEEP_DAILY_KEY),
                          (self.keep_weekly, KEEP_WEEKLY_KEY), (self.keep_monthly, KEEP_MONTHLY_KEY),
                          (self.warn_days, WARN_DAYS_KEY)):
            spin.valueChanged.connect(lambda value, key=key: self._save(key, value))
        self.on_automatic_toggled(policy.automatic, save=False)

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self._parent)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setMinimumWidth(80)
        return spin

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.title)
        form.addRow(self.tr("Folder:"), self.folder_row)
        form.addRow("", self.automatic)
        form.addRow(self.tr("Back up every:"), self.every_hours)
        form.addRow(self.tr("Keep:"), self.keep_row)
        form.addRow(self.tr("Warn after:"), self.warn_days)
        form.addRow("", self.note)

    def _save(self, key: str, value) -> None:
        QSettings().setValue(key, value)
        self.changed.emit()

    def on_choose_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self._parent, self.tr("Folder for the backups"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)
            self._save(FOLDER_KEY, chosen)

    def on_automatic_toggled(self, checked: bool, save: bool = True) -> None:
        self.every_hours.setEnabled(checked)
        if save:
            self._save(AUTOMATIC_KEY, checked)

    def focus_folder(self) -> None:
        self.choose.setFocus(Qt.FocusReason.OtherFocusReason)
