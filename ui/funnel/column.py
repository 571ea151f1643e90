"""A board column: a header painted in the stage colour and a view of cards that
cards can be dragged out of and dropped into."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QStyleOptionViewItem, QTableView, QVBoxLayout,
                               QWidget)

from app.access import can
from app.funnel import StageColumn

from ..formatting import fmt_money
from .card_delegate import CardDelegate
from .colors import SELECTED_BORDER, readable_text
from .column_model import ColumnModel, read_deal_mime

COLUMN_WIDTH = 272


class ColumnHeader(QWidget):
    """Stage name and probability, the number of deals and their sum, the weighted sum."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.column: StageColumn | None = None
        self.highlight = False
        fm = QFontMetrics(self.font())
        self.setFixedHeight(3 * (fm.height() + 3) + 14)

    def set_column(self, column: StageColumn) -> None:
        self.column = column
        self.setToolTip(self.summary())
        self.update()

    def summary(self) -> str:
        c = self.column
        if c is None:
            return ""
        return self.tr("{name}: %n deal(s), {amount}; weighted by probability {weighted}", "", c.count).format(
            name=c.name, amount=fmt_money(c.amount), weighted=fmt_money(c.weighted))

    def paintEvent(self, event) -> None:  # noqa: N802
        c = self.column
        if c is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bg = QColor(c.color)
        fg = readable_text(bg)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, 0), 7, 7)
        if self.highlight:
            painter.setPen(QColor(SELECTED_BORDER))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.rect().adjusted(3, 3, -3, -1), 7, 7)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        fm = QFontMetrics(base)
        step = fm.height() + 3
        inner = self.rect().adjusted(12, 7, -12, -5)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        kind = {"won": self.tr("won"), "lost": self.tr("lost")}.get(c.kind)
        tag = kind if kind else "{} %".format(c.probability)
        painter.setPen(fg)
        painter.setFont(base)
        tag_width = fm.horizontalAdvance(tag) + 8
        row = QRect(inner.left(), inner.top(), inner.width(), fm.height())
        painter.drawText(row, right, tag)
        painter.setFont(bold)
        name_rect = QRect(row.left(), row.top(), row.width() - tag_width, row.height())
        painter.drawText(name_rect, left, QFontMetrics(bold).elidedText(c.name, Qt.TextElideMode.ElideRight,
                                                                        name_rect.width()))
        row = row.translated(0, step)
        painter.drawText(row, right, fmt_money(c.amount))
        painter.setFont(base)
        painter.drawText(row, left, self.tr("%n deal(s)", "", c.count))
        row = row.translated(0, step)
        if c.kind == "open":
            painter.drawText(row, left, self.tr("weighted"))
            painter.drawText(row, right, fmt_money(c.weighted))
        painter.end()


class ColumnView(QTableView):
    """The cards of one stage.  Dropping a card of another stage here asks to move it.

    A one-column table rather than a list view: with fixed row heights it places rows
    arithmetically, so a card moving in or out of a column of thousands costs nothing,
    where a list view lays every row out again."""

    deal_dropped = Signal(int, int)
    """A card of deal (id) was dropped on the column of stage (id)."""
    deal_activated = Signal(int)
    """A card was double-clicked or Enter was pressed on it: open the deal."""
    drag_hover = Signal(bool)
    """A card is being dragged over this column (True) or left it (False)."""

    def __init__(self, model: ColumnModel, delegate: CardDelegate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(delegate.card_height(self.fontMetrics()))
        self.setShowGrid(False)
        palette = self.palette()  # the card shows its own selection: no row highlight behind it
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(Qt.GlobalColor.transparent))
        self.setPalette(palette)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.doubleClicked.connect(self.on_self_doubleClicked)

    def column_model(self) -> ColumnModel:
        return self.model()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.on_self_doubleClicked(self.currentIndex())
            return
        super().keyPressEvent(event)

    def on_self_doubleClicked(self, index) -> None:  # noqa: N802
        if index.isValid():
            self.deal_activated.emit(self.column_model().deal_id(index.row()))

    # ----------------------------------------------------------------- drag out

    def startDrag(self, supported_actions) -> None:  # noqa: N802
        index = self.currentIndex()
        if not index.isValid():
            return
        if not can("edit", ("deal", self.column_model().deal_id(index.row()))):
            return  # not theirs to move (the service would refuse the drop)
        mime = self.column_model().mimeData([index])
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        pixmap = self.card_pixmap(index)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // 2, 12))
        drag.exec(Qt.DropAction.MoveAction)  # the drop target moves the deal; nothing to remove here

    def card_pixmap(self, index) -> QPixmap:
        rect = self.visualRect(index)
        size = QSize(max(rect.width(), 200), max(rect.height(), 40))
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(QPoint(0, 0), size)
        painter.setOpacity(0.9)
        self.itemDelegate().paint(painter, option, index)
        painter.end()
        return pixmap

    # ----------------------------------------------------------------- drop in

    def _accepts(self, event) -> bool:
        found = read_deal_mime(event.mimeData())
        return found is not None and found[1] != self.column_model().stage_id

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.drag_hover.emit(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self.drag_hover.emit(False)
        event.accept()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.drag_hover.emit(False)
        found = read_deal_mime(event.mimeData())
        if found is None or found[1] == self.column_model().stage_id:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        deal_id, stage_id = found[0], self.column_model().stage_id
        # after the drag has finished: moving to a lost stage opens a dialog
        QTimer.singleShot(0, self, lambda: self.deal_dropped.emit(deal_id, stage_id))


class StageColumnWidget(QWidget):
    def __init__(self, column: StageColumn, delegate: CardDelegate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedWidth(COLUMN_WIDTH)
        self.model = ColumnModel(column.stage_id, column.color, column.stuck_days, column.kind, self)
        self.header = ColumnHeader(self)
        self.view = ColumnView(self.model, delegate, self)
        self.view.setObjectName("stage-{}".format(column.stage_id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.view.drag_hover.connect(self.on_view_drag_hover)
        self.set_column(column)

    @property
    def stage_id(self) -> int:
        return self.model.stage_id

    def set_column(self, column: StageColumn) -> None:
        self.column = column
        self.view.setAccessibleName(self.tr("Deals at the stage {stage}").format(stage=column.name))
        style = (column.color, column.stuck_days, column.kind)
        if (self.model.color, self.model.stuck_days, self.model.kind) != style:
            self.model.color, self.model.stuck_days, self.model.kind = style
            self.model.forget()
        self.header.set_column(column)

    def on_view_drag_hover(self, inside: bool) -> None:
        self.header.highlight = inside
        self.header.update()
