"""Invoices and payments of a deal: number, amount, issued, due, paid.  Unpaid ones are
highlighted, overdue ones are red."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from app.deal_details import InvoiceItem

from ..formatting import fmt_date, fmt_money
from ..table_model import ListTableModel
from .values import NO_DATE, fmt_number, from_qdate, parse_decimal, to_qdate
from .. import style

_Index = QModelIndex | QPersistentModelIndex
UNPAID_BACKGROUND = "#fff8e1"
OVERDUE_COLOR = "#c62828"


class InvoicesModel(ListTableModel):
    class Columns(IntEnum):
        NUMBER = 0
        AMOUNT = 1
        ISSUED = 2
        DUE = 3
        PAID = 4

    DATES = {Columns.ISSUED: "issued_on", Columns.DUE: "due_on", Columns.PAID: "paid_on"}

    edited = Signal()
    """The user changed, added or removed an invoice."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.invoices: list[InvoiceItem] = []
        self.currency = "RUB"
        self.today = date.today()
        C = self.Columns
        self._headers = {C.NUMBER: self.tr("Invoice"), C.AMOUNT: self.tr("Amount"), C.ISSUED: self.tr("Issued"),
                         C.DUE: self.tr("Due"), C.PAID: self.tr("Paid")}

    def set_invoices(self, invoices: list[InvoiceItem]) -> None:
        self.beginResetModel()
        self.today = date.today()
        self.invoices = [InvoiceItem(i.number, i.amount, i.issued_on, i.due_on, i.paid_on, i.id) for i in invoices]
        self.endResetModel()

    def add_invoice(self, number: str, amount: Decimal) -> int:
        row = len(self.invoices)
        self.beginInsertRows(QModelIndex(), row, row)
        self.invoices.append(InvoiceItem(number, amount, issued_on=self.today))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_invoice(self, row: int) -> None:
        if 0 <= row < len(self.invoices):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.invoices[row]
            self.endRemoveRows()
            self.edited.emit()

    def unpaid_total(self) -> Decimal:
        return sum((Decimal(i.amount) for i in self.invoices if i.paid_on is None), Decimal("0.00"))

    def row_items(self) -> list:
        return self.invoices

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.invoices):
            return None
        inv = self.invoices[index.row()]
        col = self.Columns(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.Columns.NUMBER:
                return inv.number
            if col == self.Columns.AMOUNT:
                return fmt_money(inv.amount, self.currency)
            value = getattr(inv, self.DATES[col])
            if col == self.Columns.PAID and value is None:
                return self.tr("overdue") if inv.overdue(self.today) else self.tr("not paid")
            return fmt_date(value)
        if role == Qt.ItemDataRole.EditRole:
            if col == self.Columns.NUMBER:
                return inv.number
            if col == self.Columns.AMOUNT:
                return fmt_number(inv.amount)
            return to_qdate(getattr(inv, self.DATES[col]))
        if role == Qt.ItemDataRole.BackgroundRole and inv.paid_on is None:
            return style.themed(UNPAID_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and inv.overdue(self.today):
            return QColor(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and inv.overdue(self.today):
            return self.tr("Overdue: was due on {date}").format(date=fmt_date(inv.due_on))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.Columns.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self.invoices):
            return False
        inv = self.invoices[index.row()]
        col = self.Columns(index.column())
        if col == self.Columns.NUMBER:
            if not str(value).strip():
                return False
            inv.number = str(value).strip()
        elif col == self.Columns.AMOUNT:
            number = parse_decimal(value)
            if number is None or number < 0:
                return False
            inv.amount = number.quantize(Decimal("0.01"))
        else:
            setattr(inv, self.DATES[col], value if isinstance(value, date) or value is None else from_qdate(value))
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.Columns) - 1))
        self.edited.emit()
        return True


class DateDelegate(QStyledItemDelegate):
    """A date editor where the earliest date, shown as "—", means no date."""

    def createEditor(self, parent, option, index):  # noqa: N802
        if index.column() < InvoicesModel.Columns.ISSUED:
            return super().createEditor(parent, option, index)
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText("—")
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        if isinstance(editor, QDateEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setDate(value if isinstance(value, QDate) and value.isValid() else QDate.currentDate())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        if isinstance(editor, QDateEdit):
            model.setData(index, from_qdate(editor.date()))
        else:
            super().setModelData(editor, model, index)


class InvoicesEditor(QWidget):
    changed = Signal()
    """An invoice was added, edited, paid or removed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = InvoicesModel(self)
        self.view = QTableView()
        self.view.setObjectName("invoices")
        self.view.setAccessibleName(self.tr("Invoices"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(DateDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(InvoicesModel.Columns.NUMBER, QHeaderView.ResizeMode.Stretch)
        for col in (InvoicesModel.Columns.ISSUED, InvoicesModel.Columns.DUE, InvoicesModel.Columns.PAID):
            header.resizeSection(col, 110)
        header.resizeSection(InvoicesModel.Columns.AMOUNT, 140)
        self.add_button = QPushButton(self.tr("Add invoice"))
        self.paid_button = QPushButton(self.tr("Paid today"))
        self.remove_button = QPushButton(self.tr("Remove invoice"))
        self.summary_label = QLabel()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.paid_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.deal_amount = Decimal("0")

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.paid_button.clicked.connect(self.on_paid_button_clicked)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.model.edited.connect(self.on_model_edited)
        self.model.modelReset.connect(self.show_summary)

    def set_invoices(self, invoices: list[InvoiceItem], currency: str) -> None:
        self.model.currency = currency
        self.model.set_invoices(invoices)

    def invoices(self) -> list[InvoiceItem]:
        return [InvoiceItem(i.number, i.amount, i.issued_on, i.due_on, i.paid_on, i.id) for i in self.model.invoices]

    def show_summary(self) -> None:
        unpaid = self.model.unpaid_total()
        self.summary_label.setText(self.tr("Not paid: {amount}").format(amount=fmt_money(unpaid, self.model.currency))
                                   if unpaid else "")

    def on_add_button_clicked(self) -> None:
        invoiced = sum((Decimal(i.amount) for i in self.model.invoices), Decimal("0"))
        row = self.model.add_invoice(str(len(self.model.invoices) + 1), max(self.deal_amount - invoiced, Decimal("0")))
        self.view.setCurrentIndex(self.model.index(row, InvoicesModel.Columns.NUMBER))

    def on_paid_button_clicked(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.setData(self.model.index(index.row(), InvoicesModel.Columns.PAID), date.today())

    def on_remove_button_clicked(self) -> None:
        if self.view.currentIndex().isValid():
            self.model.remove_invoice(self.view.currentIndex().row())

    def on_model_edited(self) -> None:
        self.show_summary()
        self.changed.emit()
