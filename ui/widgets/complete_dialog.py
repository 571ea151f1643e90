"""Complete a planned activity: what came of it and, optionally, the next step."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QPlainTextEdit, QWidget)

from .datetime_picker import DateTimePicker
from .labels import activity_kind_labels

NEXT_KINDS = ("call_out", "email", "meeting", "task")


class CompleteActivityDialog(QDialog):
    """Asks for the result and the next step; the caller saves through app services."""

    def __init__(self, subject: str, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complete activity"))
        self.subject_label = QLabel(subject or self.tr("(no subject)"), self)
        self.subject_label.setWordWrap(True)
        self.result_edit = QPlainTextEdit(self)
        self.result_edit.setPlaceholderText(self.tr("What was done, what the client said"))
        self.result_edit.setMinimumHeight(70)
        self.next_picker = DateTimePicker(self)
        self.next_kind = QComboBox(self)
        labels = activity_kind_labels()
        for code in NEXT_KINDS:
            self.next_kind.addItem(labels[code], code)
        index = self.next_kind.findData(kind)
        self.next_kind.setCurrentIndex(max(index, 0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Complete"))
        form = QFormLayout(self)
        form.addRow(self.tr("Activity:"), self.subject_label)
        form.addRow(self.tr("Result:"), self.result_edit)
        form.addRow(self.tr("Next step:"), self.next_picker)
        form.addRow(self.tr("Next step kind:"), self.next_kind)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(460, self.sizeHint().height())  # room to write what the client said

    def result_text(self) -> str:
        return self.result_edit.toPlainText().strip()

    def next_at(self) -> datetime | None:
        """The next step as a naive local date-time, or None."""
        return self.next_picker.value()

    def next_kind_code(self) -> str:
        return self.next_kind.currentData()
