"""The guide: F1 opens it, its topics are listed in Russian and English, a topic shows
its text, and the shortcuts it names are the ones the main window has."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app import __version__
from tests.ui.conftest import when_modal
from ui import help as guide

RU_TITLES = ["С чего начать", "Клиенты и поиск", "Импорт из Excel", "Воронка и сделки",
             "Календарь и напоминания", "Отчёты и печать", "Резервные копии", "Клавиши"]
EN_TITLES = ["Getting started", "Clients and search", "Import from Excel", "Funnel and deals",
             "Calendar and reminders", "Reports and printing", "Backup and restore", "Keyboard shortcuts"]


@pytest.fixture(autouse=True)
def no_guide_left_open():
    yield
    window = guide.help_window()
    if window is not None:
        window.close()
        window.deleteLater()
    guide._window = None


@pytest.fixture
def plain_window(qtbot):
    window = QMainWindow()
    window.menuBar().addMenu("&File")
    qtbot.addWidget(window)
    action = guide.install_help_action(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, action


def menu_texts(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_f1_opens_the_guide(plain_window, qtbot):
    window, action = plain_window
    assert guide.help_window() is None
    qtbot.keyClick(window, Qt.Key.Key_F1)
    shown = guide.help_window()
    assert shown is not None and shown.isVisible() and not shown.isModal()
    assert shown.topic_titles() == [t.title for t in guide.load_topics(guide.interface_language())]
    assert shown.current_topic() == "start"
    qtbot.keyClick(window, Qt.Key.Key_F1)  # again: the same window, not a second one
    assert guide.help_window() is shown


def test_a_help_menu_with_the_guide_and_about(plain_window):
    window, action = plain_window
    help_menu = window.menuBar().actions()[-1].menu()
    assert len(menu_texts(window)) == 2
    assert help_menu.actions()[0] is action and action.shortcut().toString() == "F1"
    about = [a for a in help_menu.actions() if a.menuRole() == QAction.MenuRole.AboutRole]
    said = []

    def read_and_close(box):
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()
    when_modal(read_and_close)
    about[0].trigger()
    assert __version__ in said[0]


def test_an_existing_help_menu_gets_the_guide_not_a_second_about(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&Help")
    about = QAction("&About", window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    menu.addAction(about)
    action = guide.install_help_action(window)
    assert len(menu_texts(window)) == 1
    assert [a for a in menu.actions() if not a.isSeparator()] == [action, about]


def test_topics_in_both_languages(qtbot):
    window = guide.show_help(None, language="ru")
    qtbot.addWidget(window)
    assert window.topic_titles() == RU_TITLES
    window.show_topic("funnel")
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    assert window.topic_titles() == EN_TITLES
    assert window.current_topic() == "funnel"  # the same topic, now in English
    assert window.browser.toPlainText().startswith("Funnel and deals")


def test_choosing_a_topic_shows_its_text(qtbot):
    window = guide.show_help(None, language="ru")
    qtbot.addWidget(window)
    assert "Картотека хранит" in window.browser.toPlainText()
    row = RU_TITLES.index("Импорт из Excel")
    rect = window.topic_list.visualItemRect(window.topic_list.item(row))
    qtbot.mouseClick(window.topic_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_topic() == "import"
    text = window.browser.toPlainText()
    assert text.startswith("Импорт из Excel") and "Ctrl+I" in text and "Картотека хранит" not in text


def test_show_help_opens_the_asked_topic_in_the_open_window(qtbot):
    first = guide.show_help(None, language="en")
    qtbot.addWidget(first)
    again = guide.show_help(None, "backup")
    assert again is first and first.current_topic() == "backup"
    assert "Ctrl+B" in first.browser.toPlainText()


def test_the_help_files_have_the_same_topics():
    for language in guide.LANGUAGES:
        topics = guide.load_topics(language)
        text = (guide.HELP_DIR / f"{language}.md").read_text(encoding="utf-8")
        assert len(guide.split_topics(text)) == len(guide.TOPICS) == len(topics), language
        for topic in topics:
            lines = [line for line in topic.markdown.splitlines()[1:] if line.strip()]
            assert 3 <= len(lines) <= 16, (language, topic.key, len(lines))
    assert [t.title for t in guide.load_topics("ru")] == RU_TITLES
    assert [t.title for t in guide.load_topics("en")] == EN_TITLES


MAIN_WINDOW_KEYS = ["F1", "Ctrl+F", "Ctrl+K", "Ctrl+N", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+1",
                    "Ctrl+7", "Ctrl+T", "Ctrl+I", "Ctrl+E", "Ctrl+B", "Ctrl+P", "F5", "Ctrl+Q"]


def test_the_shortcuts_in_the_guide_are_the_main_windows(main_window, qtbot):
    assert main_window.guide_action.shortcut().toString() == "F1"
    shortcuts = {s.toString() for a in main_window.findChildren(QAction) for s in a.shortcuts()}
    for language in guide.LANGUAGES:
        keys = next(t for t in guide.load_topics(language) if t.key == "keys").markdown
        for key in MAIN_WINDOW_KEYS:
            assert key in keys, (language, key)
            assert key in shortcuts, key
    main_window.show_page(main_window.SETTINGS)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert guide.help_window().current_topic() == "backup"  # F1 opens the page's topic
