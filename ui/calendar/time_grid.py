"""Week and day views: a column per day with the hours down the side, all-day items
(birthdays) in a band on top.  Painted, not built of widgets; overlapping items share
their column side by side."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QToolTip, QVBoxLayout, QWidget

from app.calendar import CalendarItem
from ui.widgets.labels import activity_kind_labels

from .common import (ACCENT, GRID_LINE, SELECTED_TINT, TODAY_TINT, item_label, item_tooltip,
                     local_end, local_start, movable, paint_item_box, short_day_name, time_text)
from .. import style

GUTTER = 52
HOUR_H = 44
SNAP_MIN = 15
ALL_DAY_LINES = 3


def _columns(width: int, count: int) -> list[tuple[int, int]]:
    """(left, width) of each day column right of the hour gutter."""
    span = max(width - GUTTER, count)
    out = []
    for n in range(count):
        left = GUTTER + round(n * span / count)
        out.append((left, GUTTER + round((n + 1) * span / count) - left))
    return out


def _side_by_side(items: list[CalendarItem]) -> list[tuple[CalendarItem, int, int]]:
    """(item, column, columns) so that overlapping items stand side by side."""
    out: list[tuple[CalendarItem, int, int]] = []
    cluster: list[tuple[CalendarItem, int]] = []
    ends: list[datetime] = []
    cluster_end = None

    def flush():
        width = max((c for _i, c in cluster), default=-1) + 1
        out.extend((i, c, width) for i, c in cluster)

    for item in sorted(items, key=lambda i: (i.start, i.end)):
        if cluster_end is not None and item.start >= cluster_end:
            flush()
            cluster, ends, cluster_end = [], [], None
        col = next((n for n, end in enumerate(ends) if end <= item.start), len(ends))
        if col == len(ends):
            ends.append(item.end)
        else:
            ends[col] = item.end
        cluster.append((item, col))
        cluster_end = item.end if cluster_end is None else max(cluster_end, item.end)
    flush()
    return out


class _Canvas(QWidget):
    """The hours × days area inside the scroll area."""

    def __init__(self, view: TimeGridView):
        super().__init__()
        self.view = view
        self.setMouseTracking(True)
        self.setFixedHeight(24 * HOUR_H + 1)
        self.boxes: list[tuple[QRect, CalendarItem]] = []
        self._layout_width = -1
        self._press: tuple[QPoint, CalendarItem] | None = None
        self.drag_item: CalendarItem | None = None
        self.drag_to: datetime | None = None

    def invalidate(self) -> None:
        self._layout_width = -1
        self.update()

    def ensure_layout(self) -> None:
        if self._layout_width == self.width():
            return
        self._layout_width = self.width()
        self.boxes = []
        for (left, width), day in zip(_columns(self.width(), len(self.view.days)), self.view.days):
            timed = self.view.timed.get(day, [])
            for item, col, cols in _side_by_side(timed):
                start, end = local_start(item), local_end(item)
                top = self.y_of(start, day)
                bottom = max(self.y_of(end, day) if end.date() == day else 24 * HOUR_H, top + HOUR_H // 2)
                w = (width - 4) / cols
                self.boxes.append((QRect(round(left + 1 + col * w), top + 1, max(round(w) - 1, 2),
                                         bottom - top - 2), item))

    @staticmethod
    def y_of(value: datetime, day: date) -> int:
        if value.date() < day:
            return 0
        return round((value.hour * 60 + value.minute) * HOUR_H / 60)

    def at(self, pos: QPoint) -> tuple[date | None, datetime | None]:
        """The day and the local time (snapped down to 15 minutes) under ``pos``."""
        for (left, width), day in zip(_columns(self.width(), len(self.view.days)), self.view.days):
            if left <= pos.x() < left + width:
                minutes = max(0, min(pos.y() * 60 // HOUR_H, 24 * 60 - SNAP_MIN))
                minutes -= minutes % SNAP_MIN
                return day, datetime.combine(day, time()) + timedelta(minutes=minutes)
        return None, None

    def item_at(self, pos: QPoint) -> CalendarItem | None:
        self.ensure_layout()
        for rect, item in reversed(self.boxes):
            if rect.contains(pos):
                return item
        return None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        self.ensure_layout()
        painter = QPainter(self)
        painter.fillRect(event.rect(), style.themed("#ffffff"))
        cols = _columns(self.width(), len(self.view.days))
        for (left, width), day in zip(cols, self.view.days):
            if day == self.view.today:
                painter.fillRect(QRect(left, 0, width, self.height()), style.themed(TODAY_TINT))
        painter.setPen(style.themed("#6b7785"))
        for hour in range(1, 24):
            painter.drawText(QRect(0, hour * HOUR_H - 8, GUTTER - 6, 16),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             "{:02d}:00".format(hour))
        painter.setPen(QPen(style.themed(GRID_LINE), 1))
        for hour in range(25):
            painter.drawLine(GUTTER, hour * HOUR_H, self.width(), hour * HOUR_H)
        painter.setPen(QPen(style.themed("#f0f2f5"), 1, Qt.PenStyle.DashLine))
        for hour in range(24):
            painter.drawLine(GUTTER, hour * HOUR_H + HOUR_H // 2, self.width(), hour * HOUR_H + HOUR_H // 2)
        painter.setPen(QPen(style.themed(GRID_LINE), 1))
        for left, _w in cols:
            painter.drawLine(left, 0, left, self.height())
        metrics = self.fontMetrics()
        for rect, item in self.boxes:
            if rect.intersects(event.rect()):
                paint_item_box(painter, QRectF(rect), item, item_label(item), metrics,
                               lifted=item == self.drag_item)
        self._paint_now(painter, cols)
        self._paint_ghost(painter, cols, metrics)
        painter.end()

    def _paint_now(self, painter: QPainter, cols) -> None:
        now = self.view.now
        for (left, width), day in zip(cols, self.view.days):
            if day == now.date():
                y = self.y_of(now, day)
                painter.setPen(QPen(QColor("#e53935"), 2))
                painter.drawLine(left, y, left + width, y)

    def _paint_ghost(self, painter: QPainter, cols, metrics) -> None:
        if self.drag_item is None or self.drag_to is None:
            return
        item = self.drag_item
        for (left, width), day in zip(cols, self.view.days):
            if day == self.drag_to.date():
                length = item.end - item.start
                top = self.y_of(self.drag_to, day)
                height = max(round(length.total_seconds() / 3600 * HOUR_H), HOUR_H // 2)
                rect = QRectF(left + 2, top + 1, width - 5, height - 2)
                painter.save()
                painter.setOpacity(0.8)
                paint_item_box(painter, rect, item, "{} {}".format(time_text(self.drag_to),
                                                                   item_label(item, with_time=False)),
                               metrics, lifted=True)
                painter.restore()

    # -- mouse ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        day, _at = self.at(pos)
        if day is not None:
            self.view.select(day)
        item = self.item_at(pos)
        self._press = (pos, item) if item is not None and movable(item) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        start_pos, item = self._press
        if self.drag_item is None and (pos - start_pos).manhattanLength() >= QApplication.startDragDistance():
            self.drag_item = item
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self.drag_item is None:
            return
        day, _at = self.at(pos)
        if day is None:
            return
        start = local_start(item)
        minutes = start.hour * 60 + start.minute + round((pos.y() - start_pos.y()) * 60 / HOUR_H)
        minutes = max(0, min(24 * 60 - SNAP_MIN, round(minutes / SNAP_MIN) * SNAP_MIN))
        self.drag_to = datetime.combine(day, time()) + timedelta(minutes=minutes)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        item, to = self.drag_item, self.drag_to
        self.cancel_drag()
        if item is not None and to is not None and to != local_start(item).replace(second=0, microsecond=0):
            self.view.item_dropped.emit(item, to)

    def cancel_drag(self) -> None:
        self._press = None
        if self.drag_item is not None:
            self.drag_item = self.drag_to = None
            self.unsetCursor()
            self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        item = self.item_at(pos)
        if item is not None:
            self.view.item_activated.emit(item)
            return
        _day, at = self.at(pos)
        if at is not None:
            self.view.slot_double_clicked.emit(at - timedelta(minutes=at.minute % 30))

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            item = self.item_at(event.pos())
            if item is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), item_tooltip(item, self.view.kind_labels), self)
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._layout_width = -1
        super().resizeEvent(event)


class _Header(QWidget):
    """Day names and the all-day band."""

    def __init__(self, view: TimeGridView):
        super().__init__()
        self.view = view
        self.boxes: list[tuple[QRect, CalendarItem]] = []
        self.setMouseTracking(True)

    def line_h(self) -> int:
        return self.fontMetrics().height() + 4

    def relayout(self) -> None:
        lines = min(max((len(v) for v in self.view.all_day.values()), default=0), ALL_DAY_LINES)
        self.setFixedHeight(26 + lines * self.line_h() + (4 if lines else 0))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.themed("#ffffff"))
        width = self.width() - self.view.scroll.verticalScrollBar().sizeHint().width()
        self.boxes = []
        metrics = self.fontMetrics()
        line = self.line_h()
        for (left, w), day in zip(_columns(width, len(self.view.days)), self.view.days):
            if day == self.view.selected:
                painter.fillRect(QRect(left, 0, w, self.height()), style.themed(SELECTED_TINT))
            painter.setPen(QColor(ACCENT) if day == self.view.today else style.themed("#1f2d3d"))
            painter.drawText(QRect(left, 0, w, 24), int(Qt.AlignmentFlag.AlignCenter),
                             "{} {}".format(short_day_name(day), day.day))
            items = self.view.all_day.get(day, [])
            shown = items if len(items) <= ALL_DAY_LINES else items[:ALL_DAY_LINES - 1]
            for n, item in enumerate(shown):
                rect = QRect(left + 2, 26 + n * line, w - 4, line - 2)
                self.boxes.append((rect, item))
                paint_item_box(painter, QRectF(rect), item, item_label(item), metrics)
            if len(shown) < len(items):
                painter.setPen(QColor(ACCENT))
                painter.drawText(QRect(left + 6, 26 + len(shown) * line, w - 8, line),
                                 int(Qt.AlignmentFlag.AlignVCenter),
                                 self.tr("+{count} more").format(count=len(items) - len(shown)))
        painter.setPen(QPen(style.themed(GRID_LINE), 1))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        x = event.position().toPoint().x()
        width = self.width() - self.view.scroll.verticalScrollBar().sizeHint().width()
        for (left, w), day in zip(_columns(width, len(self.view.days)), self.view.days):
            if left <= x < left + w:
                self.view.select(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        for rect, item in self.boxes:
            if rect.contains(event.position().toPoint()):
                self.view.item_activated.emit(item)


class TimeGridView(QWidget):
    """``days`` columns (7: a week, 1: a day) of hours; items come from ``set_items``."""

    day_selected = Signal(object)
    """A day (``date``) was clicked."""
    slot_double_clicked = Signal(object)
    """An empty half-hour slot was double-clicked: its local start (naive ``datetime``)."""
    item_activated = Signal(object)
    """An item (``CalendarItem``) was double-clicked."""
    item_dropped = Signal(object, object)
    """An item was dragged to a new local start (naive ``datetime``)."""

    def __init__(self, day_count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.day_count = day_count
        self.days = [date.today()]
        self.today = date.today()
        self.selected = date.today()
        self.now = datetime.now()
        self.timed: dict[date, list[CalendarItem]] = {}
        self.all_day: dict[date, list[CalendarItem]] = {}
        self.kind_labels = activity_kind_labels()
        self.header = _Header(self)
        self.canvas = _Canvas(self)
        self.scroll = QScrollArea(self)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        self.set_first_day(date.today())
        self.scroll_to_hour(8)

    def set_first_day(self, first: date) -> None:
        self.days = [first + timedelta(days=n) for n in range(self.day_count)]
        self.header.relayout()
        self.canvas.invalidate()

    def set_items(self, items: list[CalendarItem], today: date | None = None,
                  now: datetime | None = None) -> None:
        self.today = today or date.today()
        self.now = now or datetime.now()
        self.timed, self.all_day = {}, {}
        for item in items:
            (self.all_day if item.all_day else self.timed).setdefault(item.day, []).append(item)
        self.header.relayout()
        self.canvas.invalidate()

    def select(self, day: date) -> None:
        if day != self.selected:
            self.set_selected(day)
            self.day_selected.emit(day)

    def set_selected(self, day: date) -> None:
        self.selected = day
        self.header.update()

    def scroll_to_hour(self, hour: int) -> None:
        self.scroll.verticalScrollBar().setValue(max(hour * HOUR_H - HOUR_H // 3, 0))

    def item_rect(self, item: CalendarItem) -> QRect:
        """Where ``item`` is drawn, in canvas coordinates (empty when not shown)."""
        self.canvas.ensure_layout()
        return next((QRect(r) for r, shown in self.canvas.boxes if shown == item), QRect())

    def slot_point(self, at: datetime) -> QPoint:
        """The canvas point in the middle of the 15-minute slot starting at ``at``."""
        for (left, width), day in zip(_columns(self.canvas.width(), len(self.days)), self.days):
            if day == at.date():
                return QPoint(left + width // 2, _Canvas.y_of(at, day) + HOUR_H * SNAP_MIN // 120)
        return QPoint()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(840, 600)
