"""Settings ▸ General ▸ "Office mode (PostgreSQL)…": where the office's server is, a
connection test, copying this database there, and the choice kept for the next start.

The address is kept in QSettings without the password.  The password is asked at each
start, or kept in the system keyring when the ``keyring`` package is installed and the
user asks for it; it reaches the driver through ``PGPASSWORD``, so no address shown
anywhere contains it.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from app.office import check_server, make_url, safe_url

URL_KEY = "office/url"
KEYRING_SERVICE = "Kartoteka"


def _keyring():
    try:
        import keyring  # optional: not a dependency
    except ImportError:
        return None
    return keyring


def office_url() -> str:
    """The office database chosen in Settings (no password), or ""."""
    return str(QSettings().value(URL_KEY, "") or "")


def office_target() -> str | None:
    """At start: the office database's address, its password asked (or read from the
    keyring) and handed to the driver; None to work on this computer's file."""
    url = office_url()
    if not url:
        return None
    ring = _keyring()
    password = ring.get_password(KEYRING_SERVICE, url) if ring else None
    if password is None and QSettings().value("office/ask_password", False, type=bool):
        password, ok = QInputDialog.getText(None, "Kartoteka",
                                            QCoreApplication.translate("OfficeDialog", "Password for {0}:")
                                            .format(url), QLineEdit.EchoMode.Password)
        if not ok:
            return None
    if password:
        os.environ["PGPASSWORD"] = password
    return url


class OfficeDialog(QDialog):
    """Host, port, database, user, password; Test connection; Copy this database there."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Office mode (PostgreSQL)"))
        intro = QLabel(self.tr("Several people can work on one database on a PostgreSQL server. "
                               "Enter the server's details, test the connection, and copy this "
                               "database there once; then every computer of the office opens it."), self)
        intro.setWordWrap(True)
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.port.setMaximumWidth(120)
        self.database = QLineEdit("kartoteka", self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        self.remember.setVisible(_keyring() is not None)
        self.load(office_url())

        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.copy_button = QPushButton(self.tr("Copy this database there…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(40)

        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        actions = QHBoxLayout()
        actions.addWidget(self.test_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.local_button = self.buttons.addButton(self.tr("Use this computer's file"),
                                                   QDialogButtonBox.ButtonRole.ResetRole)
        self.local_button.setVisible(bool(office_url()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self.test_button.clicked.connect(self.on_test_button_clicked)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.local_button.clicked.connect(self.on_local_button_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def load(self, url: str) -> None:
        if not url:
            return
        from db.postgres import parse_url
        try:
            params = parse_url(url)
        except Exception:  # noqa: BLE001 - a hand-edited setting: start from the defaults
            return
        self.host.setText(params["host"])
        self.port.setValue(int(params["port"]))
        self.database.setText(params["dbname"])
        self.user.setText(params["user"])

    def url(self, with_password: bool = True) -> str:
        return make_url(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                        self.user.text().strip(), self.password.text() if with_password else "")

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setObjectName("PageHint" if ok else "ErrorText")
        self.status.setStyleSheet("" if ok else "color: #c62828;")

    def on_test_button_clicked(self) -> None:
        from .errors import message
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            info = check_server(self.url())
        except Exception as exc:  # noqa: BLE001 - said in the dialog
            self._say(message(exc), ok=False)
            return
        finally:
            self.unsetCursor()
        if info.kartoteka:
            text = self.tr("Connected ({0}). The database holds Kartoteka data: {1} clients.").format(
                info.version, info.clients)
        elif info.empty:
            text = self.tr("Connected ({0}). The database is empty: copy this database there.").format(info.version)
        else:
            text = self.tr("Connected ({0}), but the database holds another program's tables.").format(info.version)
        self._say(text, ok=True)

    def on_copy_button_clicked(self) -> None:
        from app.db_copy import copy_database
        from db.models import database_proxy

        from .errors import message
        from .workers import run_in_worker
        url = self.url()
        self.copy_button.setEnabled(False)
        self._say(self.tr("Copying… the tables are counted on both sides at the end."), ok=True)

        def work(progress, cancelled):
            return copy_database(database_proxy.obj, url)

        def done(counts):
            self.copy_button.setEnabled(True)
            self._say(self.tr("Copied {0} rows; every table's count matches. Press OK to work there "
                              "from the next start.").format(sum(counts.values())), ok=True)

        def failed(exc):
            self.copy_button.setEnabled(True)
            self._say(message(exc), ok=False)

        self.task = run_in_worker(work, on_done=done, on_error=failed)

    def on_local_button_clicked(self) -> None:
        QSettings().remove(URL_KEY)
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("Kartoteka will open this computer's file the next time it starts."))
        self.reject()

    def accept(self) -> None:
        url = self.url(with_password=False)
        settings = QSettings()
        settings.setValue(URL_KEY, url)
        ring = _keyring()
        if ring is not None and self.remember.isChecked() and self.password.text():
            ring.set_password(KEYRING_SERVICE, url, self.password.text())
        settings.setValue("office/ask_password", bool(self.password.text()) and not self.remember.isChecked())
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("Restart Kartoteka to work on {0}.").format(safe_url(url)))
        super().accept()


def add_office_row(page, form: QFormLayout) -> None:
    """The "Office mode (PostgreSQL)…" button under the database file in Settings ▸ General."""
    button = QPushButton(QCoreApplication.translate("OfficeDialog", "Office mode (PostgreSQL)…"), page)
    button.setObjectName("OfficeModeButton")
    button.clicked.connect(lambda: OfficeDialog(page).exec())
    page.office_button = button
    form.addRow("", button)
