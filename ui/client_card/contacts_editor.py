"""Contact persons of a company: name, position, birthday, own phones and e-mails."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QToolButton, QVBoxLayout, QWidget)

from app.clients import ContactItem
from ui.widgets.datetime_picker import OptionalDateEdit
from ui.widgets.labels import position_suggestions

from .phones_editor import EmailsEditor, PhonesEditor


class ContactPanel(QFrame):
    """One contact person."""

    def __init__(self, item: ContactItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.item_id, self.notes = item.id, item.notes
        self.name_edit = QLineEdit(item.name, self)
        self.name_edit.setPlaceholderText(self.tr("Full name"))
        self.position_combo = QComboBox(self)
        self.position_combo.setEditable(True)
        self.position_combo.addItems(position_suggestions())
        self.position_combo.setCurrentText(item.position)
        self.position_combo.lineEdit().setPlaceholderText(self.tr("Position"))
        self.birthday_edit = OptionalDateEdit(self)
        self.birthday_edit.set_value(item.birthday)
        self.phones = PhonesEditor(self)
        self.phones.set_items(item.phones)
        self.emails = EmailsEditor(self)
        self.emails.set_items(item.emails)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove this contact person"))
        top = QHBoxLayout()
        top.addWidget(self.name_edit, 3)
        top.addWidget(self.position_combo, 2)
        top.addWidget(self.remove_button)
        form = QFormLayout(self)
        form.addRow(top)
        form.addRow(self.tr("Birthday:"), self.birthday_edit)
        form.addRow(self.tr("Phones:"), self.phones)
        form.addRow(self.tr("E-mails:"), self.emails)

    def item(self) -> ContactItem:
        return ContactItem(name=self.name_edit.text().strip(),
                           position=self.position_combo.currentText().strip(),
                           birthday=self.birthday_edit.value(), notes=self.notes,
                           phones=self.phones.items(), emails=self.emails.items(), id=self.item_id)


class ContactsEditor(QWidget):
    changed = Signal()
    """Emitted when a contact person is edited, added or removed."""

    call_requested = Signal(str, object)
    """Emitted with a number and the contact id (None for a new one) to call them."""

    write_requested = Signal(str, object)
    """Emitted with an address and the contact id to write to them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.panels: list[ContactPanel] = []
        self.add_button = QPushButton(self.tr("Add contact person"), self)
        self.empty_label = QLabel(self.tr("No contact persons yet."), self)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.addWidget(self.empty_label)
        self._list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.on_add_button_clicked)

    def set_items(self, items: list[ContactItem]) -> None:
        for panel in self.panels:
            panel.hide()
            panel.deleteLater()
        self.panels = []
        for item in items:
            self._add_panel(item)
        self.empty_label.setVisible(not self.panels)

    def items(self) -> list[ContactItem]:
        return [p.item() for p in self.panels if p.item().name or p.item().phones or p.item().emails]

    def _add_panel(self, item: ContactItem) -> ContactPanel:
        panel = ContactPanel(item, self._list)
        self._list_layout.insertWidget(len(self.panels), panel)
        self.panels.append(panel)
        panel.name_edit.textEdited.connect(self.on_panel_changed)
        panel.position_combo.currentTextChanged.connect(self.on_panel_changed)
        panel.birthday_edit.changed.connect(self.on_panel_changed)
        panel.phones.changed.connect(self.on_panel_changed)
        panel.emails.changed.connect(self.on_panel_changed)
        panel.phones.call_requested.connect(lambda n, p=panel: self.call_requested.emit(n, p.item_id))
        panel.emails.write_requested.connect(lambda a, p=panel: self.write_requested.emit(a, p.item_id))
        panel.remove_button.clicked.connect(lambda _=False, p=panel: self.remove_panel(p))
        return panel

    def remove_panel(self, panel: ContactPanel) -> None:
        self.panels.remove(panel)
        panel.hide()
        panel.deleteLater()
        self.empty_label.setVisible(not self.panels)
        self.changed.emit()

    def on_add_button_clicked(self) -> None:
        panel = self._add_panel(ContactItem(name=""))
        self.empty_label.setVisible(False)
        panel.name_edit.setFocus()
        self.changed.emit()

    def on_panel_changed(self, *_args) -> None:
        self.changed.emit()
