"""The Today panel: what is overdue, what is planned for today and whom we forgot to
call (``app.today.today``), each row with one-click "Log call" and "Reschedule".

The panel reads in a worker thread, and the first time only once the window has been
painted: a start-up shows the window first, then "Loading…" here for a moment."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (QDialog, QLabel, QListView, QMenu,
                               QScrollArea, QVBoxLayout, QWidget)

from ui.bridge import bridge
from ui.widgets.labels import OVERDUE_COLOR
from .deferred import after_first_paint
from .today_reschedule import reschedule_menu
from .today_rows import ROW_ROLE, RowDelegate, TodayModel
from .workers import run_in_worker

VISIBLE_ROWS = 4  # at 768 px the three sections' titles stay in view
PREFERRED_WIDTH = 330
MINIMUM_WIDTH = 300  # narrower, and a long name or the subject no longer fits


def _read_today(_progress, _cancelled):
    from app.today import today
    return today()


class _RowList(QListView):
    """A section's rows.  Right click, the menu key or Shift+F10 ask for the row's menu
    (the keyboard's way to the buttons): the keyboard's for the current row, not for
    wherever the mouse happens to be."""

    menu_requested = Signal(QPoint)  # in the viewport's coordinates

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            if index.isValid():
                self.menu_requested.emit(self.visualRect(index).center())
        else:
            self.menu_requested.emit(event.pos())
        event.accept()


class _Section(QWidget):
    def __init__(self, title: str, empty: str, accent: str, parent: QWidget):
        super().__init__(parent)
        self.title_text = title
        self.title = QLabel(self)
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)  # "Пропущенные контакты (133)" does not widen the dock
        self.empty = QLabel(empty, self)
        self.empty.setObjectName("PageHint")
        self.model = TodayModel(self)
        self.delegate = RowDelegate(accent, self)
        self.view = _RowList(self)
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.log_shortcut = QAction(self.view)  # Enter: the row's first button
        self.log_shortcut.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.log_shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.log_shortcut)
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
        rect = self.view.visualRect(self.model.index(row, 0))
        return self.delegate.button_rects(rect, self.view.font())[action].center()


class TodayPanel(QWidget):
    """Overdue, today's and missed contacts; refreshes on changes and at midnight."""

    open_client_requested = Signal(int)
    """Open the card of this client."""
    refreshed = Signal()
    """The rows were read again and are shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        self.heading = QLabel(self)
        self.heading.setObjectName("PageTitle")
        self.heading.setWordWrap(True)
        self.overdue = _Section(self.tr("Overdue"), self.tr("Nothing overdue."), OVERDUE_COLOR, self)
        self.planned = _Section(self.tr("Today"), self.tr("Nothing else planned for today."), "#1565c0", self)
        self.missed = _Section(self.tr("Missed contacts"), self.tr("Nobody is waiting for a call."),
                               OVERDUE_COLOR, self)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        for section in (self.overdue, self.planned, self.missed):
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.status = QLabel(self.tr("Loading…"), self)  # until the first answer, or what went wrong
        self.status.setObjectName("PageHint")
        self.status.setWordWrap(True)
        self.heading.setText(self.tr("Today"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 6, 8)  # a narrow dock: the width goes to the rows
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addStretch(0)  # keeps the heading and "Loading…" at the top until the rows come
        self._body = scroll
        scroll.hide()
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._midnight = QTimer(self, singleShot=True)
        self._midnight.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._dirty = True
        self._waiting_for_paint = False
        self._task = None  # the read in progress
        self._again = False  # something changed while reading: read once more
        for section in self.overdue, self.planned, self.missed:
            section.delegate.action_clicked.connect(self.on_delegate_action_clicked)
            section.view.doubleClicked.connect(self.on_view_double_clicked)
            section.view.menu_requested.connect(
                lambda pos, s=section: self.on_view_context_menu_requested(s, pos))
            section.log_shortcut.triggered.connect(lambda _=False, s=section: self.on_log_shortcut_triggered(s))
        self._refresh_timer.timeout.connect(self.refresh)
        self._midnight.timeout.connect(self.refresh)
        bridge().changed.connect(self.on_bridge_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As wide as the main window makes the dock at first, also when it is shown again."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), PREFERRED_WIDTH), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), MINIMUM_WIDTH), hint.height())

    def refresh(self) -> None:
        """Read the panel again in a worker; the rows are replaced when it answers."""
        self._refresh_timer.stop()
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        if self.is_loading():
            self._again = True
            return
        self._again = False
        self._task = run_in_worker(_read_today, on_done=self.on_task_done,
                                   on_error=self.on_task_failed, parent=self)

    def is_loading(self) -> bool:
        """A read is running (the rows shown, if any, may be about to change)."""
        return self._task is not None and self._task.is_running()

    def on_task_done(self, data) -> None:
        self._task = None
        if self._again or self._dirty:  # what was read is already stale
            self.refresh()
            return
        from app import recurrence
        from ui.calendar.common import day_title
        now = recurrence.to_local(data.now)
        self.heading.setText(self.tr("Today, {day}").format(day=day_title(now.date())))
        self.overdue.set_rows(data.overdue, data.overdue_total, now.date())
        self.planned.set_rows(data.today, len(data.today), now.date())
        self.missed.set_rows(data.missed_contacts, data.missed_contacts_total, now.date())
        self.status.hide()
        self._body.show()
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0, 0, 5))
        self._midnight.start(int((midnight - now).total_seconds() * 1000))
        self.refreshed.emit()

    def on_task_failed(self, exc: BaseException) -> None:
        from .errors import message
        self._task = None
        if self._again:
            self.refresh()
            return
        self.status.setText(message(exc))
        self.status.show()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty and not self._waiting_for_paint:
            self._waiting_for_paint = True
            after_first_paint(self, self.on_first_paint)  # at a start-up: the window first

    def on_first_paint(self) -> None:
        self._waiting_for_paint = False
        if self._dirty:
            self.refresh()

    def on_bridge_changed(self, change) -> None:
        if change.entity in ("activity", "client", "employee"):
            self._refresh_timer.start()

    def on_view_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None and row.client_id is not None:
            self.open_client_requested.emit(row.client_id)

    def on_log_shortcut_triggered(self, section: _Section) -> None:
        index = section.view.currentIndex()
        if index.isValid():
            self.log(index.data(ROW_ROLE))

    def on_view_context_menu_requested(self, section: _Section, pos: QPoint) -> None:
        """Right click, the menu key or Shift+F10 on a row: what its buttons do, and its card."""
        index = section.view.indexAt(pos)
        if not index.isValid():
            return
        section.view.setCurrentIndex(index)
        menu = self.row_menu(section, index)
        menu.exec(section.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def row_menu(self, section: _Section, index: QModelIndex) -> QMenu:
        row = index.data(ROW_ROLE)
        menu = QMenu(self)
        menu.addAction(section.model.action_text(row, "log")).triggered.connect(lambda: self.log(row))
        menu.addMenu(reschedule_menu(row, menu))
        if row.client_id is not None:
            menu.addSeparator()
            menu.addAction(self.tr("Open client card")).triggered.connect(
                lambda: self.open_client_requested.emit(row.client_id))
        return menu

    def on_delegate_action_clicked(self, index: QModelIndex, action: str) -> None:
        row = index.data(ROW_ROLE)
        if action == "log":
            self.log(row)
        else:
            view = next(s.view for s in (self.overdue, self.planned, self.missed) if s.model is index.model())
            self.reschedule(row, view.viewport().mapToGlobal(view.visualRect(index).bottomRight()))

    def log(self, row) -> bool:
        """"Log call" (or "Done"): the result and the next contact, then the core."""
        from app import recurrence
        from app.today import MissedContact
        from ui.calendar import editing
        from ui.widgets.complete_dialog import CompleteActivityDialog
        is_missed = isinstance(row, MissedContact)
        subject = row.client_name if is_missed else " · ".join(p for p in (row.client_name, row.subject) if p)
        dialog = CompleteActivityDialog(subject, "call_out" if is_missed else row.kind, self)
        if is_missed:
            dialog.setWindowTitle(self.tr("Log call"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        next_at = recurrence.to_utc(dialog.next_at()) if dialog.next_at() else None
        return editing.log_from_today(self, row, dialog.result_text(), next_at, dialog.next_kind_code())

    def reschedule(self, row, where: QPoint) -> None:
        menu = reschedule_menu(row, self)
        menu.exec(where)
        menu.deleteLater()
