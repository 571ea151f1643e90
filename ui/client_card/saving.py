"""Undoable saves of a card: each one is a pair of app service calls on the undo stack."""
from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication

from app.client_bulk import restore_clients, trash_clients
from app.clients import ClientData, create_client, load_client, update_client
from ui.undo import run_undoable


def create_undoable(data: ClientData) -> ClientData:
    """Create the client; undo moves it to the trash, redo brings it back."""
    made: dict[str, int] = {}

    def do() -> ClientData:
        if "id" not in made:
            saved = create_client(copy.deepcopy(data))
            made["id"] = saved.id
            return saved
        restore_clients([made["id"]])
        return load_client(made["id"])

    def undo(_state) -> None:
        trash_clients([made["id"]])

    label = QCoreApplication.translate("ClientCard", "New client “{}”").format(data.name)
    return run_undoable(label, do, undo)


def update_undoable(previous: ClientData, data: ClientData) -> ClientData:
    """Save ``data`` (raises ConflictError if the client changed since ``data.version``).

    Undo saves ``previous`` again over whatever version is current; redo saves ``data`` again.
    """
    first = [True]

    def save_over_current(values: ClientData) -> ClientData:
        again = copy.deepcopy(values)
        again.version = load_client(again.id).version
        return update_client(again, strict=False)

    def do() -> ClientData:
        if first[0]:
            first[0] = False
            return update_client(copy.deepcopy(data))
        return save_over_current(data)

    def undo(_state) -> None:
        save_over_current(previous)

    label = QCoreApplication.translate("ClientCard", "Edit client “{}”").format(data.name)
    return run_undoable(label, do, undo)
