"""The calendar: month, week and day views of planned activities, and their editor."""
from .page import CalendarPage

__all__ = ["CalendarPage"]
