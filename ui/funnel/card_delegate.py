"""Paints a deal card: client, title, amount, days in stage, responsible and the next
step (or a warning that nothing is planned).  Stuck deals get a red border and badge."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.funnel import DealCard

from ..formatting import fmt_datetime, fmt_money
from .colors import CARD_BORDER, SELECTED_BORDER, SELECTED_FILL, STUCK_COLOR, WARNING_COLOR
from .. import style

MARGIN_X, MARGIN_Y, PAD = 6, 4, 8
LINES = 5


class CardDelegate(QStyledItemDelegate):
    """No widget per card: every card is painted from the model's ``DealCard``."""

    def card_height(self, fm: QFontMetrics) -> int:
        return LINES * (fm.height() + 3) + 2 * PAD + 2 * MARGIN_Y

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return QSize(max(200, option.rect.width()), self.card_height(option.fontMetrics))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        # straight from the model: a Python object through QVariant costs a copy per paint
        model = index.model()
        card: DealCard | None = model.card(index.row()) if hasattr(model, "card") else None
        rect = option.rect.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        stuck = card is not None and card.stuck
        fill = style.themed(SELECTED_FILL) if selected else option.palette.color(QPalette.ColorRole.Base)
        border = QColor(STUCK_COLOR) if stuck else (QColor(SELECTED_BORDER) if selected else style.themed(CARD_BORDER))
        painter.setPen(QPen(border, 2 if (stuck or selected) else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        stripe = QRectF(rect.left() + 1.5, rect.top() + 6, 4, rect.height() - 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(getattr(model, "color", "#9e9e9e")))
        painter.drawRoundedRect(stripe, 2, 2)
        if card is None:
            painter.restore()
            return
        self._paint_text(painter, option, rect, card, getattr(model, "kind", "open") == "open", stuck)
        painter.restore()

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, card: DealCard,
                    is_open: bool, stuck: bool) -> None:
        text_color = option.palette.color(QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlpha(150)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.92))
        fm = QFontMetrics(base)
        step = fm.height() + 3
        inner = rect.adjusted(PAD + 6, PAD, -PAD, -PAD)
        badge = 18 if stuck else 0

        def line(n: int, width_cut: int = 0) -> QRect:
            return QRect(inner.left(), inner.top() + n * step, inner.width() - width_cut, fm.height())

        painter.setFont(bold)
        painter.setPen(text_color)
        row = line(0, badge + 4)
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(card.client_name, Qt.TextElideMode.ElideRight, row.width()))
        painter.setFont(base)
        row = line(1)
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(card.title, Qt.TextElideMode.ElideRight, row.width()))
        # amount on the left, days in stage on the right
        row = line(2)
        days = self.tr("%n day(s)", "", card.days_in_stage)
        painter.setFont(small)
        over = "over_limit" in card.stuck_reasons
        painter.setPen(QColor(STUCK_COLOR) if over else muted)
        days_width = QFontMetrics(small).horizontalAdvance(days) + 2
        painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, days)
        painter.setFont(bold)
        painter.setPen(text_color)
        amount_rect = QRect(row.left(), row.top(), row.width() - days_width - 6, row.height())
        painter.drawText(amount_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(fmt_money(card.amount, card.currency),
                                                       Qt.TextElideMode.ElideRight, amount_rect.width()))
        painter.setFont(small)
        painter.setPen(muted)
        row = line(3)
        who = card.responsible or self.tr("nobody responsible")
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(who,
                                                        Qt.TextElideMode.ElideRight, row.width()))
        row = line(4)
        if card.next_at is not None:
            text = "▸ {} {}".format(fmt_datetime(card.next_at), card.next_subject)
            painter.setPen(text_color)
        elif not is_open:
            text = ""  # won or lost: no next step expected
        else:
            text = "⚠ " + self.tr("Nothing planned")
            painter.setPen(QColor(STUCK_COLOR if card.stuck else WARNING_COLOR))
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(text, Qt.TextElideMode.ElideRight, row.width()))
        if stuck:
            self._paint_badge(painter, QRect(rect.right() - PAD - badge + 2, rect.top() + PAD - 1, badge, badge))

    def _paint_badge(self, painter: QPainter, rect: QRect) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STUCK_COLOR))
        painter.drawEllipse(rect)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")
