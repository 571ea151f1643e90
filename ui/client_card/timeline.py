"""A client's activity timeline: planned steps on top, then what was done, newest first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from app.activities import timeline
from app.card_lookups import employee_names
from db.models import utcnow
from ui.formatting import fmt_datetime
from ui.widgets.labels import (ACTIVITY_GLYPHS, ARROWS, OVERDUE_COLOR, PLANNED_BACKGROUND,
                               activity_kind_labels)

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


def load_entries(client_id: int) -> list[Entry]:
    rows = timeline(client_id)
    names = employee_names(r.responsible_id for r in rows)
    now = utcnow()
    return [Entry(r.id, r.kind, r.status, r.planned_at if r.status == "planned" else (r.done_at or r.created_at),
                  names.get(r.responsible_id, ""), r.subject, r.result,
                  r.status == "planned" and r.planned_at is not None and r.planned_at < now)
            for r in rows]


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
            return " · ".join(p for p in (self.when_text(e), self._kinds.get(e.kind, e.kind), e.subject,
                                          e.result) if p)
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
            painter.fillRect(rect, QColor("#ffebee"))
        elif e.status == "planned":
            painter.fillRect(rect, QColor(PLANNED_BACKGROUND))
        painter.setPen(QColor("#e0e0e0"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        glyph, color = ACTIVITY_GLYPHS.get(e.kind, ("•", "#607d8b"))
        badge = QRect(rect.left() + self.PAD, rect.top() + (rect.height() - self.BADGE) // 2,
                      self.BADGE, self.BADGE)
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color) if e.status != "planned" else QColor("#ffffff"))
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
        muted = normal if selected else QColor("#616161")
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
        head = " · ".join(p for p in (model.kind_label(e.kind), e.who) if p)
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
        self.setItemDelegate(TimelineDelegate(self))
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.doubleClicked.connect(self.on_self_doubleClicked)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.timeline_model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#757575"))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text())

    def empty_text(self) -> str:
        return self.tr("No calls, e-mails or meetings yet.\nLog the first one above.")

    def load(self, client_id: int | None) -> None:
        self.timeline_model.set_entries(load_entries(client_id) if client_id else [])

    def selected_planned_id(self) -> int | None:
        index = self.currentIndex()
        if index.isValid() and index.data(PlannedRole):
            return index.data(IdRole)
        return None

    def on_self_doubleClicked(self, index) -> None:  # noqa: N802 - Qt signal name
        if index.data(PlannedRole):
            self.complete_requested.emit(index.data(IdRole))
