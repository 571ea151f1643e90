"""The funnel: a kanban board of deals by stage (and the same deals as a list)."""
from .page import FunnelPage

__all__ = ["FunnelPage"]
