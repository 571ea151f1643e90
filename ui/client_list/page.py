"""The Clients page: title and bulk actions, the filter bar and the lazy client table."""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QToolBar,
                               QVBoxLayout, QWidget)

from .. import style
from ..bridge import bridge
from ..deferred import after_first_paint
from ..i18n import plural_s
from ..widgets.a11y import tab_reachable
from .bulk import BulkActions
from .columns import SORT_KEYS, Columns
from .filter_bar import FilterBar
from .model import ClientListModel
from .view import ClientTableView

REFRESH_ON = {"client", "employee", "tag"}
LONG_PRINT = 1000  # more clients than this: ask before printing them all


def select_ids(view, model, ids, current_id: int | None = None) -> None:
    """Select the rows of these client ids (contiguous rows as ranges)."""
    rows = sorted(r for r in (model.row_of(i) for i in ids) if r >= 0)
    selection = QItemSelection()
    last = model.columnCount() - 1
    start = prev = None
    for row in rows + [None]:
        if start is not None and (row is None or row != prev + 1):
            selection.select(model.index(start, 0), model.index(prev, last))
            start = None
        if row is not None and start is None:
            start = row
        prev = row
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    view.selectionModel().select(selection, flags)
    if current_id is not None and (row := model.row_of(current_id)) >= 0:
        view.selectionModel().setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def selected_ids(view, model) -> list[int]:
    ranges = [(r.top(), r.bottom()) for r in view.selectionModel().selection()]
    return model.ids_of_rows(sorted(ranges))


