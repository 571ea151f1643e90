"""The main window: side navigation, the global search, menus, the status bar."""
from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget)

from app import __version__
from app.client_list import client_count
from app.context import current_employee

from . import file_actions, style
from .backup.status import BackupController
from .bridge import bridge
from .main_pages import LazyPages
from .change_refresh import ChangeRefresher
from .deferred import after_first_paint
from .client_list import ClientListPage
from .reminders import ReminderController
from .search_box import SearchBox
from .undo import undo_stack


STARTUP_REMINDERS_DELAY_MS = 1500


class MainWindow(LazyPages, QMainWindow):
    CLIENTS, FUNNEL, CALENDAR, ACTIVITIES, REPORTS, SETTINGS, TRASH = range(7)

    restore_requested = Signal(str)
    """The user confirmed restoring this backup file (the session closes this window,
    restores and opens a new one)."""

    def __init__(self, database: str = "", parent=None, *, automatic_backups: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kartoteka"))
        self.setMinimumSize(900, 560)
        self._database = database
        self._quitting = False
        self._reopening = False

        # pages; funnel, calendar, activities and reports are built when first opened
        self.client_page = ClientListPage(self)
        self.funnel_page = self.calendar_page = self.activities_page = self.reports_page = None
        self._settings_page = self._trash_page = None  # built when first shown (see LazyPages)
        self._page_factories = {self.FUNNEL: self._make_funnel_page,
                                self.CALENDAR: self._make_calendar_page,
                                self.ACTIVITIES: self._make_activities_page,
                                self.REPORTS: self._make_reports_page,
                                self.SETTINGS: self._make_settings_page,
                                self.TRASH: self._make_trash_page}
        pages = [
            ("clients", self.tr("Clients"), self.client_page),
            ("funnel", self.tr("Funnel"), QWidget(self)),
            ("calendar", self.tr("Calendar"), QWidget(self)),
            ("activities", self.tr("Activities"), QWidget(self)),
            ("reports", self.tr("Reports"), QWidget(self)),
            ("settings", self.tr("Settings"), QWidget(self)),
            ("trash", self.tr("Trash"), QWidget(self)),
        ]
        self.stack = QStackedWidget(self)
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("Navigation")
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name, title, page in pages:
            item = QListWidgetItem(style.icon(name, "#4a5568"), title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.navigation.addItem(item)
            self.stack.addWidget(page)

        # chrome
        self.search_box = SearchBox(self)
        self.search_box.setMaximumWidth(560)
        self.count_label = QLabel(self)
        self.user_label = QLabel(self)
        self.database_label = QLabel(self)
        self._count_timer = QTimer(self, singleShot=True, interval=200)
        self.reminders = ReminderController(self, start=False)  # after the first paint, below
        self.backups = BackupController(self, automatic=automatic_backups)
        self.change_refresh = ChangeRefresher(self)  # shows what others change meanwhile
        self._build_today_dock()
        self._build_layout()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()

        # wiring
        self.navigation.currentRowChanged.connect(self.on_navigation_current_row_changed)
        self.search_box.client_activated.connect(self.open_card)
        self.client_page.open_client_requested.connect(self.open_card)
        self.client_page.new_client_requested.connect(self.on_new_action_triggered)
        self.client_page.message.connect(self.show_message)
        self._count_timer.timeout.connect(self.update_count)
        self.reminders.open_client_requested.connect(self.open_card)
        self.reminders.today_requested.connect(self.on_reminders_today_requested)
        self.today_panel.open_client_requested.connect(self.open_card)
        bridge().changed.connect(self.on_bridge_changed)
        self.backups.settings_requested.connect(self.on_backups_settings_requested)

        self.restore_state()
        self.update_count()
        after_first_paint(self, self.reminders.start)  # the tray icon and the reminder timer
        # Reminders missed while Kartoteka was closed pop up once the window has settled,
        # not between the start and the first painted list.
        QTimer.singleShot(STARTUP_REMINDERS_DELAY_MS, self.reminders.show_due_at_startup)

    # ----------------------------------------------------------------- building

    def _build_layout(self) -> None:
        sidebar = QWidget(self)
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(176)
        brand = QLabel(self.tr("Kartoteka"), sidebar)
        brand.setObjectName("AppName")
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(10, 14, 10, 10)
        side.setSpacing(10)
        side.addWidget(brand)
        side.addWidget(self.navigation, 1)

        top_bar = QWidget(self)
        top_bar.setObjectName("TopBar")
        top = QHBoxLayout(top_bar)
        top.setContentsMargins(20, 10, 20, 10)
        top.addWidget(self.search_box, 1)
        top.addStretch(0)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(top_bar)
        right.addWidget(self.stack, 1)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

    def _build_today_dock(self) -> None:
        from .today_panel import TodayPanel
        self.today_panel = TodayPanel(self)
        self.today_dock = QDockWidget(self.tr("Today"), self)
        self.today_dock.setObjectName("TodayDock")
        self.today_dock.setWidget(self.today_panel)
        self.today_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                    | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.today_dock)
        self.resizeDocks([self.today_dock], [330], Qt.Orientation.Horizontal)

    def _build_actions(self) -> None:
        self.new_action = QAction(style.icon("plus"), self.tr("&New client"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.import_action = QAction(self.tr("&Import clients…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_history_action = QAction(self.tr("Import &history…"), self)
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("Export the clients as the list shows them, "
                                              "or deals, activities, the calendar"))
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setToolTip(self.tr("Print the report on screen, or the client list as filtered"))
        self.backup_action = QAction(self.tr("&Back up now…"), self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.today_action = self.today_dock.toggleViewAction()
        self.today_action.setText(self.tr("&Today panel"))
        self.today_action.setShortcut(QKeySequence("Ctrl+T"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = undo_stack().createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = undo_stack().createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.trash_action = self.client_page.bulk.trash_action
        self.find_action = QAction(style.icon("search"), self.tr("&Find client"), self)
        self.find_action.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.about_action = QAction(self.tr("&About Kartoteka"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.page_actions = QActionGroup(self)
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            action = QAction(item.text(), self.page_actions, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.setData(row)
        for action in (self.new_action, self.quit_action, self.undo_action, self.redo_action,
                       self.find_action, self.refresh_action, self.import_action, self.export_action,
                       self.print_action, self.backup_action, self.today_action, *self.page_actions.actions()):
            self.addAction(action)  # shortcuts work even with the menu bar hidden

        self.new_action.triggered.connect(self.on_new_action_triggered)
        self.import_action.triggered.connect(self.on_import_action_triggered)
        self.import_history_action.triggered.connect(self.on_import_history_action_triggered)
        self.export_action.triggered.connect(self.on_export_action_triggered)
        self.print_action.triggered.connect(self.on_print_action_triggered)
        self.backup_action.triggered.connect(self.on_backup_action_triggered)
        self.restore_action.triggered.connect(self.on_restore_action_triggered)
        self.quit_action.triggered.connect(self.quit)
        self.find_action.triggered.connect(self.on_find_action_triggered)
        self.refresh_action.triggered.connect(self.on_refresh_action_triggered)
        self.about_action.triggered.connect(self.on_about_action_triggered)
        self.page_actions.triggered.connect(self.on_page_actions_triggered)
        from .access_ui import apply_main_window
        apply_main_window(self)  # what the signed-in role may not do is greyed out

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.import_history_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.trash_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.today_action)
        view_menu.addSeparator()
        view_menu.addActions(self.page_actions.actions())
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        from .help import install_help_action
        self.guide_action = install_help_action(self)  # Help ▸ Guide (F1), above About

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        employee = current_employee()
        self.user_label.setText(self.tr("User: {name}").format(name=employee.name if employee else "—"))
        self.database_label.setText(self.tr("Database: {path}").format(path=self._database))
        self.database_label.setToolTip(self._database)
        for label in (self.backups.label, self.count_label, self.user_label, self.database_label):
            status.addPermanentWidget(label)

    # ----------------------------------------------------------------- behaviour

    def current_page(self) -> int:
        return self.stack.currentIndex()

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def open_card(self, client_id: int | None = None):
        from .client_card import open_client_card  # the card's code loads with the first card
        return open_client_card(self, client_id)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def update_count(self) -> None:
        self.count_label.setText(self.tr("Clients: %Ln", "", client_count()))

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        page = int(settings.value("main_window/page", self.CLIENTS))
        self.show_page(page if 0 <= page < self.stack.count() else self.CLIENTS)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/page", self.current_page())
        self.client_page.save_state()
        if self._trash_page is not None:
            self._trash_page.view.save_header()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.search_box.hide_popup()
        if not self._reopening:
            if self.reminders.close_hides_to_tray() and not self._quitting:
                event.ignore()  # keep reminding from the tray
                self.hide()
                return
            if self.backups.backup_on_exit(self.close):
                event.ignore()  # closes again when the backup has ended, however it ended
                return
        self.backups.timer.stop()
        self.reminders.close()
        super().closeEvent(event)

    def close_for_reopen(self) -> None:
        """Close for good without asking or backing up (the database is about to be
        replaced; the session builds a new window)."""
        self._reopening = True
        self.close()
        self.deleteLater()

    def quit(self) -> None:
        """Really quit, even when closing the window only hides it to the tray."""
        self._quitting = True
        self.close()

    # ----------------------------------------------------------------- slots

    def on_navigation_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._ensure_page(row)
        self.stack.setCurrentIndex(row)
        self.page_actions.actions()[row].setChecked(True)
        self.trash_action.setEnabled(row == self.CLIENTS and bool(self.client_page.selected_ids()))
        self.print_action.setEnabled(row in (self.CLIENTS, self.REPORTS))

    def on_page_actions_triggered(self, action: QAction) -> None:
        self.show_page(action.data())

    def on_new_action_triggered(self) -> None:
        self.open_card(None)

    def on_import_action_triggered(self) -> None:
        file_actions.open_import_wizard(self)

    def on_import_history_action_triggered(self) -> None:
        file_actions.open_import_history(self)

    def on_export_action_triggered(self) -> None:
        file_actions.open_export(self, self.client_page.model.ids())

    def on_print_action_triggered(self) -> None:
        """Print what the page shows: the report, or the client list as filtered."""
        if self.current_page() == self.REPORTS and self.reports_page is not None:
            self.reports_page.print_report()
        elif self.current_page() == self.CLIENTS:
            self.client_page.print_list()

    def on_backup_action_triggered(self) -> None:
        file_actions.backup_now(self, on_finished=self.backups.refresh)

    def on_restore_action_triggered(self) -> None:
        from .backup.restore import choose_backup
        path = choose_backup(self)
        if path:
            self.restore_requested.emit(path)

    def on_backups_settings_requested(self) -> None:
        self.show_page(self.SETTINGS)
        self.settings_page.show_backups()

    def on_reminders_today_requested(self) -> None:
        self.showNormal()
        self.raise_()
        self.today_dock.show()

    def on_find_action_triggered(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def on_refresh_action_triggered(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()
        self.update_count()

    def on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About Kartoteka"), self.tr(
            "<h3>Kartoteka {version}</h3><p>A card index of clients for a small business: "
            "cards, calls and meetings, the funnel, reminders and reports.</p>").format(version=__version__))

    def on_bridge_changed(self, change) -> None:
        if change.entity == "client":
            self._count_timer.start()

