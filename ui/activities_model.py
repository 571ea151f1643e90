"""A lazy table of activities: the ids come in SQL order a chunk at a time as the view
scrolls (``canFetchMore``/``fetchMore``), rows are read a page at a time, and the exact
total comes from one count."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.activity_list import CHUNK, ActivityFilter, ActivityPages, activity_rows
from ui.formatting import fmt_datetime
from ui.widgets.labels import (ACTIVITY_GLYPHS, ARROWS, OVERDUE_COLOR, activity_kind_labels,
                               activity_status_labels)

PAGE = 200
IdRole = Qt.ItemDataRole.UserRole + 1
ClientIdRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3


class ActivitiesModel(QAbstractTableModel):
    class Columns(IntEnum):
        WHEN = 0
        KIND = 1
        CLIENT = 2
        SUBJECT = 3
        RESULT = 4
        RESPONSIBLE = 5
        STATUS = 6

    SORT_KEYS = {Columns.WHEN: "when", Columns.KIND: "kind", Columns.CLIENT: "client",
                 Columns.SUBJECT: "subject", Columns.RESPONSIBLE: "responsible",
                 Columns.STATUS: "status"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = ActivityFilter()
        self._sort = ("when", True)
        self._ids: list[int] = []
        self._pages: ActivityPages | None = None  # None until the first load
        self._total = 0
        self._changing = False  # in a reset or a layout change: no chunk inserted then
        self._rows: dict[int, object] = {}
        self._kinds = activity_kind_labels()
        self._statuses = activity_status_labels()
        self.headers = {
            self.Columns.WHEN: self.tr("When"), self.Columns.KIND: self.tr("Kind"),
            self.Columns.CLIENT: self.tr("Client"), self.Columns.SUBJECT: self.tr("Subject"),
            self.Columns.RESULT: self.tr("Result"), self.Columns.RESPONSIBLE: self.tr("Responsible"),
            self.Columns.STATUS: self.tr("Status"),
        }

    # --- loading -------------------------------------------------------------------
    def set_filter(self, flt: ActivityFilter, at_least: int = 0) -> None:
        self._filter = flt
        self.reload(at_least)

    def reload(self, at_least: int = 0) -> None:
        """Read the list again: the first chunk, or ``at_least`` rows (to keep a scrolled place)."""
        pages = ActivityPages(self._filter, *self._sort)
        ids = pages.next_ids(max(CHUNK, at_least))
        self._reset(pages, ids, pages.count())

    def _reset(self, pages: ActivityPages, ids: list[int], total: int | None = None) -> None:
        self._changing = True
        try:
            self.beginResetModel()
            self._pages, self._ids, self._rows = pages, ids, {}
            if total is not None:
                self._total = total
            self.endResetModel()
        finally:
            self._changing = False

    def total(self) -> int:
        """How many activities the filter selects (the rows not fetched yet included)."""
        return self._total

    def row_of(self, aid: int) -> int | None:
        """The row of an activity among the fetched ones."""
        try:
            return self._ids.index(aid)
        except ValueError:
            return None

    def row_data(self, row: int):
        """The ``ActivityRow`` at ``row``, reading its page when needed."""
        aid = self._ids[row]
        found = self._rows.get(aid)
        if found is None:
            start = row - row % PAGE
            self._rows.update(activity_rows(self._ids[start:start + PAGE]))
            found = self._rows.get(aid)
        return found

    def id_at(self, row: int) -> int:
        return self._ids[row]

    # --- Qt model --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        # a view asks while it adjusts to a change; it asks again (on a timer) once that is over
        return (not parent.isValid() and not self._changing and self._pages is not None
                and self._pages.more)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        ids = self._pages.next_ids(CHUNK)
        if not ids:
            return
        self._changing = True  # a view may ask again from inside these signals
        try:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            self._ids.extend(ids)
            self.endInsertRows()
        finally:
            self._changing = False

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.Columns)):
            return self.headers[self.Columns(section)]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        row = self.row_data(index.row())
        if row is None:  # deleted since the ids were read
            return None
        col = self.Columns(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.Columns.SUBJECT, self.Columns.RESULT):
            return (row.subject if col == self.Columns.SUBJECT else row.result) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == "overdue":
                return QBrush(QColor(OVERDUE_COLOR))
            if col == self.Columns.KIND:
                return QBrush(QColor(ACTIVITY_GLYPHS.get(row.kind, ("", "#000"))[1]))
        if role == Qt.ItemDataRole.FontRole and row.status in ("planned", "overdue") \
                and col == self.Columns.STATUS:
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return row.id
        if role == ClientIdRole:
            return row.client_id
        if role == StatusRole:
            return row.status
        return None

    def _display(self, row, col) -> str:
        if col == self.Columns.WHEN:
            return fmt_datetime(row.when)
        if col == self.Columns.KIND:
            glyph = ACTIVITY_GLYPHS.get(row.kind, ("•", ""))[0] + ARROWS.get(row.kind, "")
            return "{} {}".format(glyph, self._kinds.get(row.kind, row.kind))
        if col == self.Columns.CLIENT:
            return row.client_name
        if col == self.Columns.SUBJECT:
            return row.subject
        if col == self.Columns.RESULT:
            return " ".join(row.result.split())
        if col == self.Columns.RESPONSIBLE:
            return row.responsible_name
        return self._statuses.get(row.status, row.status)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(self.Columns(column)) if 0 <= column < len(self.Columns) else None
        if key is None:
            return
        new_sort = (key, order == Qt.SortOrder.DescendingOrder)
        if new_sort == self._sort:
            return
        self._sort = new_sort
        if self._pages is None:  # the view sets its indicator before the first load
            return
        pages = ActivityPages(self._filter, *self._sort)
        keep = len(self._ids) if self._pages.chunked else 0  # a whole list: start with a chunk
        new_ids = pages.next_ids(max(CHUNK, keep))
        if len(new_ids) != len(self._ids):  # as many rows fetched as before, or start over
            self._reset(pages, new_ids)
            return
        self._changing = True
        try:
            self.layoutAboutToBeChanged.emit()
            old_ids, persistent = self._ids, self.persistentIndexList()
            self._pages, self._ids = pages, new_ids
            where = {aid: i for i, aid in enumerate(self._ids)}
            for idx in persistent:
                new_row = where.get(old_ids[idx.row()]) if idx.row() < len(old_ids) else None
                self.changePersistentIndex(idx, self.index(new_row, idx.column()) if new_row is not None
                                           else QModelIndex())
            self.layoutChanged.emit()
        finally:
            self._changing = False
