"""A client's activity timeline: planned steps on top, then what was done, newest first.
A feedback entry says whether it was a complaint or praise; its context menu marks it so,
and resolves or reopens a complaint (undoable)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QListView, QMenu, QStyle, QStyledItemDelegate, QWidget

from app.activities import reopen_feedback, resolve_feedback, set_feedback_sentiment, timeline
from app.card_lookups import employee_names
from app.errors import KartotekaError
from db.models import utcnow
from ui.errors import show_error
from ui.formatting import fmt_datetime
from ui.undo import run_undoable
from ui.widgets.labels import (ACTIVITY_GLYPHS, ARROWS, OVERDUE_COLOR, PLANNED_BACKGROUND,
                               activity_kind_labels)
from .. import style

EntryRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
PlannedRole = Qt.ItemDataRole.UserRole + 3


@dataclass
class Entry:
    id: int
    kind: str
    status: str
    when: datetime | None
    who: str
    subject: str
    result: str
    overdue: bool
    sentiment: str = ""  # feedback: positive | negative
    resolved: bool = False

    @property
    def open_complaint(self) -> bool:
        return self.kind == "feedback" and self.sentiment == "negative" and not self.resolved


COMPLAINT_COLOR = "#c62828"
PRAISE_COLOR = "#2e7d32"
RESOLVED_COLOR = "#9e9e9e"


def load_entries(client_id: int) -> list[Entry]:
    rows = timeline(client_id)
    names = employee_names(r.responsible_id for r in rows)
    now = utcnow()
    return [Entry(r.id, r.kind, r.status, r.planned_at if r.status == "planned" else (r.done_at or r.created_at),
                  names.get(r.responsible_id, ""), r.subject, r.result,
                  r.status == "planned" and r.planned_at is not None and r.planned_at < now,
                  r.sentiment if r.kind == "feedback" else "", bool(r.resolved))
            for r in rows]


def _undoable(parent: QWidget | None, text: str, do, undo) -> bool:
    try:
        run_undoable(text, do, undo)
    except KartotekaError as exc:
        show_error(parent, exc)
        return False
    return True


def resolve_complaints(parent: QWidget | None, activity_ids) -> bool:
    """Mark complaints resolved (one undo step); False when the core refused."""
    ids = list(activity_ids)

    def do():
        for aid in ids:
            resolve_feedback(aid)

    def undo(_state):
        for aid in ids:
            reopen_feedback(aid)
    return _undoable(parent, QCoreApplication.translate("Timeline", "Resolve complaint"), do, undo)


def reopen_complaint(parent: QWidget | None, activity_id: int) -> bool:
    return _undoable(parent, QCoreApplication.translate("Timeline", "Reopen complaint"),
                     lambda: reopen_feedback(activity_id), lambda _: resolve_feedback(activity_id))


def set_sentiment(parent: QWidget | None, activity_id: int, sentiment: str) -> bool:
    text = (QCoreApplication.translate("Timeline", "Mark feedback as complaint") if sentiment == "negative"
            else QCoreApplication.translate("Timeline", "Mark feedback as praise"))
    return _undoable(parent, text, lambda: set_feedback_sentiment(activity_id, sentiment),
                     lambda old: set_feedback_sentiment(activity_id, old))


class TimelineModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._kinds = activity_kind_labels()

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.entries)):
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " · ".join(p for p in (self.when_text(e), self.entry_label(e), e.subject, e.result) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (e.subject, e.result) if p) or None
        if role == EntryRole:
            return e
        if role == IdRole:
            return e.id
        if role == PlannedRole:
            return e.status == "planned"
        return None

    def when_text(self, e: Entry) -> str:
        return fmt_datetime(e.when)

    def planned_hint(self) -> str:
        return self.tr("Planned — double-click to complete")

    def kind_label(self, kind: str) -> str:
        return self._kinds.get(kind, kind)

    def entry_label(self, e: Entry) -> str:
        """The kind, and for feedback how it went: "Feedback (complaint)"."""
        label = self.kind_label(e.kind)
        if e.kind != "feedback" or not e.sentiment:
            return label
        if e.sentiment == "positive":
            how = self.tr("praise")
        else:
            how = self.tr("complaint, resolved") if e.resolved else self.tr("complaint")
        return "{} ({})".format(label, how)

    def badge_color(self, e: Entry) -> str:
        if e.kind == "feedback" and e.sentiment:
            if e.sentiment == "positive":
                return PRAISE_COLOR
            return RESOLVED_COLOR if e.resolved else COMPLAINT_COLOR
        return ACTIVITY_GLYPHS.get(e.kind, ("•", "#607d8b"))[1]


class TimelineDelegate(QStyledItemDelegate):
    """Two lines per entry: a kind badge, when · what · who, then the result."""

    PAD = 6
    BADGE = 30

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        line = option.fontMetrics.height()
        return QSize(200, 2 * line + 2 * self.PAD + 4)

    def paint(self, painter, option, index) -> None:
        e: Entry = index.data(EntryRole)
        model = index.model()
        if e is None:
            return
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight))
        elif e.overdue:
            painter.fillRect(rect, style.themed("#ffebee"))
        elif e.status == "planned":
            painter.fillRect(rect, style.themed(PLANNED_BACKGROUND))
        painter.setPen(style.themed("#e0e0e0"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        glyph = ACTIVITY_GLYPHS.get(e.kind, ("•", ""))[0]
        color = model.badge_color(e)
        badge = QRect(rect.left() + self.PAD, rect.top() + (rect.height() - self.BADGE) // 2,
                      self.BADGE, self.BADGE)
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color) if e.status != "planned" else style.themed("#ffffff"))
        if e.status == "planned":
            painter.setPen(QColor(color))
        painter.drawEllipse(badge)
        painter.setPen(QColor("#ffffff") if e.status != "planned" else QColor(color))
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, glyph + ARROWS.get(e.kind, ""))

        text_rect = rect.adjusted(self.PAD * 2 + self.BADGE, self.PAD, -self.PAD, -self.PAD)
        line_h = option.fontMetrics.height()
        first = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line_h)
        second = QRect(text_rect.left(), text_rect.top() + line_h + 2, text_rect.width(), line_h)
        normal = option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                      else QPalette.ColorRole.Text)
        muted = normal if selected else style.themed("#616161")
        bold = QFont(option.font)
        bold.setBold(True)
        when = model.when_text(e)
        painter.setFont(bold)
        painter.setPen(QColor(OVERDUE_COLOR) if e.overdue and not selected else normal)
        when_w = painter.fontMetrics().horizontalAdvance(when) + 10
        painter.drawText(first.adjusted(0, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         when)
        painter.setFont(option.font)
        painter.setPen(normal)
        head = " · ".join(p for p in (model.entry_label(e), e.who) if p)
        if e.subject:
            head = "{} — {}".format(head, e.subject)
        fm = option.fontMetrics
        painter.drawText(first.adjusted(when_w, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(head, Qt.TextElideMode.ElideRight, max(first.width() - when_w, 0)))
        painter.setPen(muted)
        result = " ".join(e.result.split())
        if not result and e.status == "planned":
            result = model.planned_hint()
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(result, Qt.TextElideMode.ElideRight, second.width()))
        painter.restore()


class TimelineView(QListView):
    complete_requested = Signal(int)
    """Emitted with the id of a planned activity the user wants to complete."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.timeline_model = TimelineModel(self)
        self.setModel(self.timeline_model)
        self.setAccessibleName(self.tr("Timeline"))
        self.setItemDelegate(TimelineDelegate(self))
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._client_id: int | None = None
        self.doubleClicked.connect(self.on_self_doubleClicked)
        self.customContextMenuRequested.connect(self.on_self_customContextMenuRequested)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.timeline_model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(style.themed("#757575"))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text())

    def empty_text(self) -> str:
        return self.tr("No calls, e-mails or meetings yet.\nLog the first one above.")

    def load(self, client_id: int | None) -> None:
        self._client_id = client_id
        self.timeline_model.set_entries(load_entries(client_id) if client_id else [])

    def selected_planned_id(self) -> int | None:
        index = self.currentIndex()
        if index.isValid() and index.data(PlannedRole):
            return index.data(IdRole)
        return None

    def on_self_doubleClicked(self, index) -> None:  # noqa: N802 - Qt signal name
        if index.data(PlannedRole):
            self.complete_requested.emit(index.data(IdRole))

    def feedback_menu(self, e: Entry) -> QMenu | None:
        """What can be said about a logged feedback (None for other entries)."""
        if e.kind != "feedback" or e.status != "done":
            return None
        menu = QMenu(self)
        if e.open_complaint:
            menu.addAction(self.tr("Mark complaint resolved"), lambda: self._after(resolve_complaints(self, [e.id])))
        elif e.sentiment == "negative":
            menu.addAction(self.tr("Reopen complaint"), lambda: self._after(reopen_complaint(self, e.id)))
        if e.sentiment != "negative":
            menu.addAction(self.tr("Mark as complaint"), lambda: self._after(set_sentiment(self, e.id, "negative")))
        if e.sentiment != "positive":
            menu.addAction(self.tr("Mark as praise"), lambda: self._after(set_sentiment(self, e.id, "positive")))
        return menu

    def _after(self, _done: bool) -> None:
        self.load(self._client_id)

    def on_self_customContextMenuRequested(self, pos) -> None:  # noqa: N802 - Qt signal name
        index = self.indexAt(pos)
        menu = self.feedback_menu(index.data(EntryRole)) if index.isValid() else None
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
            menu.deleteLater()
