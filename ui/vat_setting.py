"""Settings ▸ Company: the company's VAT (none, or a rate included in the prices) that
invoices print.  The requisites editor shows it in its form and saves it with Save."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QWidget

from app.vat import RATES, set_vat_rate, vat_rate


class VatCombo(QComboBox):
    """No VAT / 0 % / 10 % / 20 % / 22 %; item data: the rate in per cent or None."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("requisites_vat")
        self.setAccessibleName(self.tr("VAT"))
        self.setToolTip(self.tr("Invoices print the VAT included in the prices, or «Без НДС»"))
        for rate in RATES:
            self.addItem(self.tr("No VAT") if rate is None else f"{rate}\u00a0%", rate)
        self._loaded: int | None = None
        self.note: QLabel | None = None
        self.currentIndexChanged.connect(self.on_current_index_changed)

    def rate(self) -> int | None:
        return self.currentData()

    def set_rate(self, rate: int | None) -> None:
        index = self.findData(rate)
        if index < 0:  # a rate stored some other way (an old 18 %): show it as it is
            self.addItem(f"{rate}\u00a0%", rate)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def load(self, read_only: bool) -> None:
        self._loaded = vat_rate()
        self.set_rate(self._loaded)
        self.setEnabled(not read_only)

    def is_dirty(self) -> bool:
        return self.rate() != self._loaded

    def save(self) -> None:
        """Store the chosen rate (raises KartotekaError like any service call)."""
        if self.is_dirty():
            set_vat_rate(self.rate())
            self._loaded = self.rate()


    def add_to(self, form: QFormLayout) -> None:
        """Put the "VAT:" row (this combo and its note) into the requisites form."""
        parent = self.parentWidget()
        self.note = QLabel(self.tr("included in the prices"), parent)
        self.note.setObjectName("PageHint")
        self.note.setVisible(self.rate() is not None)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self)
        row.addWidget(self.note)
        row.addStretch(1)
        form.addRow(QLabel(self.tr("VAT:"), parent, buddy=self), row)

    def on_current_index_changed(self, _index: int) -> None:
        if self.note is not None:  # "included in the prices" goes with a rate, not with "No VAT"
            self.note.setVisible(self.rate() is not None)
