"""The main window's pages that are built when first shown (funnel, calendar, activities,
reports, settings, trash): a start-up pays only for the client list."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazyPages:
    """For ``MainWindow``: ``_page_factories`` maps a page row to one of these builders;
    ``_ensure_page`` swaps the row's placeholder for the real page."""

    def _make_funnel_page(self) -> QWidget:
        from .deal_card import open_deal_card
        from .funnel import FunnelPage
        self.funnel_page = FunnelPage(self)
        self.funnel_page.open_client_requested.connect(self.open_card)
        self.funnel_page.open_deal_requested.connect(lambda deal_id: open_deal_card(self, deal_id))
        return self.funnel_page

    def _make_calendar_page(self) -> QWidget:
        from .calendar import CalendarPage
        self.calendar_page = CalendarPage(self)
        self.calendar_page.open_client_requested.connect(self.open_card)
        return self.calendar_page

    def _make_activities_page(self) -> QWidget:
        from .activities_page import ActivitiesPage
        self.activities_page = ActivitiesPage(self)
        self.activities_page.open_client_requested.connect(self.open_card)
        return self.activities_page

    def _make_reports_page(self) -> QWidget:
        from .deal_card import open_deal_card
        from .reports import ReportsPage
        self.reports_page = ReportsPage(self)
        self.reports_page.open_client_requested.connect(self.open_card)
        self.reports_page.open_deal_requested.connect(lambda deal_id: open_deal_card(self, deal_id))
        self.reports_page.message.connect(self.show_message)
        return self.reports_page

    @property
    def settings_page(self):
        """The Settings page (built on first use: it holds many editors)."""
        self._ensure_page(self.SETTINGS)
        return self._settings_page

    def _make_settings_page(self) -> QWidget:
        from .settings_page import SettingsPage
        self._settings_page = SettingsPage(self, database=self._database)
        self._settings_page.backup_settings.changed.connect(self.backups.refresh)
        return self._settings_page

    @property
    def trash_page(self):
        """The Trash page (built on first use)."""
        self._ensure_page(self.TRASH)
        return self._trash_page

    def _make_trash_page(self) -> QWidget:
        from .trash_page import TrashPage
        self._trash_page = TrashPage(self)
        self._trash_page.message.connect(self.show_message)
        return self._trash_page

    def _ensure_page(self, row: int) -> None:
        factory = self._page_factories.pop(row, None)
        if factory is None:
            return
        page = factory()
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
