"""The Trash: deleted clients, restored (undoable) or deleted for good (after asking)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import client_bulk

from . import style
from .bridge import bridge
from .client_list.columns import Columns
from .client_list.model import ClientListModel
from .client_list.page import select_ids, selected_ids
from .client_list.view import ClientTableView
from .i18n import plural_s
from .trash_actions import TrashActions
from .undo import run_undoable_or_say

TRASH_COLUMNS = (Columns.NAME, Columns.KIND, Columns.PHONE, Columns.EMAIL, Columns.CITY, Columns.STATUS,
                 Columns.RESPONSIBLE, Columns.CREATED, Columns.DELETED)


class TrashPage(TrashActions, QWidget):
    message = Signal(str)
    """A short report for the status bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("Page")
        self._dirty = True
        self._refresh_timer = QTimer(self, singleShot=True, interval=60)
        title = QLabel(self.tr("Trash"), self)
        title.setObjectName("PageTitle")
        self.hint = QLabel(self.tr("Deleted clients stay here until you restore them or delete them "
                                   "for good."), self)
        self.hint.setObjectName("PageHint")
        self.hint.setWordWrap(True)
        self.model = ClientListModel(self, trash=True)
        self.view = ClientTableView("trash/header", self, optional_columns=TRASH_COLUMNS,
                                    default_hidden=(Columns.KIND, Columns.EMAIL, Columns.CREATED))
        self.view.setModel(self.model)
        self.empty = QLabel(self.tr("No deleted clients."), self)
        self.empty.setObjectName("PageHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.restore_button = QPushButton(style.icon("restore"), self.tr("Restore"), self)
        self.restore_button.setToolTip(self.tr("Put the selected clients back into the list"))
        self.purge_button = QPushButton(style.icon("trash", style.STATUS_COLORS["refused"]),
                                        self.tr("Delete for good…"), self)
        self.purge_button.setToolTip(self.tr("Delete the selected clients with all their history"))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.restore_button)
        top.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        from .trash_files import TrashFiles  # the "Files" section: deleted attachments
        self.files = TrashFiles(self)
        layout.addWidget(self.files)

        if not self.view.restore_header() or self.view.horizontalHeader().sortIndicatorSection() < 0:
            self.view.horizontalHeader().setSortIndicator(Columns.DELETED, Qt.SortOrder.DescendingOrder)

        # wiring
        self.model.reloaded.connect(self.on_model_reloaded)
        self.view.selectionModel().selectionChanged.connect(self.on_view_selection_changed)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.purge_button.clicked.connect(self.on_purge_button_clicked)
        self.files.message.connect(self.message)
        self._refresh_timer.timeout.connect(self.refresh)
        bridge().changed.connect(self.on_bridge_changed)

        self.view.setSortingEnabled(True)
        self.on_view_selection_changed()

    def selected_ids(self) -> list[int]:
        return selected_ids(self.view, self.model)

    def refresh(self) -> None:
        self._refresh_timer.stop()
        self._dirty = False
        selected = self.selected_ids()
        self.model.reload()
        select_ids(self.view, self.model, selected)
        self.on_view_selection_changed()

    def restore(self, ids: list[int]) -> None:
        if run_undoable_or_say(self, self.tr("Restore from trash"), lambda: client_bulk.restore_clients(ids),
                               client_bulk.trash_clients) is not None:
            self.message.emit(plural_s(self.tr("%n client(s) restored.", "", len(ids)), len(ids)))

    def purge(self, ids: list[int]) -> None:
        count = self.confirm_purge(
            self.tr("Delete for good"),
            plural_s(self.tr("Delete %n client(s) for good, with their calls, deals and notes? "
                             "This cannot be undone.", "", len(ids)), len(ids)),
            lambda: client_bulk.purge_clients(ids))
        if count is not None:
            self.message.emit(plural_s(self.tr("%n client(s) deleted for good.", "", count), count))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # ----------------------------------------------------------------- slots

    def on_bridge_changed(self, change) -> None:
        if change.entity not in ("client", "employee", "tag"):
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._dirty = True

    def on_model_reloaded(self) -> None:
        empty = self.model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty)
