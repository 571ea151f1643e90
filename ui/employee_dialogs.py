"""The dialogs of the Employees tab: one employee, a password, a hand-over.

Each takes a ``submit`` callable that calls the services; when it raises
``KartotekaError`` the dialog stays open and says why under the fields."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from app import handover
from app.errors import KartotekaError, ValidationError
from app.passwords import MIN_LENGTH

from .errors import message
from .i18n import plural_s

ERROR_STYLE = "color: #c62828;"


def role_labels() -> dict[str, str]:
    return {"owner": QCoreApplication.translate("Employees", "Owner"),
            "manager": QCoreApplication.translate("Employees", "Manager"),
            "viewer": QCoreApplication.translate("Employees", "Viewer (reads only)")}


def problem_text(exc: KartotekaError) -> str:
    """The refusals of ``app.employees`` and ``app.handover`` in the user's language."""
    rule = exc.params.get("rule") if isinstance(exc, ValidationError) else None
    translate = QCoreApplication.translate
    texts = {
        "name_required": translate("Employees", "Type the employee's name."),
        "unknown_role": translate("Employees", "Choose a role."),
        "login_taken": translate("Employees", "The login «{login}» already belongs to {name}."),
        "owner_needed": translate("Employees", "Kartoteka needs at least one active owner. Make another "
                                               "employee an owner first."),
        "password_short": translate("Employees", "The password is too short: at least {minimum} characters."),
        "in_use": translate("Employees", "{name} already has work in Kartoteka; mark the employee as left "
                                         "instead."),
        "same_employee": translate("Employees", "Choose another employee to hand the work over to."),
        "target_left": translate("Employees", "{name} has left; choose an employee who works here."),
    }
    if rule in texts:
        try:
            return texts[rule].format(**exc.params)
        except (KeyError, IndexError):
            return texts[rule]
    return message(exc)


class WorkWords(QObject):
    """Holds the plural phrases (``self.tr`` with %n is what lupdate reads as plural)."""

    def text(self, counts: dict) -> str:
        clients, deals, n = counts["clients"], counts["deals"], counts["activities"]
        activities = self.tr("%n planned activity(-ies)", "", n)
        return ", ".join([plural_s(self.tr("%n client(s)", "", clients), clients),
                          plural_s(self.tr("%n open deal(s)", "", deals), deals),
                          activities.replace("activity(-ies)", "activity" if n == 1 else "activities")])


def work_text(counts: dict) -> str:
    """"2 clients, 1 open deal, 3 planned activities" in the user's language."""
    return WorkWords().text(counts)


class _SubmitDialog(QDialog):
    """OK calls ``submit``; a refusal shows in red and keeps the dialog open."""

    def __init__(self, parent: QWidget | None, title: str, submit):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("EmployeeError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.buttons)

    def show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def values(self):
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self._submit(self.values())
        except KartotekaError as exc:
            self.show_problem(problem_text(exc))
            return
        super().accept()


class EmployeeDialog(_SubmitDialog):
    """Name, role, login, and whether the employee still works here."""

    def __init__(self, parent: QWidget | None, title: str, submit, employee: dict | None = None):
        super().__init__(parent, title, submit)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.name_edit.setMinimumWidth(360)
        self.role_combo = QComboBox(self)
        for code, text in role_labels().items():
            self.role_combo.addItem(text, code)
        self.login_edit = QLineEdit(self)
        self.login_edit.setMaxLength(100)
        self.login_edit.setPlaceholderText(self.tr("optional: a short name to sign in with"))
        self.active_check = QCheckBox(self.tr("Works here (clear when the employee has left)"), self)
        self.form.addRow(self.tr("Name:"), self.name_edit)
        self.form.addRow(self.tr("Role:"), self.role_combo)
        self.form.addRow(self.tr("Login:"), self.login_edit)
        self.form.addRow("", self.active_check)
        employee = employee or dict(name="", role="manager", login=None, active=True)
        self.name_edit.setText(employee["name"])
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(employee["role"])))
        self.login_edit.setText(employee["login"] or "")
        self.active_check.setChecked(employee["active"])

    def values(self) -> dict:
        return dict(name=self.name_edit.text(), role=self.role_combo.currentData(),
                    login=self.login_edit.text(), active=self.active_check.isChecked())


