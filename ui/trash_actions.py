"""The Restore and Delete-for-good buttons shared by the Trash's lists (clients, files).

A class using it has ``view``, ``restore_button``, ``purge_button``, ``selected_ids()``,
``restore(ids)`` and ``purge(ids)``."""
from __future__ import annotations

from app.access import can


class TrashActions:
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
