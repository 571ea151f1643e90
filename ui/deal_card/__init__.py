"""The deal card: one deal with its products, invoices and history."""
from .dialog import DealCardDialog, open_deal_card

__all__ = ["DealCardDialog", "open_deal_card"]
