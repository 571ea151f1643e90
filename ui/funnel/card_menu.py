"""The context menu of a deal on the board or in the list."""
from __future__ import annotations

from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from app.funnel import StageColumn


def stage_icon(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class DealMenu(QMenu):
    """Open the deal, open the client, move to a stage, mark lost.  Each action's
    ``data()`` says what to do: ("deal",), ("client",), ("move", stage id)."""

    def __init__(self, current_stage_id: int, stages: list[StageColumn], parent: QWidget | None = None):
        super().__init__(parent)
        self.open_deal_action = self.addAction(self.tr("Open deal"))
        self.open_deal_action.setData(("deal",))
        self.setDefaultAction(self.open_deal_action)
        self.open_client_action = self.addAction(self.tr("Open client"))
        self.open_client_action.setData(("client",))
        self.addSeparator()
        self.move_menu = self.addMenu(self.tr("Move to stage"))
        self.stage_actions: dict[int, QAction] = {}
        for stage in stages:
            if stage.stage_id == current_stage_id:
                continue
            action = self.move_menu.addAction(stage_icon(stage.color), stage.name)
            action.setData(("move", stage.stage_id))
            self.stage_actions[stage.stage_id] = action
        lost = next((s for s in stages if s.kind == "lost"), None)
        self.lost_action = self.addAction(self.tr("Lost…"))
        self.lost_action.setData(("move", lost.stage_id) if lost else None)
        self.lost_action.setEnabled(lost is not None and lost.stage_id != current_stage_id)
