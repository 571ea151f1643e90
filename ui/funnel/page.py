"""The funnel page: the filter bar over the board (or the list), kept up to date with
the changes the core publishes."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.deal_lookups import activity_owners
from app.events import Change
from app.funnel import StageColumn, deal_cards

from ..bridge import bridge
from .board import FunnelBoard
from .card_menu import DealMenu
from .deal_list import DealListModel, DealListView
from .filter_bar import FunnelFilterBar
from .moves import move_deal_interactively

MANY = 50  # more deals changed at once than this: read the whole board again


class FunnelPage(QWidget):
    open_client_requested = Signal(int)
    """The user wants to see a client's card (client id)."""
    open_deal_requested = Signal(int)
    """The user wants to see a deal's card (deal id)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        self.filter_bar = FunnelFilterBar(self)
        self.board = FunnelBoard(self)
        self.list_model = DealListModel(self)
        self.list_view = DealListView(self.list_model, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.list_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack, 1)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._full = False
        self._list_dirty = True
        self._cards_dirty = False
        self._deals: set[int] = set()
        self._activities: set[int] = set()
        self._connect()
        self.reload()

    def _connect(self) -> None:
        self.filter_bar.filter_changed.connect(self.on_filter_bar_filter_changed)
        self.filter_bar.mode_changed.connect(self.on_filter_bar_mode_changed)
        self.board.deal_dropped.connect(self.on_board_deal_dropped)
        self.board.deal_activated.connect(self.open_deal_requested)
        self.board.deal_menu_requested.connect(self.on_board_deal_menu_requested)
        self.list_view.deal_activated.connect(self.open_deal_requested)
        self.list_view.customContextMenuRequested.connect(self.on_list_view_customContextMenuRequested)
        self._refresh_timer.timeout.connect(self.apply_pending)
        bridge().changed.connect(self.on_bridge_changed)

    # ----------------------------------------------------------------- state

    def stages(self) -> list[StageColumn]:
        return self.board.stage_columns()

    def stage(self, stage_id: int) -> StageColumn | None:
        return next((s for s in self.stages() if s.stage_id == stage_id), None)

    def mode(self) -> str:
        return "list" if self.stack.currentWidget() is self.list_view else "board"

    def reload(self) -> None:
        """Read everything again under the current filter."""
        self._full, self._cards_dirty = False, False
        self._deals.clear()
        self._activities.clear()
        flt = self.filter_bar.current_filter()
        self.board.reload(flt)
        self.list_model.set_stages(self.stages())
        self.list_model.filter = flt
        self._list_dirty = True
        if self.mode() == "list":
            self._reload_list()

    def _reload_list(self) -> None:
        self._list_dirty = False
        self.list_model.reload()

    # ----------------------------------------------------------------- moving

    def move_deal(self, deal_id: int, stage_id: int) -> bool:
        """Move a deal (asking the lost reason when needed); the board updates at once."""
        stage = self.stage(stage_id)
        if stage is None:
            return False
        cards = deal_cards([deal_id])
        if not cards or cards[0].stage_id == stage_id:
            return False
        moved = move_deal_interactively(self, deal_id, stage_id, stage.name, stage.kind, cards[0].title)
        if moved:
            self.apply_pending()
        return moved

    def deal_menu(self, deal_id: int) -> DealMenu | None:
        cards = deal_cards([deal_id])
        if not cards:
            return None
        menu = DealMenu(cards[0].stage_id, self.stages(), self)
        menu.triggered.connect(lambda action: self.on_deal_menu_triggered(deal_id, cards[0].client_id, action))
        return menu

    def on_deal_menu_triggered(self, deal_id: int, client_id: int, action) -> None:
        what = action.data()
        if not what:
            return
        if what[0] == "deal":
            self.open_deal_requested.emit(deal_id)
        elif what[0] == "client":
            self.open_client_requested.emit(client_id)
        elif what[0] == "move":
            self.move_deal(deal_id, what[1])

    def on_board_deal_dropped(self, deal_id: int, stage_id: int) -> None:
        self.move_deal(deal_id, stage_id)

    def on_board_deal_menu_requested(self, deal_id: int, pos: QPoint) -> None:
        menu = self.deal_menu(deal_id)
        if menu is not None:
            menu.exec(pos)
            menu.deleteLater()

    def on_list_view_customContextMenuRequested(self, pos: QPoint) -> None:  # noqa: N802
        index = self.list_view.indexAt(pos)
        if index.isValid():
            self.on_board_deal_menu_requested(self.list_model.deal_id(index.row()),
                                              self.list_view.viewport().mapToGlobal(pos))

    # ----------------------------------------------------------------- filter and mode

    def on_filter_bar_filter_changed(self) -> None:
        self.reload()

    def on_filter_bar_mode_changed(self, mode: str) -> None:
        self.stack.setCurrentWidget(self.list_view if mode == "list" else self.board)
        if mode == "list" and self._list_dirty:
            self._reload_list()

    # ----------------------------------------------------------------- changes

    def on_bridge_changed(self, change: Change) -> None:
        if change.entity == "deal":
            if change.ids and len(change.ids) <= MANY and change.action != "bulk":
                self._deals.update(change.ids)
            else:
                self._full = True
        elif change.entity in ("stage", "pipeline"):
            self.filter_bar.reload_choices()
            self._full = True
        elif change.entity == "activity" and change.ids and len(change.ids) <= MANY:
            self._activities.update(change.ids)
        elif change.entity in ("activity", "client"):
            self._cards_dirty = True
        elif change.entity in ("employee", "tag"):
            self.filter_bar.reload_choices()
            self._cards_dirty = True
        else:
            return
        self._refresh_timer.start()

    def apply_pending(self) -> None:
        """Show what changed since the last refresh (at once, or when the page is shown)."""
        self._refresh_timer.stop()
        if not self.isVisible():
            return
        if self._full:
            self.reload()
            return
        if self._deals:
            self.board.refresh_deals(self._deals)
            self._deals.clear()
            self._list_dirty = True
        if self._activities and not self._cards_dirty:
            self.board.forget_cards_of(*activity_owners(self._activities))
            self._list_dirty = True
        self._activities.clear()
        if self._cards_dirty:
            self._cards_dirty = False
            self.board.forget_cards()
            self._list_dirty = True
        if self._list_dirty and self.mode() == "list":
            self._reload_list()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._full or self._deals or self._activities or self._cards_dirty or self._list_dirty:
            self._refresh_timer.start()
