"""A "Segment" filter combo for the funnel and the activity list: "Any segment", then the
saved segments by name.  It reloads itself when segments change."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from app.segments import list_segments

from ..bridge import bridge
from ..widgets.combos import refill_combo


class SegmentFilterCombo(QComboBox):
    segment_changed = Signal()
    """The user chose another segment, or the chosen one was deleted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SegmentFilter")
        self.setAccessibleName(self.tr("Segment filter"))
        self.setToolTip(self.tr("Only records of clients in a saved segment (a live list)"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.reload()
        self.activated.connect(self.on_activated)
        bridge().changed.connect(self.on_bridge_changed)

    def reload(self) -> None:
        """The segments again, keeping the chosen one while it exists."""
        before = self.currentData()
        refill_combo(self, [(s.id, s.name) for s in list_segments()], self.tr("Any segment"))
        if self.currentData() != before:
            self.segment_changed.emit()

    def segment_id(self) -> int | None:
        return self.currentData()

    def choose(self, segment_id: int | None) -> None:
        self.setCurrentIndex(max(self.findData(segment_id), 0) if segment_id is not None else 0)
        self.segment_changed.emit()

    def on_activated(self, _index: int) -> None:
        self.segment_changed.emit()

    def on_bridge_changed(self, change) -> None:
        if change.entity == "segment":
            self.reload()
