"""The side agenda: everything on the selected day, in time order."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QListView, QMenu, QPushButton, QVBoxLayout, QWidget

from app.calendar import CalendarItem
from ui.widgets.labels import activity_kind_labels

from .common import day_title, item_label, local_end, local_start, time_text

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``CalendarItem`` of a row."""


class AgendaModel(QAbstractListModel):
    """The items of one day: time, kind and client, subject; done ones dimmed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[CalendarItem] = []
        self._kinds = activity_kind_labels()

    def set_items(self, items: list[CalendarItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> CalendarItem:
        return self._items[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(item.color)
        if role == Qt.ItemDataRole.ForegroundRole and item.done:
            return QColor("#9aa3ad")
        if role == Qt.ItemDataRole.FontRole and item.done:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_label(item)
        if role == ITEM_ROLE:
            return item
        return None

    def _text(self, item: CalendarItem) -> str:
        if item.all_day:
            return item_label(item)
        when = "{}–{}".format(time_text(local_start(item)), time_text(local_end(item)))
        first = "{}  {}".format(when, self._kinds.get(item.kind, item.kind))
        if item.recurring:
            first += "  ↻"
        second = " · ".join(p for p in (item.client_name, item.title) if p) or self.tr("(no subject)")
        return "{}\n{}".format(first, second)


class AgendaPanel(QWidget):
    """The selected day's title, its items and a button to plan something that day."""

    item_activated = Signal(object)
    """An item (``CalendarItem``) was double-clicked or chosen "Edit…"."""
    open_client_requested = Signal(int)
    """Open the card of this client."""
    complete_requested = Signal(object)
    """Mark this item (``CalendarItem``) done."""
    new_requested = Signal(object)
    """Plan a new activity on this day (``date``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.day = date.today()
        self.title = QLabel(self)
        self.title.setObjectName("SectionTitle")
        self.empty = QLabel(self.tr("Nothing planned for this day."), self)
        self.empty.setObjectName("PageHint")
        self.model = AgendaModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Activities of the day"))
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(10, 10))
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.add_button = QPushButton(self.tr("Plan for this day…"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.add_button)
        self.list.doubleClicked.connect(self.on_list_double_clicked)
        self.list.customContextMenuRequested.connect(self.on_list_custom_context_menu_requested)
        self.add_button.clicked.connect(self.on_add_button_clicked)

    def set_day(self, day: date, items: list[CalendarItem]) -> None:
        self.day = day
        self.title.setText(day_title(day))
        self.model.set_items(items)
        self.empty.setVisible(not items)

    def on_list_double_clicked(self, index: QModelIndex) -> None:
        self.item_activated.emit(index.data(ITEM_ROLE))

    def on_add_button_clicked(self) -> None:
        self.new_requested.emit(self.day)

    def on_list_custom_context_menu_requested(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        item: CalendarItem = index.data(ITEM_ROLE)
        menu = QMenu(self)
        if item.activity_id is not None:
            menu.addAction(self.tr("Edit…")).triggered.connect(lambda: self.item_activated.emit(item))
            if not item.done:
                menu.addAction(self.tr("Mark done…")).triggered.connect(
                    lambda: self.complete_requested.emit(item))
        if item.client_id is not None:
            menu.addAction(self.tr("Open client card")).triggered.connect(
                lambda: self.open_client_requested.emit(item.client_id))
        menu.exec(self.list.viewport().mapToGlobal(pos))
