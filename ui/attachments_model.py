"""The files of a card as a small table: name, size, date added and (for a client) the deal."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt

from .formatting import fmt_date, fmt_datetime
from .table_model import ListTableModel


def fmt_size(size: int) -> str:
    """A file size as people read it: "820 B", "12 KB", "3.4 MB" ("3,4 МБ" in Russian)."""
    if size < 1024:
        return QCoreApplication.translate("Attachments", "{n} B").format(n=size)
    if size < 1024 * 1024:
        return QCoreApplication.translate("Attachments", "{n} KB").format(n=max(1, round(size / 1024)))
    megabytes = QLocale().toString(size / (1024 * 1024), "f", 1)  # the decimal comma in Russian
    return QCoreApplication.translate("Attachments", "{n} MB").format(n=megabytes)

class AttachmentsModel(ListTableModel):
    class Columns(IntEnum):
        NAME = 0
        SIZE = 1
        ADDED = 2
        DEAL = 3

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = {self.Columns.NAME: self.tr("File"), self.Columns.SIZE: self.tr("Size"),
                         self.Columns.ADDED: self.tr("Added"), self.Columns.DEAL: self.tr("Deal")}

    def row_items(self) -> list:
        return self._rows

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: QModelIndex) -> dict:
        return self._rows[index.row()]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], self.Columns(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.Columns.NAME:
                return item["filename"]
            if column == self.Columns.SIZE:
                return fmt_size(item["size"])
            if column == self.Columns.ADDED:
                return fmt_date(item["created_at"])
            return item["deal_title"]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.Columns.ADDED:
                return fmt_datetime(item["created_at"])
            return item["deal_title"] or None if column == self.Columns.DEAL else item["filename"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.Columns.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.IdRole:
            return item["id"]
        return None