class PasswordDialog(_SubmitDialog):
    """A new password typed twice; empty removes the password."""

    def __init__(self, parent: QWidget | None, name: str, submit):
        super().__init__(parent, self.tr("Password of {name}").format(name=name), submit)
        self.password_edit, self.repeat_edit = QLineEdit(self), QLineEdit(self)
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMinimumWidth(260)
            edit.textChanged.connect(self.error_label.hide)
        hint = QLabel(self.tr("At least {n} characters. Leave both fields empty to remove the password."
                              ).format(n=MIN_LENGTH), self)
        hint.setObjectName("PageHint")
        hint.setWordWrap(True)
        self.form.addRow(self.tr("New password:"), self.password_edit)
        self.form.addRow(self.tr("Repeat it:"), self.repeat_edit)
        self.layout_.insertWidget(1, hint)
        self.setMinimumWidth(440)

    def values(self) -> str | None:
        return self.password_edit.text() or None

    def accept(self) -> None:
        password, repeat = self.password_edit.text(), self.repeat_edit.text()
        if password != repeat:
            self.show_problem(self.tr("The two passwords differ. Type the same password twice."))
        elif password and len(password) < MIN_LENGTH:
            self.show_problem(self.tr("The password is too short: at least {n} characters.").format(n=MIN_LENGTH))
        else:
            super().accept()


class HandoverDialog(_SubmitDialog):
    """From whom, to whom, and what will move; ``submit((from_id, to_id))``."""

    def __init__(self, parent: QWidget | None, people: list[dict], submit, from_id: int | None = None):
        super().__init__(parent, self.tr("Hand over work"), submit)
        self.from_combo, self.to_combo = QComboBox(self), QComboBox(self)
        for person in people:
            left = "" if person["active"] else self.tr(" (left)")
            self.from_combo.addItem(person["name"] + left, person["id"])
        self._active = [p for p in people if p["active"]]
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("HandoverPreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setMinimumWidth(360)
        note = QLabel(self.tr("Done activities and closed deals stay with their author, so the reports "
                              "still count who did what. Ctrl+Z takes the hand-over back."), self)
        note.setObjectName("PageHint")
        note.setWordWrap(True)
        self.form.addRow(self.tr("From:"), self.from_combo)
        self.form.addRow(self.tr("To:"), self.to_combo)
        self.form.addRow("", self.preview_label)
        self.form.addRow("", note)
        if from_id is not None:
            self.from_combo.setCurrentIndex(max(0, self.from_combo.findData(from_id)))
        self.from_combo.currentIndexChanged.connect(self.on_from_combo_current_index_changed)
        self.on_from_combo_current_index_changed()

    def on_from_combo_current_index_changed(self, *_args) -> None:
        source = self.from_combo.currentData()
        chosen = self.to_combo.currentData()
        self.to_combo.clear()
        for person in self._active:
            if person["id"] != source:
                self.to_combo.addItem(person["name"], person["id"])
        self.to_combo.setCurrentIndex(max(0, self.to_combo.findData(chosen)))
        counts = handover.preview(source) if source is not None else dict(clients=0, deals=0, activities=0)
        self.preview_label.setText(self.preview_text(counts))
        nothing = not any(counts.values()) or self.to_combo.count() == 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not nothing)
        self.error_label.hide()

    def preview_text(self, counts: dict) -> str:
        if not any(counts.values()):
            return self.tr("Nothing to hand over: no clients, open deals or planned activities.")
        return self.tr("{what} will move.").format(what=work_text(counts))

    def values(self) -> tuple[int, int]:
        return self.from_combo.currentData(), self.to_combo.currentData()
