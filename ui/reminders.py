"""Reminders on screen: ONE single-shot timer armed for the next reminder, the tray icon
(when the system has a tray) and the in-app reminder window with the actions.

``ReminderController`` asks ``app.reminders.ReminderScheduler`` when the next reminder
rings and sleeps until then; a change to any activity re-arms the timer.  Nothing runs
while idle.  Where there is no system tray (or it is hidden) the reminder window alone
tells; it is also where the user snoozes (10 min, 1 hour, tomorrow 9:00), completes or
dismisses a reminder, or opens the client.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QMenu, QPushButton,
                               QScrollArea, QStyle, QSystemTrayIcon, QVBoxLayout, QWidget)

from app import recurrence
from app.errors import KartotekaError
from app.reminders import DueReminder, ReminderScheduler
from ui.bridge import bridge
from ui.calendar.common import time_text
from ui.errors import show_error
from ui.widgets.labels import OVERDUE_COLOR, activity_kind_labels

CLOSE_TO_TRAY_KEY = "reminders/close_to_tray"
# A laptop's sleep stops the timer's (monotonic) clock: re-check at least every five
# minutes (one indexed query), and at once when the user comes back to the window,
# so a reminder that fell due during sleep is at most a few minutes late.
MAX_WAIT_MS = 5 * 60 * 1000
STARTUP_GRACE = timedelta(seconds=5)
SHOWN_AT_MOST = 30


class _ReminderRow(QFrame):
    """One reminder: who and what, when, and the buttons."""

    def __init__(self, reminder: DueReminder, window: ReminderWindow):
        super().__init__(window)
        self.reminder = reminder
        self.setFrameShape(QFrame.Shape.StyledPanel)
        kinds = activity_kind_labels()
        what = " — ".join(p for p in (reminder.client_name, reminder.subject) if p) or self.tr("(no subject)")
        self.title = QLabel("{}: {}".format(kinds.get(reminder.kind, reminder.kind), what), self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.when = QLabel(self._when_text(reminder), self)
        if reminder.overdue:
            self.when.setStyleSheet("color: {};".format(OVERDUE_COLOR))
        self.open_button = QPushButton(self.tr("Open client"), self)
        self.open_button.setEnabled(reminder.client_id is not None)
        self.snooze_buttons = {key: QPushButton(text, self) for key, text in (
            ("10min", self.tr("10 min")), ("1h", self.tr("1 hour")), ("tomorrow", self.tr("Tomorrow 9:00")))}
        self.done_button = QPushButton(self.tr("Done"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setToolTip(self.tr("Stop reminding; the activity stays planned"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addSpacing(8)
        buttons.addWidget(QLabel(self.tr("Snooze:"), self))
        for button in self.snooze_buttons.values():
            buttons.addWidget(button)
        buttons.addSpacing(8)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        layout.addLayout(buttons)
        aid = reminder.activity_id
        self.open_button.clicked.connect(lambda: window.open_client_requested.emit(reminder.client_id))
        for key, button in self.snooze_buttons.items():
            button.clicked.connect(lambda _=False, k=key: window.snooze_requested.emit(aid, k))
        self.done_button.clicked.connect(lambda: window.done_requested.emit(aid))
        self.dismiss_button.clicked.connect(lambda: window.dismiss_requested.emit(aid))

    def _when_text(self, r: DueReminder) -> str:
        if r.planned_at is None:
            return ""
        local = recurrence.to_local(r.planned_at)
        text = self.tr("Planned for {date} at {time}").format(date="{:%d.%m.%Y}".format(local),
                                                             time=time_text(local))
        if r.missed:
            text += " · " + self.tr("reminded while Kartoteka was closed")
        elif r.overdue:
            text += " · " + self.tr("overdue")
        return text


class ReminderWindow(QWidget):
    """The non-modal window listing the reminders that are due."""

    open_client_requested = Signal(int)
    """Open the card of this client."""
    snooze_requested = Signal(int, str)
    """Remind of this activity again: "10min", "1h" or "tomorrow"."""
    done_requested = Signal(int)
    """Mark this activity done."""
    dismiss_requested = Signal(int)
    """Stop reminding of this activity."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("Reminders"))
        self.rows: list[_ReminderRow] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("SectionTitle")
        self.more = QLabel(self)
        self.more.setObjectName("PageHint")
        self.body = QWidget(self)
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.more)
        self.resize(720, 420)

    def set_reminders(self, reminders: list[DueReminder]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = [_ReminderRow(r, self) for r in reminders[:SHOWN_AT_MOST]]
        for n, row in enumerate(self.rows):
            self.column.insertWidget(n, row)
        self.heading.setText(self.tr("Due now: {count}").format(count=len(reminders)))
        hidden = len(reminders) - len(self.rows)
        self.more.setText(self.tr("And {count} more; they come back after these.").format(count=hidden))
        self.more.setVisible(hidden > 0)

    def row_of(self, activity_id: int) -> _ReminderRow | None:
        return next((r for r in self.rows if r.reminder.activity_id == activity_id), None)


class ReminderController(QObject):
    """Owns the reminder timer, the tray icon and the reminder window."""

    open_client_requested = Signal(int)
    """Open the card of this client (a reminder or its tray message was clicked)."""
    today_requested = Signal()
    """Show the Today panel (tray menu)."""
    quit_requested = Signal()
    """The tray menu's Quit was chosen; the application quits right after."""

    def __init__(self, parent_window: QWidget | None, clock: Callable[[], datetime] | None = None):
        super().__init__(parent_window)
        self.parent_window = parent_window
        self.scheduler = ReminderScheduler(now=clock) if clock else ReminderScheduler()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # one timer; minutes late would matter
        self._rearm = QTimer(self, singleShot=True, interval=0)
        self._announced: set[tuple[int, datetime]] = set()
        self._last_client: int | None = None
        self.window = ReminderWindow(parent_window)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._build_tray()
        self.timer.timeout.connect(self.on_timer_timeout)
        QGuiApplication.instance().applicationStateChanged.connect(self.on_application_state_changed)
        self._rearm.timeout.connect(self.arm)
        self.window.open_client_requested.connect(self.open_client_requested)
        self.window.snooze_requested.connect(self.on_window_snooze_requested)
        self.window.done_requested.connect(self.on_window_done_requested)
        self.window.dismiss_requested.connect(self.on_window_dismiss_requested)
        bridge().changed.connect(self.on_bridge_changed)
        self.arm()

    def _build_tray(self) -> None:
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.tray = QSystemTrayIcon(QIcon(icon), self)
        self.tray.setToolTip(self.tr("Kartoteka"))
        menu = QMenu(self.parent_window)
        menu.addAction(self.tr("Open")).triggered.connect(self.show_main_window)
        menu.addAction(self.tr("Today")).triggered.connect(self.on_tray_today_triggered)
        menu.addSeparator()
        menu.addAction(self.tr("Quit")).triggered.connect(self.on_tray_quit_triggered)
        self.tray.setContextMenu(menu)
        self.tray.activated.connect(self.on_tray_activated)
        self.tray.messageClicked.connect(self.on_tray_message_clicked)
        self.tray.show()

    # -- the one timer ----------------------------------------------------------------
    def arm(self) -> None:
        """Sleep until the next reminder (at most five minutes), or not at all."""
        self._rearm.stop()
        at = self.scheduler.next_due_at()
        if at is None:
            self.timer.stop()
            return
        wait = (at - self.scheduler.now()).total_seconds() * 1000 + 50
        self.timer.start(int(max(0, min(wait, MAX_WAIT_MS))))

    def on_timer_timeout(self) -> None:
        self.ring()
        self.arm()

    def on_application_state_changed(self, state) -> None:
        # At start-up the application turns active too: the delayed startup ring covers that.
        just_started = self.scheduler.now() - self.scheduler.started_at < STARTUP_GRACE
        if state == Qt.ApplicationState.ApplicationActive and self.timer.isActive() and not just_started:
            self.on_timer_timeout()  # back from sleep or another window: catch up now

    def show_due_at_startup(self) -> None:
        """Show the reminders that fell due while the application was closed."""
        self.ring()
        self.arm()

    def ring(self) -> list[DueReminder]:
        """Show what is due now; a tray message for each reminder not yet announced."""
        due = self.scheduler.due()
        fresh = [r for r in due if (r.activity_id, r.reminder_at) not in self._announced]
        self._announced.update((r.activity_id, r.reminder_at) for r in due)
        self.window.set_reminders(due)
        if not due:
            self.window.hide()
            return due
        if fresh:
            self.window.show()
            self._notify(fresh)
        return due

    def _notify(self, fresh: list[DueReminder]) -> None:
        if self.tray is None or not self.tray.isVisible():
            return
        first = fresh[0]
        self._last_client = first.client_id
        title = first.client_name or self.tr("Reminder")
        text = first.subject or activity_kind_labels().get(first.kind, first.kind)
        if len(fresh) > 1:
            text += "\n" + self.tr("and {count} more").format(count=len(fresh) - 1)
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)

    # -- settings ---------------------------------------------------------------------
    def close_hides_to_tray(self) -> bool:
        """Whether closing the main window hides it to the tray (never without a tray)."""
        if self.tray is None:
            return False
        return QSettings().value(CLOSE_TO_TRAY_KEY, True, type=bool)

    def set_close_hides_to_tray(self, value: bool) -> None:
        QSettings().setValue(CLOSE_TO_TRAY_KEY, bool(value))

    # -- slots ------------------------------------------------------------------------
    def on_bridge_changed(self, change) -> None:
        if change.entity not in ("activity", "client"):
            return
        self._rearm.start()
        if self.window.isVisible():
            due = self.scheduler.due()
            self.window.set_reminders(due)
            if not due:
                self.window.hide()

    def _act(self, action: Callable[[], object]) -> None:
        try:
            action()
        except KartotekaError as exc:
            show_error(self.window, exc)

    def on_window_snooze_requested(self, activity_id: int, preset: str) -> None:
        self._act(lambda: self.scheduler.snooze(activity_id, preset))

    def on_window_done_requested(self, activity_id: int) -> None:
        self._act(lambda: self.scheduler.done(activity_id))

    def on_window_dismiss_requested(self, activity_id: int) -> None:
        self._act(lambda: self.scheduler.dismiss(activity_id))

    def show_main_window(self) -> None:
        if self.parent_window is not None:
            self.parent_window.showNormal()
            self.parent_window.raise_()
            self.parent_window.activateWindow()

    def on_tray_activated(self, reason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_main_window()

    def on_tray_message_clicked(self) -> None:
        self.show_main_window()
        if self._last_client is not None:
            self.open_client_requested.emit(self._last_client)
        else:
            self.window.show()

    def on_tray_today_triggered(self) -> None:
        self.show_main_window()
        self.today_requested.emit()

    def on_tray_quit_triggered(self) -> None:
        self.quit_requested.emit()
        QApplication.quit()

    def close(self) -> None:
        """Stop the timer and take the tray icon away (the main window is closing)."""
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
        self.window.close()
