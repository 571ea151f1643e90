"""Settings ▸ General ▸ Office mode (PostgreSQL)…: test the connection, copy this database
to the server, keep the address (never the password) for the next start."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.clients import ClientData, create_client
from tests.ui.conftest import type_text
from ui.office_dialog import URL_KEY, OfficeDialog, office_target


def _fill(dialog, server, dbname: str, password: str = "") -> None:
    for field, text in ((dialog.host, "127.0.0.1"), (dialog.database, dbname), (dialog.user, "postgres"),
                        (dialog.password, password)):
        field.clear()
        type_text(field, text)
    dialog.port.setValue(server.port)


def test_settings_opens_the_office_dialog(db, qtbot):
    from ui.settings_page import SettingsPage
    page = SettingsPage(database="/tmp/kartoteka.db")
    qtbot.addWidget(page)
    assert page.office_button.text().startswith("Office mode")


def test_test_connection_says_what_is_wrong_then_what_is_there(db, qtbot, server):
    dialog = OfficeDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, server, "no_such_db")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.status.text()

    name = server.new_database().rsplit("/", 1)[1]
    _fill(dialog, server, name)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "Connected (PostgreSQL" in dialog.status.text() and "empty" in dialog.status.text()


def test_copy_there_then_ok_keeps_the_address_without_the_password(db, qtbot, server, monkeypatch):
    create_client(ClientData(name="Переезжает в офис", kind="company"))
    name = server.new_database().rsplit("/", 1)[1]
    dialog = OfficeDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, server, name, password="secret")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Copied" in dialog.status.text() or "Cannot" in dialog.status.text(), timeout=20000)
    assert "every table's count matches" in dialog.status.text()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "1 clients" in dialog.status.text()

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    stored = QSettings().value(URL_KEY)
    assert stored == f"postgresql://postgres@127.0.0.1:{server.port}/{name}"
    assert "secret" not in stored and told and "Restart" in told[0]
    # the next start asks the password (none kept in a keyring here) and opens the server
    monkeypatch.setattr("ui.office_dialog.QInputDialog.getText", lambda *a, **k: ("secret", True))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert office_target() == stored
    import os
    assert os.environ.pop("PGPASSWORD") == "secret"
