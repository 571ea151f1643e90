"""The client list: a lazy table over the whole client base with filters and bulk actions."""
from .page import ClientListPage

__all__ = ["ClientListPage"]
