"""Choose a client by typing part of the name (or a phone): ``app.search.search_clients``."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.search import search_clients

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class ClientPicker(QLineEdit):
    """A line edit with a drop-down of matching clients; ``client_id()`` is the choice."""

    client_changed = Signal(object)
    """The chosen client id changed (None: no client)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Type a client's name or phone"))
        self.setClearButtonEnabled(True)
        self._client_id: int | None = None
        self._client_name = ""
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCompletionRole(NAME_ROLE)
        self.completer_.setWidget(self)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self.textEdited.connect(self.on_self_text_edited)
        self._search_timer.timeout.connect(self.search_now)
        self.completer_.activated[QModelIndex].connect(self.on_completer_activated)

    def client_id(self) -> int | None:
        return self._client_id

    def set_client(self, client_id: int | None, name: str = "") -> None:
        changed = client_id != self._client_id
        self._client_id, self._client_name = client_id, name if client_id is not None else ""
        self.setText(self._client_name)
        if changed:
            self.client_changed.emit(client_id)

    def on_self_text_edited(self, text: str) -> None:
        if self._client_id is not None and text != self._client_name:
            self._client_id, self._client_name = None, ""
            self.client_changed.emit(None)
        self._search_timer.start()

    def search_now(self) -> None:
        self._search_timer.stop()
        text = self.text().strip()
        self.matches.clear()
        if len(text) < 2:
            self.completer_.popup().hide()
            return
        for hit in search_clients(text, limit=20):
            extra = ", ".join(p for p in (hit.city, hit.phones[0] if hit.phones else "") if p)
            row = QStandardItem("{} — {}".format(hit.name, extra) if extra else hit.name)
            row.setData(hit.id, ID_ROLE)
            row.setData(hit.name, NAME_ROLE)
            row.setEditable(False)
            self.matches.appendRow(row)
        if self.matches.rowCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def on_completer_activated(self, index: QModelIndex) -> None:
        self.set_client(index.data(ID_ROLE), index.data(NAME_ROLE))
