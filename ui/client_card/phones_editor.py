"""Editors for a list of phones and a list of e-mails: one line per item."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QVBoxLayout,
                               QWidget)

from app import settings
from app.clients import PhoneItem
from app.phones import format_phone, normalize
from app.validation import email_is_valid
from ui.widgets.a11y import tab_chain

INVALID_STYLE = "QLineEdit { border: 1px solid #d32f2f; border-radius: 2px; padding: 1px; }"


def mark_invalid(edit: QWidget, message: str | None) -> None:
    """Red frame and a tooltip on an editor, or back to normal when ``message`` is None."""
    edit.setStyleSheet(INVALID_STYLE.replace("QLineEdit", type(edit).__name__) if message else "")
    edit.setToolTip(message or "")
    edit.setProperty("invalid", bool(message))


class _Row(QWidget):
    def __init__(self, action_glyph: str, action_tip: str, parent: QWidget):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.warning = QLabel(self)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.warning.setPixmap(icon.pixmap(QSize(16, 16)))
        self.warning.setVisible(False)
        self.action = QToolButton(self)
        self.action.setText(action_glyph)
        self.action.setToolTip(action_tip)
        self.action.setAccessibleName(action_tip)
        self.action.setAutoRaise(True)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.action)
        layout.addWidget(self.remove)


class _RowsEditor(QWidget):
    changed = Signal()
    """Emitted when an item is typed, added or removed."""

    GLYPH = ""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[_Row] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.add_button = QToolButton(self)
        self.add_button.setText(self._add_text())
        self.add_button.setAutoRaise(True)
        self._layout.addWidget(self.add_button)
        self.add_button.clicked.connect(self.on_add_button_clicked)

    def _add_text(self) -> str:
        return "+"

    def _action_tip(self) -> str:
        return ""

    def add_row(self, text: str = "") -> _Row:
        row = _Row(self.GLYPH, self._action_tip(), self)
        row.edit.setPlaceholderText(self._placeholder())
        self._layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        # a row made after the card was built would come last in the Tab order: put it
        # where it shows, just before the "add" button: after the control before it (not
        # after this editor or a label: Qt would move the row's whole block to the end)
        before = self.add_button.previousInFocusChain()
        while before.isAncestorOf(self.add_button) or not before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            before = before.previousInFocusChain()
        tab_chain(before, row.edit, row.action, row.remove, self.add_button)
        row.edit.setText(text)
        row.edit.textEdited.connect(self.on_row_edited)
        row.edit.editingFinished.connect(lambda r=row: self.on_row_editingFinished(r))
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_row(r))
        row.action.clicked.connect(lambda _=False, r=row: self.on_row_action(r))
        row.remove.setToolTip(self.tr("Remove"))
        row.remove.setAccessibleName(row.remove.toolTip())
        row.edit.setAccessibleName(self._field_name())
        self._update_row(row)
        return row

    def remove_row(self, row: _Row) -> None:
        self.rows.remove(row)
        row.deleteLater()
        row.hide()
        if not self.rows:
            self.add_row()
        self.changed.emit()

    def clear_rows(self) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []

    def edits(self) -> list[QLineEdit]:
        return [r.edit for r in self.rows]

    def on_add_button_clicked(self) -> None:
        empty = next((r for r in self.rows if not r.edit.text().strip()), None)
        (empty or self.add_row()).edit.setFocus()

    def on_row_edited(self, _text: str) -> None:
        self.changed.emit()

    def on_row_editingFinished(self, row: _Row) -> None:  # noqa: N802 - Qt signal name
        self._update_row(row)

    def on_row_action(self, row: _Row) -> None:
        raise NotImplementedError

    def _update_row(self, row: _Row) -> None:
        row.action.setEnabled(bool(row.edit.text().strip()))

    def _placeholder(self) -> str:
        return ""

    def _field_name(self) -> str:
        return ""


class PhonesEditor(_RowsEditor):
    """Phones shown formatted; one that does not parse keeps what was typed, with a warning."""

    call_requested = Signal(str)
    """Emitted with a number (E.164 when it parsed) when its call button is pressed."""

    GLYPH = "☎"

    def _add_text(self) -> str:
        return self.tr("+ Add phone")

    def _action_tip(self) -> str:
        return self.tr("Call")

    def _placeholder(self) -> str:
        return self.tr("+7 900 000-00-00")

    def _field_name(self) -> str:
        return self.tr("Phone")

    def set_items(self, items: list[PhoneItem]) -> None:
        self.clear_rows()
        for item in items:
            row = self.add_row(format_phone(item.e164, item.raw))
            row.setProperty("raw", item.raw)
            self._update_row(row)
        if not items:
            self.add_row()

    def items(self) -> list[PhoneItem]:
        region = settings.phone_region()
        out = []
        for row in self.rows:
            raw = self._raw(row)
            if raw:
                out.append(PhoneItem(raw, normalize(raw, region).e164))
        return out

    def _raw(self, row: _Row) -> str:
        """What was typed: the stored raw text while the shown text is its formatted form."""
        text = row.edit.text().strip()
        raw = row.property("raw")
        if raw and text == format_phone(normalize(raw, settings.phone_region()).e164, raw):
            return raw
        return text

    def _update_row(self, row: _Row) -> None:
        super()._update_row(row)
        raw = self._raw(row)
        parsed = normalize(raw, settings.phone_region()) if raw else None
        bad = parsed is not None and parsed.e164 is None
        row.warning.setVisible(bad)
        row.warning.setToolTip(self.tr("This number could not be recognised; it is kept as typed.")
                               if bad else "")
        if parsed is not None and parsed.e164 and row.edit.text() != format_phone(parsed.e164):
            row.setProperty("raw", raw)
            row.edit.setText(format_phone(parsed.e164))

    def on_row_action(self, row: _Row) -> None:
        raw = self._raw(row)
        if raw:
            self.call_requested.emit(normalize(raw, settings.phone_region()).e164 or raw)


class EmailsEditor(_RowsEditor):
    """E-mails checked as they are typed (red frame and a tooltip when wrong)."""

    write_requested = Signal(str)
    """Emitted with an address when its write button is pressed."""

    GLYPH = "✉"

    def _add_text(self) -> str:
        return self.tr("+ Add e-mail")

    def _action_tip(self) -> str:
        return self.tr("Write")

    def _placeholder(self) -> str:
        return self.tr("name@example.com")

    def _field_name(self) -> str:
        return self.tr("E-mail")

    def set_items(self, items: list[str]) -> None:
        self.clear_rows()
        for address in items:
            self.add_row(address)
        if not items:
            self.add_row()

    def items(self) -> list[str]:
        return [r.edit.text().strip() for r in self.rows if r.edit.text().strip()]

    def on_row_edited(self, text: str) -> None:
        for row in self.rows:
            self._update_row(row)
        super().on_row_edited(text)

    def _update_row(self, row: _Row) -> None:
        super()._update_row(row)
        text = row.edit.text().strip()
        bad = bool(text) and not email_is_valid(text)
        mark_invalid(row.edit, self.tr("This is not an e-mail address") if bad else None)

    def on_row_action(self, row: _Row) -> None:
        text = row.edit.text().strip()
        if text:
            self.write_requested.emit(text)
