"""Settings: the funnel's automation rules in plain words ("When a deal is won: feedback
«Collect feedback» in 15 days"), switched on and off with a checkbox, added and edited
in a small dialog, deleted after a question.  Every change can be undone; the next deal
move uses it (``app.automation`` reads the rules at every move)."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from app import automation as service
from app.events import Change

from .automation_rule_dialog import RuleDialog, stage_label
from .bridge import bridge
from .i18n import plural_s
from .table_model import ListTableModel
from .undo import run_undoable, run_undoable_or_say
from .widgets.labels import activity_kind_labels
from .widgets.tables import record_table

RuleIdRole = Qt.ItemDataRole.UserRole + 1


class RulesModel(ListTableModel):
    """The rules, one sentence each, with an "on" checkbox in the first column."""

    toggle_requested = Signal(int, bool)
    """The user ticked or cleared the checkbox of a rule (id, on)."""

    class Columns(IntEnum):
        ACTIVE = 0
        RULE = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[service.RuleInfo] = []
        self.several_pipelines = False
        self._kinds = activity_kind_labels()
        self._headers = {self.Columns.ACTIVE: self.tr("On"), self.Columns.RULE: self.tr("Rule")}

    def row_items(self) -> list:
        return self.rows

    def load(self) -> None:
        self.beginResetModel()
        self.rows = service.rule_list()
        self.several_pipelines = len({s.pipeline for s in service.stage_choices()}) > 1
        self.endResetModel()

    def row_of(self, rule_id: int) -> int:
        return next((r for r, info in enumerate(self.rows) if info.id == rule_id), -1)

    # ----------------------------------------------------------------- words

    def _stage(self, stage: service.StageRef | None) -> str:
        if stage is None:
            return self.tr("(no stage)")
        text = "«{}»".format(stage_label(stage, self.several_pipelines))
        return text if stage.live else self.tr("{stage} (retired)").format(stage=text)

    def sentence(self, info: service.RuleInfo) -> str:
        if info.trigger == "invoice_paid":
            return self.tr("When an invoice is paid: move the deal to {stage}").format(stage=self._stage(info.target))
        kind = self._kinds.get(info.kind, info.kind)
        when = (self.tr("within an hour") if info.days == 0
                else plural_s(self.tr("in %n day(s)", "", info.days), info.days))
        task = self.tr("{kind} «{subject}» {when}").format(kind=kind[:1].lower() + kind[1:],
                                                           subject=info.subject, when=when)
        if info.trigger == "deal_won":
            return self.tr("When a deal is won: {task}").format(task=task)
        return self.tr("When a deal enters {stage}: {task}").format(stage=self._stage(info.stage), task=task)

    def _dead_stage(self, info: service.RuleInfo) -> bool:
        stage = info.target if info.trigger == "invoice_paid" else info.stage
        return stage is not None and not stage.live

    # ----------------------------------------------------------------- Qt model

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.Columns.ACTIVE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole and column == self.Columns.RULE:
            return self.sentence(info)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.Columns.ACTIVE:
            return Qt.CheckState.Checked if info.active else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._dead_stage(info):
                return self.tr("The stage of this rule is retired: the rule does nothing until you choose "
                               "another stage.")
            if column == self.Columns.ACTIVE:
                return self.tr("The rule works") if info.active else self.tr("The rule is switched off")
            return self.sentence(info)
        if role == Qt.ItemDataRole.ForegroundRole and (not info.active or self._dead_stage(info)):
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == RuleIdRole:
            return info.id
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.Columns.ACTIVE:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggle_requested.emit(self.rows[index.row()].id, on)  # the editor writes, the table reloads
        return True


def _save_args(values: dict, active: bool, rule_id: int | None) -> dict:
    trigger = values["trigger"]
    if trigger == "invoice_paid":
        params = {"stage_id": values["target_id"]}
    else:
        params = {"days": values["days"], "subject": values["subject"], "kind": values["kind"]}
    return dict(trigger=trigger, action=service.ACTIONS[trigger], params=params, active=active, rule_id=rule_id,
                stage_id=values["stage_id"] if trigger == "stage_enter" else None)


class AutomationEditor(QWidget):
    """The automation rules, for the Settings page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AutomationEditor")
        self.model = RulesModel(self)
        self.view = record_table(self, self.model, "automation_rules", title=self.tr("Automation rules"))
        header = self.view.horizontalHeader()
        header.resizeSection(RulesModel.Columns.ACTIVE, 60)
        header.setSectionResizeMode(RulesModel.Columns.RULE, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        hint = QLabel(self.tr("Rules plan a task for the deal's responsible or move the deal by themselves. "
                              "A change applies to the next move of a deal; clear the tick to pause a rule."), self)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>{}</b>".format(self.tr("Automation rules")), self))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.view.doubleClicked.connect(self.on_edit_button_clicked)
        # queued: the table is read again after the click on the checkbox has finished
        self.model.toggle_requested.connect(self.on_model_toggle_requested, Qt.ConnectionType.QueuedConnection)
        self.view.selectionModel().currentRowChanged.connect(self.update_buttons)
        bridge().changed.connect(self.on_bridge_changed)
        self.reload()

    def current_rule(self) -> service.RuleInfo | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def select(self, rule_id: int) -> None:
        row = self.model.row_of(rule_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, RulesModel.Columns.RULE))

    def reload(self, *_args) -> None:
        current = self.current_rule()
        self.model.load()
        if current is not None:
            self.select(current.id)
        self.update_buttons()

    def update_buttons(self, *_args) -> None:
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(self.current_rule() is not None)

    def _undoable(self, text: str, do, undo) -> object:
        return run_undoable_or_say(self, text, do, undo)

    # ----------------------------------------------------------------- actions

    def on_add_button_clicked(self) -> None:
        added: list[int] = []

        def submit(values: dict) -> None:
            made: list[service.RuleInfo] = []

            def do():
                if made:
                    return service.restore_rule(made[0])
                rid = service.save_rule(**_save_args(values, True, None))
                made.append(service.describe(rid))
                return rid
            added.append(run_undoable(self.tr("Add automation rule"), do, service.delete_rule))
        dialog = RuleDialog(self, self.tr("New automation rule"), submit)
        dialog.exec()
        dialog.deleteLater()
        if added:
            self.select(added[0])

    def on_edit_button_clicked(self, *_args) -> None:
        rule = self.current_rule()
        if rule is None:
            return

        def submit(values: dict) -> None:
            args = _save_args(values, rule.active, rule.id)
            run_undoable(self.tr("Change automation rule"), lambda: service.save_rule(**args),
                         lambda _: service.save_info(rule))
        dialog = RuleDialog(self, self.tr("Automation rule"), submit, rule)
        dialog.exec()
        dialog.deleteLater()

    def on_delete_button_clicked(self) -> None:
        rule = self.current_rule()
        if rule is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete rule"),
            self.tr("Delete this rule?\n\n{rule}").format(rule=self.model.sentence(rule)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            rid = rule.id
            self._undoable(self.tr("Delete automation rule"), lambda: service.delete_rule(rid), service.restore_rule)

    def on_model_toggle_requested(self, rule_id: int, on: bool) -> None:
        text = self.tr("Switch automation rule on") if on else self.tr("Switch automation rule off")
        self._undoable(text, lambda: service.set_active(rule_id, on),
                       lambda was: service.set_active(rule_id, was))

    def on_bridge_changed(self, change: Change) -> None:
        if change.entity in ("automation_rule", "stage", "pipeline"):
            self.reload()
