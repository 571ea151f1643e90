"""The client card: a non-modal window per client (details, contacts, deals, timeline)."""
from .dialog import ClientCardDialog, open_client_card

__all__ = ["ClientCardDialog", "open_client_card"]
