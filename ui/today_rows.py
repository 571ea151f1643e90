"""The rows of the Today panel: a list model per section and the delegate that paints a
row's three lines (whom, when and what) and its two icon buttons, "Log call" and
"Reschedule".

The client's name has the first line to itself, over the whole width: the panel is a
narrow dock (about 330 px at 1366×768) and the name is what a user looks for. The
buttons sit at the right of the second and third lines, icons with tooltips."""
from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QStyledItemDelegate

from app.today import MissedContact
from ui.widgets.labels import activity_kind_labels
from . import style

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``TodayActivity`` or ``MissedContact`` of a row."""
CALL_KINDS = ("call_in", "call_out")
ACTIONS = ("log", "reschedule")
PADDING = 6  # above the first line and below the last
GAP = 2  # between the lines
LEFT = 12  # the kind's colour stripe, then the text
BUTTON = QSize(28, 26)
ICON = 16


class TodayModel(QAbstractListModel):
    """One section of the panel: activities or missed contacts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.today = date.today()
        self._kinds = activity_kind_labels()

    def set_rows(self, rows: list, today_: date) -> None:
        self.beginResetModel()
        self.rows, self.today = list(rows), today_
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "\n".join(p for p in self.lines(row) if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(p for p in self.lines(row) if p)
        if role == ROW_ROLE:
            return row
        return None

    def _when(self, utc: datetime) -> str:
        from app import recurrence  # with the first rows, not with the window
        from ui.calendar.common import time_text
        local = recurrence.to_local(utc)
        if local.date() == self.today:
            return time_text(local)
        return "{:%d.%m} {}".format(local, time_text(local))

    def lines(self, row) -> tuple[str, str, str]:
        """Whom (the client), when (and what kind), about what (the subject, who is responsible)."""
        if isinstance(row, MissedContact):
            when = self.tr("Call was due %n day(s) ago", "", row.days_overdue) if row.days_overdue \
                else self.tr("Call is due today")
            return row.client_name, when, row.responsible_name
        kind = self._kinds.get(row.kind, row.kind)
        when = "{} · {}".format(self._when(row.planned_at), kind)
        if not row.client_name:  # a task of our own: its subject is the title
            return row.subject or kind, when, row.responsible_name
        return row.client_name, when, " · ".join(p for p in (row.subject, row.responsible_name) if p)

    def action_text(self, row, action: str) -> str:
        if action == "reschedule":
            return self.tr("Reschedule")
        if isinstance(row, MissedContact) or row.kind in CALL_KINDS:
            return self.tr("Log call")
        return self.tr("Done")

    def action_icon(self, row, action: str) -> str:
        """The name of the icon in resources/icons that stands for ``action``."""
        if action == "reschedule":
            return "clock"
        return "phone" if isinstance(row, MissedContact) or row.kind in CALL_KINDS else "check"


class RowLayout(NamedTuple):
    """Where a row's parts go: the three lines of text and the buttons."""
    title: QRect
    when: QRect
    detail: QRect
    buttons: dict[str, QRect]


def row_layout(rect: QRect, line: int) -> RowLayout:
    """The parts of a row painted in ``rect`` with lines ``line`` pixels high."""
    left, right = rect.left() + LEFT, rect.right() - 6
    top = rect.top() + PADDING
    buttons, x = {}, right + 1
    band_top = top + line + GAP  # the buttons are centred on the second and third lines
    y = band_top + (2 * line + GAP - BUTTON.height()) // 2
    for action in reversed(ACTIONS):
        x -= BUTTON.width()
        buttons[action] = QRect(x, y, BUTTON.width(), BUTTON.height())
        x -= 3
    text_right = x - 5
    return RowLayout(QRect(left, top, right - left + 1, line),
                     QRect(left, band_top, text_right - left, line),
                     QRect(left, band_top + line + GAP, text_right - left, line),
                     buttons)


class RowDelegate(QStyledItemDelegate):
    """Three lines of text and two icon buttons, painted; clicks become signals."""

    action_clicked = Signal(QModelIndex, str)
    """A row's button was clicked: the row and "log" or "reschedule"."""

    def __init__(self, accent: str, parent=None):
        super().__init__(parent)
        self.accent = accent

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        line = max(option.fontMetrics.height(), bold_metrics(option.font).height())
        return QSize(200, 3 * line + 2 * GAP + 2 * PADDING)

    def layout(self, rect: QRect, font) -> RowLayout:
        return row_layout(rect, max(bold_metrics(font).height(), _metrics(font).height()))

    def button_rects(self, rect: QRect, font) -> dict[str, QRect]:
        return self.layout(rect, font).buttons

    def paint(self, painter, option, index: QModelIndex) -> None:
        # loaded with the first rows, not with the window
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

        from app.calendar import KIND_COLORS
        model, row = index.model(), index.data(ROW_ROLE)
        parts = self.layout(option.rect, option.font)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected and option.state & QStyle.StateFlag.State_HasFocus:
            painter.fillRect(option.rect, style.themed("#e4eeff"))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, style.themed("#f4f7fb"))
        color = self.accent if isinstance(row, MissedContact) else KIND_COLORS.get(row.kind, "#9e9e9e")
        painter.fillRect(QRect(option.rect.left() + 2, option.rect.top() + 4, 3, option.rect.height() - 8),
                         QColor(color))
        title, when, detail = model.lines(row)
        bold = bold_font(option.font)
        painter.setFont(bold)
        painter.setPen(style.themed("#1f2d3d"))
        _draw(painter, parts.title, title, bold_metrics(option.font))
        painter.setFont(option.font)
        painter.setPen(style.themed("#4a5568"))
        _draw(painter, parts.when, when, option.fontMetrics)
        painter.setPen(style.themed("#6b7785"))
        _draw(painter, parts.detail, detail, option.fontMetrics)
        painter.restore()
        qstyle = option.widget.style() if option.widget else QApplication.style()
        for action, rect in parts.buttons.items():
            button = QStyleOptionButton()
            button.rect = rect
            button.icon = style.icon(model.action_icon(row, action), style.themed("#4a5568").name())
            button.iconSize = QSize(ICON, ICON)
            button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            if option.state & QStyle.StateFlag.State_MouseOver and option.widget is not None:
                cursor = option.widget.mapFromGlobal(option.widget.cursor().pos())
                if rect.contains(cursor):
                    button.state |= QStyle.StateFlag.State_MouseOver
            button.fontMetrics, button.palette = option.fontMetrics, option.palette
            qstyle.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, option.widget)

    def action_at(self, index: QModelIndex, option, pos) -> str | None:
        """The button of the row at ``pos`` (viewport coordinates), if any."""
        for action, rect in self.button_rects(option.rect, option.font).items():
            if rect.contains(pos):
                return action
        return None

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            action = self.action_at(index, option, event.position().toPoint())
            if action is not None:
                self.action_clicked.emit(QModelIndex(index), action)
                return True
        return super().editorEvent(event, model, option, index)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt API
        """Over a button: what it does (the buttons show only icons)."""
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            from PySide6.QtWidgets import QToolTip
            action = self.action_at(index, option, event.pos())
            if action is not None:
                QToolTip.showText(event.globalPos(), index.model().action_text(index.data(ROW_ROLE), action),
                                  view, self.button_rects(option.rect, option.font)[action])
                return True
        return super().helpEvent(event, view, option, index)


def _draw(painter, rect: QRect, text: str, metrics) -> None:
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))


def bold_font(font):
    from PySide6.QtGui import QFont
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _metrics(font):
    from PySide6.QtGui import QFontMetrics
    return QFontMetrics(font)


def bold_metrics(font):
    """The metrics of the row's title (bold): what it is elided against."""
    return _metrics(bold_font(font))
