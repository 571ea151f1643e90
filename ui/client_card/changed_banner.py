""""Changed by someone else — Reload": a calm bar on a card whose client was saved elsewhere
(another window, another computer) after the card loaded it.

The card's edits are never replaced behind the user's back: Reload asks first when there
are unsaved edits, and saving without reloading still goes through the conflict dialog.
"""
from __future__ import annotations

import weakref

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app.changes import stored_version
from app.clients import load_client
from app.errors import KartotekaError
from ui import style
from ui.bridge import bridge


class ChangedBanner(QFrame):
    @property
    def _card(self):
        return self._card_ref()

    def __init__(self, card: QWidget):
        super().__init__(card)
        self._card_ref = weakref.ref(card)  # no cycle: the card must be freed when closed
        self.setObjectName("changedBanner")
        self.setStyleSheet(style.banner_style("changedBanner", "#e3f2fd", "#90caf9"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setAutoDefault(False)
        self.reload_button.setToolTip(self.tr("Show the client as it is saved now"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        self.reload_button.clicked.connect(self.on_reload_button_clicked)
        bridge().changed.connect(self.on_bridge_changed)
        self.hide()

    def check(self) -> None:
        """Show or hide the bar after comparing the card's version with the stored one."""
        base = self._card.state.base
        if base.id is None or self._card.state.saving:
            return
        stored = stored_version("client", base.id)
        if stored == base.version:
            self.hide()
            return
        if stored is None:
            self.label.setText(self.tr("Moved to the trash by someone else."))
        elif self._card.is_dirty():
            self.label.setText(self.tr("Changed by someone else. Your edits are kept: saving "
                                       "will show both versions, or reload to see theirs."))
        else:
            self.label.setText(self.tr("Changed by someone else."))
        self.reload_button.setVisible(stored is not None)
        self.show()

    def on_bridge_changed(self, change) -> None:
        if change.entity == "client" and (not change.ids or self._card.client_id in change.ids):
            QTimer.singleShot(0, self, self.check)  # after the card has taken its own save in

    def on_reload_button_clicked(self) -> None:
        card = self._card
        if card.is_dirty() and QMessageBox.question(
                card, self.tr("Reload"), self.tr("Discard your unsaved edits and show the client as "
                                                 "it is saved now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        try:
            card.state.base = load_client(card.client_id)
        except KartotekaError:
            self.check()
            return
        card.load_base()
        self.hide()
