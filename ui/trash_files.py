"""The Trash's "Files" section: deleted attachments (name, card, size, deleted at) with
Restore (undoable) and Delete for good (the owner, after asking)."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from app import attachment_trash
from app.attachments import purge_deleted

from . import style
from .attachments_model import fmt_size
from .bridge import bridge
from .formatting import fmt_datetime
from .i18n import plural_s
from .table_model import ListTableModel
from .trash_actions import TrashActions
from .undo import run_undoable_or_say


class DeletedFilesModel(ListTableModel):
    class Columns(IntEnum):
        NAME = 0
        CARD = 1
        SIZE = 2
        DELETED = 3

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[attachment_trash.DeletedFile] = []
        self._headers = {self.Columns.NAME: self.tr("File"), self.Columns.CARD: self.tr("Card"),
                         self.Columns.SIZE: self.tr("Size"), self.Columns.DELETED: self.tr("Deleted")}

    def row_items(self) -> list:
        return self._rows

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = attachment_trash.deleted_files()
        self.endResetModel()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], self.Columns(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.Columns.NAME:
                return item.filename
            if column == self.Columns.CARD:
                return item.card
            if column == self.Columns.SIZE:
                return fmt_size(item.size)
            return fmt_datetime(item.deleted_at)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.Columns.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.IdRole:
            return item.id
        return None


class TrashFiles(TrashActions, QWidget):
    message = Signal(str)
    """A short report for the status bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("TrashFiles")
        self._refresh_timer = QTimer(self, singleShot=True, interval=60)
        title = QLabel(self.tr("Files"), self)
        title.setObjectName("SectionTitle")
        self.model = DeletedFilesModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("DeletedFiles")
        self.view.setAccessibleName(self.tr("Deleted files"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        for column, width in ((DeletedFilesModel.Columns.NAME, 260), (DeletedFilesModel.Columns.CARD, 300),
                              (DeletedFilesModel.Columns.SIZE, 90)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.setMaximumHeight(self.fontMetrics().height() * 12)
        self.empty = QLabel(self.tr("No deleted files."), self)
        self.empty.setObjectName("PageHint")
        self.restore_button = QPushButton(style.icon("restore"), self.tr("Restore files"), self)
        self.restore_button.setToolTip(self.tr("Put the selected files back on their cards"))
        self.purge_button = QPushButton(style.icon("trash", style.STATUS_COLORS["refused"]),
                                        self.tr("Delete files for good…"), self)
        self.purge_button.setToolTip(self.tr("Delete the selected files for good; a stored copy goes "
                                             "when no other card uses the same file"))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.restore_button)
        top.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)

        self.view.selectionModel().selectionChanged.connect(self.on_view_selection_changed)
        self.model.modelReset.connect(self.on_view_selection_changed)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.purge_button.clicked.connect(self.on_purge_button_clicked)
        self._refresh_timer.timeout.connect(self.refresh)
        bridge().changed.connect(self.on_bridge_changed)
        self.refresh()

    def selected_ids(self) -> list[int]:
        return [i.data(DeletedFilesModel.IdRole) for i in self.view.selectionModel().selectedRows()]

    def refresh(self) -> None:
        self._refresh_timer.stop()
        self.model.reload()
        empty = self.model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty)

    def restore(self, ids: list[int]) -> None:
        if run_undoable_or_say(self, self.tr("Restore files"), lambda: attachment_trash.restore_files(ids),
                               attachment_trash.delete_files) is not None:
            self.message.emit(plural_s(self.tr("%n file(s) restored.", "", len(ids)), len(ids)))

    def purge(self, ids: list[int]) -> None:
        count = self.confirm_purge(
            self.tr("Delete for good"),
            plural_s(self.tr("Delete %n file(s) for good? This cannot be undone.", "", len(ids)), len(ids)),
            lambda: purge_deleted(ids))
        if count is not None:
            self.message.emit(plural_s(self.tr("%n file(s) deleted for good.", "", count), count))

    # ----------------------------------------------------------------- slots

    def on_bridge_changed(self, change) -> None:
        if change.entity in ("attachment", "client", "deal", "employee"):
            self._refresh_timer.start()
