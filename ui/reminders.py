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
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from app.errors import KartotekaError
from ui.bridge import bridge

CLOSE_TO_TRAY_KEY = "reminders/close_to_tray"
# A laptop's sleep stops the timer's (monotonic) clock: re-check at least every five
# minutes (one indexed query), and at once when the user comes back to the window,
# so a reminder that fell due during sleep is at most a few minutes late.
MAX_WAIT_MS = 5 * 60 * 1000
STARTUP_GRACE = timedelta(seconds=5)


class ReminderController(QObject):
    """Owns the reminder timer, the tray icon and the reminder window."""

    open_client_requested = Signal(int)
    """Open the card of this client (a reminder or its tray message was clicked)."""
    today_requested = Signal()
    """Show the Today panel (tray menu)."""
    quit_requested = Signal()
    """The tray menu's Quit was chosen; the application quits right after."""

    def __init__(self, parent_window: QWidget | None, clock: Callable[[], datetime] | None = None,
                 *, start: bool = True):
        super().__init__(parent_window)
        self.parent_window = parent_window
        self._clock = clock
        self._scheduler = None
        self._window = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # one timer; minutes late would matter
        self._rearm = QTimer(self, singleShot=True, interval=0)
        self._announced: set[tuple[int, datetime]] = set()
        self._last_client: int | None = None
        self.tray: QSystemTrayIcon | None = None
        self.timer.timeout.connect(self.on_timer_timeout)
        QGuiApplication.instance().applicationStateChanged.connect(self.on_application_state_changed)
        self._rearm.timeout.connect(self.arm)
        bridge().changed.connect(self.on_bridge_changed)
        if start:
            self.start()

    def start(self) -> None:
        """Show the tray icon and arm the timer (the main window calls this once it has
        been painted: a start-up shows the window first)."""
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self._build_tray()
        self.arm()

    @property
    def scheduler(self):
        """The core's ``ReminderScheduler`` (loaded with the first look at the reminders)."""
        if self._scheduler is None:
            from app.reminders import ReminderScheduler
            self._scheduler = ReminderScheduler(now=self._clock) if self._clock else ReminderScheduler()
        return self._scheduler

    @property
    def window(self):
        """The reminder window (built when first needed)."""
        if self._window is None:
            from .reminders_window import ReminderWindow
            self._window = ReminderWindow(self.parent_window)
            self._window.open_client_requested.connect(self.open_client_requested)
            self._window.snooze_requested.connect(self.on_window_snooze_requested)
            self._window.done_requested.connect(self.on_window_done_requested)
            self._window.dismiss_requested.connect(self.on_window_dismiss_requested)
        return self._window

    def _build_tray(self) -> None:
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QMenu, QStyle
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
        if state != Qt.ApplicationState.ApplicationActive or not self.timer.isActive():
            return
        if self.scheduler.now() - self.scheduler.started_at >= STARTUP_GRACE:
            self.on_timer_timeout()  # back from sleep or another window: catch up now

    def show_due_at_startup(self) -> None:
        """Show the reminders that fell due while the application was closed."""
        self.ring()
        self.arm()

    def ring(self) -> list:
        """Show what is due now; a tray message for each reminder not yet announced."""
        due = self.scheduler.due()
        fresh = [r for r in due if (r.activity_id, r.reminder_at) not in self._announced]
        self._announced.update((r.activity_id, r.reminder_at) for r in due)
        if not due:
            if self._window is not None:
                self._window.set_reminders(due)
                self._window.hide()
            return due
        self.window.set_reminders(due)
        if fresh:
            self.window.show()
            self._notify(fresh)
        return due

    def _notify(self, fresh: list) -> None:
        from ui.widgets.labels import activity_kind_labels
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
        if self._window is not None and self._window.isVisible():
            due = self.scheduler.due()
            self.window.set_reminders(due)
            if not due:
                self.window.hide()

    def _act(self, action: Callable[[], object]) -> None:
        try:
            action()
        except KartotekaError as exc:
            from ui.errors import show_error
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
        if self._window is not None:
            self._window.close()
