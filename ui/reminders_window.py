"""The reminder window: the non-modal list of the reminders that are due, each with
"Open client", snooze (10 min, 1 hour, tomorrow 9:00), "Done" and "Dismiss".  Built by
``ui.reminders.ReminderController`` when a reminder first rings."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app import recurrence
from app.reminders import DueReminder
from ui.calendar.common import time_text
from ui.widgets.labels import OVERDUE_COLOR, activity_kind_labels

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
