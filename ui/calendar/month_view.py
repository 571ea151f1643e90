"""The month grid: six weeks of day cells, painted in one pass (no widget per item).

Each cell shows its day number and as many items as fit, then "+N more".  A click
selects a day, a double click on a day asks for a new activity there, a double click
on an item opens it, and an item dragged to another day asks to move there.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from app.calendar import CalendarItem
from ui.widgets.labels import activity_kind_labels

from .common import (ACCENT, GRID_LINE, OTHER_MONTH_TINT, SELECTED_TINT, TODAY_TINT, item_label,
                     item_tooltip, local_start, movable, paint_item_box, short_day_name)
from .. import style

HEADER_H = 24
WEEKS = 6


def grid_start(month: date) -> date:
    """The Monday on or before the first of ``month``: the first cell of the grid."""
    first = month.replace(day=1)
    return first - timedelta(days=first.weekday())


class MonthView(QWidget):
    """Six weeks from the Monday before the 1st; items come from ``set_items``."""

    day_selected = Signal(object)
    """A day (``datetime.date``) was clicked."""
    day_double_clicked = Signal(object)
    """A day cell (``date``) was double-clicked outside any item: plan something there."""
    item_activated = Signal(object)
    """An item (``CalendarItem``) was double-clicked."""
    item_dropped = Signal(object, object)
    """An item (``CalendarItem``) was dragged to a new local start (naive ``datetime``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.month = date.today().replace(day=1)
        self.first = grid_start(self.month)
        self.selected = date.today()
        self.today = date.today()
        self._by_day: dict[date, list[CalendarItem]] = {}
        self._hits: list[tuple[QRect, CalendarItem]] = []
        self._more: list[tuple[QRect, date, int]] = []
        self._layout_size = QSize()
        self._press: tuple[QPoint, CalendarItem] | None = None
        self._drag_item: CalendarItem | None = None
        self._drag_day: date | None = None
        self._kind_labels = activity_kind_labels()

    # -- data -------------------------------------------------------------------------
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(WEEKS * 7)]

    def set_month(self, month: date) -> None:
        self.month = month.replace(day=1)
        self.first = grid_start(self.month)
        self._invalidate()

    def set_selected(self, day: date) -> None:
        self.selected = day
        self.update()

    def set_items(self, items: list[CalendarItem], today: date | None = None) -> None:
        """Show ``items`` (any order; those outside the grid are ignored)."""
        self.today = today or date.today()
        by_day: dict[date, list[CalendarItem]] = {}
        for item in items:
            by_day.setdefault(item.day, []).append(item)
        self._by_day = by_day
        self._invalidate()

    def items_on(self, day: date) -> list[CalendarItem]:
        return list(self._by_day.get(day, ()))

    def _invalidate(self) -> None:
        self._layout_size = QSize()
        self.update()

    # -- geometry ---------------------------------------------------------------------
    def _line_h(self) -> int:
        return self.fontMetrics().height() + 4

    def cell_rect(self, day: date) -> QRect:
        """Where the cell of ``day`` is (an empty rect when not on the grid)."""
        n = (day - self.first).days
        if not 0 <= n < WEEKS * 7:
            return QRect()
        row, col = divmod(n, 7)
        w, h = self.width() / 7, (self.height() - HEADER_H) / WEEKS
        left, top = round(col * w), HEADER_H + round(row * h)
        return QRect(left, top, round((col + 1) * w) - left, HEADER_H + round((row + 1) * h) - top)

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < HEADER_H or not self.rect().contains(pos):
            return None
        col = min(int(pos.x() / (self.width() / 7)), 6)
        row = min(int((pos.y() - HEADER_H) / ((self.height() - HEADER_H) / WEEKS)), WEEKS - 1)
        return self.first + timedelta(days=row * 7 + col)

    def _ensure_layout(self) -> None:
        """Which items are drawn where (and the "+N more" spots), for this size."""
        if self._layout_size == self.size():
            return
        self._layout_size = self.size()
        self._hits, self._more = [], []
        line = self._line_h()
        day_h = self.fontMetrics().height() + 6
        for day in self.days():
            items = self._by_day.get(day)
            if not items:
                continue
            cell = self.cell_rect(day)
            room = max((cell.height() - day_h - 2) // line, 0)
            shown = items if len(items) <= room else items[:max(room - 1, 0)]
            y = cell.top() + day_h
            for item in shown:
                self._hits.append((QRect(cell.left() + 3, y, cell.width() - 6, line - 2), item))
                y += line
            if len(shown) < len(items):
                self._more.append((QRect(cell.left() + 3, y, cell.width() - 6, line - 2),
                                   day, len(items) - len(shown)))

    def item_at(self, pos: QPoint) -> CalendarItem | None:
        self._ensure_layout()
        for rect, item in self._hits:
            if rect.contains(pos):
                return item
        return None

    def item_rect(self, item: CalendarItem) -> QRect:
        """Where ``item`` is drawn (an empty rect when hidden under "+N more")."""
        self._ensure_layout()
        for rect, shown in self._hits:
            if shown == item:
                return QRect(rect)
        return QRect()

    def more_rect(self, day: date) -> QRect:
        self._ensure_layout()
        for rect, more_day, _count in self._more:
            if more_day == day:
                return QRect(rect)
        return QRect()

    # -- painting ---------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(840, 600)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        self._ensure_layout()
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.themed("#ffffff"))
        metrics = self.fontMetrics()
        painter.setPen(style.themed("#6b7785"))
        for col in range(7):
            cell = self.cell_rect(self.first + timedelta(days=col))
            painter.drawText(QRect(cell.left(), 0, cell.width(), HEADER_H),
                             int(Qt.AlignmentFlag.AlignCenter), short_day_name(self.first + timedelta(days=col)))
        bold = QFont(self.font())
        bold.setBold(True)
        for day in self.days():
            cell = self.cell_rect(day)
            if not cell.intersects(event.rect()):
                continue
            if day == self._drag_day:
                painter.fillRect(cell, style.themed("#d6e4ff"))
            elif day == self.selected:
                painter.fillRect(cell, style.themed(SELECTED_TINT))
            elif day == self.today:
                painter.fillRect(cell, style.themed(TODAY_TINT))
            elif day.month != self.month.month:
                painter.fillRect(cell, style.themed(OTHER_MONTH_TINT))
            self._paint_day_number(painter, cell, day, bold)
        painter.setPen(QPen(style.themed(GRID_LINE), 1))
        for row in range(WEEKS + 1):
            y = HEADER_H + round(row * (self.height() - HEADER_H) / WEEKS)
            painter.drawLine(0, min(y, self.height() - 1), self.width(), min(y, self.height() - 1))
        for col in range(1, 7):
            x = round(col * self.width() / 7)
            painter.drawLine(x, HEADER_H, x, self.height())
        clip = event.rect()
        for rect, item in self._hits:
            if rect.intersects(clip):
                paint_item_box(painter, QRectF(rect), item, item_label(item), metrics,
                               lifted=item == self._drag_item)
        painter.setPen(QColor(ACCENT))
        for rect, _day, count in self._more:
            if rect.intersects(clip):
                painter.drawText(rect.adjusted(6, 0, 0, 0),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 self.tr("+{count} more").format(count=count))
        if self.hasFocus():
            painter.setPen(QPen(QColor(ACCENT), 1))
            painter.drawRect(self.cell_rect(self.selected).adjusted(0, 0, -1, -1))
        painter.end()

    def _paint_day_number(self, painter: QPainter, cell: QRect, day: date, bold: QFont) -> None:
        h = self.fontMetrics().height() + 4
        box = QRect(cell.left() + 4, cell.top() + 2, h + 6, h)
        painter.save()
        if day == self.today:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT))
            painter.drawRoundedRect(QRectF(box), h / 2, h / 2)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(bold)
        else:
            painter.setPen(style.themed("#1f2d3d" if day.month == self.month.month else "#a0a8b3"))
        text = str(day.day) if day.day != 1 else QFontMetrics(self.font()).elidedText(
            "{} {}".format(day.day, self._month_short(day)), Qt.TextElideMode.ElideRight, cell.width() - 8)
        if day.day == 1 and day != self.today:
            box.setWidth(cell.width() - 8)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        else:
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(day.day))
        painter.restore()

    @staticmethod
    def _month_short(day: date) -> str:
        return QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._layout_size = QSize()
        super().resizeEvent(event)

    # -- mouse ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        day = self.day_at(pos)
        if day is not None and day != self.selected:
            self.set_selected(day)
            self.day_selected.emit(day)
        item = self.item_at(pos)
        self._press = (pos, item) if item is not None and movable(item) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, item = self._press
            if self._drag_item is None and (pos - start).manhattanLength() >= QApplication.startDragDistance():
                self._drag_item = item
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._drag_item is not None:
                day = self.day_at(pos)
                if day != self._drag_day:
                    self._drag_day = day
                    self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        item, day = self._drag_item, self._drag_day
        self._cancel_drag()
        if item is None or day is None or day == item.day:
            return
        start = local_start(item)
        self.item_dropped.emit(item, datetime.combine(day, start.time()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key == Qt.Key.Key_Escape and self._drag_item is not None:
            self._cancel_drag()
            return
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in steps:
            day = self.selected + timedelta(days=steps[key])
            self.set_selected(day)
            self.day_selected.emit(day)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_double_clicked.emit(self.selected)
            return
        super().keyPressEvent(event)

    def _cancel_drag(self) -> None:
        self._press = None
        if self._drag_item is not None or self._drag_day is not None:
            self._drag_item = self._drag_day = None
            self.unsetCursor()
            self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        item = self.item_at(pos)
        if item is not None:
            self.item_activated.emit(item)
            return
        day = self.day_at(pos)
        if day is not None and not any(r.contains(pos) for r, _d, _n in self._more):
            self.day_double_clicked.emit(day)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            item = self.item_at(event.pos())
            if item is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), item_tooltip(item, self._kind_labels), self)
            return True
        return super().event(event)
