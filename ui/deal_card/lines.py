"""Products and services of a deal: a small editable table with the total of the lines."""
from __future__ import annotations

from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from app.deal_details import LineItem

from ..formatting import fmt_money
from ..table_model import ListTableModel
from .values import fmt_number, parse_decimal

_Index = QModelIndex | QPersistentModelIndex


class LinesModel(ListTableModel):
    class Columns(IntEnum):
        NAME = 0
        QUANTITY = 1
        PRICE = 2
        TOTAL = 3

    edited = Signal()
    """The user changed, added or removed a line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[LineItem] = []
        self.currency = "RUB"
        C = self.Columns
        self._headers = {C.NAME: self.tr("Product or service"), C.QUANTITY: self.tr("Quantity"),
                         C.PRICE: self.tr("Price"), C.TOTAL: self.tr("Total")}

    def set_lines(self, lines: list[LineItem]) -> None:
        self.beginResetModel()
        self.lines = [LineItem(x.name, Decimal(x.quantity), Decimal(x.price)) for x in lines]
        self.endResetModel()

    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))

    def add_line(self) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(LineItem(self.tr("New line"), Decimal("1"), Decimal("0")))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.edited.emit()

    def row_items(self) -> list:
        return self.lines

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.Columns.TOTAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        col = self.Columns(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            edit = role == Qt.ItemDataRole.EditRole
            if col == self.Columns.NAME:
                return line.name
            if col == self.Columns.QUANTITY:
                return fmt_number(line.quantity, 3)
            if col == self.Columns.PRICE:
                return fmt_number(line.price) if edit else fmt_money(line.price, self.currency)
            return fmt_money(line.total, self.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.Columns.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self.lines):
            return False
        line = self.lines[index.row()]
        col = self.Columns(index.column())
        if col == self.Columns.NAME:
            if not str(value).strip():
                return False
            line.name = str(value).strip()
        elif col in (self.Columns.QUANTITY, self.Columns.PRICE):
            number = parse_decimal(value)
            if number is None or number < 0:
                return False
            if col == self.Columns.QUANTITY:
                line.quantity = number.quantize(Decimal("0.001"))
            else:
                line.price = number.quantize(Decimal("0.01"))
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.Columns) - 1))
        self.edited.emit()
        return True


class LinesEditor(QWidget):
    changed = Signal()
    """A line was added, edited or removed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = LinesModel(self)
        self.view = QTableView()
        self.view.setObjectName("lines")
        self.view.setAccessibleName(self.tr("Products and services"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(LinesModel.Columns.NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((LinesModel.Columns.QUANTITY, 90), (LinesModel.Columns.PRICE, 130),
                           (LinesModel.Columns.TOTAL, 140)):
            header.resizeSection(col, width)
        self.add_button = QPushButton(self.tr("Add line"))
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.total_label = QLabel()
        self.total_label.setObjectName("lines_total")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.model.edited.connect(self.on_model_edited)
        self.model.modelReset.connect(self.show_total)
        self.show_total()

    def set_lines(self, lines: list[LineItem], currency: str) -> None:
        self.model.currency = currency
        self.model.set_lines(lines)

    def lines(self) -> list[LineItem]:
        return [LineItem(x.name, x.quantity, x.price) for x in self.model.lines]

    def show_total(self) -> None:
        self.total_label.setText(self.tr("Total of lines: {total}").format(
            total=fmt_money(self.model.total(), self.model.currency)))

    def on_add_button_clicked(self) -> None:
        row = self.model.add_line()
        index = self.model.index(row, LinesModel.Columns.NAME)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def on_remove_button_clicked(self) -> None:
        if self.view.currentIndex().isValid():
            self.model.remove_line(self.view.currentIndex().row())

    def on_model_edited(self) -> None:
        self.show_total()
        self.changed.emit()
