"""The client table: fixed row heights, a status stripe, columns the user picks and
moves (remembered in QSettings)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QMenu, QStyledItemDelegate,
                               QStyleOptionViewItem, QTableView)

from .. import style
from .columns import HIDDEN_BY_DEFAULT, SORT_KEYS, Columns, Roles, headers

DEFAULT_WIDTHS = {
    Columns.NAME: 280, Columns.KIND: 100, Columns.PHONE: 170, Columns.EMAIL: 190, Columns.CITY: 130,
    Columns.STATUS: 100, Columns.RESPONSIBLE: 140, Columns.NEXT_CONTACT: 140,
    Columns.LAST_CONTACT: 110, Columns.TAGS: 160, Columns.CREATED: 110, Columns.DELETED: 140,
}
STRIPE_WIDTH = 4


class StatusStripeDelegate(QStyledItemDelegate):
    """Paints the cell as usual, then a stripe on the row's left edge in the colour of the
    client's most advanced open deal (or of its status when it has none)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        if self._is_first_column(index.column()):
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(STRIPE_WIDTH + 2, 0, 0, 0)
            super().paint(painter, option, index)
            stripe = QRect(option.rect.left() - STRIPE_WIDTH - 2, option.rect.top() + 1,
                           STRIPE_WIDTH, option.rect.height() - 2)
            painter.fillRect(stripe, index.data(Roles.COLOR) or style.status_color(""))
        else:
            super().paint(painter, option, index)

    def _is_first_column(self, column: int) -> bool:
        header = self.parent().horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical == column
        return False


class ClientTableView(QTableView):
    painted = Signal()
    """Emitted after every paint of the rows (start-up and scrolling measurements)."""

    def __init__(self, settings_key: str, parent=None, *, optional_columns=tuple(Columns),
                 default_hidden=HIDDEN_BY_DEFAULT):
        super().__init__(parent)
        self._settings_key = settings_key
        self._optional = tuple(optional_columns)
        self._default_hidden = tuple(default_hidden)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self.save_header)
        self.setItemDelegate(StatusStripeDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.on_header_context_menu_requested)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())  # the same on every platform
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.painted.emit()

    # ----------------------------------------------------------------- columns

    def restore_header(self) -> bool:
        """Apply the remembered columns (order, widths, hidden ones, sort), or the defaults;
        True when remembered ones were found.  Call once the model is set."""
        header = self.horizontalHeader()
        state = QSettings().value(self._settings_key)
        restored = state is not None and header.restoreState(state) and header.count() == len(Columns)
        if not restored:
            self.restore_header_defaults()
        header.sectionMoved.connect(self.on_header_section_moved)
        header.sectionResized.connect(self.on_header_section_resized)
        header.sortIndicatorChanged.connect(self.on_header_sort_indicator_changed)
        return restored

    def save_header(self) -> None:
        self._save_timer.stop()
        QSettings().setValue(self._settings_key, self.horizontalHeader().saveState())

    def set_column_visible(self, column: Columns, visible: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not visible)
        self.save_header()

    def column_menu(self) -> QMenu:
        """Check boxes for the columns the user may show or hide."""
        menu = QMenu(self.tr("Columns"), self)
        header = self.horizontalHeader()
        names = headers()
        visible = [c for c in Columns if not header.isSectionHidden(c)]
        for column in sorted(self._optional, key=header.visualIndex):
            action = QAction(names[column], menu, checkable=True)
            action.setChecked(column in visible)
            action.setEnabled(not (column in visible and len(visible) == 1))
            action.setData(int(column))
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.reset_columns)
        return menu

    def reset_columns(self) -> None:
        header = self.horizontalHeader()
        for visual, column in enumerate(Columns):
            header.moveSection(header.visualIndex(column), visual)
        QSettings().remove(self._settings_key)
        self.restore_header_defaults()
        self.save_header()

    def restore_header_defaults(self) -> None:
        header = self.horizontalHeader()
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        for column in Columns:
            header.setSectionHidden(column, column in self._default_hidden
                                    or column not in self._optional and column != Columns.NAME)

    def on_header_context_menu_requested(self, pos: QPoint) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(pos))

    def on_header_section_moved(self, *_args) -> None:
        self.save_header()

    def on_header_section_resized(self, *_args) -> None:
        self._save_timer.start()

    def on_header_sort_indicator_changed(self, section: int, _order) -> None:
        model = self.model()
        if section not in SORT_KEYS and model is not None:  # this column cannot sort: keep the order
            self.horizontalHeader().setSortIndicator(model.sort_column(), model.sort_order())
            return
        self._save_timer.start()
