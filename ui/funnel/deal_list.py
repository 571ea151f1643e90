"""The funnel as a sortable list: a lazy table of deals (ids sorted in SQL, cards read
a page at a time), with the stage colour, amount, client, responsible, days, next step."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.deal_list import deal_ids
from app.funnel import DealCard, FunnelFilter, StageColumn, deal_cards

from ..formatting import fmt_datetime, fmt_money
from .colors import STUCK_COLOR, WARNING_COLOR, tint

_Index = QModelIndex | QPersistentModelIndex


class DealListModel(QAbstractTableModel):
    PAGE_SIZE = 100
    MAX_CACHED = 3000

    class Columns(IntEnum):
        STAGE = 0
        TITLE = 1
        CLIENT = 2
        AMOUNT = 3
        RESPONSIBLE = 4
        DAYS = 5
        NEXT = 6

    class Roles(IntEnum):
        ID = Qt.ItemDataRole.UserRole + 1
        CLIENT_ID = Qt.ItemDataRole.UserRole + 2
        STUCK = Qt.ItemDataRole.UserRole + 3

    SORT_KEYS = {Columns.STAGE: "stage", Columns.TITLE: "title", Columns.CLIENT: "client",
                 Columns.AMOUNT: "amount", Columns.RESPONSIBLE: "responsible", Columns.DAYS: "days",
                 Columns.NEXT: "next"}

    reloaded = Signal()
    """Emitted after the ids were queried again."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter = FunnelFilter()
        self.stages: dict[int, StageColumn] = {}
        self._sort = (self.Columns.STAGE, Qt.SortOrder.AscendingOrder)
        self._ids: list[int] = []
        self._loaded = False  # the ids are read when the list is first shown
        self._cards: dict[int, DealCard | None] = {}
        C = self.Columns
        self._headers = {C.STAGE: self.tr("Stage"), C.TITLE: self.tr("Deal"), C.CLIENT: self.tr("Client"),
                         C.AMOUNT: self.tr("Amount"), C.RESPONSIBLE: self.tr("Responsible"),
                         C.DAYS: self.tr("Days in stage"), C.NEXT: self.tr("Next step")}

    def set_stages(self, stages: list[StageColumn]) -> None:
        self.stages = {s.stage_id: s for s in stages}

    def set_filter(self, flt: FunnelFilter) -> None:
        self.filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in self.SORT_KEYS or (self.Columns(column), order) == self._sort and self._loaded:
            return
        self._sort = (self.Columns(column), order)
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        column, order = self._sort
        ids = deal_ids(self.filter, self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if ids == self._ids:
            self._cards.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(self.Columns) - 1))
        else:
            self.beginResetModel()
            self._ids = ids
            self._cards.clear()
            self.endResetModel()
        self.reloaded.emit()

    def deal_id(self, row: int) -> int:
        return self._ids[row]

    def card(self, row: int) -> DealCard | None:
        did = self._ids[row]
        if did not in self._cards:
            if len(self._cards) > self.MAX_CACHED:
                self._cards.clear()
            start = row - row % self.PAGE_SIZE
            wanted = [i for i in self._ids[start:start + self.PAGE_SIZE] if i not in self._cards]
            for card in deal_cards(wanted):
                self._cards[card.id] = card
            for i in wanted:
                self._cards.setdefault(i, None)
        return self._cards.get(did)

    # ----------------------------------------------------------------- Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.Columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[self.Columns(section)]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                right = section in (self.Columns.AMOUNT, self.Columns.DAYS)
                return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                           | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.Roles.ID:
            return self._ids[index.row()]
        card = self.card(index.row())
        if card is None:
            return None
        col = self.Columns(index.column())
        stage = self.stages.get(card.stage_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(card, col, stage)
        if role == self.Roles.CLIENT_ID:
            return card.client_id
        if role == self.Roles.STUCK:
            return card.stuck
        if role == Qt.ItemDataRole.DecorationRole and col == self.Columns.STAGE and stage is not None:
            return QColor(stage.color)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.Columns.STAGE and stage is not None:
            return tint(stage.color, 45)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.Columns.AMOUNT, self.Columns.DAYS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.Columns.DAYS and "over_limit" in card.stuck_reasons:
                return QColor(STUCK_COLOR)
            if col == self.Columns.NEXT and card.next_at is None and (stage is None or stage.kind == "open"):
                return QColor(STUCK_COLOR if card.stuck else WARNING_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and card.stuck:
            return self._stuck_tooltip(card, stage)
        return None

    def _display(self, card: DealCard, col, stage: StageColumn | None) -> str:
        C = self.Columns
        if col == C.STAGE:
            return stage.name if stage else ""
        if col == C.TITLE:
            return card.title
        if col == C.CLIENT:
            return card.client_name
        if col == C.AMOUNT:
            return fmt_money(card.amount, card.currency)
        if col == C.RESPONSIBLE:
            return card.responsible
        if col == C.DAYS:
            return str(card.days_in_stage)
        if card.next_at is None:
            return "⚠ " + self.tr("Nothing planned") if stage is None or stage.kind == "open" else ""
        return "{} {}".format(fmt_datetime(card.next_at), card.next_subject)

    def _stuck_tooltip(self, card: DealCard, stage: StageColumn | None) -> str:
        out = []
        if "over_limit" in card.stuck_reasons and stage is not None:
            out.append(self.tr("Stuck: over the stage's limit of %n day(s)", "", stage.stuck_days or 0))
        if "nothing_planned" in card.stuck_reasons:
            out.append(self.tr("Stuck: nothing planned"))
        return "\n".join(out)


class DealListView(QTableView):
    deal_activated = Signal(int)
    """A row was double-clicked or Enter was pressed on it: open the deal."""

    def __init__(self, model: DealListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FunnelList")
        self.setModel(model)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(DealListModel.Columns.STAGE, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        fm = self.fontMetrics()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(fm.height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        C = DealListModel.Columns
        widths = {C.STAGE: 190, C.TITLE: 220, C.CLIENT: 250, C.AMOUNT: 130, C.RESPONSIBLE: 150, C.DAYS: 100}
        for col, width in widths.items():
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(self.on_self_doubleClicked)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.on_self_doubleClicked(self.currentIndex())
            return
        super().keyPressEvent(event)

    def on_self_doubleClicked(self, index) -> None:  # noqa: N802
        if index.isValid():
            self.deal_activated.emit(self.model().deal_id(index.row()))
