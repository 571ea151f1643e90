"""The Today panel: what is overdue, what is planned for today and whom we forgot to
call (``app.today.today``), each row with one-click "Log call" and "Reschedule"."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import (QAbstractListModel, QEvent, QModelIndex, QPoint, QRect, QSize, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QApplication, QDateTimeEdit, QDialog, QDialogButtonBox, QLabel,
                               QListView, QMenu, QScrollArea, QStyle, QStyledItemDelegate,
                               QStyleOptionButton, QStyleOptionViewItem, QVBoxLayout, QWidget)

from app import recurrence
from app.calendar import KIND_COLORS
from app.today import MissedContact, TodayActivity, today
from ui.bridge import bridge
from ui.calendar import editing
from ui.calendar.common import day_title, local_now, time_text
from ui.formatting import qdatetime
from ui.widgets.complete_dialog import CompleteActivityDialog
from ui.widgets.labels import OVERDUE_COLOR, activity_kind_labels
from . import style

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``TodayActivity`` or ``MissedContact`` of a row."""
CALL_KINDS = ("call_in", "call_out")
ACTIONS = ("log", "reschedule")
VISIBLE_ROWS = 6


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

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
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


class _Section(QWidget):
    def __init__(self, title: str, empty: str, accent: str, parent: QWidget):
        super().__init__(parent)
        self.title_text = title
        self.title = QLabel(self)
        self.title.setObjectName("SectionTitle")
        self.empty = QLabel(empty, self)
        self.empty.setObjectName("PageHint")
        self.model = TodayModel(self)
        self.delegate = RowDelegate(accent, self)
        self.view = QListView(self)
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)

    def set_rows(self, rows: list, total: int, today_: date) -> None:
        self.model.set_rows(rows, today_)
        self.title.setText("{} ({})".format(self.title_text, total))
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))
        height = self.view.sizeHintForRow(0) if rows else 0
        shown = min(len(rows), VISIBLE_ROWS)  # longer lists scroll inside, the sections stay in view
        self.view.setFixedHeight(height * shown + 2 * self.view.frameWidth())

    def button_point(self, row: int, action: str) -> QPoint:
        """The centre of a row's button in the view's viewport (for tests and shortcuts)."""
        index = self.model.index(row, 0)
        option = QStyleOptionViewItem()
        option.rect, option.fontMetrics = self.view.visualRect(index), self.view.fontMetrics()
        return self.delegate.button_rects(option.rect, option.fontMetrics, self.model,
                                          self.model.rows[row])[action].center()


class TodayPanel(QWidget):
    """Overdue, today's and missed contacts; refreshes on changes and at midnight."""

    open_client_requested = Signal(int)
    """Open the card of this client."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        self.heading = QLabel(self)
        self.heading.setObjectName("PageTitle")
        self.overdue = _Section(self.tr("Overdue"), self.tr("Nothing overdue."), OVERDUE_COLOR, self)
        self.planned = _Section(self.tr("Today"), self.tr("Nothing else planned for today."), "#1565c0", self)
        self.missed = _Section(self.tr("Missed contacts"), self.tr("Nobody is waiting for a call."),
                               OVERDUE_COLOR, self)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        for section in (self.overdue, self.planned, self.missed):
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._midnight = QTimer(self, singleShot=True)
        self._midnight.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._dirty = True
        for section in self.overdue, self.planned, self.missed:
            section.delegate.action_clicked.connect(self.on_delegate_action_clicked)
            section.view.doubleClicked.connect(self.on_view_double_clicked)
        self._refresh_timer.timeout.connect(self.refresh)
        self._midnight.timeout.connect(self.refresh)
        bridge().changed.connect(self.on_bridge_changed)

    def refresh(self) -> None:
        self._refresh_timer.stop()
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        now = local_now()
        data = today()
        self.heading.setText(self.tr("Today, {day}").format(day=day_title(now.date())))
        self.overdue.set_rows(data.overdue, data.overdue_total, now.date())
        self.planned.set_rows(data.today, len(data.today), now.date())
        self.missed.set_rows(data.missed_contacts, data.missed_contacts_total, now.date())
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0, 0, 5))
        self._midnight.start(int((midnight - now).total_seconds() * 1000))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def on_bridge_changed(self, change) -> None:
        if change.entity in ("activity", "client", "employee"):
            self._refresh_timer.start()

    def on_view_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None and row.client_id is not None:
            self.open_client_requested.emit(row.client_id)

    def on_delegate_action_clicked(self, index: QModelIndex, action: str) -> None:
        row = index.data(ROW_ROLE)
        if action == "log":
            self.log(row)
        else:
            view = next(s.view for s in (self.overdue, self.planned, self.missed) if s.model is index.model())
            self.reschedule(row, view.viewport().mapToGlobal(view.visualRect(index).bottomRight()))

    def log(self, row) -> bool:
        """"Log call" (or "Done"): the result and the next contact, then the core."""
        is_missed = isinstance(row, MissedContact)
        subject = row.client_name if is_missed else " · ".join(p for p in (row.client_name, row.subject) if p)
        dialog = CompleteActivityDialog(subject, "call_out" if is_missed else row.kind, self)
        if is_missed:
            dialog.setWindowTitle(self.tr("Log call"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        next_at = recurrence.to_utc(dialog.next_at()) if dialog.next_at() else None
        return editing.log_from_today(self, row, dialog.result_text(), next_at, dialog.next_kind_code())

    def reschedule(self, row, where: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Tomorrow")).triggered.connect(lambda: self.reschedule_by(row, 1))
        menu.addAction(self.tr("In 3 days")).triggered.connect(lambda: self.reschedule_by(row, 3))
        menu.addAction(self.tr("Pick a date…")).triggered.connect(lambda: self.reschedule_by(row, None))
        menu.exec(where)

    def reschedule_by(self, row, days: int | None) -> None:
        """Move to the same time ``days`` days from today, or to a date the user picks."""
        when = row.next_contact_at if isinstance(row, MissedContact) else row.planned_at
        current = recurrence.to_local(when)
        if days is None:
            new = self.ask_datetime(max(current, local_now().replace(second=0, microsecond=0)))
        else:
            new = datetime.combine(local_now().date() + timedelta(days=days), current.time())
        if new is not None:
            editing.reschedule_from_today(self, row, new)

    def ask_datetime(self, initial: datetime) -> datetime | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Reschedule"))
        edit = QDateTimeEdit(qdatetime(initial), dialog)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(edit)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        value = edit.dateTime().toPython()
        return value.replace(second=0, microsecond=0)
