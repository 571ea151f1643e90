"""The kanban board: a column per stage side by side, scrolling sideways when they do
not fit; won and lost stages come last."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QWidget

from dataclasses import replace

from app.deal_list import board_ids, stage_totals
from app.deal_lookups import deal_stages
from app.funnel import FunnelFilter, StageColumn, columns

from .card_delegate import CardDelegate
from .column import StageColumnWidget


def board_order(cols: list[StageColumn]) -> list[StageColumn]:
    """Open stages in their order, then the won ones, then the lost ones."""
    rank = {"open": 0, "won": 1, "lost": 2}
    return sorted(cols, key=lambda c: rank.get(c.kind, 0))  # sorted() is stable


class FunnelBoard(QScrollArea):
    deal_dropped = Signal(int, int)
    """A card (deal id) was dropped on another stage's column (stage id)."""
    deal_activated = Signal(int)
    """A card was double-clicked: open the deal."""
    deal_menu_requested = Signal(int, QPoint)
    """The context menu of a card (deal id) at a global position."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FunnelBoard")
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.delegate = CardDelegate(self)
        self._strip = QWidget()
        self._strip.setObjectName("FunnelStrip")
        self._layout = QHBoxLayout(self._strip)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(8)
        self._layout.addStretch(1)
        self.setWidget(self._strip)
        self.columns: dict[int, StageColumnWidget] = {}
        self.filter = FunnelFilter()

    # ----------------------------------------------------------------- reading

    def column_widgets(self) -> list[StageColumnWidget]:
        """The columns left to right."""
        out = []
        for i in range(self._layout.count()):
            w = self._layout.itemAt(i).widget()
            if isinstance(w, StageColumnWidget):
                out.append(w)
        return out

    def stage_columns(self) -> list[StageColumn]:
        return [w.column for w in self.column_widgets()]

    # ----------------------------------------------------------------- loading

    def reload(self, flt: FunnelFilter | None = None) -> None:
        """Everything again: the stages, the totals and every column's deals."""
        if flt is not None:
            self.filter = flt
        cols = board_order(columns(self.filter))
        self._set_stage_columns(cols)
        found = board_ids([c.stage_id for c in cols], self.filter)
        for w in self.column_widgets():
            w.model.set_ids(found[w.stage_id])
            w.model.forget()

    def refresh_deals(self, deal_ids) -> None:
        """These deals changed: the columns they left or entered, their totals and cards."""
        ids = set(deal_ids)
        touched = {w.stage_id for w in self.column_widgets() if any(w.model.contains(i) for i in ids)}
        touched |= set(deal_stages(ids).values())
        touched &= set(self.columns)
        totals = stage_totals(sorted(touched), self.filter)
        found = board_ids(sorted(touched), self.filter)
        for sid in touched:
            w = self.columns[sid]
            count, amount, weighted = totals[sid]
            w.set_column(replace(w.column, count=count, amount=amount, weighted=weighted))
            w.model.set_ids(found[sid])
            w.model.forget(ids)

    def forget_cards_of(self, deal_ids: set[int], client_ids: set[int]) -> None:
        """Read again the cards of these deals and of these clients' deals."""
        for w in self.column_widgets():
            w.model.forget_matching(deal_ids, client_ids)

    def forget_cards(self) -> None:
        """Cards show activities and client names: read the visible ones again."""
        for w in self.column_widgets():
            w.model.forget()

    def _set_stage_columns(self, cols: list[StageColumn]) -> None:
        wanted = [c.stage_id for c in cols]
        for sid in list(self.columns):
            if sid not in wanted:
                w = self.columns.pop(sid)
                self._layout.removeWidget(w)
                w.deleteLater()
        for pos, c in enumerate(cols):
            w = self.columns.get(c.stage_id)
            if w is None:
                w = StageColumnWidget(c, self.delegate, self._strip)
                self.columns[c.stage_id] = w
                w.view.deal_dropped.connect(self.deal_dropped)
                w.view.deal_activated.connect(self.deal_activated)
                w.view.customContextMenuRequested.connect(
                    lambda pos_, view=w.view: self._on_view_menu(view, pos_))
            else:
                w.set_column(c)
            if self._layout.indexOf(w) != pos:
                self._layout.removeWidget(w)
                self._layout.insertWidget(pos, w)

    def _on_view_menu(self, view, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
            self.deal_menu_requested.emit(view.column_model().deal_id(index.row()),
                                          view.viewport().mapToGlobal(pos))
