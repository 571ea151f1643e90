"""Someone saved the client while this card was open: choose, field by field, what to keep."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFrame, QGridLayout, QLabel,
                               QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from app.card_lookups import custom_fields, employee_names
from app.clients import ClientData
from app.phones import format_phone
from ui.formatting import fmt_date, fmt_datetime
from ui.widgets.labels import client_status_labels


def conflicting_fields(base: ClientData, mine: ClientData, theirs: ClientData) -> list[str]:
    """Fields changed elsewhere since the card was opened whose value differs from mine."""
    b, m, t = base.comparable(), mine.comparable(), theirs.comparable()
    return [k for k in t if t[k] != b.get(k) and t[k] != m.get(k)]


def merge(mine: ClientData, theirs: ClientData, take_theirs: set[str]) -> ClientData:
    """My edits on top of their version, with the chosen fields taken from theirs."""
    out = copy.deepcopy(mine)
    for key in take_theirs:
        setattr(out, key, copy.deepcopy(getattr(theirs, key)))
    out.version = theirs.version
    return out


class ConflictDialog(QDialog):
    """Lists the fields changed elsewhere: theirs vs yours, a choice per field."""

    def __init__(self, base: ClientData, mine: ClientData, theirs: ClientData,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("The client was changed by someone else"))
        self.mine, self.theirs = mine, theirs
        self.keys = conflicting_fields(base, mine, theirs)
        self._names = employee_names([mine.responsible_id, theirs.responsible_id])
        self._custom = {f.id: f.name for f in custom_fields("client")}
        mine_changed = set(k for k, v in mine.comparable().items() if v != base.comparable().get(k))
        intro = QLabel(self.tr("Since you opened this card, someone saved other values. "
                               "Choose what to keep for each field; then the card is saved "
                               "on top of their version."), self)
        intro.setWordWrap(True)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(16)
        for col, text in enumerate((self.tr("Field"), self.tr("Theirs (saved)"), self.tr("Yours"))):
            label = QLabel("<b>{}</b>".format(text), grid_host)
            grid.addWidget(label, 0, col)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, key in enumerate(self.keys, start=1):
            theirs_radio = QRadioButton(self._show(key, theirs), grid_host)
            mine_radio = QRadioButton(self._show(key, mine), grid_host)
            group = QButtonGroup(self)
            group.addButton(theirs_radio)
            group.addButton(mine_radio)
            (mine_radio if key in mine_changed else theirs_radio).setChecked(True)
            grid.addWidget(QLabel(self._field_name(key), grid_host), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(theirs_radio, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mine_radio, row, 2, Qt.AlignmentFlag.AlignTop)
            self.choices[key] = (theirs_radio, mine_radio)
        grid.setRowStretch(len(self.keys) + 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        self.keep_mine_button = QPushButton(self.tr("Keep all mine"), self)
        self.take_theirs_button = QPushButton(self.tr("Take all theirs"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.take_theirs_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.keep_mine_button.clicked.connect(self.on_keep_mine_button_clicked)
        self.take_theirs_button.clicked.connect(self.on_take_theirs_button_clicked)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(720, min(160 + 48 * len(self.keys), 560))

    def on_keep_mine_button_clicked(self) -> None:
        for _theirs, mine in self.choices.values():
            mine.setChecked(True)

    def on_take_theirs_button_clicked(self) -> None:
        for theirs, _mine in self.choices.values():
            theirs.setChecked(True)

    def merged(self) -> ClientData:
        """What to save: my edits, the chosen fields from theirs, at their version."""
        take = {k for k, (theirs, _mine) in self.choices.items() if theirs.isChecked()}
        return merge(self.mine, self.theirs, take)

    # --- showing values ----------------------------------------------------------------
    def _field_name(self, key: str) -> str:
        names = {
            "kind": self.tr("Kind"), "name": self.tr("Name"), "inn": self.tr("INN"), "kpp": self.tr("KPP"),
            "address": self.tr("Address"), "city": self.tr("City"), "region": self.tr("Region"),
            "source": self.tr("Source"), "segment": self.tr("Segment"), "status": self.tr("Status"),
            "refusal_reason": self.tr("Refusal reason"), "responsible_id": self.tr("Responsible"),
            "campaign_id": self.tr("Campaign"), "next_contact_at": self.tr("Next contact"),
            "birthday": self.tr("Birthday"), "notes": self.tr("Notes"), "phones": self.tr("Phones"),
            "emails": self.tr("E-mails"), "tags": self.tr("Tags"), "contacts": self.tr("Contact persons"),
            "custom": self.tr("Other fields"),
        }
        return names.get(key, key)

    def _show(self, key: str, data: ClientData) -> str:
        value = getattr(data, key)
        if key == "status":
            text = client_status_labels().get(value, value)
        elif key == "kind":
            text = self.tr("Company") if value == "company" else self.tr("Person")
        elif key == "responsible_id":
            text = self._names.get(value, "") if value is not None else ""
        elif key == "next_contact_at":
            text = fmt_datetime(value)
        elif key == "birthday":
            text = fmt_date(value)
        elif key == "phones":
            text = "\n".join(format_phone(p.e164, p.raw) for p in value)
        elif key == "contacts":
            text = "\n".join(" — ".join(x for x in (c.name, c.position) if x) for c in value)
        elif key == "custom":
            text = "\n".join("{}: {}".format(self._custom.get(k, k), v) for k, v in sorted(value.items()))
        elif isinstance(value, list):
            text = ", ".join(value)
        else:
            text = str(value or "")
        text = text if len(text) <= 300 else text[:300] + "…"
        return text or self.tr("(empty)")
