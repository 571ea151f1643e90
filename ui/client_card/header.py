"""The card's header: name, status, a red badge while a complaint is unresolved, the last
contact and what was said, the next step."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from app.activities import open_complaints
from app.clients import ClientData
from app.phones import format_phone
from db.models import utcnow
from ui.formatting import fmt_datetime
from ui.i18n import plural_s
from ui.widgets.labels import CLIENT_STATUS_COLORS, OVERDUE_COLOR, client_status_labels

from .timeline import COMPLAINT_COLOR, Entry, resolve_complaints

BADGE_STYLE = """
#ComplaintBadge { background: %(c)s; border-radius: 9px; }
#ComplaintBadge QLabel { color: white; font-weight: bold; background: transparent; }
#ComplaintBadge QToolButton { color: %(c)s; background: white; border: none; border-radius: 6px;
                              padding: 1px 8px; font-weight: bold; }
#ComplaintBadge QToolButton:hover { background: #ffebee; }
#ComplaintBadge QToolButton::menu-indicator { image: none; width: 0; }
""" % {"c": COMPLAINT_COLOR}


class ComplaintBadge(QFrame):
    """"⚠ Unresolved complaint" with the complaint in its tooltip and a button that marks it
    resolved (one complaint), or a menu to pick which (several).  Hidden when none is open."""

    resolved = Signal()
    """Emitted after the user marked complaints resolved."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ComplaintBadge")
        self.setStyleSheet(BADGE_STYLE)
        self.ids: list[int] = []
        self.label = QLabel(self)
        self.resolve_button = QToolButton(self)
        self.resolve_button.setText(self.tr("Mark resolved"))
        self.resolve_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.resolve_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 4, 3)
        row.setSpacing(8)
        row.addWidget(self.label)
        row.addWidget(self.resolve_button)
        self.resolve_button.clicked.connect(self.on_resolve_button_clicked)
        self.hide()

    def show_complaints(self, complaints) -> None:
        """``complaints``: the client's open negative feedback (``app.activities.open_complaints``)."""
        self.ids = [c.id for c in complaints]
        self.setVisible(bool(self.ids))
        if not self.ids:
            return
        count = len(self.ids)
        self.label.setText("⚠ " + (self.tr("Unresolved complaint") if count == 1 else
                                   plural_s(self.tr("%n unresolved complaint(s)", "", count), count)))
        lines = [self._line(c) for c in complaints]
        self.setToolTip("\n".join(lines))
        self.label.setToolTip(self.toolTip())
        self.resolve_button.setToolTip(
            self.tr("The complaint was dealt with: remove the mark (Edit → Undo takes it back)"))
        old = self.resolve_button.menu()
        self.resolve_button.setText(self.tr("Mark resolved") + ("" if count == 1 else " ▾"))
        if count == 1:
            self.resolve_button.setMenu(None)
        else:
            menu = QMenu(self.resolve_button)
            for complaint, line in zip(complaints, lines):
                menu.addAction(line[:90], lambda cid=complaint.id: self.resolve([cid]))
            menu.addSeparator()
            menu.addAction(self.tr("All of them"), lambda: self.resolve(list(self.ids)))
            self.resolve_button.setMenu(menu)
            self.resolve_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        if old is not None:
            old.deleteLater()

    def _line(self, complaint) -> str:
        said = " ".join((complaint.result or complaint.subject or "").split())
        return "{} — {}".format(fmt_datetime(complaint.done_at or complaint.created_at),
                                said or self.tr("(nothing written)"))

    def resolve(self, ids: list[int]) -> None:
        if resolve_complaints(self.window(), ids):
            self.resolved.emit()

    def on_resolve_button_clicked(self) -> None:
        if self.resolve_button.menu() is None and self.ids:
            self.resolve(list(self.ids))


class CardHeader(QFrame):
    link_activated = Signal(str)
    """Emitted with a tel: or mailto: link the user clicked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.complaint_badge = ComplaintBadge(self)
        self._client_id: int | None = None
        self.last_label = QLabel(self)
        self.next_label = QLabel(self)
        self.links_label = QLabel(self)
        for label in (self.last_label, self.next_label, self.links_label):
            label.setTextFormat(Qt.TextFormat.RichText)
        self.last_label.setWordWrap(True)
        self.links_label.setWordWrap(True)
        self.links_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.links_label.setOpenExternalLinks(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 0, 4, 4)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.status_label, 0, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.complaint_badge, 0, 2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.links_label, 1, 0, 1, 3)
        grid.addWidget(self.last_label, 2, 0, 1, 3)
        grid.addWidget(self.next_label, 3, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self.links_label.linkActivated.connect(self.link_activated)
        self.complaint_badge.resolved.connect(self.refresh_complaints)

    def show_client(self, data: ClientData, entries: list[Entry]) -> None:
        self.name_label.setText(data.name or self.tr("New client"))
        color = CLIENT_STATUS_COLORS.get(data.status, "#757575")
        self.status_label.setText(client_status_labels().get(data.status, data.status))
        self.status_label.setStyleSheet("QLabel { background: %s; color: white; border-radius: 8px;"
                                        " padding: 1px 8px; font-weight: bold; }" % color)
        links = ['<a href="tel:{}">☎ {}</a>'.format(escape(p.e164), escape(format_phone(p.e164)))
                 if p.e164 else "☎ {}".format(escape(p.raw)) for p in data.phones]
        links += ['<a href="mailto:{0}">✉ {0}</a>'.format(escape(e)) for e in data.emails]
        self.links_label.setText("&nbsp;&nbsp; ".join(links))
        self.links_label.setVisible(bool(links))
        self._client_id = data.id
        self.refresh_complaints()
        if data.id is None:
            self.last_label.setText(self.tr("Fill in the card and save it (Ctrl+S)."))
            self.next_label.setText("")
            return
        done = next((e for e in entries if e.status == "done"), None)
        if done is None:
            self.last_label.setText(self.tr("No contacts yet."))
        else:
            said = " ".join(done.result.split()) or done.subject
            text = "<b>{}</b> {}".format(escape(self.tr("Last contact:")), escape(fmt_datetime(done.when)))
            if said:
                text += " — «{}»".format(escape(said[:200]))
            self.last_label.setText(text)
        planned = next((e for e in entries if e.status == "planned"), None)
        if planned is not None:
            overdue = planned.when is not None and planned.when < utcnow()
            text = "<b>{}</b> {}".format(escape(self.tr("Next step:")), escape(fmt_datetime(planned.when)))
            if planned.subject:
                text += " — " + escape(planned.subject)
            if overdue:
                text = '<span style="color:{}">{} ({})</span>'.format(
                    OVERDUE_COLOR, text, escape(self.tr("overdue")))
            self.next_label.setText(text)
        elif data.next_contact_at is not None:
            self.next_label.setText("<b>{}</b> {}".format(escape(self.tr("Next contact:")),
                                                          escape(fmt_datetime(data.next_contact_at))))
        else:
            self.next_label.setText('<span style="color:{}">⚠ {}</span>'.format(
                OVERDUE_COLOR, escape(self.tr("No next step planned"))))

    def refresh_complaints(self) -> None:
        self.complaint_badge.show_complaints(open_complaints(self._client_id) if self._client_id else [])
