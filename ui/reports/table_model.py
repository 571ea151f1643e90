"""The table behind a report: its typed rows formatted the way the print formats them,
numbers on the right, the totals row in bold and always last, sortable by any column."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.reports.base import Report
from app.reports.document import NUMERIC_KINDS, format_value
from .. import style

_Index = QModelIndex | QPersistentModelIndex
RefRole = Qt.ItemDataRole.UserRole + 1
"""("client" | "deal", id) of the row, or None."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The typed value of the cell (Decimal, int, date, str or None)."""

TOTALS_BACKGROUND = "#eef2f6"


def _sort_key(value):
    """Numbers and dates by value, text ignoring case; empty cells last."""
    if value is None or value == "":
        return (2, 0)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return (0, Decimal(str(value)))
    if isinstance(value, datetime):
        return (0, value.timestamp())
    if isinstance(value, date):
        return (0, value.toordinal())
    return (1, str(value).casefold())


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: Report | None = None
        self.lang = "en"
        self._order: list[int] = []  # indexes into report.rows, as shown

    def set_report(self, report: Report | None, lang: str) -> None:
        self.beginResetModel()
        self.report, self.lang = report, lang
        self._order = list(range(len(report.rows))) if report else []
        self.endResetModel()

    def has_totals(self) -> bool:
        return bool(self.report and self.report.totals)

    def is_totals(self, row: int) -> bool:
        return self.has_totals() and row == len(self._order)

    def ref(self, row: int) -> tuple[str, int] | None:
        if self.report is None or not 0 <= row < len(self._order):
            return None
        refs = self.report.refs
        index = self._order[row]
        return refs[index] if index < len(refs) else None

    def _values(self, row: int) -> list:
        if self.is_totals(row):
            return self.report.totals
        return self.report.rows[self._order[row]]

    # --- Qt API ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        if parent.isValid() or self.report is None:
            return 0
        return len(self._order) + (1 if self.has_totals() else 0)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() or self.report is None else len(self.report.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation != Qt.Orientation.Horizontal or self.report is None \
                or not 0 <= section < len(self.report.columns):
            return None
        column = self.report.columns[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC_KINDS else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.report is None:
            return None
        row, column = index.row(), self.report.columns[index.column()]
        values = self._values(row)
        value = values[index.column()] if index.column() < len(values) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(value, column.kind, self.lang)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "text" and value and len(str(value)) > 30:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC_KINDS else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self.is_totals(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.is_totals(row):
            return style.themed(TOTALS_BACKGROUND)
        if role == SortRole:
            return value
        if role == RefRole:
            return self.ref(row)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows (the totals stay last); column -1 restores the report's order."""
        if self.report is None:
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._order)
        if 0 <= column < len(self.report.columns):
            rows = self.report.rows
            self._order.sort(key=lambda i: (_sort_key(rows[i][column] if column < len(rows[i]) else None), i),
                             reverse=order == Qt.SortOrder.DescendingOrder)
            if order == Qt.SortOrder.DescendingOrder:  # empty cells last either way
                self._order.sort(key=lambda i: _sort_key(rows[i][column] if column < len(rows[i]) else None)[0] == 2)
        else:
            self._order.sort()
        position = {source: row for row, source in enumerate(self._order)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(position[old[p.row()]], p.column()) if p.row() < len(old) else p
                         for p in persistent])
        self.layoutChanged.emit()
