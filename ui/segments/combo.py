"""The client list's "Segment" combo: saved segments first (live lists from
``app.segments``), then the values of the cards' own "segment" field."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.client_list import filter_choices

from ..client_list.filter_bar import ChoiceCombo


class SegmentCombo(ChoiceCombo):
    """Data of an item: an ``int`` for a saved segment, a ``str`` for a card value."""

    def __init__(self, any_text: str, parent=None):
        super().__init__(any_text, self.items, parent)
        self.setObjectName("SegmentCombo")
        self.setToolTip(self.tr("Saved segments (live lists), then the values of the card's Segment field"))

    @staticmethod
    def items() -> list[tuple[object, str]]:
        from app.segments import list_segments  # with the first look at the choices
        return [(s.id, s.name) for s in list_segments()] + [(v, v) for v in filter_choices().segments]

    def set_items(self, items: list[tuple[object, str]]) -> None:
        super().set_items(items)
        saved = sum(1 for value, _ in items if isinstance(value, int))
        if saved and saved < len(items):
            self.blockSignals(True)
            self.insertSeparator(saved + 1)
            self.blockSignals(False)

    def segment_id(self) -> int | None:
        value = self.currentData()
        return value if isinstance(value, int) else None

    def card_value(self) -> str:
        value = self.currentData()
        return value if isinstance(value, str) else ""

    def choose_segment(self, segment_id: int) -> None:
        """Show a saved segment (reloading the choices first)."""
        self.load()
        self.setCurrentIndex(max(self.findData(segment_id), 0))


def fill_campaign_combo(combo: QComboBox, current: int | None, none_text: str) -> None:
    """Every campaign by name after a "none" entry, ``current`` chosen; no signals."""
    from app.campaigns import campaign_choices
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for campaign_id, name in campaign_choices():
        combo.addItem(name, campaign_id)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.blockSignals(False)
