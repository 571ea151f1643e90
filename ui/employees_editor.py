"""Settings ▸ Employees: who works in Kartoteka, their role, login and password, and the
hand-over of a leaver's work.  The owner manages; everyone else reads the list and may
change only their own password (the services refuse the rest anyway)."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from app import context
from app import employees as service
from app import handover
from app.errors import KartotekaError
from app.events import Change

from .bridge import bridge
from .employee_dialogs import EmployeeDialog, HandoverDialog, PasswordDialog, role_labels, work_text
from .table_model import ListTableModel
from .undo import run_undoable, run_undoable_or_say
from .widgets.tables import record_table

EmployeeIdRole = Qt.ItemDataRole.UserRole + 1


class EmployeesModel(ListTableModel):
    """Every employee, those who left at the end in grey."""

    class Columns(IntEnum):
        NAME = 0
        ROLE = 1
        LOGIN = 2
        STATUS = 3
        PASSWORD = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.me: int | None = None
        self._roles = role_labels()
        self._headers = {self.Columns.NAME: self.tr("Name"), self.Columns.ROLE: self.tr("Role"),
                         self.Columns.LOGIN: self.tr("Login"), self.Columns.STATUS: self.tr("Status"),
                         self.Columns.PASSWORD: self.tr("Password")}

    def row_items(self) -> list:
        return self.rows

    def load(self) -> None:
        self.beginResetModel()
        self.rows = service.list_employees(include_left=True)
        self.me = context.current_employee_id()
        self.endResetModel()

    def row_of(self, emp_id: int) -> int:
        return next((r for r, e in enumerate(self.rows) if e["id"] == emp_id), -1)

    def _text(self, e: dict, column: int) -> str:
        if column == self.Columns.NAME:
            return self.tr("{name} (you)").format(name=e["name"]) if e["id"] == self.me else e["name"]
        if column == self.Columns.ROLE:
            return self._roles.get(e["role"], e["role"])
        if column == self.Columns.LOGIN:
            return e["login"] or ""
        if column == self.Columns.STATUS:
            return self.tr("Works here") if e["active"] else self.tr("Left")
        return "✓" if e["has_password"] else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        e, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.Columns.PASSWORD:
            return self.tr("Has a password") if e["has_password"] else self.tr("No password")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.Columns.PASSWORD:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not e["active"]:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == EmployeeIdRole:
            return e["id"]
        return None


class EmployeesEditor(QWidget):
    """The Employees tab of the Settings page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EmployeesEditor")
        self.model = EmployeesModel(self)
        self.view = record_table(self, self.model, "employees", title=self.tr("Employees"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(EmployeesModel.Columns.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((EmployeesModel.Columns.ROLE, 200), (EmployeesModel.Columns.LOGIN, 140),
                              (EmployeesModel.Columns.STATUS, 130), (EmployeesModel.Columns.PASSWORD, 80)):
            header.resizeSection(column, width)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.password_button = QPushButton(self.tr("Set password…"), self)
        self.handover_button = QPushButton(self.tr("Hand over…"), self)
        self.handover_button.setToolTip(self.tr("Give a leaver's clients, open deals and planned activities "
                                                "to another employee"))
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("EmployeesWarning")
        self.warning_label.setStyleSheet("color: #b26a00;")
        self.warning_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("HandoverResult")
        self.result_label.setWordWrap(True)
        hint = QLabel(self.tr("While only you work in Kartoteka, nobody signs in. Once a second employee has a "
                              "password (or you set one for yourself), Kartoteka asks for a name and password at "
                              "start."), self)
        hint.setObjectName("PageHint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.password_button, self.handover_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>{}</b>".format(self.tr("Employees")), self))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(hint)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.password_button.clicked.connect(self.on_password_button_clicked)
        self.handover_button.clicked.connect(self.on_handover_button_clicked)
        self.view.doubleClicked.connect(self.on_edit_button_clicked)
        self.view.selectionModel().currentRowChanged.connect(self.update_buttons)
        bridge().changed.connect(self.on_bridge_changed)
        self.reload()

    def current_employee(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def select(self, emp_id: int) -> None:
        row = self.model.row_of(emp_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, EmployeesModel.Columns.NAME))

    def reload(self, *_args) -> None:
        current = self.current_employee()
        self.model.load()
        self.select(current["id"] if current else self.model.me)
        self.update_buttons()
        self.update_warning()

    def update_buttons(self, *_args) -> None:
        manager = service.can_manage()
        chosen = self.current_employee()
        self.add_button.setEnabled(manager)
        self.edit_button.setEnabled(manager and chosen is not None)
        self.handover_button.setEnabled(manager and len(self.model.rows) > 1)
        self.password_button.setEnabled(chosen is not None and (manager or chosen["id"] == self.model.me))

    def update_warning(self) -> None:
        open_doors = [e["name"] for e in self.model.rows if e["active"] and not e["has_password"]]
        if service.login_required() and open_doors:
            self.warning_label.setText(self.tr("Anyone can sign in without a password as: {names}. "
                                               "Set them a password.").format(names=", ".join(open_doors)))
            self.warning_label.show()
        else:
            self.warning_label.hide()

    def _undoable(self, text: str, do, undo) -> object:
        return run_undoable_or_say(self, text, do, undo)

    # ----------------------------------------------------------------- actions

    def on_add_button_clicked(self) -> None:
        added: list[int] = []

        def submit(values: dict) -> None:
            def do() -> int:
                emp_id = service.create_employee(values["name"], values["role"], values["login"] or None)
                if not values["active"]:
                    service.update_employee(emp_id, active=False)
                return emp_id
            added.append(run_undoable(self.tr("Add employee"), do, _remove_new))
        dialog = EmployeeDialog(self, self.tr("New employee"), submit)
        dialog.exec()
        dialog.deleteLater()
        if added:
            self.select(added[0])

    def on_edit_button_clicked(self, *_args) -> None:
        chosen = self.current_employee()
        if chosen is None or not service.can_manage():
            return
        emp_id = chosen["id"]

        def submit(values: dict) -> None:
            if all(values[k] == (chosen[k] or "" if k == "login" else chosen[k]) for k in values):
                return  # nothing changed: nothing to undo
            run_undoable(self.tr("Change employee"), lambda: service.update_employee(emp_id, **values),
                         lambda previous: service.update_employee(emp_id, **previous))
        dialog = EmployeeDialog(self, self.tr("Employee"), submit, chosen)
        dialog.exec()
        dialog.deleteLater()

    def on_password_button_clicked(self) -> None:
        chosen = self.current_employee()
        if chosen is None:
            return
        dialog = PasswordDialog(self, chosen["name"], lambda password: service.set_password(chosen["id"], password))
        dialog.exec()
        dialog.deleteLater()

    def on_handover_button_clicked(self) -> None:
        chosen = self.current_employee()
        done: list[dict] = []

        def submit(pair: tuple[int, int]) -> None:
            source, target = pair
            done.append(run_undoable(self.tr("Hand over work"), lambda: handover.handover(source, target),
                                     lambda result: handover.undo_handover(result["token"])))
        dialog = HandoverDialog(self, service.list_employees(include_left=True), submit,
                                chosen["id"] if chosen else None)
        dialog.exec()
        dialog.deleteLater()
        if done:
            self.show_handover(done[0])

    def show_handover(self, result: dict) -> None:
        names = {e["id"]: e["name"] for e in self.model.rows}
        self.result_label.setText(self.tr("{source} → {target}: {what} handed over. Ctrl+Z takes it back.").format(
            source=names.get(result["from_id"], "?"), target=names.get(result["to_id"], "?"),
            what=work_text(result)))

    def on_bridge_changed(self, change: Change) -> None:
        if change.entity == "employee":
            self.reload()


def _remove_new(emp_id: int) -> None:
    """Undo of "Add": delete the employee, or, when they already did some work, mark them left."""
    try:
        service.delete_employee(emp_id)
    except KartotekaError as exc:
        if exc.params.get("rule") != "in_use":
            raise
        service.update_employee(emp_id, active=False)
