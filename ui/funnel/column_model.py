"""One board column's deals: the ids in order (one query) and the cards, read a page
at a time when the view paints them."""
from __future__ import annotations

import json
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from app.funnel import DealCard, deal_cards

from ..formatting import fmt_datetime, fmt_money

DEAL_MIME = "application/x-kartoteka-deal"
_Index = QModelIndex | QPersistentModelIndex


class CardRoles(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    CARD = Qt.ItemDataRole.UserRole + 2
    STAGE_COLOR = Qt.ItemDataRole.UserRole + 3


def deal_mime(deal_id: int, stage_id: int, title: str = "") -> QMimeData:
    mime = QMimeData()
    mime.setData(DEAL_MIME, json.dumps({"deal": deal_id, "stage": stage_id}).encode("utf-8"))
    mime.setText(title)
    return mime


def read_deal_mime(mime: QMimeData) -> tuple[int, int] | None:
    """(deal id, source stage id) of a dragged card, or None for anything else."""
    if mime is None or not mime.hasFormat(DEAL_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(DEAL_MIME).data()).decode("utf-8"))
        return int(data["deal"]), int(data["stage"])
    except (ValueError, KeyError, TypeError):
        return None


class ColumnModel(QAbstractListModel):
    PAGE_SIZE = 12  # a column shows about six cards
    MAX_CACHED = 1500

    def __init__(self, stage_id: int, color: str = "#9e9e9e", stuck_days: int | None = None,
                 kind: str = "open", parent=None):
        super().__init__(parent)
        self.stage_id = stage_id
        self.color = color
        self.stuck_days = stuck_days
        self.kind = kind
        self._ids: list[int] = []
        self._cards: dict[int, DealCard | None] = {}

    # ----------------------------------------------------------------- ids

    def ids(self) -> list[int]:
        return list(self._ids)

    def deal_id(self, row: int) -> int:
        return self._ids[row]

    def contains(self, deal_id: int) -> bool:
        return deal_id in self._cards or deal_id in self._ids

    def set_ids(self, ids: list[int]) -> None:
        """Take a new list of ids; one card in or out is a row insert/remove, so the view
        keeps its scroll position and selection."""
        old = self._ids
        if ids == old:
            return
        if len(ids) == len(old) - 1:
            row = next((i for i, (a, b) in enumerate(zip(ids, old)) if a != b), len(ids))
            if old[:row] + old[row + 1:] == ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._cards.pop(old[row], None)
                self._ids = list(ids)
                self.endRemoveRows()
                return
        if len(ids) == len(old) + 1:
            row = next((i for i, (a, b) in enumerate(zip(ids, old)) if a != b), len(old))
            if ids[:row] + ids[row + 1:] == old:
                self.beginInsertRows(QModelIndex(), row, row)
                self._cards.pop(ids[row], None)
                self._ids = list(ids)
                self.endInsertRows()
                return
        self.beginResetModel()
        self._ids = list(ids)
        keep = set(ids)
        self._cards = {k: v for k, v in self._cards.items() if k in keep}
        self.endResetModel()

    def forget(self, deal_ids=None) -> None:
        """Read these cards (all when None) again the next time they are painted."""
        if deal_ids is None:
            self._cards.clear()
        else:
            for did in deal_ids:
                self._cards.pop(did, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    def forget_matching(self, deal_ids: set[int], client_ids: set[int]) -> None:
        """Forget the cached cards of these deals or clients, repainting only when one was cached."""
        stale = [i for i, c in self._cards.items() if i in deal_ids or (c is not None and c.client_id in client_ids)]
        if stale:
            self.forget(stale)

    def card(self, row: int) -> DealCard | None:
        did = self._ids[row]
        if did not in self._cards:
            self._fetch_page(row)
        return self._cards.get(did)

    def _fetch_page(self, row: int) -> None:
        if len(self._cards) > self.MAX_CACHED:
            self._cards.clear()
        start = row - row % self.PAGE_SIZE
        wanted = [i for i in self._ids[start:start + self.PAGE_SIZE] if i not in self._cards]
        for card in deal_cards(wanted):
            self._cards[card.id] = card
        for did in wanted:
            self._cards.setdefault(did, None)  # gone since the ids were read

    # ----------------------------------------------------------------- Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CardRoles.ID:
            return self._ids[index.row()]
        if role == CardRoles.STAGE_COLOR:
            return self.color
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, CardRoles.CARD,
                        Qt.ItemDataRole.AccessibleTextRole):
            return None
        card = self.card(index.row())
        if card is None:
            return None
        if role == CardRoles.CARD:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(card)
        return "{client}: {title}, {amount}".format(client=card.client_name, title=card.title,
                                                    amount=fmt_money(card.amount, card.currency))

    def tooltip(self, card: DealCard) -> str:
        lines = ["<b>{}</b>".format(_html(card.title)), _html(card.client_name)]
        if card.next_at is not None:
            lines.append(self.tr("Next step: {when} {what}").format(when=fmt_datetime(card.next_at),
                                                                    what=_html(card.next_subject)))
        if card.stuck:
            lines.append("<span style='color:#d32f2f'><b>{}</b></span>".format(self.tr("Stuck:")))
            lines += ["<span style='color:#d32f2f'>• {}</span>".format(r) for r in self.stuck_reasons(card)]
        return "<br>".join(lines)

    def stuck_reasons(self, card: DealCard) -> list[str]:
        out = []
        for reason in card.stuck_reasons:
            if reason == "over_limit":
                out.append(self.tr("in this stage for %n day(s), over the stage's limit of {limit}", "",
                                   card.days_in_stage).format(limit=self.tr("%n day(s)", "", self.stuck_days or 0)))
            elif reason == "nothing_planned":
                out.append(self.tr("nothing planned: no call, meeting or task ahead"))
            else:
                out.append(reason)
        return out

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [DEAL_MIME]

    def mimeData(self, indexes) -> QMimeData | None:  # noqa: N802
        rows = [i.row() for i in indexes if i.isValid()]
        if not rows:
            return None
        card = self.card(rows[0])
        return deal_mime(self._ids[rows[0]], self.stage_id, card.title if card else "")

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        found = read_deal_mime(data)
        return found is not None and found[1] != self.stage_id

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return False  # the view turns a drop into a move through the app (see ColumnView)


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
