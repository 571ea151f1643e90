"""The main window: pages, shortcuts, status bar, remembered geometry, start-up."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.clients import ClientData, create_client

from .conftest import open_cards

ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_opens_on_clients_with_count_user_and_database_in_status_bar(db, db_path, make_window):
    for name in ("Иванов", "Петров"):
        create_client(ClientData(name=name))
    window = make_window()
    assert window.stack.currentWidget() is window.client_page
    assert window.client_page.model.rowCount() == 2
    assert window.count_label.text() == "Clients: 2"
    assert "Владелец" in window.user_label.text()
    assert str(db_path) in window.database_label.text()


def test_status_bar_count_follows_changes(main_window, qtbot):
    create_client(ClientData(name="Новый"))
    qtbot.waitUntil(lambda: main_window.count_label.text() == "Clients: 1")


def test_ctrl_n_opens_a_new_client_card(main_window, qtbot):
    assert open_cards() == []
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL)
    cards = open_cards()
    assert len(cards) == 1 and cards[0].client_id is None


def test_ctrl_number_switches_pages_and_menu_follows(main_window, qtbot):
    qtbot.keyClick(main_window, Qt.Key.Key_7, CTRL)
    assert main_window.stack.currentWidget() is main_window.trash_page
    assert main_window.page_actions.checkedAction().text() == "Trash"
    qtbot.keyClick(main_window, Qt.Key.Key_6, CTRL)
    assert main_window.stack.currentWidget() is main_window.settings_page
    qtbot.keyClick(main_window, Qt.Key.Key_1, CTRL)
    assert main_window.stack.currentWidget() is main_window.client_page
    assert main_window.navigation.currentRow() == 0


def test_ctrl_f_and_ctrl_k_focus_the_search_box(main_window, qtbot):
    main_window.client_page.view.setFocus()
    qtbot.keyClick(main_window.client_page.view, Qt.Key.Key_K, CTRL)
    assert main_window.search_box.hasFocus()
    main_window.client_page.view.setFocus()
    qtbot.keyClick(main_window.client_page.view, Qt.Key.Key_F, CTRL)
    assert main_window.search_box.hasFocus()


def test_menus_offer_the_usual_commands(main_window):
    menus = {a.text().replace("&", ""): a.menu() for a in main_window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Help"]
    shortcuts = {a.text().replace("&", ""): [s.toString() for s in a.shortcuts()]
                 for menu in menus.values() for a in menu.actions() if not a.isSeparator()}
    assert shortcuts["New client"] == ["Ctrl+N"]
    assert shortcuts["Quit"] == ["Ctrl+Q"]
    assert shortcuts["Redo"] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert shortcuts["Find client"] == ["Ctrl+F", "Ctrl+K"]
    assert shortcuts["Refresh"] == ["F5"]
    assert shortcuts["Move to trash"] == ["Del"]
    assert shortcuts["Settings"] == ["Ctrl+6"]
    assert shortcuts["Import clients…"] == ["Ctrl+I"]
    assert shortcuts["Export…"] == ["Ctrl+E"]
    assert shortcuts["Back up now…"] == ["Ctrl+B"]
    assert shortcuts["Today panel"] == ["Ctrl+T"]


def test_funnel_and_calendar_pages_are_built_when_first_opened(main_window, qtbot):
    from ui.calendar import CalendarPage
    from ui.funnel import FunnelPage
    assert main_window.funnel_page is None and main_window.calendar_page is None
    qtbot.keyClick(main_window, Qt.Key.Key_2, CTRL)
    assert isinstance(main_window.stack.currentWidget(), FunnelPage)
    qtbot.keyClick(main_window, Qt.Key.Key_3, CTRL)
    assert isinstance(main_window.stack.currentWidget(), CalendarPage)
    assert main_window.stack.count() == 7


def test_export_offers_the_clients_as_the_list_shows_them(main_window, qtbot):
    from app.clients import ClientData, create_client
    from ui.export_dialog import ExportDialog
    for name in ("Белов Игорь", "Иванов Пётр", "Петрова Ольга"):
        create_client(ClientData(name=name))
    page = main_window.client_page
    page.filter_bar.text.setText("петр")  # Иванов Пётр, Петрова Ольга
    qtbot.waitUntil(lambda: len(page.model.ids()) == 2)
    qtbot.keyClick(main_window, Qt.Key.Key_E, CTRL)
    dialogs = [w for w in main_window.findChildren(ExportDialog)]
    assert len(dialogs) == 1 and sorted(dialogs[0].ids()) == sorted(page.model.ids())
    dialogs[0].close()


def test_the_today_panel_is_docked_and_toggles(main_window, qtbot):
    assert main_window.today_dock.isVisible()
    qtbot.keyClick(main_window, Qt.Key.Key_T, CTRL)
    assert not main_window.today_dock.isVisible()


def test_geometry_and_page_are_remembered(make_window, qtbot):
    first = make_window()
    first.resize(900, 700)  # the offscreen test screen is 800×800: only the height can grow
    qtbot.keyClick(first, Qt.Key.Key_6, CTRL)
    first.close()
    second = make_window()
    assert second.height() == 700
    assert second.stack.currentWidget() is second.settings_page


def test_language_choice_is_stored_and_applied_at_next_start(main_window, qtbot):
    from ui import i18n
    page = main_window.settings_page
    assert page.language.currentData() == "system"
    assert "next time" in page.language_note.text()
    page.language.setCurrentIndex(page.language.findData("ru"))
    assert QSettings().value(i18n.LANGUAGE_KEY) == "ru"
    try:
        assert i18n.install(QApplication.instance()) == "ru"
        assert QLocale().language() == QLocale.Language.Russian
        assert i18n.install(QApplication.instance(), override="en") == "en"  # --lang en wins
        assert QLocale().language() == QLocale.Language.English
    finally:
        i18n.set_chosen_language("en")
        i18n.install(QApplication.instance())


def test_system_language_follows_the_system_locale():
    from ui import i18n
    i18n.set_chosen_language("system")
    assert i18n.effective_language(system=QLocale(QLocale.Language.Russian)) == "ru"
    assert i18n.effective_language(system=QLocale(QLocale.Language.German)) == "en"


def _run_app(*args, tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_quit_after_show_starts_and_exits_cleanly(tmp_path):
    result = _run_app("--db", str(tmp_path / "new.db"), "--quit-after-show", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new.db").exists()


def test_a_file_that_is_not_a_database_gives_a_clear_message_and_exit_code_2(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is a shopping list, not a database" * 50)
    result = _run_app("--db", str(bad), "--quit-after-show", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "not a Kartoteka database" in result.stderr


def test_a_long_session_of_qt_calls_does_not_wear_out_none(tmp_path):
    """The Qt binding must not lose references (PySide6 6.12.0 on Python 3.11 took one
    from None on every void call and aborted with "deallocating None"; pyproject keeps
    that release out)."""
    code = ("from PySide6.QtCore import QObject; o = QObject()\n"
            "for _ in range(300_000): o.setObjectName('x')\nprint('alive')")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "alive", result.stderr[-300:]


def test_activities_page_is_built_when_first_opened(main_window, qtbot):
    from ui.activities_page import ActivitiesPage
    assert main_window.activities_page is None
    qtbot.keyClick(main_window, Qt.Key.Key_4, CTRL)
    assert isinstance(main_window.stack.currentWidget(), ActivitiesPage)
    assert main_window.stack.currentWidget() is main_window.activities_page
    assert main_window.stack.count() == 7
