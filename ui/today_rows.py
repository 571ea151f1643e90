"""The rows of the Today panel: a list model per section and the delegate that paints a
row's two lines and its "Log call" / "Reschedule" buttons."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QStyledItemDelegate

from app.today import MissedContact
from ui.widgets.labels import activity_kind_labels
from . import style

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``TodayActivity`` or ``MissedContact`` of a row."""
CALL_KINDS = ("call_in", "call_out")
ACTIONS = ("log", "reschedule")


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
            return "\n".join(self.lines(row))
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

    def lines(self, row) -> tuple[str, str]:
        if isinstance(row, MissedContact):
            first = self.tr("{name}: contact planned %n day(s) ago", "", row.days_overdue).format(
                name=row.client_name) if row.days_overdue else \
                self.tr("{name}: contact planned for today").format(name=row.client_name)
            return first, row.responsible_name
        first = "{}  {}".format(self._when(row.planned_at), self._kinds.get(row.kind, row.kind))
        if row.subject:
            first += " · " + row.subject
        second = " · ".join(p for p in (row.client_name, row.responsible_name) if p)
        return first, second

    def action_text(self, row, action: str) -> str:
        if action == "reschedule":
            return self.tr("Reschedule")
        if isinstance(row, MissedContact) or row.kind in CALL_KINDS:
            return self.tr("Log call")
        return self.tr("Done")


class RowDelegate(QStyledItemDelegate):
    """Two lines of text and two buttons on the right, painted; clicks become signals."""

    action_clicked = Signal(QModelIndex, str)
    """A row's button was clicked: the row and "log" or "reschedule"."""

    def __init__(self, accent: str, parent=None):
        super().__init__(parent)
        self.accent = accent

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        return QSize(200, option.fontMetrics.height() * 2 + 14)

    def button_rects(self, rect: QRect, metrics, model: TodayModel, row) -> dict[str, QRect]:
        out, right = {}, rect.right() - 6
        for action in reversed(ACTIONS):
            width = metrics.horizontalAdvance(model.action_text(row, action)) + 22
            out[action] = QRect(right - width, rect.center().y() - 13, width, 26)
            right -= width + 6
        return out

    def paint(self, painter, option, index: QModelIndex) -> None:
        # loaded with the first rows, not with the window
        from PySide6.QtGui import QColor, QFont
        from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

        from app.calendar import KIND_COLORS
        model, row = index.model(), index.data(ROW_ROLE)
        painter.save()
        if option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, style.themed("#f4f7fb"))
        color = self.accent if isinstance(row, MissedContact) else KIND_COLORS.get(row.kind, "#9e9e9e")
        painter.fillRect(QRect(option.rect.left() + 2, option.rect.top() + 4, 3, option.rect.height() - 8),
                         QColor(color))
        buttons = self.button_rects(option.rect, option.fontMetrics, model, row)
        text_right = min(r.left() for r in buttons.values()) - 8
        first, second = model.lines(row)
        line = option.fontMetrics.height()
        left = option.rect.left() + 12
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(style.themed("#1f2d3d"))
        painter.drawText(QRect(left, option.rect.top() + 5, text_right - left, line), 0,
                         option.fontMetrics.elidedText(first, Qt.TextElideMode.ElideRight, text_right - left))
        painter.setFont(option.font)
        painter.setPen(style.themed("#6b7785"))
        painter.drawText(QRect(left, option.rect.top() + 7 + line, text_right - left, line), 0,
                         option.fontMetrics.elidedText(second, Qt.TextElideMode.ElideRight, text_right - left))
        painter.restore()
        qstyle = option.widget.style() if option.widget else QApplication.style()
        for action, rect in buttons.items():
            button = QStyleOptionButton()
            button.rect, button.text = rect, model.action_text(row, action)
            button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            button.fontMetrics, button.palette = option.fontMetrics, option.palette
            qstyle.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, option.widget)

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            for action, rect in self.button_rects(option.rect, option.fontMetrics, model,
                                                  index.data(ROW_ROLE)).items():
                if rect.contains(pos):
                    self.action_clicked.emit(QModelIndex(index), action)
                    return True
        return super().editorEvent(event, model, option, index)
