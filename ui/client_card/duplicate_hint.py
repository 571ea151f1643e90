""""Already in the base": a bar that names another client with the same phone, e-mail or INN."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.duplicates import Duplicate, find_duplicates
from ui import style

DEBOUNCE_MS = 400


class DuplicateWatcher(QObject):
    """Looks for duplicates a moment after the last keystroke."""

    found = Signal(list)
    """Emitted with the ``Duplicate`` list (possibly empty) after each check."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        self._keys: dict = {}

    def check_later(self, *, phones, emails, inn: str, exclude_id: int | None) -> None:
        self._keys = dict(phones=[p.raw for p in phones], emails=list(emails), inn=inn,
                          exclude_id=exclude_id)
        self.timer.start()

    def on_timer_timeout(self) -> None:
        self.found.emit(find_duplicates(**self._keys, limit=3) if self._keys else [])


class DuplicateHintBar(QFrame):
    open_requested = Signal(int)
    """Emitted with the id of the client the user wants to open instead."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicateHint")
        self.setStyleSheet(style.banner_style("duplicateHint", "#fff3e0", "#ffb74d"))
        self.client_id: int | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open that card"), self)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Hide"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_duplicates(self, duplicates: list[Duplicate]) -> None:
        if not duplicates:
            self.client_id = None
            self.hide()
            return
        first = duplicates[0]
        self.client_id = first.client_id
        reasons = ", ".join(self._reason(r) for r in first.reasons)
        text = self.tr("Already in the base: {name} — {reasons}").format(name=first.name, reasons=reasons)
        if len(duplicates) > 1:
            text += " " + self.tr("(and {} more)").format(len(duplicates) - 1)
        self.label.setText(text)
        self.show()

    def _reason(self, reason: str) -> str:
        for prefix, label in (("phone ", self.tr("phone {}")), ("e-mail ", self.tr("e-mail {}")),
                              ("INN ", self.tr("INN {}"))):
            if reason.startswith(prefix):
                return label.format(reason[len(prefix):])
        return self.tr("similar name") if reason == "similar name" else reason

    def on_open_button_clicked(self) -> None:
        if self.client_id is not None:
            self.open_requested.emit(self.client_id)
