"""The quick-log bar: what kind of contact, what came of it, and when to contact next.
Feedback also says how it went: praise, or a complaint that marks the client until resolved."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QRadioButton, QToolButton, QVBoxLayout, QWidget)

from ui.widgets.datetime_picker import DateTimePicker
from ui.widgets.labels import ACTIVITY_GLYPHS, ARROWS

KINDS = ("call_in", "call_out", "email", "meeting", "note", "task", "feedback")


class QuickLogBar(QFrame):
    """Collects one entry; the card window writes it through ``app.activities.quick_log``."""

    submitted = Signal()
    """Emitted when the user asks to log the entry (Enter, Ctrl+Enter or the button)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.contact_id: int | None = None
        short = {"call_in": self.tr("Incoming"), "call_out": self.tr("Outgoing"),
                 "email": self.tr("E-mail"), "meeting": self.tr("Meeting"), "note": self.tr("Note"),
                 "task": self.tr("Task"), "feedback": self.tr("Feedback")}
        tips = {"call_in": self.tr("Incoming call"), "call_out": self.tr("Outgoing call"),
                "email": self.tr("E-mail"), "meeting": self.tr("Meeting"), "note": self.tr("Note"),
                "task": self.tr("Task"), "feedback": self.tr("Feedback: what the client thinks of the work")}
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QToolButton] = {}
        kinds_row = QHBoxLayout()
        kinds_row.setSpacing(2)
        for kind in KINDS:
            button = QToolButton(self)
            glyph = ACTIVITY_GLYPHS[kind][0] + ARROWS.get(kind, "")
            button.setText("{} {}".format(glyph, short[kind]))
            button.setToolTip(tips[kind])
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds_row.addWidget(button)
        kinds_row.addStretch(1)
        self.kind_buttons["call_out"].setChecked(True)
        self.sentiment_row = QWidget(self)
        self.sentiment_group = QButtonGroup(self)
        self.sentiment_buttons = {"positive": QRadioButton(self.tr("Positive"), self.sentiment_row),
                                  "negative": QRadioButton(self.tr("Negative: a complaint"), self.sentiment_row)}
        self.sentiment_buttons["negative"].setToolTip(
            self.tr("The card shows a red mark until the complaint is marked resolved"))
        sentiment_layout = QHBoxLayout(self.sentiment_row)
        sentiment_layout.setContentsMargins(0, 0, 0, 0)
        sentiment_layout.addWidget(QLabel(self.tr("How it went:"), self.sentiment_row))
        for button in self.sentiment_buttons.values():
            self.sentiment_group.addButton(button)
            sentiment_layout.addWidget(button)
        sentiment_layout.addStretch(1)
        self.sentiment_row.hide()
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setPlaceholderText(self.tr("Subject (optional)"))
        self.subject_edit.setClearButtonEnabled(True)
        self.result_edit = QPlainTextEdit(self)
        self.result_edit.setPlaceholderText(
            self.tr("Result: what was said, what was agreed (Enter logs, Shift+Enter breaks the line)"))
        self.result_edit.setTabChangesFocus(True)
        self.result_edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.next_picker = DateTimePicker(self)
        self.log_button = QPushButton(self.tr("Log"), self)
        self.log_button.setDefault(False)
        self.log_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Next contact:"), self))
        bottom.addWidget(self.next_picker)
        bottom.addStretch(1)
        bottom.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(kinds_row)
        layout.addWidget(self.sentiment_row)
        layout.addWidget(self.subject_edit)
        layout.addWidget(self.result_edit)
        layout.addLayout(bottom)
        self.result_edit.installEventFilter(self)
        self.subject_edit.returnPressed.connect(self.on_subject_edit_returnPressed)
        self.log_button.clicked.connect(self.on_log_button_clicked)
        self.kind_group.buttonToggled.connect(self.on_kind_group_buttonToggled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.result_edit and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return True
        return super().eventFilter(watched, event)

    def on_subject_edit_returnPressed(self) -> None:  # noqa: N802 - Qt signal name
        self.result_edit.setFocus()

    def on_log_button_clicked(self) -> None:
        self.submitted.emit()

    def on_kind_group_buttonToggled(self, _button, _checked: bool) -> None:  # noqa: N802 - Qt signal name
        self.sentiment_row.setVisible(self.kind_group.checkedButton() is self.kind_buttons["feedback"])

    # --- values ----------------------------------------------------------------------
    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def set_kind(self, kind: str) -> None:
        self.kind_buttons.get(kind, self.kind_buttons["note"]).setChecked(True)

    def sentiment(self) -> str:
        """For feedback: "positive", "negative", or "" when not said."""
        if self.kind() != "feedback":
            return ""
        return next((s for s, b in self.sentiment_buttons.items() if b.isChecked()), "")

    def result_text(self) -> str:
        return self.result_edit.toPlainText().strip()

    def subject(self) -> str:
        return self.subject_edit.text().strip()

    def next_at(self) -> datetime | None:
        """The next contact as a naive local date-time, or None."""
        return self.next_picker.value()

    def prefill(self, kind: str, subject: str, contact_id: int | None = None) -> None:
        """Start an entry (after a click on a phone or an e-mail): kind, subject, cursor in the result."""
        self.set_kind(kind)
        self.subject_edit.setText(subject)
        self.contact_id = contact_id
        self.result_edit.setFocus()

    def reset(self) -> None:
        self.subject_edit.clear()
        self.result_edit.clear()
        self.next_picker.set_value(None)
        self.contact_id = None
        self.sentiment_group.setExclusive(False)  # an exclusive group cannot clear its choice
        for button in self.sentiment_buttons.values():
            button.setChecked(False)
        self.sentiment_group.setExclusive(True)
