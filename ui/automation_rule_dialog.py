"""The dialog of one automation rule: what starts it (a stage entered, a deal won, an
invoice paid) and what it does (plan a task in N days, or move the deal).  Stages show
as "Pipeline / Stage": the same names repeat across pipelines."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from app import automation as service
from app.errors import KartotekaError, ValidationError

from .errors import message
from .widgets.labels import activity_kind_labels

TASK_KINDS = ("task", "call_out", "meeting", "email", "feedback")
"""What a rule may plan (the kinds a manager plans ahead)."""


def stage_label(stage: service.StageRef, with_pipeline: bool = True) -> str:
    return f"{stage.pipeline} / {stage.name}" if with_pipeline else stage.name


class RuleDialog(QDialog):
    """What starts the rule and what it does.  ``submit(values)`` saves; when it raises
    ``KartotekaError`` the dialog stays open with the message next to the field."""

    def __init__(self, parent: QWidget, title: str, submit, rule: service.RuleInfo | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.trigger_combo = QComboBox(self)
        for code, text in (("stage_enter", self.tr("A deal enters a stage")),
                           ("deal_won", self.tr("A deal is won")),
                           ("invoice_paid", self.tr("An invoice of the deal is paid"))):
            self.trigger_combo.addItem(text, code)
        self.stage_combo, self.target_combo = QComboBox(self), QComboBox(self)
        for combo in (self.stage_combo, self.target_combo):
            combo.setMinimumContentsLength(28)
            for stage in service.stage_choices():
                combo.addItem(stage_label(stage), stage.id)
        self.days_spin = QSpinBox(self, minimum=0, maximum=service.MAX_DAYS)
        self.days_spin.setSuffix(self.tr(" days later"))
        self.days_spin.setSpecialValueText(self.tr("at once (within an hour)"))
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setMaxLength(200)
        self.subject_edit.setPlaceholderText(self.tr("What to do: call, collect feedback…"))
        self.kind_combo = QComboBox(self)
        labels = activity_kind_labels()
        for kind in TASK_KINDS:
            self.kind_combo.addItem(labels[kind], kind)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("RuleError")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.form = QFormLayout()
        self.form.addRow(self.tr("When:"), self.trigger_combo)
        self.form.addRow(self.tr("Stage:"), self.stage_combo)
        self.form.addRow(self.tr("Plan:"), self.kind_combo)
        self.form.addRow(self.tr("Subject:"), self.subject_edit)
        self.form.addRow(self.tr("Due:"), self.days_spin)
        self.form.addRow(self.tr("Move the deal to:"), self.target_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._fill(rule)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.trigger_combo.currentIndexChanged.connect(self.update_rows)
        self.setMinimumWidth(520)
        self.update_rows()

    def _fill(self, rule: service.RuleInfo | None) -> None:
        self.days_spin.setValue(1)
        if rule is None:
            return
        self.trigger_combo.setCurrentIndex(max(0, self.trigger_combo.findData(rule.trigger)))
        self._select(self.stage_combo, rule.stage)
        self._select(self.target_combo, rule.target)
        self.days_spin.setValue(rule.days)
        self.subject_edit.setText(rule.subject)
        if self.kind_combo.findData(rule.kind) < 0:  # a kind set outside this dialog stays
            self.kind_combo.addItem(activity_kind_labels().get(rule.kind, rule.kind), rule.kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(rule.kind))

    def _select(self, combo: QComboBox, stage: service.StageRef | None) -> None:
        if stage is None:
            return
        if combo.findData(stage.id) < 0:  # a retired stage: shown, so that the user sees what to change
            combo.addItem(self.tr("{stage} (retired)").format(stage=stage_label(stage)), stage.id)
        combo.setCurrentIndex(combo.findData(stage.id))

    def update_rows(self, *_args) -> None:
        trigger = self.trigger_combo.currentData()
        task = trigger != "invoice_paid"
        self.form.setRowVisible(self.stage_combo, trigger == "stage_enter")
        for widget in (self.kind_combo, self.subject_edit, self.days_spin):
            self.form.setRowVisible(widget, task)
        self.form.setRowVisible(self.target_combo, not task)
        self.error_label.hide()
        if self.isVisible():
            self.adjustSize()

    def values(self) -> dict:
        return {"trigger": self.trigger_combo.currentData(), "stage_id": self.stage_combo.currentData(),
                "days": self.days_spin.value(), "subject": self.subject_edit.text(),
                "kind": self.kind_combo.currentData(), "target_id": self.target_combo.currentData()}

    def show_problem(self, exc: KartotekaError) -> None:
        code = exc.params.get("rule") if isinstance(exc, ValidationError) else None
        problems = {
            "days_range": (self.days_spin, self.tr("The task is due in 0 to 365 days.")),
            "subject_required": (self.subject_edit, self.tr("Say what the task is.")),
            "stage_required": (self.stage_combo, self.tr("Choose the stage.")),
            "stage_retired": (self.stage_combo, self.tr("The stage «{name}» is retired; choose another.")),
            "target_required": (self.target_combo, self.tr("Choose where the deal moves.")),
            "target_retired": (self.target_combo, self.tr("The stage «{name}» is retired; choose another.")),
        }
        widget, text = problems.get(code, (None, message(exc)))
        self.error_label.setText(text.format(name=exc.params.get("name", "")) if widget else text)
        self.error_label.show()
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        try:
            self._submit(self.values())
        except KartotekaError as exc:
            self.show_problem(exc)
            return
        super().accept()
