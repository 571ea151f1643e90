"""A card's files: add them (Add… or drag and drop onto the panel or anywhere on the card),
open one with the system's program, save a copy, send by e-mail, delete (Ctrl+Z brings it
back).  The work is done by ``app.attachments``; adding runs in a worker thread."""
from __future__ import annotations

import weakref

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from app import attachments
from app.errors import KartotekaError

from . import style
from .attachments_model import AttachmentsModel
from .bridge import bridge
from .errors import message, show_error
from .undo import run_undoable, undo_stack
from .workers import run_in_worker

LAST_FOLDER_KEY = "attachments/last_folder"
open_url = QDesktopServices.openUrl
"""Opens a file or link with the system's program (tests replace it)."""


def local_files(mime) -> list[Path]:
    """The local files dragged (links to web pages and text are not files)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class AttachmentsPanel(QWidget):
    files_added = Signal(list)
    """Files were attached (their attachment ids)."""

    @property
    def _card(self):
        return self._card_ref()

    def __init__(self, card: QWidget, kind: str = "client"):
        super().__init__(card)
        self._card_ref, self._kind = weakref.ref(card), kind  # no cycle: the card must be freed when closed
        self._loaded_owner: dict | None = None
        self._task = None
        self.model = AttachmentsModel(self)
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Files"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(AttachmentsModel.Columns.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((AttachmentsModel.Columns.SIZE, 72), (AttachmentsModel.Columns.ADDED, 88),
                              (AttachmentsModel.Columns.DEAL, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.setColumnHidden(AttachmentsModel.Columns.DEAL, kind != "client")
        self.add_button = QPushButton(style.icon("plus"), self.tr("Add…"), self)
        self.add_button.setToolTip(self.tr("Attach files (or drop them onto the card)"))
        self.open_button = QPushButton(self.tr("Open"), self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.email_button = QPushButton(self.tr("E-mail…"), self)
        self.email_button.setToolTip(self.tr("Send the selected files with your mail program"))
        self.delete_button = QPushButton(style.icon("trash"), "", self)
        self.delete_button.setToolTip(self.tr("Delete the selected files (Del; Ctrl+Z brings them back)"))
        self.delete_button.setAccessibleName(self.tr("Delete files"))
        self.hint = QLabel(self)
        self.hint.setObjectName("PageHint")
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(4)
        for button in (self.add_button, self.open_button, self.save_button, self.email_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        top.addStretch(1)
        self.delete_button.setAutoDefault(False)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view,
                                         context=Qt.ShortcutContext.WidgetShortcut)
        self.undo_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self,
                                       context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setAcceptDrops(True)
        card.setAcceptDrops(True)
        card.installEventFilter(self)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.email_button.clicked.connect(self.email_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_shortcut.activated.connect(self.delete_selected)
        self.undo_shortcut.activated.connect(self.on_undo_shortcut_activated)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        bridge().changed.connect(self.on_bridge_changed)
        self.reload()

    # --- what the panel shows ----------------------------------------------------------
    def owner(self) -> dict:
        """{"client_id": …} or {"deal_id": …}; empty while the card is not saved."""
        if self._kind == "deal":
            deal_id = getattr(self._card, "deal_id", None)
            return {"deal_id": deal_id} if deal_id else {}
        client_id = getattr(self._card, "client_id", None)
        return {"client_id": client_id} if client_id else {}

    def client_id(self) -> int | None:
        if self._kind == "deal":
            return getattr(getattr(self._card, "data", None), "client_id", None) or None
        return getattr(self._card, "client_id", None)

    def reload(self) -> None:
        owner = self.owner()
        selected = set(self.selected_ids())
        self._loaded_owner = owner
        try:
            rows = attachments.list_for(**owner) if owner else []
        except KartotekaError as exc:
            rows = []
            self.show_note(message(exc), error=True)
        self.model.set_rows(rows)
        self.select_ids(selected)
        self.update_buttons()
        if not owner:
            self.show_note(self.tr("Save the card first: files are attached to a saved card."))
        elif not rows:
            self.show_note(self.tr("No files yet. Drop files here or anywhere on the card, or press Add…"))
        else:
            self.show_note(self.tr("Drop files here or anywhere on the card to attach them."))

    def show_note(self, text: str, error: bool = False) -> None:
        self.hint.setStyleSheet("color: #c62828;" if error else "")
        self.hint.setText(text)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.row_items()[r]["id"] for r in rows if r < len(self.model.row_items())]

    def select_ids(self, ids) -> None:
        selection = QItemSelection()
        for row, item in enumerate(self.model.row_items()):
            if item["id"] in ids:
                selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def update_buttons(self, *_args) -> None:
        has_owner, busy = bool(self.owner()), self._task is not None
        count = len(self.view.selectionModel().selectedRows())
        self.add_button.setEnabled(has_owner and not busy)
        self.open_button.setEnabled(count == 1)
        self.save_button.setEnabled(count >= 1)
        self.delete_button.setEnabled(count >= 1)
        self.email_button.setEnabled(has_owner)

    # --- adding --------------------------------------------------------------------------
    def add_files(self, paths) -> bool:
        """Attach the files in a worker thread; False when they cannot be added now."""
        owner, paths = self.owner(), [Path(p) for p in paths]
        if not owner:
            self.show_note(self.tr("Save the card first, then add the files again."), error=True)
            return False
        if self._task is not None or not paths:
            return False

        def job(progress, _cancelled):
            added, errors = [], []
            for n, path in enumerate(paths, 1):
                try:
                    added.append(attachments.add_file(path, **owner))
                except KartotekaError as exc:
                    errors.append(exc)
                progress(n, len(paths))
            return added, errors

        self.show_note(self.tr("Adding files…"))
        self._task = run_in_worker(job, on_done=self.on_task_done, on_error=self.on_task_failed, parent=self)
        self.update_buttons()
        return True

    def on_task_done(self, result) -> None:
        added, errors = result
        self._task = None
        self.reload()
        self.select_ids(set(added))
        if errors:
            self.show_note("\n".join(message(exc) for exc in errors), error=True)
        elif added:
            self.show_note(self.tr("Added: {n}.").format(n=len(added)))
        self.files_added.emit(added)

    def on_task_failed(self, exc: BaseException) -> None:
        self._task = None
        self.reload()
        self.show_note(message(exc), error=True)

    def on_add_button_clicked(self) -> None:
        folder = str(QSettings().value(LAST_FOLDER_KEY, "") or Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), folder)
        if paths:
            QSettings().setValue(LAST_FOLDER_KEY, str(Path(paths[0]).parent))
            self.add_files(paths)

    # --- drag and drop (onto the panel, or anywhere on the card) -----------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self._card and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            self.dragEnterEvent(event)
            return event.isAccepted()
        if watched is self._card and event.type() == QEvent.Type.Drop:
            self.dropEvent(event)
            return event.isAccepted()
        return False

    # --- open, save, e-mail, delete ----------------------------------------------------
    def _rows(self) -> list[dict]:
        wanted = set(self.selected_ids())
        return [r for r in self.model.row_items() if r["id"] in wanted]

    def open_selected(self) -> None:
        for row in self._rows()[:1]:
            try:
                folder = Path(tempfile.mkdtemp(prefix="kartoteka-open-"))
                copy = attachments.export(row["id"], folder / attachments.safe_filename(row["filename"]))
            except KartotekaError as exc:
                show_error(self, exc)
                return
            except OSError as exc:
                self.show_note(str(exc), error=True)
                return
            if not open_url(QUrl.fromLocalFile(str(copy))):
                self.show_note(self.tr("No program on this computer opens {name}. Use Save as… instead.")
                               .format(name=row["filename"]), error=True)

    def save_selected(self) -> None:
        rows = self._rows()
        if not rows:
            return
        folder = Path(str(QSettings().value(LAST_FOLDER_KEY, "") or Path.home()))
        if len(rows) == 1:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the file"),
                                                  str(folder / attachments.safe_filename(rows[0]["filename"])))
            targets = [(rows[0], Path(path))] if path else []
        else:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Save copies of the files into"), str(folder))
            targets = [(r, Path(chosen) / attachments.safe_filename(r["filename"])) for r in rows] if chosen else []
        try:
            for row, target in targets:
                attachments.export(row["id"], target)
        except KartotekaError as exc:
            show_error(self, exc)
            return
        if targets:
            QSettings().setValue(LAST_FOLDER_KEY, str(targets[0][1].parent))
            self.show_note(self.tr("Saved: {path}").format(path=str(targets[0][1] if len(targets) == 1
                                                                     else targets[0][1].parent)))

    def email_selected(self) -> None:
        from .mail_actions import send_email
        rows = self._rows()
        try:
            files = [(attachments.file_path(r["id"]), r["filename"]) for r in rows]
        except KartotekaError as exc:
            show_error(self, exc)
            return
        deal_id = self.owner().get("deal_id")
        subject = rows[0]["filename"] if len(rows) == 1 else ""
        send_email(self, self.client_id(), deal_id, files=files, subject=subject,
                   attachment_ids=[r["id"] for r in rows])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            run_undoable(self.tr("Delete files"), lambda: [attachments.delete(i) for i in ids],
                         lambda done: [attachments.restore(i) for i in done])
        except KartotekaError as exc:
            show_error(self, exc)
            return
        self.show_note(self.tr("Deleted. Ctrl+Z brings the files back."))

    # --- slots ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.owner() != self._loaded_owner:  # the card was loaded or saved meanwhile
            self.reload()

    def on_view_double_clicked(self, _index) -> None:
        self.open_selected()

    def on_bridge_changed(self, change) -> None:
        if change.entity == "attachment" or (
                change.entity in ("client", "deal") and self.owner() != self._loaded_owner) or (
                change.entity == "deal" and self._kind == "client"):
            self.reload()

    def on_undo_shortcut_activated(self) -> None:
        undo_stack().undo()
