"""Moving a deal to a stage from the UI: the lost reason first when needed, then an
undoable ``app.deals.move_deal``."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import deals
from app.errors import KartotekaError
from ui.errors import show_error
from ui.undo import run_undoable

from .lost_reason_dialog import ask_lost_reason


def move_deal_interactively(parent: QWidget | None, deal_id: int, stage_id: int, stage_name: str,
                            stage_kind: str, deal_title: str = "") -> bool:
    """True when the deal moved; False when the user cancelled or the move was refused."""
    reason = competitor = ""
    if stage_kind == "lost":
        answer = ask_lost_reason(parent, deal_title, stage_name)
        if answer is None:
            return False
        reason, competitor = answer
    text = QCoreApplication.translate("Funnel", "Move deal to «{stage}»").format(stage=stage_name)
    try:
        run_undoable(text,
                     lambda: deals.move_deal(deal_id, stage_id, lost_reason=reason, competitor=competitor),
                     deals.undo_move)
    except KartotekaError as exc:
        show_error(parent, exc)
        return False
    return True
