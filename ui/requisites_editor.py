"""Settings → Company: the company's requisites for invoices, proposals and printed
reports.  Each wrong field says what is wrong right under it; Save stores them all."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app import access, requisites
from app.errors import KartotekaError

from .bridge import bridge
from .client_card.phones_editor import mark_invalid
from .errors import message


class RequisitesEditor(QWidget):
    saved = Signal()
    """The requisites were stored."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._labels = {
            "name": self.tr("Company name:"), "inn": self.tr("INN:"), "kpp": self.tr("KPP:"),
            "ogrn": self.tr("OGRN / OGRNIP:"), "address": self.tr("Legal address:"), "bank": self.tr("Bank:"),
            "bik": self.tr("BIK:"), "corr_account": self.tr("Correspondent account:"),
            "account": self.tr("Settlement account:"), "director": self.tr("Director:"),
            "accountant": self.tr("Chief accountant:"), "phone": self.tr("Phone:"), "email": self.tr("E-mail:"),
        }
        self._hints = {
            "inn": self.tr("An INN has 10 digits (organisation) or 12 (sole trader) with a valid check digit."),
            "kpp": self.tr("A KPP has 9 characters, like 773601001."),
            "ogrn": self.tr("An OGRN has 13 digits (OGRNIP: 15) with a valid check digit."),
            "bik": self.tr("A BIK has 9 digits."),
            "corr_account": self.tr("An account number has 20 digits and matches the bank's BIK."),
            "account": self.tr("An account number has 20 digits and matches the bank's BIK."),
            "email": self.tr("This is not an e-mail address."),
        }
        self._loaded: dict = {}
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        intro = QLabel(self.tr("These details are printed on invoices, proposals and reports."), self)
        intro.setObjectName("PageHint")
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        for name in requisites.FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"requisites_{name}")
            edit.setMinimumWidth(360 if name not in ("name", "address", "bank") else 480)
            error = QLabel(self)
            error.setStyleSheet("color: #c62828;")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(QLabel(self._labels[name], self, buddy=edit), box)
            self.edits[name], self.errors[name] = edit, error
            edit.editingFinished.connect(self.on_edit_editing_finished)
            edit.textEdited.connect(self.on_edit_text_edited)
        from .vat_setting import VatCombo  # the VAT invoices print, saved with the requisites
        self.vat = VatCombo(self)
        self.vat.add_to(form)
        self.status = QLabel(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(12, 12, 12, 12)
        inner_layout.addWidget(intro)
        inner_layout.addLayout(form)
        inner_layout.addLayout(bottom)
        inner_layout.addStretch(1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        self.save_button.clicked.connect(self.save)
        bridge().changed.connect(self.on_bridge_changed)
        self.load()

    def load(self) -> None:
        values = self._loaded = requisites.get_requisites()
        read_only = not access.can("settings")
        for name, edit in self.edits.items():
            edit.setText(values[name])
            edit.setReadOnly(read_only)
        self.save_button.setEnabled(not read_only)
        self.vat.load(read_only)
        self.show_problems({})
        self.status.setText(self.tr("Only the owner may change the requisites.") if read_only else "")

    def is_dirty(self) -> bool:
        return self.values() != self._loaded or self.vat.is_dirty()

    def values(self) -> dict:
        return {name: edit.text() for name, edit in self.edits.items()}

    def show_problems(self, found: dict[str, str]) -> None:
        for name, error in self.errors.items():
            text = self._hints.get(name, found.get(name, "")) if name in found else ""
            error.setText(text)
            error.setVisible(bool(text))
            mark_invalid(self.edits[name], text or None)

    def save(self) -> bool:
        found = requisites.problems(self.values())
        self.show_problems(found)
        if found:
            first = next(iter(found))
            self.edits[first].setFocus()
            self.status.setStyleSheet("color: #c62828;")
            self.status.setText(self.tr("Not saved: correct the fields marked in red."))
            return False
        try:
            stored = requisites.save_requisites(self.values())
            self.vat.save()
        except KartotekaError as exc:
            self.status.setStyleSheet("color: #c62828;")
            self.status.setText(message(exc))
            return False
        self._loaded = stored
        for name, edit in self.edits.items():
            edit.setText(stored[name])
        self.status.setStyleSheet("color: #2e7d32;")
        self.status.setText(self.tr("Saved."))
        self.saved.emit()
        return True

    def on_edit_editing_finished(self) -> None:
        """Check the field just left (and, for the bank details, its partners)."""
        found = requisites.problems(self.values())
        sender = self.sender()
        shown = {n for n, e in self.errors.items() if e.isVisible()}
        left = {n for n, e in self.edits.items() if e is sender and e.text().strip()}
        self.show_problems({n: d for n, d in found.items() if n in shown | left})

    def on_edit_text_edited(self, _text: str) -> None:
        self.status.setText("")

    def on_bridge_changed(self, change) -> None:
        if change.entity == "setting" and not self.is_dirty():  # changed elsewhere (another window)
            self.load()
