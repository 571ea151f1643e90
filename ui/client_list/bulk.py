"""Actions on the selected clients: set responsible, add a tag, change status, move to
trash.  Each runs through ``app.client_bulk`` and can be undone (``ui.undo``)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from app import client_bulk
from app.client_list import employees, filter_choices
from app.errors import KartotekaError

from .. import style
from ..errors import show_error
from ..i18n import plural_s
from ..undo import run_undoable
from .columns import status_names


class ChoiceDialog(QDialog):
    """Pick one value for the selected clients (and, for "refused", say why)."""

    def __init__(self, parent: QWidget, title: str, label: str, items: list[tuple[object, str]],
                 *, editable: bool = False, reason_for: object = None):
        super().__init__(parent)
        self.setObjectName("BulkChoiceDialog")
        self.setWindowTitle(title)
        self._reason_for = reason_for
        self.combo = QComboBox(self)
        self.combo.setEditable(editable)
        self.combo.setMinimumWidth(260)
        for value, text in items:
            self.combo.addItem(text, value)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why did the client refuse?"))
        self.reason_label = QLabel(self.tr("Reason:"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout()
        form.addRow(label, self.combo)
        form.addRow(self.reason_label, self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.combo.currentIndexChanged.connect(self.on_combo_current_index_changed)
        self.combo.editTextChanged.connect(self.on_combo_edit_text_changed)
        self.reason.textChanged.connect(self.on_reason_text_changed)
        self._update()

    def value(self) -> object:
        if self.combo.isEditable():
            text = self.combo.currentText().strip()
            index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
            return self.combo.itemData(index) if index >= 0 else text
        return self.combo.currentData()

    def needs_reason(self) -> bool:
        return self._reason_for is not None and self.value() == self._reason_for

    def _update(self) -> None:
        needs = self.needs_reason()
        self.reason.setVisible(needs)
        self.reason_label.setVisible(needs)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        empty = self.value() in (None, "") and self.combo.isEditable()
        ok.setEnabled(not empty and not (needs and not self.reason.text().strip()))

    def on_combo_current_index_changed(self, _index: int) -> None:
        self._update()

    def on_combo_edit_text_changed(self, _text: str) -> None:
        self._update()

    def on_reason_text_changed(self, _text: str) -> None:
        self._update()


class BulkActions(QObject):
    message = Signal(str)
    """A short report of what was done, for the status bar."""

    def __init__(self, parent: QWidget, selected_ids: Callable[[], list[int]]):
        super().__init__(parent)
        self._widget, self._selected_ids = parent, selected_ids
        self.responsible_action = QAction(style.icon("user"), self.tr("Responsible…"), self)
        self.responsible_action.setToolTip(self.tr("Set the responsible employee of the selected clients"))
        self.tag_action = QAction(style.icon("tag"), self.tr("Add tag…"), self)
        self.tag_action.setToolTip(self.tr("Add a tag to the selected clients"))
        self.status_action = QAction(style.icon("flag"), self.tr("Status…"), self)
        self.status_action.setToolTip(self.tr("Change the status of the selected clients"))
        self.trash_action = QAction(style.icon("trash"), self.tr("Move to trash"), self)
        self.trash_action.setToolTip(self.tr("Move the selected clients to the trash (Delete)"))
        self.trash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.trash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.responsible_action.triggered.connect(self.on_responsible_action_triggered)
        self.tag_action.triggered.connect(self.on_tag_action_triggered)
        self.status_action.triggered.connect(self.on_status_action_triggered)
        self.trash_action.triggered.connect(self.on_trash_action_triggered)
        self.set_enabled(False)

    def actions(self) -> list[QAction]:
        return [self.responsible_action, self.tag_action, self.status_action, self.trash_action]

    def set_enabled(self, enabled: bool) -> None:
        from app.access import can  # a viewer changes nothing; a manager's own: the service checks
        for action in self.actions():
            action.setEnabled(enabled and can("delete" if action is self.trash_action else "edit"))

    def _run(self, text: str, do, undo) -> object | None:
        try:
            return run_undoable(text, do, undo)
        except KartotekaError as exc:
            show_error(self._widget, exc)
            return None

    # ----------------------------------------------------------------- actions

    def set_responsible(self, ids: list[int], employee_id: int | None) -> None:
        if self._run(self.tr("Set responsible"),
                     lambda: client_bulk.set_field(ids, "responsible_id", employee_id),
                     lambda previous: client_bulk.restore_field("responsible_id", previous)) is not None:
            self.message.emit(plural_s(self.tr("Responsible changed for %n client(s).", "", len(ids)), len(ids)))

    def add_tag(self, ids: list[int], tag: str) -> None:
        if self._run(self.tr("Add tag"), lambda: client_bulk.add_tag(ids, tag),
                     lambda added: client_bulk.remove_tag(added, tag)) is not None:
            self.message.emit(plural_s(self.tr("Tag “{tag}” added to %n client(s).", "", len(ids)),
                                       len(ids)).format(tag=tag))

    def set_status(self, ids: list[int], status: str, reason: str = "") -> None:
        if self._run(self.tr("Change status"), lambda: client_bulk.set_status(ids, status, reason),
                     client_bulk.restore_status) is not None:
            self.message.emit(plural_s(self.tr("Status changed for %n client(s).", "", len(ids)), len(ids)))

    def trash(self, ids: list[int]) -> None:
        moved = self._run(self.tr("Move to trash"), lambda: client_bulk.trash_clients(ids),
                          client_bulk.restore_clients)
        if moved is not None:
            self.message.emit(plural_s(self.tr("%n client(s) moved to the trash. Ctrl+Z brings them back.",
                                               "", len(moved)), len(moved)))

    # ----------------------------------------------------------------- slots

    def on_responsible_action_triggered(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        items = [(i, n) for i, n in employees()] + [(None, self.tr("Nobody"))]
        dialog = ChoiceDialog(self._widget, self.tr("Responsible"),
                              plural_s(self.tr("Responsible for %n client(s):", "", len(ids)), len(ids)), items)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_responsible(ids, dialog.value())

    def on_tag_action_triggered(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        items = [(t, t) for t in filter_choices().tags]
        dialog = ChoiceDialog(self._widget, self.tr("Add tag"),
                              plural_s(self.tr("Tag for %n client(s):", "", len(ids)), len(ids)), items, editable=True)
        dialog.combo.setCurrentText("")
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value():
            self.add_tag(ids, str(dialog.value()))

    def on_status_action_triggered(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        dialog = ChoiceDialog(self._widget, self.tr("Change status"),
                              plural_s(self.tr("Status of %n client(s):", "", len(ids)), len(ids)),
                              list(status_names().items()), reason_for="refused")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_status(ids, dialog.value(), dialog.reason.text())

    def on_trash_action_triggered(self) -> None:
        ids = self._selected_ids()
        if ids:
            self.trash(ids)
