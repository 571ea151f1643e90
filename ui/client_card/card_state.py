"""What a card holds besides its widgets: the client as last loaded or saved."""
from __future__ import annotations

from datetime import datetime

from app.clients import ClientData
from ui.formatting import to_local


class CardState:
    def __init__(self, base: ClientData):
        self.base = base
        """The client as loaded or last saved: the version edits are based on."""
        self.saving = False

    def differs(self, data: ClientData) -> bool:
        """True when ``data`` has edits that are not saved yet."""
        return data.comparable() != self.base.comparable()

    def sync_contact_dates(self, fresh: ClientData) -> None:
        """Take the dates that logging activities changes (they do not bump the version)."""
        self.base.next_contact_at = fresh.next_contact_at
        self.base.last_contact_at = fresh.last_contact_at

    def local_next_contact(self) -> datetime | None:
        return to_local(self.base.next_contact_at)
