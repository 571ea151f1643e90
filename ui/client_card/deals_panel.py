"""The client's deals: title, stage (in its colour) and amount; a double click opens one."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.deals import deals_of_client
from ui.formatting import fmt_money

from .details_form import color_icon
from .. import style


class DealsPanel(QTreeWidget):
    deal_activated = Signal(int)
    """The user double-clicked a deal (its id)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Deals"))
        self.itemDoubleClicked.connect(self.on_item_double_clicked)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Deal"), self.tr("Stage"), self.tr("Amount")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 170)
        header.resizeSection(2, 120)

    def load(self, client_id: int | None) -> None:
        self.clear()
        for deal in deals_of_client(client_id) if client_id else []:
            item = QTreeWidgetItem([deal.title, deal.stage.name, fmt_money(deal.amount, deal.currency)])
            item.setIcon(1, color_icon(deal.stage.color, 10))
            item.setForeground(1, QColor(deal.stage.color).darker(140))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, deal.title)
            item.setData(0, Qt.ItemDataRole.UserRole, deal.id)
            self.addTopLevelItem(item)
        if self.topLevelItemCount() == 0:
            item = QTreeWidgetItem([self.tr("No deals yet"), "", ""])
            item.setForeground(0, style.themed("#757575"))
            self.addTopLevelItem(item)
        rows = min(self.topLevelItemCount(), 5)
        row_height = self.sizeHintForRow(0) if self.topLevelItemCount() else self.fontMetrics().height() + 4
        self.setFixedHeight(self.header().sizeHint().height() + rows * row_height + 2 * self.frameWidth() + 2)

    def on_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        deal_id = item.data(0, Qt.ItemDataRole.UserRole)
        if deal_id:
            self.deal_activated.emit(int(deal_id))