class ClientListPage(QWidget):
    open_client_requested = Signal(int)
    """The user wants to see a client's card."""
    new_client_requested = Signal()
    """The user wants to add a client."""
    message = Signal(str)
    """A short report for the status bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("Page")
        self._dirty = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=60)

        self.title = QLabel(self.tr("Clients"), self)
        self.title.setObjectName("PageTitle")
        self.counter = QLabel(self)
        self.counter.setObjectName("Counter")
        self.selection_info = QLabel(self)
        self.selection_info.setObjectName("SelectionInfo")
        self.model = ClientListModel(self)
        self.view = ClientTableView("client_list/header", self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Clients"))
        self.bulk = BulkActions(self, self.selected_ids)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        for action in self.bulk.actions():
            self.toolbar.addAction(action)
        tab_reachable(self.toolbar)
        self._toolbar_words_width: int | None = None  # the toolbar with its words (see _fit_toolbar)
        self.addAction(self.bulk.trash_action)
        self.new_button = QPushButton(style.icon("plus", "#ffffff"), self.tr("New client"), self)
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.setToolTip(self.tr("Add a client (Ctrl+N)"))
        self.filter_bar = FilterBar(self)
        self.print_action = QAction(self.tr("Print list…"), self)
        self.print_action.setToolTip(self.tr("Print the clients as the list shows them"))

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.selection_info)
        top.addWidget(self.toolbar)
        top.addSpacing(8)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)

        header = self.view.horizontalHeader()
        if not self.view.restore_header() or header.sortIndicatorSection() not in SORT_KEYS:
            header.setSortIndicator(Columns.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        # wiring
        self.model.reloaded.connect(self.on_model_reloaded)
        self.view.activated.connect(self.on_view_activated)
        self.view.customContextMenuRequested.connect(self.on_view_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self.on_view_selection_changed)
        self.filter_bar.changed.connect(self.on_filter_bar_changed)
        self.new_button.clicked.connect(self.new_client_requested)
        self.print_action.triggered.connect(self.print_list)
        self.bulk.message.connect(self.message)
        self._refresh_timer.timeout.connect(self.refresh)
        bridge().changed.connect(self.on_bridge_changed)

        from ..segments.actions import SegmentActions
        self.segments = SegmentActions(self)  # the Segments button, "Campaign…" on the selection
        self.model.start_quickly()  # the first ids and the count; the rest once painted
        self.view.setSortingEnabled(True)  # queries the ids once, in the remembered order
        after_first_paint(self.view.viewport(), self.model.load_rest)

    # ----------------------------------------------------------------- behaviour

    def selected_ids(self) -> list[int]:
        return selected_ids(self.view, self.model)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.client_id(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        """Query again, keeping the selection, the current row and the scroll position."""
        self._refresh_timer.stop()
        self._dirty = False
        selected, current = self.selected_ids(), self.current_id()
        top_row = self.view.rowAt(0)
        top_id = self.model.client_id(top_row) if top_row >= 0 else None
        scroll = self.view.verticalScrollBar().value()
        old_ids = self.model.ids()
        self.model.reload()
        if self.model.ids() == old_ids:
            return
        select_ids(self.view, self.model, selected, current)
        row = self.model.row_of(top_id) if top_id is not None else -1
        if row >= 0:
            self.view.verticalScrollBar().setValue(row)
        else:
            self.view.verticalScrollBar().setValue(scroll)

    def save_state(self) -> None:
        self.view.save_header()

    def filter_lines(self) -> list[str]:
        """The filter as printed above the list: one "what: value" line per filter in use."""
        bar = self.filter_bar
        lines = [self.tr("Search: {text}").format(text=bar.text.text().strip())] if bar.text.text().strip() else []
        for label, combo in ((self.tr("Status"), bar.status), (self.tr("Responsible"), bar.responsible),
                             (self.tr("Tag"), bar.tag), (self.tr("City or region"), bar.place),
                             (self.tr("Segment"), bar.segment)):
            if combo.currentIndex() > 0:
                lines.append(f"{label}: {combo.currentText()}")
        if bar.overdue.isChecked():
            lines.append(self.tr("Only clients whose next contact date has passed"))
        return lines

    def print_list(self):
        """Print the clients the list shows, in its order, with the filter above them."""
        from ..help import interface_language
        from ..reports.printing import print_client_list
        ids = self.model.ids()
        if len(ids) > LONG_PRINT and QMessageBox.question(
                self, self.tr("Print list"), self.tr("Print all %Ln clients? That is many pages.", "", len(ids)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return None
        return print_client_list(self, ids, interface_language(), self.filter_lines())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        """The bulk actions keep their words while the header has room for them, and
        become icons (their names as tooltips) when it does not - e.g. with the Today
        panel open on a 1366 px screen - instead of hiding behind a "»"."""
        if self._toolbar_words_width is None:
            self._toolbar_words_width = self.toolbar.sizeHint().width()
        taken = sum(w.sizeHint().width() for w in (self.title, self.counter, self.selection_info, self.new_button))
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right() - taken - 8 - 8 - 3 * self.layout().spacing()
        wanted = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon if self._toolbar_words_width <= room
                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
        if self.toolbar.toolButtonStyle() != wanted:
            self.toolbar.setToolButtonStyle(wanted)

    # ----------------------------------------------------------------- slots

    def on_bridge_changed(self, change) -> None:
        if change.entity not in REFRESH_ON:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._dirty = True

    def on_model_reloaded(self) -> None:
        count = self.model.rowCount()
        self.counter.setText(plural_s(self.tr("%Ln client(s)", "", count), count))

    def on_filter_bar_changed(self) -> None:
        self.model.set_filter(self.filter_bar.client_filter())

    def on_view_activated(self, index) -> None:
        if index.isValid():
            self.open_client_requested.emit(self.model.client_id(index.row()))

    def on_view_selection_changed(self, *_args) -> None:
        count = len(self.selected_ids())
        self.bulk.set_enabled(count > 0)
        self.selection_info.setText(self.tr("Selected: %Ln", "", count) if count > 1 else "")
        self._fit_toolbar()

    def on_view_context_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self)
        index = self.view.indexAt(pos)
        if index.isValid():
            open_action = menu.addAction(self.tr("Open card"))
            open_action.setShortcut(Qt.Key.Key_Return)
            open_action.triggered.connect(lambda: self.on_view_activated(index))
            menu.addSeparator()
        for action in self.bulk.actions():
            menu.addAction(action)
        menu.addAction(self.segments.campaign_action)
        menu.addSeparator()
        menu.addAction(self.print_action)
        menu.addMenu(self.view.column_menu())
        menu.exec(self.view.viewport().mapToGlobal(pos))
