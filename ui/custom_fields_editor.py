"""Settings: the company's own client fields (text, number, date, choice), added and edited
in a small dialog, reordered, retired and restored.  Every change can be undone."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app import custom_fields as service
from app.errors import KartotekaError, ValidationError
from app.events import Change

from .bridge import bridge
from .errors import show_error
from .undo import run_undoable_or_say
from .widgets.tables import record_table

_Index = QModelIndex | QPersistentModelIndex
FieldIdRole = Qt.ItemDataRole.UserRole + 1


def kind_labels() -> dict[str, str]:
    return {"text": QCoreApplication.translate("CustomFieldsEditor", "Text"),
            "number": QCoreApplication.translate("CustomFieldsEditor", "Number"),
            "date": QCoreApplication.translate("CustomFieldsEditor", "Date"),
            "choice": QCoreApplication.translate("CustomFieldsEditor", "Choice from a list")}


class CustomFieldsModel(QAbstractTableModel):
    """The fields of one entity: name, kind, options; retired ones greyed."""

    class Columns(IntEnum):
        NAME = 0
        KIND = 1
        OPTIONS = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[service.FieldInfo] = []
        self.all_ids: list[int] = []  # retired ones too: reordering needs every field
        self._kinds = kind_labels()
        C = self.Columns
        self._headers = {C.NAME: self.tr("Field"), C.KIND: self.tr("Kind"), C.OPTIONS: self.tr("Options")}

    def load(self, entity: str, show_retired: bool) -> None:
        self.beginResetModel()
        everything = service.fields(entity, include_retired=True)
        self.all_ids = [f.id for f in everything]
        self.rows = [f for f in everything if show_retired or not f.retired]
        self.endResetModel()

    def row_of(self, field_id: int) -> int:
        return next((r for r, f in enumerate(self.rows) if f.id == field_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        f, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.Columns.NAME:
                return self.tr("{name} (retired)").format(name=f.name) if f.retired else f.name
            if col == self.Columns.KIND:
                return self._kinds.get(f.kind, f.kind)
            if col == self.Columns.OPTIONS:
                return ", ".join(f.choices) if f.kind == "choice" else ""
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.Columns.OPTIONS and f.kind == "choice":
            return "\n".join(f.choices)
        elif role == Qt.ItemDataRole.ForegroundRole and f.retired:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        elif role == Qt.ItemDataRole.FontRole and f.retired:
            font = QFont()
            font.setItalic(True)
            return font
        elif role == FieldIdRole:
            return f.id
        return None


class FieldDialog(QDialog):
    """Name, kind and (for a choice) the options, one per line.  ``submit(values)`` saves;
    when it returns False the dialog stays open with what was typed."""

    def __init__(self, parent: QWidget, title: str, submit, field: service.FieldInfo | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(120)
        self.kind_combo = QComboBox(self)
        for kind, label in kind_labels().items():
            self.kind_combo.addItem(label, kind)
        self.options_label = QLabel(self.tr("Options:"), self)
        self.options_edit = QPlainTextEdit(self)
        self.options_edit.setTabChangesFocus(True)
        self.options_edit.setPlaceholderText(self.tr("One option per line"))
        self.kind_note = QLabel(self.tr("Some cards already hold values of this field, so its kind stays."), self)
        self.kind_note.setWordWrap(True)
        self.kind_note.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow("", self.kind_note)
        form.addRow(self.options_label, self.options_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if field is not None:
            self.name_edit.setText(field.name)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(field.kind)))
            self.options_edit.setPlainText("\n".join(field.choices))
            if field.values:
                self.kind_combo.setEnabled(False)
                self.kind_note.show()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self.update_state)
        self.kind_combo.currentIndexChanged.connect(self.update_state)
        self.options_edit.textChanged.connect(self.update_state)
        self.setMinimumWidth(440)
        self.update_state()

    def values(self) -> dict:
        kind = self.kind_combo.currentData()
        options = service.clean_choices(self.options_edit.toPlainText()) if kind == "choice" else []
        return {"name": " ".join(self.name_edit.text().split()), "kind": kind, "choices": options}

    def update_state(self, *_args) -> None:
        values = self.values()
        is_choice = values["kind"] == "choice"
        if self.options_edit.isVisibleTo(self) != is_choice:
            self.options_label.setVisible(is_choice)
            self.options_edit.setVisible(is_choice)
            if self.layout() is not None:
                self.layout().activate()
                self.adjustSize()  # no empty space where the options were
        ok = bool(values["name"]) and (not is_choice or bool(values["choices"]))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        if self._submit(self.values()):
            super().accept()


class CustomFieldsEditor(QWidget):
    """The client card's own fields, for the Settings page."""

    entity = "client"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CustomFieldsEditor")
        self.model = CustomFieldsModel(self)
        self.view = record_table(self, self.model, "custom_fields", title=self.tr("Custom fields"))
        header = self.view.horizontalHeader()
        header.resizeSection(CustomFieldsModel.Columns.NAME, 260)
        header.resizeSection(CustomFieldsModel.Columns.KIND, 170)
        header.setSectionResizeMode(CustomFieldsModel.Columns.OPTIONS, QHeaderView.ResizeMode.Stretch)
        self.show_retired_check = QCheckBox(self.tr("Show retired fields"), self)
        self.show_retired_check.setToolTip(self.tr("List the fields taken off the cards too, to bring one back"))
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.retire_button = QPushButton(self.tr("Retire"), self)
        hint = QLabel(self.tr("These fields appear on the «More» tab of every client card, in this order. "
                              "A retired field leaves the cards; its values are kept and come back with it."), self)
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>{}</b>".format(self.tr("Client fields")), self), 1)
        top.addWidget(self.show_retired_check)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.up_button, self.down_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self._connect()
        self.reload()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.retire_button.clicked.connect(self.on_retire_button_clicked)
        self.show_retired_check.toggled.connect(self.reload)
        self.view.doubleClicked.connect(self.on_edit_button_clicked)
        self.view.selectionModel().currentRowChanged.connect(self.update_buttons)
        bridge().changed.connect(self.on_bridge_changed)

    # ----------------------------------------------------------------- state

    def current_field(self) -> service.FieldInfo | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def select(self, field_id: int) -> None:
        row = self.model.row_of(field_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def reload(self, *_args) -> None:
        current = self.current_field()
        self.model.load(self.entity, self.show_retired_check.isChecked())
        if current is not None:
            self.select(current.id)
        self.update_buttons()

    def update_buttons(self, *_args) -> None:
        f = self.current_field()
        visible = [r.id for r in self.model.rows]
        pos = visible.index(f.id) if f is not None else -1
        self.edit_button.setEnabled(f is not None)
        self.retire_button.setEnabled(f is not None)
        self.up_button.setEnabled(pos > 0)
        self.down_button.setEnabled(0 <= pos < len(visible) - 1)
        self.retire_button.setText(self.tr("Restore") if f is not None and f.retired else self.tr("Retire"))

    def _say(self, exc: KartotekaError) -> None:
        rule = exc.params.get("rule") if isinstance(exc, ValidationError) else None
        details = {
            "name_required": (self.tr("Name"), self.tr("the field needs a name")),
            "name_taken": (self.tr("Name"), self.tr("there already is a field called «{name}»")),
            "choices_required": (self.tr("Options"), self.tr("a choice from a list needs at least one option")),
            "kind_locked": (self.tr("Kind"), self.tr("the kind cannot change: some cards already hold values "
                                                     "of this field")),
        }
        if rule in details:
            label, detail = details[rule]
            exc = ValidationError(field=label, detail=detail.format(name=exc.params.get("name", "")))
        show_error(self, exc)

    def _undoable(self, text: str, do, undo) -> object:
        return run_undoable_or_say(self, text, do, undo, say=self._say)

    # ----------------------------------------------------------------- actions

    def on_add_button_clicked(self) -> None:
        added: list[int] = []
        dialog = FieldDialog(self, self.tr("New client field"), lambda values: self._add(values, added))
        dialog.exec()
        dialog.deleteLater()
        if added:
            self.select(added[0])
            self.update_buttons()

    def _add(self, values: dict, added: list) -> bool:
        entity, made, taken_back = self.entity, [], {}

        def do():
            how = taken_back.pop("how", None)
            if how == "retired":
                service.unretire_field(made[0])
            elif how == "deleted":
                service.add_field(entity, field_id=made[0], order=made[1], **values)
            else:
                fid = service.add_field(entity, **values)
                made.extend([fid, next(f.order for f in service.fields(entity) if f.id == fid)])
            return made[0]

        def undo(fid):
            taken_back["how"] = service.remove_new_field(fid)
        fid = self._undoable(self.tr("Add client field"), do, undo)
        if fid:
            added.append(fid)
        return bool(fid)

    def on_edit_button_clicked(self, *_args) -> None:
        current = self.current_field()
        # read afresh: cards may have got values of the field since the table was loaded
        f = next((x for x in service.fields(self.entity, True) if current and x.id == current.id), None)
        if f is None:
            return
        title = self.tr("Field «{name}»").format(name=f.name)
        dialog = FieldDialog(self, title, lambda values: self._update(f, values), f)
        dialog.exec()
        dialog.deleteLater()

    def _update(self, f: service.FieldInfo, values: dict) -> bool:
        current = {"name": f.name, "kind": f.kind, "choices": f.choices if f.kind == "choice" else []}
        changes = {k: v for k, v in values.items() if v != current[k]}
        if not changes:
            return True
        fid = f.id
        text = self.tr("Rename client field") if set(changes) == {"name"} else self.tr("Change client field")
        done = self._undoable(text, lambda: service.update_field(fid, **changes),
                              lambda old: service.update_field(fid, **old))
        return done is not None

    def move_current(self, step: int) -> None:
        f = self.current_field()
        if f is None:
            return
        visible = [r.id for r in self.model.rows]
        pos = visible.index(f.id)
        if not 0 <= pos + step < len(visible):
            return
        order = list(self.model.all_ids)
        a, b = order.index(f.id), order.index(visible[pos + step])
        order[a], order[b] = order[b], order[a]
        entity = self.entity
        self._undoable(self.tr("Reorder client fields"), lambda: service.reorder_fields(entity, order),
                       lambda previous: service.reorder_fields(entity, previous))

    def on_retire_button_clicked(self) -> None:
        f = self.current_field()
        if f is None:
            return
        fid = f.id
        if f.retired:
            self._undoable(self.tr("Restore client field"), lambda: service.unretire_field(fid),
                           lambda _: service.retire_field(fid))
        else:
            self._undoable(self.tr("Retire client field"), lambda: service.retire_field(fid),
                           lambda _: service.unretire_field(fid))

    def on_bridge_changed(self, change: Change) -> None:
        if change.entity == "custom_field":
            self.reload()
