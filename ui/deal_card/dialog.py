"""The deal card window: the fields, products and services, invoices and payments, and
the history.  Ctrl+S saves; a deal changed elsewhere meanwhile is offered for reload."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QMessageBox, QTabWidget, QVBoxLayout,
                               QWidget)

from app import deals
from app.deal_details import DealData, load_deal, save_deal
from app.deal_lookups import stage_pipeline
from app.errors import ConflictError, KartotekaError, ValidationError
from app.events import Change

from ..bridge import bridge
from ..errors import show_error
from ..funnel.moves import move_deal_interactively
from .form import DealForm
from .history import HistoryPanel
from .invoices import InvoicesEditor
from .lines import LinesEditor


class DealCardDialog(QDialog):
    open_client_requested = Signal(int)
    """The user clicked the client's name (client id)."""
    saved = Signal(int)
    """The deal was saved (deal id); a new deal has its id from now on."""

    def __init__(self, deal_id: int | None = None, client_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DealCard")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(900, 640)
        self.data = DealData(client_id=client_id or 0)
        self._dirty = False
        self._busy = False  # our own save or move: its change events are not news
        self.form = DealForm(self)
        self.lines = LinesEditor(self)
        self.invoices = InvoicesEditor(self)
        self.history = HistoryPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.lines, self.tr("Products and services"))
        self.tabs.addTab(self.invoices, self.tr("Invoices and payments"))
        self.tabs.addTab(self.history, self.tr("History"))
        from ..attachments_panel import AttachmentsPanel  # files: also dropped anywhere on the card
        self.files = AttachmentsPanel(self, "deal")
        self.tabs.addTab(self.files, self.tr("Files"))
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(self.tr("Save (Ctrl+S)"))
        from ..documents_dialog import documents_button  # "Create document…": invoice, proposal…
        self.buttons.addButton(documents_button(self, lambda card: (card.data.client_id, card.deal_id)),
                               QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self._connect()
        if deal_id:
            self.load(deal_id)
        else:
            self.set_data(self.data)

    def _connect(self) -> None:
        self.save_shortcut.activated.connect(self.save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        self.form.edited.connect(self.on_form_edited)
        self.form.stage_chosen.connect(self.on_form_stage_chosen)
        self.form.client_link_clicked.connect(self.open_client_requested)
        self.lines.changed.connect(self.on_form_edited)
        self.invoices.changed.connect(self.on_form_edited)
        bridge().changed.connect(self.on_bridge_changed)

    # ----------------------------------------------------------------- loading

    @property
    def deal_id(self) -> int | None:
        return self.data.id

    def load(self, deal_id: int) -> None:
        self.set_data(load_deal(deal_id))

    def set_data(self, data: DealData) -> None:
        self.data = data
        self.form.set_data(data, stage_pipeline(data.stage_id))
        self.lines.set_lines(data.lines, data.currency)
        self.invoices.set_invoices(data.invoices, data.currency)
        self.invoices.deal_amount = data.amount
        self.history.load(data.id)
        self.history.setEnabled(data.id is not None)
        self.set_dirty(False)
        from ..access_ui import apply_deal_card
        apply_deal_card(self)  # read-only when it is not theirs to change

    def set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        title = self.data.title or self.tr("New deal")
        self.setWindowTitle(self.tr("Deal: {title}").format(title=title) + (" *" if dirty else ""))
        if dirty:
            self.status_label.setText(self.tr("Not saved yet"))

    def is_dirty(self) -> bool:
        return self._dirty

    def collect(self) -> DealData:
        """The deal as the window shows it now."""
        data = self.form.fill(replace(self.data))
        data.lines = self.lines.lines()
        data.invoices = self.invoices.invoices()
        return data

    # ----------------------------------------------------------------- saving

    def save(self) -> bool:
        data = self.collect()
        self._busy = True
        try:
            stored = self._create(data) if data.id is None else save_deal(data)
        except ConflictError:
            self._busy = False
            self.on_conflict()
            return False
        except KartotekaError as exc:
            self._busy = False
            show_error(self, exc)
            return False
        self._busy = False
        self.set_data(stored)
        _open_cards[stored.id] = self
        self.status_label.setText(self.tr("Saved"))
        self.saved.emit(stored.id)
        return True

    def _create(self, data: DealData) -> DealData:
        if not data.client_id:
            raise ValidationError(field="client", detail="choose the client of the deal")
        new_id = deals.create_deal(data.client_id, data.title, data.amount, stage_id=data.stage_id,
                                   expected_close=data.expected_close, responsible_id=data.responsible_id,
                                   contact_id=data.contact_id, probability=data.probability)
        stored = load_deal(new_id)
        if data.lines or data.invoices or data.currency != stored.currency:
            stored.currency, stored.lines, stored.invoices = data.currency, data.lines, data.invoices
            stored = save_deal(stored)
        return stored

    def on_conflict(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("The deal was changed"),
            self.tr("Someone changed this deal elsewhere since you opened it. Load the current version? "
                    "Your changes in this window will be lost."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.load(self.data.id)
            self.status_label.setText(self.tr("Loaded the current version"))

    # ----------------------------------------------------------------- slots

    def on_form_edited(self) -> None:
        self.invoices.deal_amount = self.form.fill(replace(self.data)).amount
        self.set_dirty(True)

    def on_form_stage_chosen(self, stage_id: int) -> None:
        if self.data.id is None or stage_id == self.data.stage_id:
            self.set_dirty(self._dirty or stage_id != self.data.stage_id)
            return
        version = self.data.version
        self._busy = True
        try:
            moved = move_deal_interactively(self, self.data.id, stage_id, self.form.stage_combo.currentText(),
                                            self.form.stage_kind(stage_id), self.data.title)
        finally:
            self._busy = False
        if not moved:
            self.form.set_stage(self.data.stage_id)
            return
        current = load_deal(self.data.id)
        if not self._dirty:
            self.set_data(current)
            return
        self.data.stage_id = stage_id
        if current.version == version + 1:  # only our move happened meanwhile
            self.data.version = current.version
        self.history.load(self.data.id)

    def on_bridge_changed(self, change: Change) -> None:
        if self._busy or self.data.id is None:
            return
        if change.entity == "deal" and (not change.ids or self.data.id in change.ids):
            if not self._dirty:
                try:
                    self.load(self.data.id)
                except KartotekaError:
                    self.status_label.setText(self.tr("This deal was deleted"))
            else:
                self.status_label.setText(self.tr("Changed elsewhere meanwhile: saving will ask what to do"))
        elif change.entity == "activity":
            self.history.activities_model.load(self.data.id)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Save the changes to this deal?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel or \
                    (answer == QMessageBox.StandardButton.Save and not self.save()):
                event.ignore()
                return
        if _open_cards.get(self.data.id) is self:
            del _open_cards[self.data.id]
        super().closeEvent(event)


_open_cards: dict[int, DealCardDialog] = {}


def open_deal_card(parent: QWidget | None, deal_id: int | None = None,
                   client_id: int | None = None) -> DealCardDialog:
    """Show a deal's card (raising it when it is already open), or a new deal's card,
    pre-filled with the client when ``client_id`` is given.  Non-modal."""
    card = _open_cards.get(deal_id) if deal_id else None
    if card is None:
        try:
            if deal_id:
                load_deal(deal_id)  # a colleague's deal (or one deleted meanwhile) is refused: say why
        except KartotekaError as exc:
            show_error(parent, exc)
            return None
        card = DealCardDialog(deal_id, client_id, parent)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if deal_id:
            _open_cards[deal_id] = card
    card.show()
    card.raise_()
    card.activateWindow()
    return card
