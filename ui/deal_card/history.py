"""What happened to a deal: its stage history with dates and its activities."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.card_lookups import employee_names
from app.deal_details import stage_history
from app.deal_lookups import DealActivity, deal_activities
from db.models import utcnow

from ..formatting import fmt_datetime
from ..table_model import ListTableModel
from ..widgets.labels import ACTIVITY_GLYPHS, OVERDUE_COLOR, PLANNED_BACKGROUND, activity_kind_labels
from .. import style

_Index = QModelIndex | QPersistentModelIndex


class StageHistoryModel(ListTableModel):
    class Columns(IntEnum):
        WHEN = 0
        CHANGE = 1
        WHO = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self._names: dict[int, str] = {}
        C = self.Columns
        self._headers = {C.WHEN: self.tr("When"), C.CHANGE: self.tr("Stage"), C.WHO: self.tr("Who")}

    def load(self, deal_id: int | None) -> None:
        self.beginResetModel()
        self.rows = list(reversed(stage_history(deal_id))) if deal_id else []
        self._names = employee_names(r["employee_id"] for r in self.rows)
        self.endResetModel()

    def row_items(self) -> list:
        return self.rows

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        col = self.Columns(index.column())
        if col == self.Columns.WHEN:
            return fmt_datetime(row["at"])
        if col == self.Columns.CHANGE:
            if not row["from_stage"]:
                return self.tr("created in «{to}»").format(to=row["to_stage"])
            return "{} → {}".format(row["from_stage"], row["to_stage"])
        return self._names.get(row["employee_id"], "")


class DealActivitiesModel(ListTableModel):
    class Columns(IntEnum):
        WHEN = 0
        KIND = 1
        TEXT = 2
        WHO = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DealActivity] = []
        self.now = utcnow()
        self._kinds = activity_kind_labels()
        C = self.Columns
        self._headers = {C.WHEN: self.tr("When"), C.KIND: self.tr("What"), C.TEXT: self.tr("Subject and result"),
                         C.WHO: self.tr("Responsible")}

    def load(self, deal_id: int | None) -> None:
        self.beginResetModel()
        self.now = utcnow()
        self.rows = deal_activities(deal_id) if deal_id else []
        self.endResetModel()

    def _overdue(self, a: DealActivity) -> bool:
        return a.status == "planned" and a.when is not None and a.when < self.now

    def row_items(self) -> list:
        return self.rows

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a = self.rows[index.row()]
        col = self.Columns(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.Columns.WHEN:
                return fmt_datetime(a.when)
            if col == self.Columns.KIND:
                glyph = ACTIVITY_GLYPHS.get(a.kind, ("", ""))[0]
                return "{} {}".format(glyph, self._kinds.get(a.kind, a.kind)).strip()
            if col == self.Columns.TEXT:
                return " — ".join(x for x in (a.subject, a.result) if x)
            return a.responsible
        if role == Qt.ItemDataRole.BackgroundRole and a.status == "planned":
            return style.themed(PLANNED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(a):
            return QColor(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.Columns.TEXT and a.result:
            return a.result
        return None


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(False)
    return view


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stages_model = StageHistoryModel(self)
        self.activities_model = DealActivitiesModel(self)
        self.stages_view = _table(self.stages_model)
        self.stages_view.setObjectName("stage_history")
        self.activities_view = _table(self.activities_model)
        self.activities_view.setObjectName("deal_activities")
        self.stages_view.setAccessibleName(self.tr("Stage changes"))
        self.activities_view.setAccessibleName(self.tr("Activities"))
        h = self.stages_view.horizontalHeader()
        h.resizeSection(StageHistoryModel.Columns.WHEN, 130)
        h.setSectionResizeMode(StageHistoryModel.Columns.CHANGE, QHeaderView.ResizeMode.Stretch)
        h.resizeSection(StageHistoryModel.Columns.WHO, 160)
        h = self.activities_view.horizontalHeader()
        h.resizeSection(DealActivitiesModel.Columns.WHEN, 130)
        h.resizeSection(DealActivitiesModel.Columns.KIND, 150)
        h.setSectionResizeMode(DealActivitiesModel.Columns.TEXT, QHeaderView.ResizeMode.Stretch)
        h.resizeSection(DealActivitiesModel.Columns.WHO, 160)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Stage history")))
        layout.addWidget(self.stages_view, 2)
        layout.addWidget(QLabel(self.tr("Activities")))
        layout.addWidget(self.activities_view, 3)

    def load(self, deal_id: int | None) -> None:
        self.stages_model.load(deal_id)
        self.activities_model.load(deal_id)
