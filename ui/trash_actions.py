"""The Restore and Delete-for-good buttons shared by the Trash's lists (clients, files).

A class using it has ``view``, ``restore_button``, ``purge_button``, ``selected_ids()``,
``restore(ids)`` and ``purge(ids)`` (which asks through ``confirm_purge``)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QMessageBox

from app.access import can
from app.errors import KartotekaError

from .errors import show_error


class TrashActions:
    def confirm_purge(self, title: str, question: str, purge: Callable[[], int]) -> int | None:
        """Ask, then delete for good; the count, or None when cancelled or refused."""
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            return purge()
        except KartotekaError as exc:
            show_error(self, exc)
            return None

    def on_view_selection_changed(self, *_args) -> None:
        has = self.view.selectionModel().hasSelection()
        self.restore_button.setEnabled(has and can("delete"))
        self.purge_button.setEnabled(has and can("purge"))  # the owner only

    def on_restore_button_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.restore(ids)

    def on_purge_button_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.purge(ids)
