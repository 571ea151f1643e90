"""The stages table of the settings: a small model over one pipeline's stages, and the
editors of its cells (kind as a combo, probability and the stuck limit as spin boxes)."""
from __future__ import annotations

import json
from enum import IntEnum

from PySide6.QtCore import (QCoreApplication, QMimeData, QModelIndex, QPersistentModelIndex,
                            Qt, Signal)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from app import deals

from ..table_model import ListTableModel

STAGE_MIME = "application/x-kartoteka-stage"
_Index = QModelIndex | QPersistentModelIndex


def kind_labels() -> dict[str, str]:
    return {"open": QCoreApplication.translate("StagesEditor", "open"),
            "won": QCoreApplication.translate("StagesEditor", "won"),
            "lost": QCoreApplication.translate("StagesEditor", "lost")}


class StagesModel(ListTableModel):
    class Columns(IntEnum):
        NAME = 0
        PROBABILITY = 1
        KIND = 2
        STUCK = 3

    edit_requested = Signal(int, dict)
    """The user edited a stage in the table: (stage id, {field: new value})."""
    reorder_requested = Signal(list)
    """A stage was dragged to another place: the stage ids in the new order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.all_ids: list[int] = []  # retired ones too: reordering needs the whole pipeline
        self._kinds = kind_labels()
        C = self.Columns
        self._headers = {C.NAME: self.tr("Stage"), C.PROBABILITY: self.tr("Probability"), C.KIND: self.tr("Kind"),
                         C.STUCK: self.tr("Stuck after")}

    def load(self, pipeline_id: int | None, show_retired: bool) -> None:
        self.beginResetModel()
        everything = deals.stages(pipeline_id, include_retired=True) if pipeline_id else []
        self.all_ids = [s.id for s in everything]
        self.rows = [s for s in everything if show_retired or s.retired_at is None]
        self.endResetModel()

    def stage(self, row: int):
        return self.rows[row]

    def row_items(self) -> list:
        return self.rows

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s = self.rows[index.row()]
        col = self.Columns(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.Columns.NAME:
                return s.name + ("  " + self.tr("(retired)") if s.retired_at else "")
            if col == self.Columns.PROBABILITY:
                return "{} %".format(s.probability)
            if col == self.Columns.KIND:
                return self._kinds.get(s.kind, s.kind)
            return self.tr("%n day(s)", "", s.stuck_days) if s.stuck_days else "—"
        if role == Qt.ItemDataRole.EditRole:
            return {self.Columns.NAME: s.name, self.Columns.PROBABILITY: s.probability, self.Columns.KIND: s.kind,
                    self.Columns.STUCK: s.stuck_days or 0}[col]
        if role == Qt.ItemDataRole.DecorationRole and col == self.Columns.NAME:
            return QColor(s.color)
        if role == Qt.ItemDataRole.ForegroundRole and s.retired_at:
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.FontRole and s.retired_at:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        s = self.rows[index.row()]
        field = {self.Columns.NAME: "name", self.Columns.PROBABILITY: "probability", self.Columns.KIND: "kind",
                 self.Columns.STUCK: "stuck_days"}[self.Columns(index.column())]
        if field == "stuck_days":
            value = int(value) or None
        if value == getattr(s, field):
            return False
        self.edit_requested.emit(s.id, {field: value})
        return True

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [STAGE_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(STAGE_MIME, json.dumps([self.rows[r].id for r in rows]).encode("utf-8"))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not data.hasFormat(STAGE_MIME):
            return False
        moved = json.loads(bytes(data.data(STAGE_MIME).data()).decode("utf-8"))
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        visible = [s.id for s in self.rows]
        before = visible[row] if row < len(visible) else None
        order = [i for i in self.all_ids if i not in moved]
        at = order.index(before) if before in order else len(order)
        order[at:at] = moved
        if order != self.all_ids:
            self.reorder_requested.emit(order)
        return False  # the rows come back from the database; nothing to remove


class KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        if index.column() != StagesModel.Columns.KIND:
            editor = super().createEditor(parent, option, index)
            if index.column() == StagesModel.Columns.PROBABILITY:
                editor.setRange(0, 100)
                editor.setSuffix(" %")
            elif index.column() == StagesModel.Columns.STUCK:
                editor.setRange(0, 3650)
                editor.setSpecialValueText("—")
            return editor
        combo = QComboBox(parent)
        for key, label in kind_labels().items():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)
