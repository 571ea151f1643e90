"""The calendar: month, week and day views of planned activities, and their editor.

The page loads when first asked for: the reminders and the Today panel use only the
small helpers in ``common`` at start-up."""

__all__ = ["CalendarPage"]


def __getattr__(name: str):
    if name == "CalendarPage":
        from .page import CalendarPage
        return CalendarPage
    raise AttributeError(name)
