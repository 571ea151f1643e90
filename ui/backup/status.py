"""The status-bar line about the last backup, and the automatic backups behind it.

One single-shot timer re-checks every hour: it refreshes the line and starts the daily
backup when it is due.  Backups run in a worker; the window stays usable.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from ..bridge import bridge
from ..deferred import after_first_paint
from ..errors import message
from ..workers import run_in_worker

# The backup services and settings load once the window has been painted (the line is
# filled then): a start-up needs none of them.


def load_policy():
    from .settings import load_policy
    return load_policy()


def manual_folder() -> str:
    from .settings import manual_folder
    return manual_folder()

CHECK_INTERVAL_MS = 60 * 60 * 1000
START_DELAY_MS = 3000  # the first check waits for the window to be painted
COLOURS = {"ok": "#2f855a", "busy": "#4a5568", "warn": "#c05621", "error": "#c53030"}


class BackupStatusLabel(QLabel):
    """A status-bar label that can be clicked."""

    clicked = Signal()
    """The user clicked the label."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("BackupStatus")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.kind = "busy"

    def show_state(self, text: str, kind: str, tip: str) -> None:
        self.kind = kind
        self.setText(text)
        self.setToolTip(tip)
        weight = "normal" if kind in ("ok", "busy") else "bold"
        self.setStyleSheet(f"QLabel#BackupStatus {{ color: {COLOURS[kind]}; font-weight: {weight}; }}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class BackupController(QObject):
    """The backup line of one main window, its hourly check and automatic backups."""

    settings_requested = Signal()
    """The user wants to see the backup settings (the folder cannot be reached)."""
    backup_made = Signal(object)
    """A backup was written (its path)."""

    def __init__(self, window: QWidget, *, automatic: bool, clock=None):
        super().__init__(window)
        self._window = window
        self._automatic = automatic  # off in tests and screenshots unless asked for
        self.clock = clock or (lambda: datetime.now().astimezone())
        self.label = BackupStatusLabel(window)
        self.task = None
        self.changed_since_backup = False
        self.exit_done = False
        self._exit_dialog = None  # the progress of a backup on closing
        self.timer = QTimer(self, singleShot=True, interval=CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.label.clicked.connect(self.on_label_clicked)
        bridge().changed.connect(self.on_bridge_changed)
        after_first_paint(window, self.refresh_in_worker)  # once the window shows

    # -- the line -------------------------------------------------------------------

    def status(self):
        """The ``app.backup_rotation.BackupStatus`` of the backups."""
        return load_policy().status(self.clock(), [manual_folder()])

    def refresh(self) -> None:
        if self.task is not None:
            return  # "Backing up…" until it ends
        self._show(self.status(), load_policy().folder)

    def refresh_in_worker(self) -> None:
        """The first look at the backups, in a worker: a backup folder on a network
        share that does not answer must not hold the window just shown."""
        clock = self.clock

        def look(_progress, _cancelled):
            return load_policy().status(clock(), [manual_folder()]), load_policy().folder

        def seen(result) -> None:
            if self.task is None:  # not "Backing up…" meanwhile
                self._show(*result)
        run_in_worker(look, on_done=seen, on_error=lambda _exc: self.refresh(), parent=self)

    def _show(self, st, folder) -> None:
        if st.state == "ok":
            text = self.tr("Last backup: {when}").format(when=self._when(st.last_time))
            self.label.show_state(text, "ok", str(st.last_path))
        elif st.state == "too_old":
            days = max(1, int(st.age_hours // 24))
            text = (self.tr("No backup for %n day", "", days) if days == 1
                    else self.tr("No backup for %n days", "", days))
            self.label.show_state(text, "warn",
                                  self.tr("Click to back up now into {folder}").format(folder=str(folder)))
        elif st.state == "never":
            self.label.show_state(self.tr("No backup yet"), "warn",
                                  self.tr("Click to back up now into {folder}").format(folder=str(folder)))
        else:
            self.label.show_state(self.tr("Backup folder not reachable: {folder}").format(folder=str(folder)),
                                  "error", self.tr("Connect the drive, or click to choose another folder"))

    def _when(self, when: datetime) -> str:
        today = self.clock().astimezone().replace(tzinfo=None).date()
        locale = QLocale()
        time = locale.toString(when.time(), QLocale.FormatType.ShortFormat)
        if when.date() == today:
            return self.tr("today {time}").format(time=time)
        if when.date() == today - timedelta(days=1):
            return self.tr("yesterday {time}").format(time=time)
        return locale.toString(when.date(), QLocale.FormatType.ShortFormat) + " " + time

    # -- automatic backups ------------------------------------------------------------

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        """Check soon (a due daily backup starts) and then every hour."""
        self.timer.start(delay_ms)

    def check(self) -> None:
        self.timer.start(CHECK_INTERVAL_MS)
        self.refresh()
        if self._automatic and self.task is None and load_policy().daily_due(self.clock()):
            from app.backup_schedule import REASON_DAILY
            self.run(REASON_DAILY)

    def run(self, reason: str, on_finished=None):
        """Back up into the backup folder in a worker (and rotate); returns the task."""
        policy = load_policy()
        self.changed_since_backup = False
        self.label.show_state(self.tr("Backing up…"), "busy", str(policy.folder))
        now = self.clock()

        from app.backup_archive import OperationCancelled

        def job(progress, cancelled):
            def step(fraction):
                if cancelled():
                    raise OperationCancelled(what="backup")
                progress(int(fraction * 100), 100)
            return policy.run(reason, now, on_progress=step)

        def ended(outcome):
            self.task = None
            if isinstance(outcome, BaseException):
                self.changed_since_backup = True
            else:
                self.backup_made.emit(outcome.path)
            self.refresh()
            if on_finished is not None:
                on_finished(outcome)

        self.task = run_in_worker(job, on_done=ended, on_error=ended, parent=self)
        return self.task

    def backup_on_exit(self, close) -> bool:
        """Before the window closes: if a backup is due (or running), show a small modal
        progress, then call ``close()`` whatever happens.  False: nothing to wait for."""
        if self.exit_done or not self._automatic:
            return False
        if self.task is None and not load_policy().exit_due(self.clock(), self.changed_since_backup):
            return False
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        from app.backup_archive import OperationCancelled
        from app.backup_schedule import REASON_EXIT
        dialog = QProgressDialog(self.tr("Saving a backup…"), self.tr("Skip"), 0, 100, self._window)
        dialog.setWindowTitle(self.tr("Kartoteka"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self._exit_dialog = dialog

        def finished(outcome):
            self.exit_done = True
            dialog.hide()
            dialog.deleteLater()
            self._exit_dialog = None
            if isinstance(outcome, BaseException) and not isinstance(outcome, OperationCancelled):
                QMessageBox.warning(self._window, self.tr("Backup"), self.tr(
                    "The backup on closing failed: {reason}\n\nKartoteka closes anyway; everything "
                    "you entered is kept in the database.").format(reason=message(outcome)))
            QTimer.singleShot(0, close)

        if self.task is None:
            self.run(REASON_EXIT, finished)
        else:  # a daily backup is running: wait for it instead of starting another
            self.task.finished.connect(lambda: finished(None))
        self.task.progress.connect(lambda done, total: dialog.setValue(done * 100 // max(total, 1)))
        dialog.canceled.connect(self.task.cancel)
        dialog.show()
        return True

    # -- slots ------------------------------------------------------------------------

    def on_label_clicked(self) -> None:
        if self.task is not None:
            return
        if self.label.kind == "warn":
            self.run("manual", self._report_failure)
        else:
            self.settings_requested.emit()

    def _report_failure(self, outcome) -> None:
        if isinstance(outcome, BaseException):
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.warning(self._window, self.tr("Backup"), message(outcome))

    def on_bridge_changed(self, _change) -> None:
        self.changed_since_backup = True
