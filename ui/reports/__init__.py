"""The Reports page: chart and table of each report, print, PDF, PNG and xlsx."""
from .page import ReportsPage

__all__ = ["ReportsPage"]
