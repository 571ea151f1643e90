"""The filters above the client list: free text, status, responsible, tag, place,
segment and "next contact overdue"."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QWidget

from app.client_list import NOBODY, ClientFilter, filter_choices

from ..widgets.flow_layout import FlowLayout
from .. import style
from .columns import status_names


class ChoiceCombo(QComboBox):
    """A combo whose first item means "any"; its other items are read when it opens,
    so the choices are always current and cost nothing until used."""

    def __init__(self, any_text: str, loader: Callable[[], list[tuple[object, str]]] | None = None,
                 parent=None):
        super().__init__(parent)
        self._any_text, self._loader = any_text, loader
        # as wide as "Any …" (the bar wraps rather than squeezing it); a longer choice is
        # elided in the box and shown whole in the wider list
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow)
        self.view().setMinimumWidth(220)
        self.addItem(any_text, None)

    def set_items(self, items: list[tuple[object, str]]) -> None:
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._any_text, None)
        for value, text in items:
            self.addItem(text, value)
        found = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        if found < 0:  # the chosen value is gone
            self.currentIndexChanged.emit(0)

    def load(self) -> None:
        if self._loader is not None:
            self.set_items(self._loader())

    def showPopup(self) -> None:
        self.load()
        super().showPopup()


class FilterBar(QWidget):
    changed = Signal()
    """The filter changed: the list should query again."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setObjectName("FilterText")
        self.text.setPlaceholderText(self.tr("Filter: name, phone, e-mail, INN…"))
        self.text.setClearButtonEnabled(True)
        self.text.addAction(style.icon("search", "#8a94a3"), QLineEdit.ActionPosition.LeadingPosition)
        self.text.setMinimumWidth(140)
        self.status = ChoiceCombo(self.tr("All statuses"), parent=self)
        self.status.set_items(list(status_names().items()))
        self.responsible = ChoiceCombo(self.tr("Anyone"), self._responsible_items, self)
        self.tag = ChoiceCombo(self.tr("Any tag"), lambda: [(t, t) for t in filter_choices().tags], self)
        self.place = ChoiceCombo(self.tr("Any city"), lambda: [(p, p) for p in filter_choices().places], self)
        from ..segments.combo import SegmentCombo
        self.segment = SegmentCombo(self.tr("Any segment"), self)
        for combo, name in ((self.status, self.tr("Status filter")),
                            (self.responsible, self.tr("Responsible filter")),
                            (self.tag, self.tr("Tag filter")), (self.place, self.tr("City filter")),
                            (self.segment, self.tr("Segment filter"))):
            combo.setAccessibleName(name)
        self.overdue = QCheckBox(self.tr("Overdue"), self)
        self.overdue.setToolTip(self.tr("Only clients whose next contact date has passed"))
        self.reset_button = QPushButton(self.tr("Reset"), self)
        self.reset_button.setFlat(True)
        self.reset_button.setToolTip(self.tr("Show all clients again"))
        self.reset_button.setEnabled(False)
        self._text_timer = QTimer(self, singleShot=True, interval=250)

        self.text.setMinimumWidth(260)
        layout = FlowLayout(self)  # a narrow window gets a second line of filters, never cut ones
        for widget in (self.text, self.status, self.responsible, self.tag, self.place, self.segment,
                       self.overdue, self.reset_button):
            layout.addWidget(widget)

        self.text.textChanged.connect(self.on_text_text_changed)
        self.text.returnPressed.connect(self.on_text_return_pressed)
        self._text_timer.timeout.connect(self.on_text_timer_timeout)
        for combo in (self.status, self.responsible, self.tag, self.place, self.segment):
            combo.currentIndexChanged.connect(self.on_combo_current_index_changed)
        self.overdue.toggled.connect(self.on_overdue_toggled)
        self.reset_button.clicked.connect(self.on_reset_button_clicked)

    def _responsible_items(self) -> list[tuple[object, str]]:
        return [(NOBODY, self.tr("Nobody"))] + [(i, n) for i, n in filter_choices().employees]

    def client_filter(self) -> ClientFilter:
        return ClientFilter(status=self.status.currentData() or "",
                            responsible_id=self.responsible.currentData(),
                            tag=self.tag.currentData() or "", place=self.place.currentData() or "",
                            segment=self.segment.card_value(), segment_id=self.segment.segment_id(),
                            overdue=self.overdue.isChecked(),
                            text=self.text.text().strip())

    def is_empty(self) -> bool:
        return self.client_filter() == ClientFilter()

    def reset(self) -> None:
        for widget in (self.text, self.status, self.responsible, self.tag, self.place, self.segment,
                       self.overdue):
            widget.blockSignals(True)
        self.text.clear()
        for combo in (self.status, self.responsible, self.tag, self.place, self.segment):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        for widget in (self.text, self.status, self.responsible, self.tag, self.place, self.segment,
                       self.overdue):
            widget.blockSignals(False)
        self._emit_changed()

    def _emit_changed(self) -> None:
        self._text_timer.stop()
        self.reset_button.setEnabled(not self.is_empty())
        self.changed.emit()

    def on_text_text_changed(self, _text: str) -> None:
        self._text_timer.start()

    def on_text_return_pressed(self) -> None:
        self._emit_changed()

    def on_text_timer_timeout(self) -> None:
        self._emit_changed()

    def on_combo_current_index_changed(self, _index: int) -> None:
        self._emit_changed()

    def on_overdue_toggled(self, _on: bool) -> None:
        self._emit_changed()

    def on_reset_button_clicked(self) -> None:
        self.reset()
