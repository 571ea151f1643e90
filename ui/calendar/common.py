"""What the calendar views share: local time of an item, its label and colours, the
drag threshold, and the "mime" of an item being moved (a plain Python reference)."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from app import recurrence
from app.calendar import CalendarItem
from .. import style

DONE_OPACITY = 0.45
ACCENT = "#2f6fde"
GRID_LINE = "#e3e7ed"
TODAY_TINT = "#f2f7ff"
SELECTED_TINT = "#e4eeff"
OTHER_MONTH_TINT = "#f8f9fb"


def local_start(item: CalendarItem) -> datetime:
    """The item's start as naive local wall-clock time."""
    return recurrence.to_local(item.start)


def local_end(item: CalendarItem) -> datetime:
    return recurrence.to_local(item.end)


def local_now() -> datetime:
    """Now as naive local wall-clock time (the zone the core uses)."""
    return recurrence.to_local(datetime.now(timezone.utc).replace(tzinfo=None))


def utc_of_local(day: date, at: time = time()) -> datetime:
    return recurrence.to_utc(datetime.combine(day, at))


def movable(item: CalendarItem) -> bool:
    """Only planned activities can be dragged (not birthdays, not done ones)."""
    return item.activity_id is not None and not item.done and not item.all_day


def time_text(value: datetime) -> str:
    return "{:02d}:{:02d}".format(value.hour, value.minute)


def item_label(item: CalendarItem, with_time: bool = True) -> str:
    """"10:00 Иванов · Договор" — time, client and subject, whichever exist."""
    if item.kind == "birthday":
        if item.age:
            return QCoreApplication.translate("Calendar", "{name}: birthday ({age})").format(
                name=item.title, age=item.age)
        return QCoreApplication.translate("Calendar", "{name}: birthday").format(name=item.title)
    parts = [p for p in (item.client_name, item.title) if p]
    text = " · ".join(parts) or QCoreApplication.translate("Calendar", "(no subject)")
    if with_time and not item.all_day:
        text = "{} {}".format(time_text(local_start(item)), text)
    return text


def item_tooltip(item: CalendarItem, kind_labels: dict[str, str]) -> str:
    lines = [item_label(item, with_time=False)]
    if item.kind != "birthday":
        start, end = local_start(item), local_end(item)
        lines.append("{} · {}–{}".format(kind_labels.get(item.kind, item.kind),
                                         time_text(start), time_text(end)))
    if item.recurring:
        lines.append(QCoreApplication.translate("Calendar", "Repeats"))
    if item.done:
        lines.append(QCoreApplication.translate("Calendar", "Done"))
    return "\n".join(lines)


def tint(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def paint_item_box(painter: QPainter, rect: QRectF, item: CalendarItem, text: str,
                   metrics: QFontMetrics, *, solid: bool = False, lifted: bool = False) -> None:
    """One coloured box: a light wash with a bar of the kind's colour on the left (solid
    for all-day items), the text elided to fit.  Done items are dimmed."""
    painter.save()
    if item.done:
        painter.setOpacity(DONE_OPACITY)
    color = QColor(item.color)
    painter.setPen(Qt.PenStyle.NoPen)
    if solid or item.all_day:
        painter.setBrush(color)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("#ffffff"))
    else:
        painter.setBrush(tint(item.color, 70 if lifted else 38))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(color)
        painter.drawRect(QRectF(rect.left(), rect.top(), 3, rect.height()))
        painter.setPen(style.themed("#1f2d3d"))
    if lifted:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, 1.5))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(style.themed("#1f2d3d"))
    inner = rect.adjusted(6, 0, -3, 0)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    if rect.height() < metrics.height() * 2:
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
        painter.drawText(inner, int(flags), text)
    else:
        inner = inner.adjusted(0, 2, 0, -2)
        lines = max(int(inner.height() // metrics.lineSpacing()), 1)
        inner.setHeight(lines * metrics.lineSpacing())  # whole lines only, never half a line
        painter.drawText(inner, int(flags | Qt.TextFlag.TextWordWrap), text)
    if item.done:
        painter.setPen(QPen(style.themed("#1f2d3d"), 1))
        y = rect.top() + min(rect.height(), metrics.height() + 2) / 2
        painter.drawLine(int(inner.left()), int(y),
                         int(inner.left() + min(inner.width(), metrics.horizontalAdvance(text))), int(y))
    painter.restore()


def month_title(day: date) -> str:
    locale = QLocale()
    return "{} {}".format(locale.standaloneMonthName(day.month), day.year).capitalize()


def day_title(day: date) -> str:
    locale = QLocale()
    return "{}, {} {}".format(locale.dayName(day.isoweekday()).capitalize(), day.day,
                              locale.monthName(day.month))


def short_day_name(day: date) -> str:
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
