"""Signing in: the dialog at start (only once the office uses passwords), and
File ▸ "Sign out / switch user…", which rebuilds the window for the next employee.

A solo user never sees any of it: ``app.employees.login_required()`` stays false until
a second employee gets a password or the owner sets one."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMenu,
                               QVBoxLayout, QWidget)

from app import context
from app import employees as service
from app.errors import KartotekaError
from app.first_run import company_name

from .errors import message

LAST_USER_KEY = "login/last_user"


class LoginDialog(QDialog):
    """Name (or login) and password; ``employee_id`` is set once signed in."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Kartoteka"))
        self.setMinimumWidth(480)
        self.employee_id: int | None = None
        company = QLabel(company_name() or self.tr("Kartoteka"), self)
        company.setObjectName("PageTitle")
        company.setWordWrap(True)
        intro = QLabel(self.tr("Choose your name or type your login, then your password."), self)
        intro.setWordWrap(True)
        self.name_combo = QComboBox(self)
        self.name_combo.setEditable(True)
        self.name_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_combo.setMinimumWidth(280)
        for person in service.list_employees():
            self.name_combo.addItem(person["name"])
        self.name_combo.setEditText(str(QSettings().value(LAST_USER_KEY, "") or ""))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("LoginError")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("Name or login:"), self.name_combo)
        form.addRow(self.tr("Password:"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(company)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password_edit.textEdited.connect(self.error_label.hide)
        (self.password_edit if self.name_combo.currentText() else self.name_combo).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        who = self.name_combo.currentText()
        try:
            self.employee_id = service.authenticate(who, self.password_edit.text())
        except KartotekaError as exc:
            self.error_label.setText(message(exc))
            self.error_label.show()
            self.adjustSize()  # room for the message, the wrapped title keeps its lines
            self.password_edit.clear()
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        context.set_current_employee(self.employee_id)
        QSettings().setValue(LAST_USER_KEY, " ".join(who.split()))
        super().accept()


def sign_in_at_start(parent: QWidget | None = None) -> bool:
    """Ask who is working when the database wants it; False when the user cancelled."""
    if not service.login_required():
        return True
    dialog = LoginDialog(parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


class SwitchUserAction(QAction):
    """File ▸ "Sign out / switch user…", shown only while signing in is on; it also names
    the signed-in employee in the window title."""

    def __init__(self, session):
        window = session.window
        super().__init__(QCoreApplication.translate("MainWindow", "Sign &out / switch user…"), window)
        self.setObjectName("switch_user_action")
        self._session, self._window, self._title = session, window, window.windowTitle()
        menu = next((m for m in window.quit_action.associatedObjects() if isinstance(m, QMenu)), None)
        if menu is not None:
            menu.insertAction(window.quit_action, self)
            menu.insertSeparator(window.quit_action)
        from .bridge import bridge
        bridge().changed.connect(self.on_bridge_changed)
        self.triggered.connect(self.on_triggered)
        self.update_state()

    def update_state(self) -> None:
        team = service.login_required()
        self.setVisible(team)
        employee = context.current_employee()
        self._window.setWindowTitle(f"{self._title} — {employee.name}" if team and employee else self._title)

    def on_bridge_changed(self, change) -> None:
        if change.entity == "employee":
            self.update_state()

    def on_triggered(self) -> None:
        switch_user(self._session)


def install_switch_user(session) -> QAction:
    """Hook for ``Session.open_window``."""
    return SwitchUserAction(session)


def switch_user(session) -> None:
    """Hide the window and ask who works next; a new window is built for them (their
    rights, their lists, an empty undo history).  Cancel quits Kartoteka."""
    from . import bridge, undo
    old = session.window
    before = context.current_employee_id()
    old.hide()
    dialog = LoginDialog(None)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        old.quit()
        return
    if dialog.employee_id == before:
        old.show()
        return
    geometry = old.saveGeometry()
    old.close_for_reopen()
    session.window = None
    undo.reset_undo_stack()
    bridge.reset_bridge()
    window = session.open_window()
    window.restoreGeometry(geometry)
    window.show()
    window.backups.start()
