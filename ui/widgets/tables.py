"""The read-only record table of the Settings editors and card panels: whole rows are
selected, nothing is edited in place, no row numbers, one line per row."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def record_table(parent: QWidget, model: QAbstractItemModel, name: str, *,
                 multi: bool = False, title: str = "") -> QTableView:
    """``title``: what a screen reader calls the table (translated by the caller)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(title)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view
