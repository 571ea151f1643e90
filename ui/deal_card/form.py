"""The deal card's fields: client, contact, title, amount, stage, probability, expected
close and responsible.  Reads and fills an ``app.deal_details.DealData``."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QSpinBox, QToolButton, QWidget)

from app.campaigns import campaign_choices
from app.card_lookups import active_employees
from app.deal_details import DealData
from app.deal_lookups import client_contacts, client_name
from app.deals import stages

from ..funnel.card_menu import stage_icon
from .values import NO_DATE, from_qdate, to_qdate

CURRENCIES = ("RUB", "USD", "EUR")
STAGE_INFO = Qt.ItemDataRole.UserRole + 1  # (probability, kind) of a stage in the combo


class DealForm(QWidget):
    edited = Signal()
    """The user changed a field (not the stage: see ``stage_chosen``)."""
    stage_chosen = Signal(int)
    """The user picked another stage (stage id)."""
    client_link_clicked = Signal(int)
    """The client's name was clicked (client id)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.client_id: int | None = None
        self._stage_probability = 0
        self._own_probability: int | None = None
        self.client_label = QLabel()
        self.client_label.setObjectName("client")
        self.client_label.setTextFormat(Qt.TextFormat.RichText)
        self.contact_combo = QComboBox()
        self.contact_combo.setObjectName("contact")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("What is sold, e.g. Kitchen installation"))
        self.amount_spin = QDoubleSpinBox()
        self.amount_spin.setObjectName("amount")
        self.amount_spin.setRange(0, 999_999_999_999)
        self.amount_spin.setDecimals(2)
        self.amount_spin.setGroupSeparatorShown(True)
        self.currency_combo = QComboBox()
        self.currency_combo.addItems(CURRENCIES)
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("stage")
        self.probability_spin = QSpinBox()
        self.probability_spin.setObjectName("probability")
        self.probability_spin.setRange(0, 100)
        self.probability_spin.setSuffix(" %")
        self.probability_note = QLabel()
        self.probability_reset = QToolButton()
        self.probability_reset.setText(self.tr("From stage"))
        self.probability_reset.setToolTip(self.tr("Use the stage's probability again"))
        self.close_edit = QDateEdit()
        self.close_edit.setObjectName("expected_close")
        self.close_edit.setCalendarPopup(True)
        self.close_edit.setMinimumDate(NO_DATE)
        self.close_edit.setSpecialValueText(self.tr("not set"))
        self.responsible_combo = QComboBox()
        self.responsible_combo.setObjectName("responsible")
        self.campaign_combo = QComboBox()
        self.campaign_combo.setObjectName("campaign")

        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_spin, 1)
        amount_row.addWidget(self.currency_combo)
        probability_row = QHBoxLayout()
        probability_row.addWidget(self.probability_spin)
        probability_row.addWidget(self.probability_note, 1)
        probability_row.addWidget(self.probability_reset)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Client:"), self.client_label)
        left.addRow(self.tr("Contact person:"), self.contact_combo)
        left.addRow(self.tr("Title:"), self.title_edit)
        left.addRow(QLabel(self.tr("Amount:"), buddy=self.amount_spin), amount_row)
        right.addRow(self.tr("Stage:"), self.stage_combo)
        right.addRow(QLabel(self.tr("Probability:"), buddy=self.probability_spin), probability_row)
        self.currency_combo.setAccessibleName(self.tr("Currency"))
        right.addRow(self.tr("Expected close:"), self.close_edit)
        right.addRow(self.tr("Responsible:"), self.responsible_combo)
        right.addRow(self.tr("Campaign:"), self.campaign_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addSpacing(16)
        layout.addLayout(right, 1)

        self.client_label.linkActivated.connect(self.on_client_label_linkActivated)
        self.stage_combo.activated.connect(self.on_stage_combo_activated)
        self.probability_spin.valueChanged.connect(self.on_probability_spin_valueChanged)
        self.probability_reset.clicked.connect(self.on_probability_reset_clicked)
        for signal in (self.title_edit.textEdited, self.amount_spin.valueChanged, self.close_edit.dateChanged,
                       self.contact_combo.activated, self.currency_combo.activated,
                       self.responsible_combo.activated, self.campaign_combo.activated):
            signal.connect(self.edited)

    # ----------------------------------------------------------------- filling

    def set_data(self, data: DealData, pipeline_id: int | None = None) -> None:
        blockers = [QSignalBlocker(w) for w in (self.title_edit, self.amount_spin, self.close_edit,
                                                 self.probability_spin, self.stage_combo, self.contact_combo,
                                                 self.currency_combo, self.responsible_combo)]
        self.client_id = data.client_id
        name = client_name(data.client_id) if data.client_id else ""
        self.client_label.setText("<a href='client'>{}</a>".format(_html(name)) if name else "—")
        self.client_label.setToolTip(self.tr("Open the client's card"))
        _fill(self.contact_combo, [(None, "—")] + [(cid, "{} ({})".format(n, p) if p else n)
                                                    for cid, n, p in client_contacts(data.client_id)] if data.client_id
              else [(None, "—")], data.contact_id)
        self.title_edit.setText(data.title)
        self.amount_spin.setValue(float(data.amount or 0))
        index = self.currency_combo.findText(data.currency or "RUB")
        if index < 0:
            self.currency_combo.addItem(data.currency)
            index = self.currency_combo.count() - 1
        self.currency_combo.setCurrentIndex(index)
        self.stage_combo.clear()
        for s in stages(pipeline_id):
            self.stage_combo.addItem(stage_icon(s.color), s.name, s.id)
            self.stage_combo.setItemData(self.stage_combo.count() - 1, (s.probability, s.kind), STAGE_INFO)
        self.set_stage(data.stage_id)
        self._own_probability = data.probability
        self._show_probability()
        self.close_edit.setDate(to_qdate(data.expected_close) if data.expected_close else NO_DATE)
        _fill(self.responsible_combo, [(None, "—")] + active_employees(), data.responsible_id)
        _fill(self.campaign_combo, [(None, "—")] + campaign_choices(), data.campaign_id)
        del blockers

    def set_stage(self, stage_id: int | None) -> None:
        with QSignalBlocker(self.stage_combo):
            index = self.stage_combo.findData(stage_id)
            self.stage_combo.setCurrentIndex(max(index, 0))
        info = self.stage_combo.currentData(STAGE_INFO)
        self._stage_probability = info[0] if info else 0
        self._show_probability()

    def stage_kind(self, stage_id: int) -> str:
        info = self.stage_combo.itemData(self.stage_combo.findData(stage_id), STAGE_INFO)
        return info[1] if info else "open"

    def _show_probability(self) -> None:
        own = self._own_probability is not None
        with QSignalBlocker(self.probability_spin):
            self.probability_spin.setValue(self._own_probability if own else self._stage_probability)
        self.probability_note.setText(self.tr("own") if own else self.tr("from stage"))
        self.probability_reset.setEnabled(own)

    # ----------------------------------------------------------------- reading

    def fill(self, data: DealData) -> DealData:
        """Copy the fields into ``data`` (the stage too) and return it."""
        data.title = self.title_edit.text().strip()
        data.amount = Decimal("{:.2f}".format(self.amount_spin.value()))
        data.currency = self.currency_combo.currentText()
        data.contact_id = self.contact_combo.currentData()
        data.stage_id = self.stage_combo.currentData()
        data.probability = self._own_probability
        data.expected_close = from_qdate(self.close_edit.date())
        data.responsible_id = self.responsible_combo.currentData()
        data.campaign_id = self.campaign_combo.currentData()
        return data

    # ----------------------------------------------------------------- slots

    def on_client_label_linkActivated(self, _link: str) -> None:  # noqa: N802
        if self.client_id:
            self.client_link_clicked.emit(self.client_id)

    def on_stage_combo_activated(self, _index: int) -> None:
        info = self.stage_combo.currentData(STAGE_INFO)
        self._stage_probability = info[0] if info else 0
        self._show_probability()
        self.stage_chosen.emit(self.stage_combo.currentData())

    def on_probability_spin_valueChanged(self, value: int) -> None:  # noqa: N802
        self._own_probability = value
        self._show_probability()
        self.edited.emit()

    def on_probability_reset_clicked(self) -> None:
        self._own_probability = None
        self._show_probability()
        self.edited.emit()


def _fill(combo: QComboBox, items, current) -> None:
    combo.clear()
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
