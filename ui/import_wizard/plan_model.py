"""The preview table: each row of the file with what the import will do to it; a
duplicate is shown side by side with the client (or the earlier row) it matches."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.importer.review import set_duplicate_actions

from .. import style
from .labels import action_label

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
MERGE_TINT = "#eaf1fd"
MUTED = QColor("#8a9099")


def _contacts(phones, emails) -> str:
    """Phones on the first line, e-mails on the second (rows are two lines high)."""
    return "\n".join(", ".join(part) for part in (phones, emails) if part)


class PlanModel(QAbstractTableModel):
    class Columns(IntEnum):
        ROW = 0
        NAME = 1
        CONTACTS = 2
        ACTION = 3
        EXISTING = 4
        EXISTING_CONTACTS = 5
        REASON = 6

    actions_changed = Signal()
    """The action of one or more rows changed (counts must be redrawn)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan = None
        self._existing: dict = {}
        self._by_row: dict = {}
        self.headers = {
            self.Columns.ROW: self.tr("Row"), self.Columns.NAME: self.tr("In the file"),
            self.Columns.CONTACTS: self.tr("Phones, e-mails"), self.Columns.ACTION: self.tr("What to do"),
            self.Columns.EXISTING: self.tr("Already there"),
            self.Columns.EXISTING_CONTACTS: self.tr("Its phones, e-mails"), self.Columns.REASON: self.tr("Why"),
        }

    def set_plan(self, plan, existing: dict) -> None:
        self.beginResetModel()
        self.plan, self._existing = plan, existing
        self._by_row = {r.row: r for r in plan.rows} if plan else {}
        self.endResetModel()

    def plan_row(self, row: int):
        return self.plan.rows[row]

    def options(self, index: QModelIndex) -> list[tuple[str, str]]:
        """The actions the user can choose for one row."""
        r = self.plan.rows[index.row()]
        if r.draft is None:
            return [("skip", action_label("skip"))]
        out = []
        if r.duplicate:
            name, row = self._target(r)
            out.append(("merge", action_label("merge", name, row)))
        return out + [("create", action_label("create")), ("skip", action_label("skip"))]

    def _target(self, r) -> tuple[str, int | None]:
        if r.target_id:
            ex = self._existing.get(r.target_id)
            return (ex.name if ex else r.target_name), None
        return "", r.target_row  # an earlier row of the file: the next column names it

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.plan is None else len(self.plan.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.Columns)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.Columns.ACTION and self.plan.rows[index.row()].draft:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        r = self.plan.rows[index.row()]
        c = index.column()
        if role == DISPLAY:
            return self._display(r, c)
        if role == EDIT and c == self.Columns.ACTION:
            return r.action
        if role == Qt.ItemDataRole.BackgroundRole and r.action == "merge":
            return style.themed(MERGE_TINT)
        if role == Qt.ItemDataRole.ForegroundRole and r.action == "skip":
            return MUTED
        if role == Qt.ItemDataRole.DecorationRole and c == self.Columns.NAME and r.draft and r.draft.warnings:
            return style.icon("warning", "#d98c00")
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == self.Columns.NAME and r.draft and r.draft.warnings:
                return "\n".join(r.draft.warnings)
            if c == self.Columns.ACTION and r.draft:
                return self.tr("Click to choose what to do with this row")
            text = self._display(r, c)
            return text if text and c != self.Columns.ROW else None
        if role == Qt.ItemDataRole.TextAlignmentRole and c == self.Columns.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, r, c) -> str:
        d = r.draft
        if c == self.Columns.ROW:
            return str(r.row)
        if c == self.Columns.NAME:
            return d.name if d else self.tr("(nothing to import)")
        if c == self.Columns.CONTACTS:
            return _contacts([p.raw for p in d.phones], d.emails) if d else ""
        if c == self.Columns.ACTION:
            if r.action == "merge" and r.target_id:
                return self.tr("Merge with it")  # "Already there" names the client
            name, row = self._target(r)
            return action_label(r.action, name, row)
        if c == self.Columns.EXISTING:
            if r.target_id:
                return self._target(r)[0]
            if r.target_row:
                return self.tr("Row %1: %2").replace("%1", str(r.target_row)).replace("%2", r.target_name)
            return ""
        if c == self.Columns.EXISTING_CONTACTS:
            if r.target_id and r.target_id in self._existing:
                ex = self._existing[r.target_id]
                return _contacts(ex.phones, ex.emails)
            leader = self._by_row.get(r.target_row) if r.target_row else None
            if leader is not None and leader.draft:
                return _contacts([p.raw for p in leader.draft.phones], leader.draft.emails)
            return ""
        if c == self.Columns.REASON:
            return r.reason
        return ""

    def setData(self, index, value, role=EDIT) -> bool:
        if not index.isValid() or index.column() != self.Columns.ACTION or role != EDIT or not value:
            return False
        r = self.plan.rows[index.row()]
        if r.action == value:
            return False
        self.plan.set_action(r.row, value)
        last = len(self.Columns) - 1
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), last))
        self.actions_changed.emit()
        return True

    def set_all_duplicates(self, action: str) -> int:
        """Merge, skip or create every duplicate; returns how many rows are duplicates."""
        if self.plan is None:
            return 0
        count = set_duplicate_actions(self.plan, action)
        if count and self.plan.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.plan.rows) - 1, len(self.Columns) - 1))
            self.actions_changed.emit()
        return count

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers.get(section)
        return str(section + 1)
