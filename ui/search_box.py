"""The global search box: results appear under it as you type (name, phones, city);
Up/Down move, Enter or a double click opens the card, Esc closes the list."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint,
                            Qt, QTimer, Signal)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLineEdit, QTreeView

from app.phones import format_phone
from app.search import ClientHit, search_clients

from . import style
from .client_list.columns import status_names

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractTableModel):
    """The hits of one query; one greyed row says so when nothing was found."""

    class Columns(IntEnum):
        NAME = 0
        PHONES = 1
        CITY = 2

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[ClientHit] = []
        self._query = ""
        self._statuses = status_names()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_hits(self, query: str, hits: list[ClientHit]) -> None:
        self.beginResetModel()
        self._query, self._hits = query, list(hits)
        self.endResetModel()

    def hits(self) -> list[ClientHit]:
        return list(self._hits)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._hits) or (1 if self._query else 0)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.Columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or not self._hits:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        column = self.Columns(index.column())
        if not self._hits:
            if role == Qt.ItemDataRole.DisplayRole and column == self.Columns.NAME:
                return self.tr("No clients found")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#8a94a3")
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.Columns.NAME:
                return hit.name
            if column == self.Columns.PHONES:
                return ", ".join(format_phone(p if p.startswith("+") else None, p) for p in hit.phones[:2])
            return hit.city
        if role == self.ID_ROLE:
            return hit.id
        if role == Qt.ItemDataRole.DecorationRole and column == self.Columns.NAME:
            return style.status_color(hit.status)
        if role == Qt.ItemDataRole.FontRole and column == self.Columns.NAME:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and column != self.Columns.NAME:
            return style.themed("#5b6675")
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [hit.name, self._statuses.get(hit.status, hit.status)]
            lines += [format_phone(p if p.startswith("+") else None, p) for p in hit.phones]
            return "\n".join(lines + hit.emails)
        return None


class SearchBox(QLineEdit):
    client_activated = Signal(int)
    """The user chose a client from the results (Enter or a double click)."""

    DEBOUNCE_MS = 150
    LIMIT = 30
    VISIBLE_ROWS = 10

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("GlobalSearch")
        self.setPlaceholderText(self.tr("Find a client: name, phone, e-mail, INN…"))
        self.setClearButtonEnabled(True)
        self.addAction(style.icon("search", "#8a94a3"), QLineEdit.ActionPosition.LeadingPosition)
        self.results = SearchResultsModel(self)
        self.popup = QTreeView(self)
        self.popup.setObjectName("SearchPopup")
        self.popup.setWindowFlags(Qt.WindowType.Popup)
        self.popup.setModel(self.results)
        self.popup.setHeaderHidden(True)
        self.popup.setRootIsDecorated(False)
        self.popup.setUniformRowHeights(True)
        self.popup.setAllColumnsShowFocus(True)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setFocusProxy(self)
        self.popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.popup.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SearchResultsModel.Columns.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SearchResultsModel.Columns.PHONES, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(SearchResultsModel.Columns.CITY, QHeaderView.ResizeMode.Fixed)
        self._timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)

        self.textEdited.connect(self.on_text_edited)
        self._timer.timeout.connect(self.search_now)
        self.popup.installEventFilter(self)
        self.popup.doubleClicked.connect(self.on_popup_double_clicked)

    # ----------------------------------------------------------------- searching

    def search_now(self) -> None:
        self._timer.stop()
        query = self.text().strip()
        if not query:
            self.results.set_hits("", [])
            self.hide_popup()
            return
        self.results.set_hits(query, search_clients(query, limit=self.LIMIT))
        self.show_popup()

    def show_popup(self) -> None:
        if self.results.rowCount() == 0:
            self.hide_popup()
            return
        if self.results.hits():
            self.popup.setCurrentIndex(self.results.index(0, 0))
        width = max(self.width(), 560)
        self.popup.header().resizeSection(SearchResultsModel.Columns.PHONES, int(width * 0.36))
        self.popup.header().resizeSection(SearchResultsModel.Columns.CITY, int(width * 0.2))
        row_height = self.popup.sizeHintForRow(0) if self.results.rowCount() else 24
        rows = min(self.results.rowCount(), self.VISIBLE_ROWS)
        self.popup.resize(width, rows * row_height + 2 * self.popup.frameWidth() + 2)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height() + 2)))
        if not self.popup.isVisible():
            self.popup.show()

    def hide_popup(self) -> None:
        if self.popup.isVisible():
            self.popup.hide()

    def activate_current(self) -> bool:
        index = self.popup.currentIndex()
        client_id = index.siblingAtColumn(0).data(SearchResultsModel.ID_ROLE) if index.isValid() else None
        if client_id is None:
            return False
        self.hide_popup()
        self.client_activated.emit(client_id)
        return True

    def _move(self, step: int) -> None:
        count = len(self.results.hits())
        if not count:
            return
        row = self.popup.currentIndex().row()
        row = max(0, min(count - 1, (row if row >= 0 else -1) + step))
        self.popup.setCurrentIndex(self.results.index(row, 0))

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keys that drive the results; True when handled."""
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self.popup.isVisible():
                self.search_now()
                return True
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                    Qt.Key.Key_PageDown: self.VISIBLE_ROWS, Qt.Key.Key_PageUp: -self.VISIBLE_ROWS}[key]
            self._move(step)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self.results.hits():
                self.search_now()
            self.activate_current()
            return True
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.hide_popup()
            else:
                self.clear()
            return True
        return False

    # ----------------------------------------------------------------- events

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.popup and event.type() == QEvent.Type.KeyPress:
            if not self.handle_key(event):
                QApplication.sendEvent(self, event)  # typing goes on in the box
            return True
        return super().eventFilter(obj, event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.ShortcutFocusReason:
            self.selectAll()

    # ----------------------------------------------------------------- slots

    def on_text_edited(self, _text: str) -> None:
        self._timer.start()

    def on_popup_double_clicked(self, index) -> None:
        if index.isValid():
            self.popup.setCurrentIndex(index)
            self.activate_current()
