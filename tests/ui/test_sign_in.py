"""Signing in beyond the start dialog: after a restore the restored database asks who
signs in (Cancel quits, signed out); ``--user NAME`` pre-fills the dialog or, with
``KARTOTEKA_PASSWORD``, signs in without it; refusals name the role and the action in
the user's language."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from app import access, context, employees
from app.backup import make_backup
from app.clients import ClientData, create_client
from db.models import Client

from .conftest import when_modal
from .test_login_dialog import sign_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def team(db):
    """The owner and Anna (a manager), both with passwords; signed out again after."""
    owner = context.current_employee_id()
    employees.set_password(owner, "owner-secret")
    anna = employees.create_employee("Анна Петрова", login="anna")
    employees.set_password(anna, "secret-1")
    yield {"owner": owner, "anna": anna}
    access.set_anonymous(False)


def when_login(handler, timeout_ms: int = 10_000) -> list:
    """``handler(dialog)`` once the login dialog is the modal window (a restore shows its
    progress window first)."""
    from ui.login_dialog import LoginDialog
    return when_modal(handler, timeout_ms, kind=LoginDialog)


@pytest.fixture
def restoring(team, db_path, tmp_path, qtbot, monkeypatch):
    """A window of the owner, a backup of one client taken before a second was added;
    returns the session and a function that restores the backup."""
    from ui.application import Session
    create_client(ClientData(name="Иванов"))
    backup = make_backup(tmp_path / "backups")
    create_client(ClientData(name="Добавлен после копии"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    session = Session(str(db_path), automatic_backups=False)
    session.open_window().show()  # closed and deleted by the restore
    return session, lambda: session.on_window_restore_requested(str(backup))


def test_after_a_restore_the_restored_database_asks_who_signs_in(restoring, team, qtbot):
    session, restore = restoring
    seen = when_login(lambda d: sign_in(d, "anna", "secret-1"))
    restore()
    assert seen, "the login dialog was not shown"
    window = session.window
    qtbot.addWidget(window)
    assert window.isVisible() and window.windowTitle() == "Kartoteka — Анна Петрова"
    assert context.current_employee_id() == team["anna"] and Client.select().count() == 1


def test_cancel_after_a_restore_quits_signed_out_on_the_restored_data(restoring, monkeypatch):
    session, restore = restoring
    exits = []
    monkeypatch.setattr(QCoreApplication, "exit", lambda code=0: exits.append(code))
    seen = when_login(lambda d: d.reject())
    restore()
    assert seen and exits == [0]
    assert session.window is None  # no window opens for nobody
    assert access.role() == "anonymous" and not access.can("edit")
    assert Client.select().count() == 1  # the restore itself stands


def test_user_with_the_password_in_the_environment_signs_in_without_the_dialog(team, monkeypatch):
    from ui.sign_in import sign_in_at_start
    monkeypatch.setenv("KARTOTEKA_PASSWORD", "secret-1")
    shown = when_login(lambda d: d.reject(), timeout_ms=300)
    assert sign_in_at_start("anna", interactive=True) is None
    assert not shown and context.current_employee_id() == team["anna"]
    monkeypatch.setenv("KARTOTEKA_PASSWORD", "owner-secret")
    assert sign_in_at_start("Владелец", interactive=False) is None  # a scripted run, too
    assert context.current_employee_id() == team["owner"]


def test_user_without_a_password_prefills_the_dialog(team, monkeypatch, qtbot):
    from ui.sign_in import sign_in_at_start
    monkeypatch.delenv("KARTOTEKA_PASSWORD", raising=False)
    QSettings().setValue("login/last_user", "Владелец")
    names = []

    def answer(dialog):
        names.append(dialog.name_combo.currentText())
        qtbot.keyClicks(dialog.password_edit, "secret-1")  # the name is there: only the password
        dialog.sign_in_button.click()
    seen = when_login(answer)
    assert sign_in_at_start("anna", interactive=True) is None
    assert seen and names == ["anna"] and context.current_employee_id() == team["anna"]


def test_a_wrong_password_in_the_environment_shows_the_dialog_with_the_reason(team, monkeypatch):
    from ui.sign_in import sign_in_at_start
    monkeypatch.setenv("KARTOTEKA_PASSWORD", "wrong")
    said = []

    def answer(dialog):
        said.append((dialog.name_combo.currentText(), dialog.error_label.text(), dialog.error_label.isVisible()))
        dialog.reject()
    seen = when_login(answer)
    assert sign_in_at_start("anna", interactive=True) == 0  # Cancel: Kartoteka does not open
    assert seen and said == [("anna", "The name or the password is wrong.", True)]


def test_an_unattended_start_with_a_wrong_password_stops_with_the_reason(team, db_path, tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "KARTOTEKA_PASSWORD": "wrong"}
    result = subprocess.run([sys.executable, "-m", "app", "--db", str(db_path), "--user", "anna",
                             "--lang", "en", "--quit-after-show"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "kartoteka: The name or the password is wrong."


def _refusal(team, tmp_path):
    from app.backup_restore import restore_backup
    from app.errors import PermissionDeniedError
    context.set_current_employee(team["anna"])
    with pytest.raises(PermissionDeniedError) as refused:
        restore_backup(tmp_path / "any.kbak", tmp_path / "test.db")
    return refused.value


def test_the_refusal_names_the_role_and_the_action_in_english(team, tmp_path):
    from ui.errors import message
    assert message(_refusal(team, tmp_path)) == ("Your role (Manager) does not allow you to restore a backup. "
                                                 "Ask the owner.")


def test_the_refusal_is_said_in_russian(team, tmp_path, russian):
    from ui.errors import message
    assert message(_refusal(team, tmp_path)) == ("Ваша роль (Менеджер) не позволяет восстановить резервную "
                                                 "копию. Обратитесь к владельцу.")


def test_a_colleagues_deal_card_is_refused_with_the_reason(team, main_window, monkeypatch):
    from app.deals import create_deal
    from ui.deal_card.dialog import open_deal_card
    client = create_client(ClientData(name="Клиент владельца")).id
    deal = create_deal(client, "Сделка владельца", 100)
    context.set_current_employee(team["anna"])
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    assert open_deal_card(main_window, deal) is None
    assert warned == ["Your role (Manager) does not allow you to open this deal. Ask the owner."]
