"""Item models of the wizard's sheet and mapping pages."""
from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from app.importer.table import cell_text

from ..formatting import fmt_date, qdatetime
from .labels import status_labels, target_labels
from .. import style

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
HEADER_TINT = "#dfe9fb"
MUTED = QColor("#8a9099")
WARN_TINT = "#fff4d6"
PREVIEW_ROWS = 20


def _column_letter(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return name


def show_cell(value) -> str:
    """A cell as the user typed it (dates in the local short format)."""
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:
            return fmt_date(value.date())
        return QLocale().toString(qdatetime(value), QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return fmt_date(value)
    return cell_text(value)


class RawPreviewModel(QAbstractTableModel):
    """The first rows of a sheet as they are in the file; the header row stands out,
    rows that are not imported (a title, totals) are greyed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[list] = []
        self._width = 0
        self._header_row: int | None = None
        self._data_rows: set[int] = set()
        self._ignored: dict[int, str] = {}

    def set_sheet(self, rows: list[list], header_row: int | None, data_rows, ignored=()) -> None:
        self.beginResetModel()
        end = (header_row or 0) + PREVIEW_ROWS
        self._rows = [list(r) for r in rows[:end]]
        self._width = max((len(r) for r in self._rows), default=0)
        self._header_row = header_row
        self._data_rows = {r for r in data_rows if r <= end}
        self._ignored = dict(ignored)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._width

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        sheet_row = index.row() + 1
        row = self._rows[index.row()]
        if role == DISPLAY:
            return show_cell(row[index.column()]) if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.FontRole and sheet_row == self._header_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and sheet_row == self._header_row:
            return style.themed(HEADER_TINT)
        if role == Qt.ItemDataRole.ForegroundRole and sheet_row != self._header_row \
                and sheet_row not in self._data_rows:
            return MUTED
        if role == Qt.ItemDataRole.ToolTipRole:
            if sheet_row == self._header_row:
                return self.tr("The header: column names")
            if sheet_row in self._ignored:
                return self.tr("Not imported: %1").replace("%1", self._ignored[sheet_row])
            if sheet_row not in self._data_rows:
                return self.tr("Not imported: above the table or empty")
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _column_letter(section)
        return str(section + 1)


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its header, sample values, where it goes."""

    class Columns(IntEnum):
        COLUMN = 0
        SAMPLES = 1
        TARGET = 2

    target_changed = Signal(int)
    """A column (its index in the file) got another target."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mapping = None
        self._labels: dict[str, str] = {}
        self.headers = {self.Columns.COLUMN: self.tr("Column of the file"),
                        self.Columns.SAMPLES: self.tr("Values in the file"),
                        self.Columns.TARGET: self.tr("Import as")}

    def set_mapping(self, mapping, labels: dict[str, str]) -> None:
        self.beginResetModel()
        self.mapping, self._labels = mapping, dict(labels)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.mapping is None else len(self.mapping.columns)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.Columns)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.Columns.TARGET:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        col = self.mapping.columns[index.row()]
        c = index.column()
        if c == self.Columns.COLUMN:
            if role == DISPLAY:
                return col.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Column %1 of the sheet").replace("%1", _column_letter(col.index))
        elif c == self.Columns.SAMPLES:
            if role == DISPLAY:
                return " · ".join(col.samples) if col.samples else self.tr("(empty)")
            if role == Qt.ItemDataRole.ForegroundRole and not col.samples:
                return MUTED
            if role == Qt.ItemDataRole.ToolTipRole and col.samples:
                return "\n".join(col.samples)
        elif c == self.Columns.TARGET:
            if role == DISPLAY:
                return self._labels.get(col.target, col.target)
            if role == EDIT:
                return col.target
            if role == Qt.ItemDataRole.ToolTipRole:
                return {"header": self.tr("Recognised by the column name"),
                        "data": self.tr("Recognised by the values"),
                        "custom": self.tr("A custom field with this name")}.get(
                    col.source, self.tr("Not recognised: choose where it goes"))
        return None

    def setData(self, index, value, role=EDIT) -> bool:
        if not index.isValid() or index.column() != self.Columns.TARGET or role != EDIT or not value:
            return False
        col = self.mapping.columns[index.row()]
        if col.target == value:
            return False
        col.target, col.source = value, "user"
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        self.target_changed.emit(col.index)
        return True

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers.get(section)
        return str(section + 1)


class ValuesModel(QAbstractTableModel):
    """The distinct values of the stage/status columns and the stage or status each
    becomes.  A value the program did not recognise waits for the user's choice."""

    class Columns(IntEnum):
        VALUE = 0
        ROWS = 1
        MAPS_TO = 2

    confirmed_changed = Signal()
    """A value was mapped (or all values were reloaded)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mapping = None
        self.values: list[tuple[str, int]] = []
        self.confirmed: set[str] = set()
        self._labels: dict[str, str] = {}
        self.headers = {self.Columns.VALUE: self.tr("Value in the file"), self.Columns.ROWS: self.tr("Rows"),
                        self.Columns.MAPS_TO: self.tr("Becomes")}

    def set_values(self, mapping, counts: dict[str, int], stage_names: dict[str, str]) -> None:
        """Reload; values recognised by the program count as confirmed, the user's
        earlier choices are kept."""
        self.beginResetModel()
        self.mapping = mapping
        self.values = list(counts.items())
        self._labels = {**status_labels(), **stage_names, "": self.tr("Keep in the notes")}
        self.confirmed = {v for v in self.confirmed if v in counts}
        self.confirmed |= {v for v in counts if mapping.values.get(v)}
        self.endResetModel()
        self.confirmed_changed.emit()

    def unconfirmed(self) -> list[str]:
        return [v for v, _ in self.values if v not in self.confirmed]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.values)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.Columns)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.Columns.MAPS_TO:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        value, count = self.values[index.row()]
        c = index.column()
        waiting = value not in self.confirmed
        if role == Qt.ItemDataRole.BackgroundRole and waiting:
            return style.themed(WARN_TINT)
        if c == self.Columns.VALUE and role == DISPLAY:
            return value
        if c == self.Columns.ROWS:
            if role == DISPLAY:
                return str(count)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if c == self.Columns.MAPS_TO:
            key = self.mapping.values.get(value, "")
            if role == DISPLAY:
                return self.tr("Choose…") if waiting else self._labels.get(key, key)
            if role == EDIT:
                return None if waiting else key
            if role == Qt.ItemDataRole.ToolTipRole and waiting:
                return self.tr("Not a stage the program knows: choose one, or keep it in the notes")
        return None

    def setData(self, index, value, role=EDIT) -> bool:
        if not index.isValid() or index.column() != self.Columns.MAPS_TO or role != EDIT or value is None:
            return False
        name = self.values[index.row()][0]
        self.mapping.values[name] = value
        self.confirmed.add(name)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.Columns) - 1))
        self.confirmed_changed.emit()
        return True

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers.get(section)
        return str(section + 1)


def target_label_map(options: list[tuple[str, str]]) -> dict[str, str]:
    return {**target_labels(), **dict(options)}

