"""The client card: a non-modal window per client.  This module builds and wires it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from app.card_lookups import custom_fields
from app.clients import ClientData, load_client
from app.context import current_employee_id
from app.errors import ConflictError, KartotekaError, ValidationError
from ui.bridge import bridge
from ui.errors import message, show_error
from ui.widgets.a11y import tab_chain

from .activity_actions import ActivityActions
from .card_state import CardState
from .changed_banner import ChangedBanner
from .conflict_dialog import ConflictDialog, merge
from .contacts_editor import ContactsEditor
from .deals_panel import DealsPanel
from .details_form import DetailsForm
from .duplicate_hint import DuplicateHintBar, DuplicateWatcher
from .header import CardHeader
from .phones_editor import mark_invalid
from .quick_log import QuickLogBar
from .saving import create_undoable, update_undoable
from .timeline import TimelineView

_open_cards: dict[int, "ClientCardDialog"] = {}


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; they scroll into view
    area.setWidget(widget)
    return area


class ClientCardDialog(ActivityActions, QDialog):
    """One client's card.  ``client_id=None`` makes a new client."""

    def __init__(self, client_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.state = CardState(load_client(client_id) if client_id
                               else ClientData(responsible_id=current_employee_id()))
        self._build()
        self._connect()
        self.load_base()
        self.resize(1180, 700)
        if client_id is None:
            self.details.name_edit.setFocus()

    @property
    def client_id(self) -> int | None:
        return self.state.base.id

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.header = CardHeader(self)
        self.details = DetailsForm(custom_fields("client"), self)
        self.details.hide()
        self.contacts = ContactsEditor(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scrolled(self.details.main_page), self.tr("Card"))
        self.tabs.addTab(self.contacts, self.tr("Contact persons"))
        self.tabs.addTab(_scrolled(self.details.more_page), self.tr("More"))
        from ui.attachments_panel import AttachmentsPanel  # files: also dropped anywhere on the card
        self.files = AttachmentsPanel(self, "client")
        self.tabs.addTab(self.files, self.tr("Files"))
        from .history_tab import HistoryTab  # who changed what (audit), filterable by employee
        self.history = HistoryTab(self)
        self.tabs.addTab(self.history, self.tr("History"))
        self.quick_log = QuickLogBar(self)
        self.timeline = TimelineView(self)
        self.complete_button = QPushButton(self.tr("Complete…"), self)
        self.complete_button.setEnabled(False)
        self.complete_button.setToolTip(self.tr("Mark the selected planned activity done and write down the result"))
        self.deals = DealsPanel(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.quick_log)
        timeline_head = QHBoxLayout()
        timeline_head.addWidget(QLabel("<b>{}</b>".format(self.tr("Timeline")), right), 1)
        timeline_head.addWidget(self.complete_button)
        right_layout.addLayout(timeline_head)
        right_layout.addWidget(self.timeline, 1)
        self.new_deal_button = QPushButton(self.tr("New deal…"), right)
        self.new_deal_button.setToolTip(self.tr("A deal for this client (save a new client first)"))
        deals_title = QHBoxLayout()
        deals_title.addWidget(QLabel("<b>{}</b>".format(self.tr("Deals")), right))
        deals_title.addStretch(1)
        deals_title.addWidget(self.new_deal_button)
        right_layout.addLayout(deals_title)
        right_layout.addWidget(self.deals)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        self.hint = DuplicateHintBar(self)
        self.watcher = DuplicateWatcher(self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save the card (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setToolTip(self.tr("Print the card: details, contact persons, deals and history (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        for button in (self.save_button, self.close_button, self.complete_button, self.print_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        from ui.mail_actions import send_email_button
        email_button = send_email_button(self)
        buttons.addWidget(email_button)
        from ui.documents_dialog import documents_button  # "Create document…": proposal, invoice…
        document_button = documents_button(self, lambda card: (card.client_id, None))
        buttons.addWidget(document_button)
        tab_chain(self.print_button, email_button, document_button, self.save_button, self.close_button)
        buttons.addWidget(self.message_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        self.changed_banner = ChangedBanner(self)  # "Changed by someone else — Reload"
        layout.addWidget(self.changed_banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.new_deal_button.clicked.connect(self.on_new_deal_button_clicked)
        self.deals.deal_activated.connect(self.on_deals_deal_activated)
        self.close_button.clicked.connect(self.on_close_button_clicked)
        self.details.changed.connect(self.on_details_changed)
        self.details.kind_changed.connect(self.on_details_kind_changed)
        self.details.keys_changed.connect(self.on_details_keys_changed)
        self.details.phones.call_requested.connect(self.on_phones_call_requested)
        self.details.emails.write_requested.connect(self.on_emails_write_requested)
        self.contacts.changed.connect(self.on_details_changed)
        self.contacts.changed.connect(self.on_details_keys_changed)
        self.contacts.call_requested.connect(self.on_contacts_call_requested)
        self.contacts.write_requested.connect(self.on_contacts_write_requested)
        self.header.link_activated.connect(self.on_header_link_activated)
        self.quick_log.submitted.connect(self.on_quick_log_submitted)
        self.timeline.complete_requested.connect(self.on_timeline_complete_requested)
        self.timeline.clicked.connect(self.on_timeline_clicked)
        self.complete_button.clicked.connect(self.on_complete_button_clicked)
        self.watcher.found.connect(self.hint.show_duplicates)
        self.hint.open_requested.connect(self.on_hint_open_requested)
        self.finished.connect(self.on_self_finished)
        self._bridge = bridge()
        self._bridge.changed.connect(self.on_bridge_changed)

    # --- state -----------------------------------------------------------------------
    def current_data(self) -> ClientData:
        """The client as the form shows it now (based on the version the card holds)."""
        data = self.details.collect(self.state.base)
        data.contacts = self.contacts.items()
        return data

    def is_dirty(self) -> bool:
        return self.state.differs(self.current_data())

    def load_base(self) -> None:
        """Show ``state.base`` in every part of the card."""
        base = self.state.base
        self.details.set_data(base)
        self.contacts.set_items(base.contacts)
        self.refresh_activity()
        self.deals.load(base.id)
        self.new_deal_button.setEnabled(base.id is not None)
        self.print_button.setEnabled(base.id is not None)
        self.update_title()
        from ui.access_ui import apply_client_card
        apply_client_card(self)  # read-only when it is not theirs to change

    def refresh_activity(self) -> None:
        self.timeline.load(self.client_id)
        self.header.show_client(self.current_data(), self.timeline.timeline_model.entries)
        self.complete_button.setEnabled(self.timeline.selected_planned_id() is not None)

    def update_title(self) -> None:
        name = self.state.base.name or self.tr("New client")
        self.setWindowTitle(self.tr("{name} — client card").format(name=name) + (" *" if self.is_dirty() else ""))

    def show_message(self, text: str, error: bool = True) -> None:
        self.message_label.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- saving ----------------------------------------------------------------------
    def save(self) -> bool:
        """Save through the app services (undoable); True when saved."""
        data = self.current_data()
        self.show_message("")
        for name in ("name", "inn", "refusal_reason"):
            mark_invalid(self.details.field_widget(name), None)
        self.state.saving = True
        try:
            if data.id is None:
                saved = create_undoable(data)
            else:
                saved = update_undoable(self.state.base, data)
        except ValidationError as exc:
            self.state.saving = False
            return self._show_validation(exc)
        except ConflictError:
            self.state.saving = False
            return self._resolve_conflict(data)
        except KartotekaError as exc:
            self.state.saving = False
            show_error(self, exc)
            return False
        self.state.saving = False
        self._after_save(saved)
        return True

    def _after_save(self, saved: ClientData) -> None:
        if saved.id not in _open_cards:
            _open_cards[saved.id] = self
        self.state.base = saved
        self.load_base()
        bad = [p for p in saved.phones + [p for c in saved.contacts for p in c.phones] if not p.valid]
        if bad:
            self.show_message(self.tr("Saved. Not recognised, kept as typed: {}")
                              .format(", ".join(p.raw for p in bad)), error=False)
        else:
            self.show_message(self.tr("Saved."), error=False)

    def _show_validation(self, exc: ValidationError) -> bool:
        field = exc.params.get("field")
        widget = self.details.field_widget(field)
        if widget is not None:
            mark_invalid(widget, message(exc))
            self.tabs.setCurrentIndex(0)
            widget.setFocus()
        self.show_message(message(exc))
        return False

    def _resolve_conflict(self, mine: ClientData) -> bool:
        theirs = load_client(mine.id)
        dialog = ConflictDialog(self.state.base, mine, theirs, self)
        if not dialog.keys:
            merged = merge(mine, theirs, set())
        elif dialog.exec() == QDialog.DialogCode.Accepted:
            merged = dialog.merged()
        else:
            self.show_message(self.tr("Not saved: the client was changed by someone else."))
            return False
        self.state.base = theirs
        self.details.set_data(merged)
        self.contacts.set_items(merged.contacts)
        return self.save()

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(self, self.tr("Unsaved changes"),
                                    self.tr("The card has unsaved changes. Save them?"), buttons,
                                    QMessageBox.StandardButton.Save)

    def reject(self) -> None:  # Esc and the window's close button come here
        if self.is_dirty():
            answer = self.ask_save_changes()
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.save()):
                return
        super().reject()

    # --- slots -----------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Save):  # Ctrl+S from any field of the card
            event.accept()
            self.save()
            return
        super().keyPressEvent(event)

    def on_save_button_clicked(self) -> None:
        self.save()

    def on_print_button_clicked(self):
        """Print the card as saved (offering to save the changes first)."""
        if self.is_dirty():
            answer = self.ask_save_changes()
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.save()):
                return None
        from ui.help import interface_language
        from ui.reports.printing import print_client_card
        return print_client_card(self, self.client_id, interface_language())

    def on_close_button_clicked(self) -> None:
        self.reject()

    def on_details_changed(self) -> None:
        self.update_title()

    def on_details_kind_changed(self, kind: str) -> None:
        self.tabs.setTabEnabled(1, kind == "company")

    def on_details_keys_changed(self) -> None:
        data = self.current_data()
        phones = data.phones + [p for c in data.contacts for p in c.phones]
        emails = data.emails + [e for c in data.contacts for e in c.emails]
        self.watcher.check_later(phones=phones, emails=emails, inn=data.inn, exclude_id=self.client_id)

    def on_hint_open_requested(self, client_id: int) -> None:
        open_client_card(self.parentWidget(), client_id)

    def on_new_deal_button_clicked(self) -> None:
        from ui.deal_card import open_deal_card
        open_deal_card(self, None, client_id=self.client_id)

    def on_deals_deal_activated(self, deal_id: int) -> None:
        from ui.deal_card import open_deal_card
        open_deal_card(self, deal_id)

    def on_bridge_changed(self, change) -> None:
        if self.client_id is None or self.state.saving:
            return
        if change.entity == "activity":
            self.refresh_activity()
        elif change.entity == "deal":
            self.deals.load(self.client_id)
        elif change.entity == "client" and self.client_id in change.ids:
            self._on_client_changed(change.action)

    def _on_client_changed(self, action: str) -> None:
        try:
            fresh = load_client(self.client_id)
        except KartotekaError:
            fresh = None
        if fresh is None or (fresh.deleted_at is not None and not self.is_dirty()):
            self.reject()
            return
        if self.is_dirty():
            self.state.sync_contact_dates(fresh)
        else:
            self.state.base = fresh
            self.load_base()
            return
        self.refresh_activity()

    def on_self_finished(self, _result: int) -> None:
        try:
            self._bridge.changed.disconnect(self.on_bridge_changed)
        except (RuntimeError, TypeError):  # the bridge was replaced (another database)
            pass
        if _open_cards.get(self.client_id) is self:
            del _open_cards[self.client_id]
        self.deleteLater()


def open_client_card(parent: QWidget | None, client_id: int | None = None) -> ClientCardDialog:
    """Show the card of a client (a new one when ``client_id`` is None), once per client."""
    card = _open_cards.get(client_id) if client_id is not None else None
    if card is None:
        card = ClientCardDialog(client_id, parent)
        if client_id is not None:
            _open_cards[client_id] = card
    card.show()
    card.raise_()
    card.activateWindow()
    return card
