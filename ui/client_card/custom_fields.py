"""Editors for the company's own client fields (text, number, date, choice)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from app.card_lookups import FieldDef
from ui.widgets.datetime_picker import OptionalDateEdit


class CustomFieldsEditor(QObject):
    """One editor per field, made on ``page``; ``add_rows`` puts them into the page's form."""

    changed = Signal()
    """Emitted when any custom value changes."""

    def __init__(self, fields: list[FieldDef], page: QWidget):
        super().__init__(page)
        self.page = page
        self.fields = fields
        self.editors: dict[int, QWidget] = {f.id: self._make_editor(f) for f in fields}

    def add_rows(self, form: QFormLayout) -> None:
        for f in self.fields:
            form.addRow(f.name + ":", self.editors[f.id])

    def _make_editor(self, f: FieldDef) -> QWidget:
        if f.kind == "date":
            editor = OptionalDateEdit(self.page)
            editor.changed.connect(self.changed)
        elif f.kind == "choice":
            editor = QComboBox(self.page)
            editor.addItem("", "")
            for choice in f.choices:
                editor.addItem(choice, choice)
            editor.currentIndexChanged.connect(self.changed)
        else:
            editor = QLineEdit(self.page)
            if f.kind == "number":
                validator = QDoubleValidator(editor)
                validator.setNotation(QDoubleValidator.Notation.StandardNotation)
                editor.setValidator(validator)
            editor.textEdited.connect(self.changed)
        return editor

    def set_values(self, values: dict[int, str]) -> None:
        for f in self.fields:
            editor, value = self.editors[f.id], values.get(f.id, "") or ""
            if f.kind == "date":
                try:
                    editor.set_value(date.fromisoformat(value) if value else None)
                except ValueError:
                    editor.set_value(None)
            elif f.kind == "choice":
                if value and editor.findData(value) < 0:
                    editor.addItem(value, value)  # a value no longer in the list stays visible
                editor.setCurrentIndex(max(editor.findData(value), 0))
            else:
                editor.setText(value)

    def values(self, keep: dict[int, str] | None = None) -> dict[int, str]:
        """Values by field id; ``keep`` supplies values of fields that have no editor."""
        out = {k: v for k, v in (keep or {}).items() if k not in self.editors}
        for f in self.fields:
            editor = self.editors[f.id]
            if f.kind == "date":
                value = editor.value()
                text = value.isoformat() if value else ""
            elif f.kind == "choice":
                text = editor.currentData() or ""
            else:
                text = editor.text().strip()
                if f.kind == "number":
                    text = text.replace(",", ".")
            if text:
                out[f.id] = text
        return out
