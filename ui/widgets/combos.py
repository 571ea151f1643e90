"""Refilling a filter combo box without losing the user's choice."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox


def refill_combo(combo: QComboBox, items, anything: str | None) -> None:
    """Replace the items (``(value, text)`` pairs, after an optional "any" entry whose
    value is None), keeping the chosen value when it is still offered; no signals."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        if anything is not None:
            combo.addItem(anything, None)
        for value, text in items:
            combo.addItem(text, value)
        found = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(found, 0))
