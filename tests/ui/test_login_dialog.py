"""Signing in: nothing for a solo user; the dialog for a team (wrong password said inline,
five failures lock); Sign out / switch user rebuilds the window; unattended runs never ask."""
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app import context, employees
from tests.ui.conftest import type_text, when_modal

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def team(db):
    anna = employees.create_employee("Анна Петрова", login="anna")
    employees.set_password(anna, "secret-1")
    return anna


@pytest.fixture
def dialog(team, qtbot):
    from ui.login_dialog import LoginDialog
    widget = LoginDialog()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def sign_in(dialog, who: str, password: str) -> None:
    edit = dialog.name_combo.lineEdit()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, who)
    dialog.password_edit.clear()
    type_text(dialog.password_edit, password)
    QTest.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_a_solo_user_is_never_asked(db):
    from ui.login_dialog import sign_in_at_start
    shown = when_modal(lambda d: d.reject(), timeout_ms=200)
    assert sign_in_at_start()
    assert not shown


def test_wrong_password_is_said_inline_then_the_right_one_signs_in(dialog, team):
    assert dialog.name_combo.findText("Анна Петрова") >= 0  # the names to choose from
    sign_in(dialog, "anna", "wrong-one")
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == "The name or the password is wrong."
    assert dialog.password_edit.text() == ""  # typed again from scratch
    sign_in(dialog, "Анна Петрова", "secret-1")
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert context.current_employee_id() == team
    assert QSettings().value("login/last_user") == "Анна Петрова"


def test_five_failures_lock_with_the_minutes_said(dialog):
    for _ in range(4):
        sign_in(dialog, "anna", "wrong-one")
        assert dialog.error_label.text() == "The name or the password is wrong."
    sign_in(dialog, "anna", "wrong-one")
    assert "locked for 5 min" in dialog.error_label.text()
    sign_in(dialog, "anna", "secret-1")  # even the right password waits now
    assert dialog.isVisible() and "locked" in dialog.error_label.text()


def test_cancel_at_start_means_do_not_open(team):
    from ui.login_dialog import sign_in_at_start
    shown = when_modal(lambda d: d.reject())
    assert not sign_in_at_start()
    assert shown


def test_the_last_name_is_offered_next_time(team, qtbot):
    from ui.login_dialog import LoginDialog
    QSettings().setValue("login/last_user", "anna")
    widget = LoginDialog()
    qtbot.addWidget(widget)
    assert widget.name_combo.currentText() == "anna"


def test_switch_user_rebuilds_the_window_for_the_next_employee(team, db_path, qtbot):
    from ui.application import Session
    owner = context.current_employee_id()
    employees.set_password(owner, "owner-secret")
    session = Session(str(db_path), automatic_backups=False)
    old = session.open_window()
    qtbot.addWidget(old)
    old.show()
    assert old.windowTitle() == "Kartoteka — Владелец"
    [action] = [a for a in old.menuBar().actions()[0].menu().actions() if a.objectName() == "switch_user_action"]
    assert action.isVisible()
    seen = when_modal(lambda d: sign_in(d, "anna", "secret-1"))
    action.trigger()
    assert seen and session.window is not old
    window = session.window
    qtbot.addWidget(window)
    assert window.isVisible() and window.windowTitle() == "Kartoteka — Анна Петрова"
    assert window.user_label.text() == "User: Анна Петрова"
    assert not window.settings_page.employees_editor.add_button.isEnabled()  # a manager now


def test_the_menu_item_is_hidden_for_a_solo_user(main_window):
    from ui.application import Session
    session = Session(main_window._database)
    session.window = main_window
    from ui.login_dialog import install_switch_user
    action = install_switch_user(session)
    assert not action.isVisible()
    assert main_window.windowTitle() == "Kartoteka"


def test_an_unattended_start_never_asks(team, db_path, tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "app", "--db", str(db_path), "--quit-after-show"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
