"""The client's own fields, on two pages: the main one and "more"."""
from __future__ import annotations

import copy

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QRadioButton, QWidget)

from app.card_lookups import FieldDef, active_employees, tag_names
from app.clients import ClientData
from app.validation import inn_is_valid
from ui.formatting import to_local, to_utc
from ui.widgets.datetime_picker import DateTimePicker, OptionalDateEdit
from ui.widgets.labels import CLIENT_STATUS_COLORS, client_status_labels
from ui.segments.combo import fill_campaign_combo
from ui.widgets.tag_edit import TagEdit

from .custom_fields import CustomFieldsEditor
from .phones_editor import EmailsEditor, PhonesEditor, mark_invalid


def color_icon(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class DetailsForm(QWidget):
    """Builds ``main_page`` and ``more_page``; the card window places them."""

    changed = Signal()
    """Emitted on any edit of the client's own fields."""

    kind_changed = Signal(str)
    """Emitted with "person" or "company" when the switch moves."""

    keys_changed = Signal()
    """Emitted when a phone, an e-mail or the INN is edited (duplicate check)."""

    def __init__(self, fields: list[FieldDef], parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self.main_page = QWidget(self)
        self.more_page = QWidget(self)
        self._build_main()
        self._build_more(fields)
        self._connect()

    def _build_main(self) -> None:
        page = self.main_page
        self.person_radio = QRadioButton(self.tr("Person"), page)
        self.company_radio = QRadioButton(self.tr("Company"), page)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.person_radio)
        self.kind_group.addButton(self.company_radio)
        self.person_radio.setChecked(True)
        self.name_edit = QLineEdit(page)
        self.inn_edit = QLineEdit(page)
        self.inn_edit.setMaxLength(14)
        self.inn_state = QLabel(page)
        self.phones = PhonesEditor(page)
        self.emails = EmailsEditor(page)
        self.status_combo = QComboBox(page)
        for code, label in client_status_labels().items():
            self.status_combo.addItem(color_icon(CLIENT_STATUS_COLORS[code]), label, code)
        self.refusal_label = QLabel(self.tr("Refusal reason:"), page)
        self.refusal_edit = QLineEdit(page)
        self.refusal_edit.setPlaceholderText(self.tr("Required: why did the client refuse?"))
        self.responsible_combo = QComboBox(page)
        self.next_contact = DateTimePicker(page)
        self.tags_edit = TagEdit(page)
        self.tags_edit.set_known_tags(tag_names())
        self.birthday_label = QLabel(self.tr("Birthday:"), page)
        self.birthday_edit = OptionalDateEdit(page)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.person_radio)
        kind_row.addWidget(self.company_radio)
        kind_row.addStretch(1)
        inn_row = QHBoxLayout()
        inn_row.addWidget(self.inn_edit, 1)
        inn_row.addWidget(self.inn_state)
        form = self._main_form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Kind:"), kind_row)
        self.name_label = QLabel(self.tr("Name:"), page)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.tr("INN:"), inn_row)
        form.addRow(self.tr("Phones:"), self.phones)
        form.addRow(self.tr("E-mails:"), self.emails)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.refusal_label, self.refusal_edit)
        form.addRow(self.tr("Responsible:"), self.responsible_combo)
        form.addRow(self.tr("Next contact:"), self.next_contact)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(self.birthday_label, self.birthday_edit)
        self.inn_edit.setAccessibleName(self.tr("INN"))
        self.inn_state.setAccessibleName(self.tr("INN check"))
        for label, field in ((self.name_label, self.name_edit), (self.refusal_label, self.refusal_edit),
                             (self.birthday_label, self.birthday_edit)):
            label.setBuddy(field)
        self.next_contact.set_name(self.tr("Next contact"))
        self.birthday_edit.set_name(self.tr("Birthday"))

    def _build_more(self, fields: list[FieldDef]) -> None:
        page = self.more_page
        self.address_edit = QLineEdit(page)
        self.city_edit = QLineEdit(page)
        self.region_edit = QLineEdit(page)
        self.source_edit = QLineEdit(page)
        self.source_edit.setPlaceholderText(self.tr("Where the client came from"))
        self.segment_edit = QLineEdit(page)
        self.campaign_combo = QComboBox(page)  # the source campaign (app.campaigns)
        self.custom = CustomFieldsEditor(fields, page)
        self.notes_edit = QPlainTextEdit(page)
        self.notes_edit.setTabChangesFocus(True)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Address:"), self.address_edit)
        form.addRow(self.tr("City:"), self.city_edit)
        form.addRow(self.tr("Region:"), self.region_edit)
        form.addRow(self.tr("Source:"), self.source_edit)
        form.addRow(self.tr("Segment:"), self.segment_edit)
        form.addRow(self.tr("Campaign:"), self.campaign_combo)
        self.custom.add_rows(form)
        form.addRow(self.tr("Notes:"), self.notes_edit)

    def _connect(self) -> None:
        for edit in (self.name_edit, self.refusal_edit, self.tags_edit, self.address_edit,
                     self.city_edit, self.region_edit, self.source_edit, self.segment_edit):
            edit.textEdited.connect(self.on_field_edited)
        self.inn_edit.textEdited.connect(self.on_inn_edit_textEdited)
        self.notes_edit.textChanged.connect(self.on_field_edited)
        for combo in (self.status_combo, self.responsible_combo, self.campaign_combo):
            combo.currentIndexChanged.connect(self.on_field_edited)
        self.status_combo.currentIndexChanged.connect(self.on_status_combo_changed)
        for picker in (self.next_contact, self.birthday_edit):
            picker.changed.connect(self.on_field_edited)
        self.custom.changed.connect(self.on_field_edited)
        for editor in (self.phones, self.emails):
            editor.changed.connect(self.on_field_edited)
            editor.changed.connect(self.keys_changed)
        self.company_radio.toggled.connect(self.on_company_radio_toggled)

    # --- values ----------------------------------------------------------------------
    def set_data(self, data: ClientData) -> None:
        self._loading = True
        self.company_radio.setChecked(data.kind == "company")
        self.person_radio.setChecked(data.kind != "company")
        self.name_edit.setText(data.name)
        self.inn_edit.setText(data.inn)
        self.phones.set_items(data.phones)
        self.emails.set_items(data.emails)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(data.status), 0))
        self.refusal_edit.setText(data.refusal_reason)
        self._fill_responsible(data.responsible_id)
        self.next_contact.set_value(to_local(data.next_contact_at))
        self.tags_edit.set_tags(data.tags)
        self.birthday_edit.set_value(data.birthday)
        for edit, value in ((self.address_edit, data.address), (self.city_edit, data.city),
                            (self.region_edit, data.region), (self.source_edit, data.source),
                            (self.segment_edit, data.segment)):
            edit.setText(value)
        self.custom.set_values(data.custom)
        fill_campaign_combo(self.campaign_combo, data.campaign_id, self.tr("(none)"))
        self.notes_edit.setPlainText(data.notes)
        self._loading = False
        self.on_inn_edit_textEdited(data.inn, emit=False)
        self.on_status_combo_changed()
        self.on_company_radio_toggled(data.kind == "company")

    def _fill_responsible(self, current: int | None) -> None:
        combo = self.responsible_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(nobody)"), None)
        for emp_id, name in active_employees():
            combo.addItem(name, emp_id)
        if current is not None and combo.findData(current) < 0:
            combo.addItem(self.tr("(former employee #{})").format(current), current)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def collect(self, base: ClientData) -> ClientData:
        """A copy of ``base`` with what the form shows (contacts are not touched)."""
        data = copy.deepcopy(base)
        data.kind = "company" if self.company_radio.isChecked() else "person"
        data.name = self.name_edit.text().strip()
        data.inn = self.inn_edit.text().strip()
        data.phones = self.phones.items()
        data.emails = self.emails.items()
        data.status = self.status_combo.currentData()
        data.refusal_reason = self.refusal_edit.text().strip() if data.status == "refused" \
            else base.refusal_reason
        data.responsible_id = self.responsible_combo.currentData()
        shown = self.next_contact.value()
        old = to_local(base.next_contact_at)
        if not (shown and old and old.replace(second=0, microsecond=0) == shown):
            data.next_contact_at = to_utc(shown)
        data.tags = self.tags_edit.tags()
        data.birthday = self.birthday_edit.value() if data.kind == "person" else base.birthday
        data.address = self.address_edit.text().strip()
        data.city = self.city_edit.text().strip()
        data.region = self.region_edit.text().strip()
        data.source = self.source_edit.text().strip()
        data.segment = self.segment_edit.text().strip()
        data.campaign_id = self.campaign_combo.currentData()
        data.custom = self.custom.values(keep=base.custom)
        data.notes = self.notes_edit.toPlainText().rstrip()
        return data

    def field_widget(self, name: str) -> QWidget | None:
        """The editor that shows a core field (to mark a validation error)."""
        return {"name": self.name_edit, "inn": self.inn_edit, "refusal_reason": self.refusal_edit,
                "status": self.status_combo,
                "email": next((e for e in self.emails.edits() if e.property("invalid")), None)
                }.get(name)

    # --- reactions -------------------------------------------------------------------
    def on_field_edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def on_inn_edit_textEdited(self, text: str, emit: bool = True) -> None:
        inn = "".join(text.split())
        if not inn:
            message = None
        elif not inn.isdigit() or len(inn) not in (10, 12):
            message = self.tr("An INN has 10 digits (organisation) or 12 (person)")
        elif not inn_is_valid(inn):
            message = self.tr("The INN checksum is wrong: check the digits")
        else:
            message = None
        mark_invalid(self.inn_edit, message)
        self.inn_state.setText("" if not inn else ("✗" if message else "✓"))
        self.inn_state.setStyleSheet("color: #c62828;" if message else "color: #2e7d32;")
        self.inn_state.setToolTip(message or self.tr("The INN checksum is right"))
        if emit:
            self.on_field_edited()
            self.keys_changed.emit()

    def on_status_combo_changed(self, *_args) -> None:
        refused = self.status_combo.currentData() == "refused"
        self._main_form.setRowVisible(self.refusal_edit, refused)

    def on_company_radio_toggled(self, company: bool) -> None:
        self.name_label.setText(self.tr("Company name:") if company else self.tr("Full name:"))
        self._main_form.setRowVisible(self.birthday_edit, not company)
        self.on_field_edited()
        self.kind_changed.emit("company" if company else "person")
