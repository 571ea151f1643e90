"""The conditions of a segment as a form: the client list's filters, the card's source
and custom fields on the left, behaviour (bought, no contact, lost to a competitor,
birthday, A-class, campaign) on the right.  Reads and writes a definition dict."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QSpinBox,
                               QWidget)

from app.card_lookups import active_employees
from app.client_list import NOBODY, filter_choices
from app.custom_fields import fields as custom_fields

from ..client_list.columns import status_names
from .combo import fill_campaign_combo


def _combo(items, any_text: str, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    combo.addItem("" if editable else any_text, None)
    if editable:
        combo.lineEdit().setPlaceholderText(any_text)
    for value, text in items:
        combo.addItem(text, value)
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def _choose(combo: QComboBox, value) -> None:
    if combo.isEditable() and value and combo.findData(value) < 0:
        combo.setEditText(str(value))
        return
    combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)


def _value(combo: QComboBox):
    if combo.isEditable():
        return combo.currentText().strip()
    return combo.currentData()


class NumberCondition(QWidget):
    """A check box with a number: "Bought in the last [3] months"."""

    changed = Signal()
    """The condition was switched or its number changed."""

    def __init__(self, text: str, suffix: str, low: int, high: int, default: int, parent=None):
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.spin = QSpinBox(self)
        self.spin.setAccessibleName(text)  # the check box beside it says what the number is
        self.spin.setRange(low, high)
        self.spin.setValue(default)
        self.spin.setSuffix(suffix)
        self.spin.setEnabled(False)
        self.spin.setMinimumWidth(120)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check, 1)
        layout.addWidget(self.spin)
        self.check.toggled.connect(self.spin.setEnabled)
        self.check.toggled.connect(self.changed)
        self.spin.valueChanged.connect(self.changed)

    def value(self) -> int | None:
        return self.spin.value() if self.check.isChecked() else None

    def set_value(self, value) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.spin.setValue(int(value))


class ConditionsForm(QWidget):
    changed = Signal()
    """A condition changed (the count should be computed again)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        choices = filter_choices()
        self.status = _combo(list(status_names().items()), self.tr("Any status"))
        self.responsible = _combo([(NOBODY, self.tr("Nobody"))] + active_employees(), self.tr("Anyone"))
        self.tag = _combo([(t, t) for t in choices.tags], self.tr("Any tag"))
        self.place = _combo([(p, p) for p in choices.places], self.tr("Any city"), editable=True)
        self.card_segment = _combo([(s, s) for s in choices.segments], self.tr("Any"), editable=True)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Any source"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Name, phone, e-mail, INN…"))
        self.overdue = QCheckBox(self.tr("Next contact date has passed"))
        self.custom: dict[int, QComboBox] = {}
        fields_box = QGroupBox(self.tr("Fields"), self)
        form = QFormLayout(fields_box)
        for label, widget in ((self.tr("Status:"), self.status), (self.tr("Responsible:"), self.responsible),
                              (self.tr("Tag:"), self.tag), (self.tr("City or region:"), self.place),
                              (self.tr("Source:"), self.source), (self.tr("Segment field:"), self.card_segment),
                              (self.tr("Search:"), self.text)):
            form.addRow(label, widget)
        for f in custom_fields("client"):
            combo = _combo([(c, c) for c in f.choices], self.tr("Any"), editable=True)
            self.custom[f.id] = combo
            form.addRow(f.name + ":", combo)
        form.addRow("", self.overdue)

        self.bought = NumberCondition(self.tr("Bought in the last"), self.tr(" months"), 1, 120, 12)
        self.no_contact = NumberCondition(self.tr("No contact for"), self.tr(" days"), 1, 3650, 90)
        self.lost = QCheckBox(self.tr("Lost a deal to a competitor"))
        self.birthday = QCheckBox(self.tr("Birthday this month"))
        self.abc = NumberCondition(self.tr("A-class in the ABC analysis, over the last"), self.tr(" months"),
                                   0, 120, 12)
        self.abc.spin.setSpecialValueText(self.tr("all time"))
        self.campaign = QComboBox()
        fill_campaign_combo(self.campaign, None, self.tr("Any campaign"))
        behaviour_box = QGroupBox(self.tr("Behaviour"), self)
        behaviour = QFormLayout(behaviour_box)
        for widget in (self.bought, self.no_contact, self.lost, self.birthday, self.abc):
            behaviour.addRow(widget)
        behaviour.addRow(self.tr("Came from campaign:"), self.campaign)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(fields_box, 1)
        layout.addWidget(behaviour_box, 1)

        for combo in (self.status, self.responsible, self.tag, self.campaign):
            combo.currentIndexChanged.connect(self.changed)
        for combo in (self.place, self.card_segment, *self.custom.values()):
            combo.editTextChanged.connect(self.changed)
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.source, self.text):
            edit.textChanged.connect(self.changed)
        for box in (self.overdue, self.lost, self.birthday):
            box.toggled.connect(self.changed)
        for number in (self.bought, self.no_contact, self.abc):
            number.changed.connect(self.changed)

    def definition(self) -> dict:
        d = {"status": self.status.currentData() or "", "responsible_id": self.responsible.currentData(),
             "tag": self.tag.currentData() or "", "place": _value(self.place) or "",
             "source": self.source.text().strip(), "segment": _value(self.card_segment) or "",
             "text": self.text.text().strip(), "overdue": self.overdue.isChecked(),
             "bought_months": self.bought.value(), "no_contact_days": self.no_contact.value(),
             "lost_to_competitor": self.lost.isChecked(), "birthday_this_month": self.birthday.isChecked(),
             "abc_a": self.abc.value() is not None, "abc_months": self.abc.value() or 0,
             "campaign_id": self.campaign.currentData(),
             "custom": {str(fid): _value(combo) for fid, combo in self.custom.items() if _value(combo)}}
        return {k: v for k, v in d.items() if v not in (None, "", False, {})}

    def set_definition(self, d: dict) -> None:
        self.blockSignals(True)
        _choose(self.status, d.get("status"))
        _choose(self.responsible, d.get("responsible_id"))
        _choose(self.tag, d.get("tag"))
        _choose(self.place, d.get("place"))
        _choose(self.card_segment, d.get("segment"))
        self.source.setText(d.get("source", ""))
        self.text.setText(d.get("text", ""))
        self.overdue.setChecked(bool(d.get("overdue")))
        for fid, combo in self.custom.items():
            _choose(combo, (d.get("custom") or {}).get(str(fid)))
        self.bought.set_value(d.get("bought_months"))
        self.no_contact.set_value(d.get("no_contact_days"))
        self.lost.setChecked(bool(d.get("lost_to_competitor")))
        self.birthday.setChecked(bool(d.get("birthday_this_month")))
        self.abc.set_value(d.get("abc_months", 0) if d.get("abc_a") else None)
        fill_campaign_combo(self.campaign, d.get("campaign_id"), self.tr("Any campaign"))
        self.blockSignals(False)
