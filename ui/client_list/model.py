"""A lazy table model of clients: it holds the ordered ids of the current filter and
sort (one SQL query) and reads rows a page at a time when the view asks for them.

At start-up the list opens with the first ids and the count only (two small queries);
``load_rest`` then reads the whole order in a worker once the list has been painted,
so 100 000 clients show as fast as a hundred."""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont

from app.activities import clients_with_open_complaints
from app.client_list import ClientFilter, ClientRow, client_ids, client_rows, matching_count
from app.phones import format_phone
from db.models import utcnow

from .. import style
from ..formatting import fmt_date, fmt_datetime
from ..workers import run_in_worker
from .columns import SORT_KEYS, Columns, Roles, headers, kind_names, status_names

_Index = QModelIndex | QPersistentModelIndex


class ClientListModel(QAbstractTableModel):
    PAGE_SIZE = 50  # a screen or two: rows of a big base sit far apart on disk (a first
    # paint reads one page: each row more costs a few random reads)
    MAX_PAGES = 160  # rows kept in memory: at most 8 000
    FIRST_IDS = 200  # ids read before the first paint of a quick start (a tall screen's worth)

    reloaded = Signal()
    """Emitted after the ids were queried again (filter, sort or data changed)."""

    def __init__(self, parent=None, *, trash: bool = False):
        super().__init__(parent)
        self._filter = ClientFilter(trash=trash)
        self._sort_column = Columns.DELETED if trash else Columns.NAME
        self._sort_order = Qt.SortOrder.DescendingOrder if trash else Qt.SortOrder.AscendingOrder
        self._ids: list[int] = []
        self._total: int | None = None  # the row count while only the first ids are known
        self._generation = 0  # bumped by every reload: a late answer of a worker is dropped
        self._quick = False
        self._row_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[ClientRow | None]] = OrderedDict()
        self._headers = headers()
        self._statuses = status_names()
        self._kinds = kind_names()
        self._now = utcnow()
        self._warning = None
        self._complaint_icon = None
        self._complained: set[int] = set()  # clients of the loaded pages with an unresolved complaint
        self._bold = QFont()
        self._bold.setBold(True)

    # ----------------------------------------------------------------- queries

    @property
    def client_filter(self) -> ClientFilter:
        return self._filter

    def set_filter(self, flt: ClientFilter) -> None:
        flt.trash = self._filter.trash
        self._filter = flt
        self.reload()

    def sort_column(self) -> Columns:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._ids:
            return
        self._sort_column, self._sort_order = Columns(column), order
        self.reload()

    def start_quickly(self) -> None:
        """Let the next load read only the first ids and the count when it can (the
        whole list by name, nothing filtered); ``load_rest`` reads the rest."""
        self._quick = True

    def is_partial(self) -> bool:
        """Only the first ids are known yet (see ``load_rest``)."""
        return self._total is not None

    def _order_args(self) -> tuple:
        return (self._filter, SORT_KEYS[self._sort_column], self._sort_order == Qt.SortOrder.DescendingOrder)

    def reload(self) -> None:
        """Query the ids again.  When they did not change (an edit that keeps the order)
        the rows are only re-read, so the view keeps its selection and position."""
        self._now = utcnow()
        self._generation += 1
        quick, self._quick = self._quick, False
        flt, sort, descending = self._order_args()
        if quick and sort == "name" and not descending and flt == ClientFilter():
            first = client_ids(flt, sort, descending, now=self._now, limit=self.FIRST_IDS)
            if len(first) == self.FIRST_IDS:
                total = matching_count(flt, now=self._now)
                self.beginResetModel()
                self._ids, self._total, self._row_of = first, total, None
                self._pages.clear()
                self.endResetModel()
                self.reloaded.emit()
                return
        ids = client_ids(flt, sort, descending, now=self._now)
        self._total = None
        if ids == self._ids:
            self._pages.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(Columns) - 1))
        else:
            self.beginResetModel()
            self._ids, self._row_of = ids, None
            self._pages.clear()
            self.endResetModel()
        self.reloaded.emit()

    def load_rest(self) -> None:
        """After a quick start: read the whole order in a worker (the view shows the first
        rows meanwhile; a row further down asked for earlier reads it at once)."""
        if self._total is None:
            return
        generation, (flt, sort, descending), now = self._generation, self._order_args(), self._now
        # a failed read leaves the rest to the next row asked for (read then, in the open)
        run_in_worker(lambda _p, _c: client_ids(flt, sort, descending, now=now),
                      on_done=lambda ids: self._set_rest(ids, generation), on_error=lambda _exc: None,
                      parent=self)

    def _ensure_all_ids(self) -> None:
        if self._total is not None:
            flt, sort, descending = self._order_args()
            self._set_rest(client_ids(flt, sort, descending, now=self._now), self._generation)

    def _set_rest(self, ids: list[int], generation: int) -> None:
        if generation != self._generation or self._total is None:
            return  # reloaded meanwhile: this answer is stale
        total, self._total, self._row_of = self._total, None, None
        if len(ids) == total and ids[:len(self._ids)] == self._ids:
            # the usual case: the rows already read stay, but a page cut short by the end
            # of the first ids is read again in full
            if len(self._ids) % self.PAGE_SIZE:
                self._pages.pop(len(self._ids) // self.PAGE_SIZE, None)
            self._ids = ids
            return
        # the clients changed between the two reads: keep the row count the view knows
        # (this may run in the middle of a paint) and show the fresh order right after
        self._ids = (ids + [0] * total)[:total]
        self._pages.clear()
        self._generation += 1
        generation = self._generation
        QTimer.singleShot(0, self, lambda: self._show_fresh(ids, generation))

    def _show_fresh(self, ids: list[int], generation: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids, self._row_of = ids, None
        self._pages.clear()
        self.endResetModel()
        self.reloaded.emit()

    # ----------------------------------------------------------------- ids

    def client_id(self, row: int) -> int:
        if row >= len(self._ids):
            self._ensure_all_ids()
        return self._ids[row]

    def ids(self) -> list[int]:
        self._ensure_all_ids()
        return list(self._ids)

    def row_of(self, client_id: int) -> int:
        """The row showing this client, or -1."""
        self._ensure_all_ids()
        if self._row_of is None:
            self._row_of = {cid: row for row, cid in enumerate(self._ids)}
        return self._row_of.get(client_id, -1)

    def ids_of_rows(self, ranges) -> list[int]:
        """Ids of (top, bottom) row ranges, inclusive (a selection, without making indexes)."""
        out: list[int] = []
        ranges = list(ranges)
        if any(bottom >= len(self._ids) for _top, bottom in ranges):
            self._ensure_all_ids()
        for top, bottom in ranges:
            out += self._ids[top:bottom + 1]
        return list(dict.fromkeys(out))

    def _row(self, row: int) -> ClientRow | None:
        page = row // self.PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            start = page * self.PAGE_SIZE
            ids = self._ids[start:start + self.PAGE_SIZE]
            found = client_rows(ids)
            rows = [found.get(cid) for cid in ids]
            self._complained.difference_update(ids)
            self._complained.update(clients_with_open_complaints(ids))
            self._pages[page] = rows
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * self.PAGE_SIZE]

    # ----------------------------------------------------------------- Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return self._total if self._total is not None else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[Columns(section)]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() >= len(self._ids):  # scrolled past the first ids before the rest came
            self._ensure_all_ids()
        if role == Roles.ID:
            return self._ids[index.row()]
        row = self._row(index.row())
        if row is None:  # deleted for good since the ids were read
            return None
        column = Columns(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return style.status_tint(row.status)
        if role == Roles.STATUS:
            return row.status
        if role == Roles.OVERDUE:
            return self._overdue(row)
        if role == Roles.COLOR:
            return QColor(row.color) if row.color else style.status_color(row.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Columns.NEXT_CONTACT and self._overdue(row):
                return QColor(style.OVERDUE_COLOR)
            if column == Columns.STATUS:
                return style.status_color(row.status)
            return None
        if role == Qt.ItemDataRole.FontRole and column == Columns.NEXT_CONTACT and self._overdue(row):
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and column == Columns.NAME and row.id in self._complained:
            if self._complaint_icon is None:
                self._complaint_icon = style.icon("warning", style.OVERDUE_COLOR)
            return self._complaint_icon
        if role == Qt.ItemDataRole.DecorationRole and column == Columns.PHONE and not row.phone_valid:
            if self._warning is None:
                self._warning = style.icon("warning")
            return self._warning
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    # ----------------------------------------------------------------- cells

    def _overdue(self, row: ClientRow) -> bool:
        return row.next_contact_at is not None and row.next_contact_at < self._now

    def _display(self, row: ClientRow, column: Columns) -> str:
        if column == Columns.NAME:
            return row.name
        if column == Columns.KIND:
            return self._kinds.get(row.kind, row.kind)
        if column == Columns.PHONE:
            return format_phone(row.phone_e164, row.phone_raw) if row.phone_raw or row.phone_e164 else ""
        if column == Columns.EMAIL:
            return row.email
        if column == Columns.CITY:
            return row.city
        if column == Columns.STATUS:
            return self._statuses.get(row.status, row.status)
        if column == Columns.RESPONSIBLE:
            return row.responsible
        if column == Columns.NEXT_CONTACT:
            return fmt_datetime(row.next_contact_at)
        if column == Columns.LAST_CONTACT:
            return fmt_date(row.last_contact_at)
        if column == Columns.TAGS:
            return ", ".join(row.tags)
        if column == Columns.CREATED:
            return fmt_date(row.created_at)
        if column == Columns.DELETED:
            return fmt_datetime(row.deleted_at)
        return ""

    def _tooltip(self, row: ClientRow, column: Columns) -> str | None:
        if column == Columns.PHONE and not row.phone_valid:
            return self.tr("This number could not be recognised; it is kept as typed.")
        if column == Columns.NEXT_CONTACT and self._overdue(row):
            return self.tr("The next contact is overdue.")
        if column == Columns.NAME and row.id in self._complained:
            return "{}\n{}".format(row.name, self.tr("Unresolved complaint: see the client card"))
        if column in (Columns.NAME, Columns.TAGS, Columns.EMAIL):
            return self._display(row, column) or None
        return None
