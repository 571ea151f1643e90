"""Asks why a deal was lost (required) and to whom (optional) before it moves to a lost stage."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from app.deal_lookups import lost_reasons


class LostReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, deal_title: str = "", stage_name: str = ""):
        super().__init__(parent)
        self.setObjectName("LostReasonDialog")
        self.setWindowTitle(self.tr("Deal lost"))
        self.setMinimumWidth(380)
        intro = QLabel(self.tr("Why was the deal «{title}» lost?").format(title=deal_title) if deal_title
                       else self.tr("Why was the deal lost?"))
        intro.setWordWrap(True)
        if stage_name:
            intro.setToolTip(self.tr("It moves to «{stage}».").format(stage=stage_name))
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("reason")
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_combo.addItems(lost_reasons())
        self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.lineEdit().setPlaceholderText(self.tr("Choose or type a reason"))
        self.competitor_edit = QLineEdit()
        self.competitor_edit.setObjectName("competitor")
        self.competitor_edit.setPlaceholderText(self.tr("Optional"))
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason_combo)
        form.addRow(self.tr("Competitor:"), self.competitor_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark as lost"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_combo.currentTextChanged.connect(self.on_reason_combo_currentTextChanged)
        self.on_reason_combo_currentTextChanged(self.reason_combo.currentText())

    def on_reason_combo_currentTextChanged(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def reason(self) -> str:
        return self.reason_combo.currentText().strip()

    def competitor(self) -> str:
        return self.competitor_edit.text().strip()

    def accept(self) -> None:
        if self.reason():
            super().accept()


def ask_lost_reason(parent: QWidget | None, deal_title: str = "", stage_name: str = "") -> tuple[str, str] | None:
    """(reason, competitor), or None when the user cancelled."""
    dialog = LostReasonDialog(parent, deal_title, stage_name)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason(), dialog.competitor()
    finally:
        dialog.deleteLater()
