"""Settings: the pipelines and their stages (colour, name, probability, kind, "stuck after
N days"), reordered by drag or with the buttons.  Every change can be undone."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QColorDialog, QComboBox, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from app import pipelines as pipeline_service, stages as stage_service
from app.events import Change

from .bridge import bridge
from .funnel.stages_model import KindDelegate, StagesModel
from .undo import run_undoable_or_say

class StagesEditor(QWidget):
    """Pipelines and their stages, for the Settings page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StagesEditor")
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setObjectName("pipeline")
        self.pipeline_combo.setMinimumContentsLength(16)
        self.add_pipeline_button = QPushButton(self.tr("Add pipeline…"))
        self.show_retired_check = QCheckBox(self.tr("Show retired stages"))
        self.show_retired_check.setToolTip(self.tr("List the stages taken off the board too, to bring one back"))
        self.model = StagesModel(self)
        self.view = QTableView()
        self.view.setObjectName("stages")
        self.view.setAccessibleName(self.tr("Stages"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(KindDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(StagesModel.Columns.NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((StagesModel.Columns.PROBABILITY, 110), (StagesModel.Columns.KIND, 110),
                           (StagesModel.Columns.STUCK, 130)):
            header.resizeSection(col, width)
        self.add_button = QPushButton(self.tr("Add stage"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.color_button = QPushButton(self.tr("Colour…"))
        self.retire_button = QPushButton(self.tr("Retire"))
        hint = QLabel(self.tr("Double-click a cell to edit it; drag a row to reorder. A retired stage leaves the "
                              "board, its history stays."))
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pipeline:"), buddy=self.pipeline_combo))
        top.addWidget(self.pipeline_combo)
        top.addWidget(self.add_pipeline_button)
        top.addStretch(1)
        top.addWidget(self.show_retired_check)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.color_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self._connect()
        self.reload_pipelines()

    def _connect(self) -> None:
        self.pipeline_combo.activated.connect(self.on_pipeline_combo_activated)
        self.add_pipeline_button.clicked.connect(self.on_add_pipeline_button_clicked)
        self.show_retired_check.toggled.connect(self.on_pipeline_combo_activated)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.color_button.clicked.connect(self.on_color_button_clicked)
        self.retire_button.clicked.connect(self.on_retire_button_clicked)
        # queued: the table is read again after the change, not in the middle of an edit or a drop
        queued = Qt.ConnectionType.QueuedConnection
        self.model.edit_requested.connect(self.on_model_edit_requested, queued)
        self.model.reorder_requested.connect(self.on_model_reorder_requested, queued)
        self.view.selectionModel().currentRowChanged.connect(self.update_buttons)
        bridge().changed.connect(self.on_bridge_changed)

    # ----------------------------------------------------------------- state

    def pipeline_id(self) -> int | None:
        return self.pipeline_combo.currentData()

    def current_stage(self):
        index = self.view.currentIndex()
        return self.model.stage(index.row()) if index.isValid() else None

    def reload_pipelines(self) -> None:
        current = self.pipeline_id()
        self.pipeline_combo.clear()
        for p in stage_service.pipelines():
            self.pipeline_combo.addItem(p.name, p.id)
        self.pipeline_combo.setCurrentIndex(max(0, self.pipeline_combo.findData(current)) if current else 0)
        self.reload_stages()

    def reload_stages(self) -> None:
        current = self.current_stage()
        self.model.load(self.pipeline_id(), self.show_retired_check.isChecked())
        if current is not None:
            row = next((r for r, s in enumerate(self.model.rows) if s.id == current.id), -1)
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row, 0))
        self.update_buttons()

    def update_buttons(self, *_args) -> None:
        stage = self.current_stage()
        for button in (self.up_button, self.down_button, self.color_button, self.retire_button):
            button.setEnabled(stage is not None)
        self.retire_button.setText(self.tr("Bring back") if stage is not None and stage.retired_at
                                   else self.tr("Retire"))

    def _undoable(self, text: str, do, undo) -> object:
        return run_undoable_or_say(self, text, do, undo)

    # ----------------------------------------------------------------- actions

    def move_current(self, step: int) -> None:
        stage = self.current_stage()
        if stage is None:
            return
        order = list(self.model.all_ids)
        visible = [s.id for s in self.model.rows]
        pos = visible.index(stage.id)
        if not 0 <= pos + step < len(visible):
            return
        neighbour = visible[pos + step]
        a, b = order.index(stage.id), order.index(neighbour)
        order[a], order[b] = order[b], order[a]
        self.on_model_reorder_requested(order)

    def on_model_reorder_requested(self, order: list) -> None:
        pid = self.pipeline_id()
        self._undoable(self.tr("Reorder stages"), lambda: stage_service.reorder_stages(pid, order),
                       lambda previous: stage_service.reorder_stages(pid, previous))

    def on_model_edit_requested(self, stage_id: int, changes: dict) -> None:
        text = {"name": self.tr("Rename stage"), "probability": self.tr("Change stage probability"),
                "kind": self.tr("Change stage kind"), "stuck_days": self.tr("Change stuck limit"),
                "color": self.tr("Change stage colour")}[next(iter(changes))]
        self._undoable(text, lambda: stage_service.update_stage(stage_id, **changes),
                       lambda old: stage_service.update_stage(stage_id, **old))

    def on_add_button_clicked(self) -> None:
        pid = self.pipeline_id()
        if pid is None:
            return
        made: list[int] = []
        name = self.tr("New stage")
        closed = [s.id for s in self.model.rows if s.kind != "open"]
        # before the won and lost stages, where a new working stage belongs
        position = self.model.all_ids.index(closed[0]) if closed else len(self.model.all_ids)

        def do():
            if made:
                stage_service.unretire_stage(made[0])
            else:
                made.append(stage_service.add_stage(pid, name, position=position))
            return made[0]
        stage_id = self._undoable(self.tr("Add stage"), do, lambda sid: stage_service.retire_stage(sid))
        if stage_id:
            row = next((r for r, s in enumerate(self.model.rows) if s.id == stage_id), -1)
            if row >= 0:
                index = self.model.index(row, StagesModel.Columns.NAME)
                self.view.setCurrentIndex(index)
                self.view.edit(index)

    def on_add_pipeline_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New pipeline"), self.tr("Name of the pipeline:"))
        if ok and name.strip():
            self.add_pipeline(name)

    def add_pipeline(self, name: str) -> int | None:
        made: list[int] = []

        def do():
            if made:
                pipeline_service.unretire_pipeline(made[0])
            else:
                made.append(stage_service.create_pipeline(name))
            return made[0]
        pid = self._undoable(self.tr("Add pipeline"), do, pipeline_service.retire_pipeline)
        if pid:
            self.pipeline_combo.setCurrentIndex(max(0, self.pipeline_combo.findData(pid)))
            self.reload_stages()
        return pid

    def on_color_button_clicked(self) -> None:
        stage = self.current_stage()
        if stage is None:
            return
        color = QColorDialog.getColor(QColor(stage.color), self, self.tr("Colour of «{name}»").format(name=stage.name))
        if color.isValid() and color.name() != stage.color:
            self.on_model_edit_requested(stage.id, {"color": color.name()})

    def on_retire_button_clicked(self) -> None:
        stage = self.current_stage()
        if stage is None:
            return
        sid = stage.id
        if stage.retired_at:
            self._undoable(self.tr("Bring back stage"), lambda: stage_service.unretire_stage(sid),
                           lambda _: stage_service.retire_stage(sid))
        else:
            self._undoable(self.tr("Retire stage"), lambda: stage_service.retire_stage(sid),
                           lambda _: stage_service.unretire_stage(sid))

    def on_pipeline_combo_activated(self, *_args) -> None:
        self.reload_stages()

    def on_bridge_changed(self, change: Change) -> None:
        if change.entity == "pipeline":
            self.reload_pipelines()
        elif change.entity == "stage":
            self.reload_stages()
