"""Importing clients: the wizard (file → sheet → columns → preview → import) and the
history of imports, from which an import can be undone."""
from __future__ import annotations

from .history import ImportHistoryDialog
from .wizard import ImportWizard

__all__ = ["ImportHistoryDialog", "ImportWizard"]
