"""The built-in guide (F1): topics on the left, the text on the right, in the interface
language (Russian or English, switchable in the window).

The text lives in ``resources/help/<language>.md``: one ``## `` heading per topic, in the
order of ``TOPICS`` (the keys callers use, the same for every language).

    install_help_action(main_window)     # Help ▸ Guide (F1) and, if missing, About
    show_help(parent, "import")          # opens or raises the one guide window
"""
from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QListWidget,
                               QListWidgetItem, QMainWindow, QMenu, QMessageBox, QSplitter,
                               QTextBrowser, QVBoxLayout, QWidget)

from app import __version__
from resources import ROOT as RESOURCES

HELP_DIR = RESOURCES / "help"
LANGUAGES = ("ru", "en")
TOPICS = ("start", "clients", "import", "funnel", "calendar", "reports", "backup", "keys")
"""Topic keys, in the order of the headings of every help file."""
PAGE_TOPICS = {"clients": "clients", "funnel": "funnel", "calendar": "calendar",
               "activities": "calendar", "reports": "reports", "settings": "backup", "trash": "clients"}
"""The topic F1 opens on each page of the main window (its navigation names)."""


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    markdown: str
    """The section, its "## " heading included."""


def split_topics(text: str) -> list[tuple[str, str]]:
    """(title, section) for each "## " heading of a Markdown text; text before the first
    heading is left out, "### " and deeper stay inside their section."""
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("## "):
            sections.append((line[3:].strip(), [line]))
        elif sections:
            sections[-1][1].append(line)
    return [(title, "\n".join(lines).strip() + "\n") for title, lines in sections]


def load_topics(language: str) -> list[Topic]:
    """The topics of the guide in ``language`` ("ru" or "en"; anything else reads English)."""
    language = language if language in LANGUAGES else "en"
    text = (HELP_DIR / f"{language}.md").read_text(encoding="utf-8")
    return [Topic(key, title, body) for key, (title, body) in zip(TOPICS, split_topics(text))]


def interface_language() -> str:
    """"ru" when the interface speaks Russian (``ui.i18n.install`` sets the default
    locale to the language in use, --lang included), "en" otherwise."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


class HelpWindow(QDialog):
    """The guide: a non-modal window with the list of topics and the text of one."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kartoteka guide"))
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.setModal(False)
        self.topics: list[Topic] = []
        self._loaded: str | None = None

        self.topic_list = QListWidget(self)
        self.topic_list.setObjectName("HelpTopics")
        self.topic_list.setMinimumWidth(190)
        self.topic_list.setSpacing(2)
        self.topic_list.setStyleSheet("QListWidget#HelpTopics::item { padding: 5px 6px; }")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("Русский", "ru")
        self.language_combo.addItem("English", "en")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)

        splitter = QSplitter(self)
        splitter.addWidget(self.topic_list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 600])
        splitter.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.language_combo)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(860, 600)

        self.topic_list.currentRowChanged.connect(self.on_topic_list_current_row_changed)
        self.language_combo.currentIndexChanged.connect(self.on_language_combo_current_index_changed)
        buttons.rejected.connect(self.close)
        self.set_language(language or interface_language())

    def language(self) -> str:
        return self.language_combo.currentData()

    def set_language(self, language: str) -> None:
        """Show the guide in ``language``, on the same topic."""
        language = language if language in LANGUAGES else "en"
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))
        self.language_combo.blockSignals(False)
        if language == self._loaded:
            return
        current = self.current_topic()
        self._loaded = language
        self.topics = load_topics(language)
        self.topic_list.blockSignals(True)
        self.topic_list.clear()
        for topic in self.topics:
            item = QListWidgetItem(topic.title)
            item.setData(Qt.ItemDataRole.UserRole, topic.key)
            self.topic_list.addItem(item)
        self.topic_list.blockSignals(False)
        self.show_topic(current or TOPICS[0])

    def topic_titles(self) -> list[str]:
        return [self.topic_list.item(row).text() for row in range(self.topic_list.count())]

    def current_topic(self) -> str | None:
        item = self.topic_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_topic(self, key: str) -> None:
        """Select the topic ``key`` (one of ``TOPICS``; an unknown key shows the first)."""
        keys = [t.key for t in self.topics]
        row = keys.index(key) if key in keys else 0
        if self.topic_list.currentRow() == row:
            self.on_topic_list_current_row_changed(row)
        else:
            self.topic_list.setCurrentRow(row)

    def on_topic_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.topics):
            self.browser.setMarkdown(self.topics[row].markdown)

    def on_language_combo_current_index_changed(self, _index: int) -> None:
        self.set_language(self.language())


_window: HelpWindow | None = None


def help_window() -> HelpWindow | None:
    """The guide window, if one is open (or was opened and only hidden)."""
    global _window
    if _window is not None and not shiboken6.isValid(_window):
        _window = None
    return _window


def show_help(parent: QWidget | None = None, topic: str | None = None,
              language: str | None = None) -> HelpWindow:
    """Open the guide (one window for the program), or bring it up; ``topic`` selects
    one of ``TOPICS``."""
    global _window
    window = help_window()
    if window is None:
        window = _window = HelpWindow(parent, language)
    elif language:
        window.set_language(language)
    if topic:
        window.show_topic(topic)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def _page_topic(window: QWidget) -> str | None:
    """The topic of the page the main window shows (None when it has no navigation)."""
    navigation = getattr(window, "navigation", None)
    item = navigation.currentItem() if navigation is not None else None
    return PAGE_TOPICS.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def _help_menu(window: QMainWindow) -> QMenu | None:
    """The menu that already holds an "About" action (the Help menu), if any."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and any(a.menuRole() == QAction.MenuRole.AboutRole for a in menu.actions()):
            return menu
    return None


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("Help", "About Kartoteka"),
                      QCoreApplication.translate(
                          "Help", "<h3>Kartoteka {version}</h3><p>A card index of clients for a small "
                          "business: cards, calls and meetings, the funnel, reminders and reports.</p>"
                          "<p>Press F1 for the guide.</p>").format(version=__version__))


def install_help_action(window: QMainWindow) -> QAction:
    """Add Help ▸ Guide (F1) to ``window``; a Help menu with "About Kartoteka" is made
    when the window has none.  F1 opens the topic of the page shown.  Returns the action."""
    guide = QAction(QCoreApplication.translate("Help", "&Guide"), window)
    guide.setObjectName("HelpGuideAction")
    guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
    guide.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    guide.triggered.connect(lambda: show_help(window, _page_topic(window)))
    window.addAction(guide)  # F1 works with the menu bar hidden too
    menu = _help_menu(window)
    if menu is None:
        menu = window.menuBar().addMenu(QCoreApplication.translate("Help", "&Help"))
        about = QAction(QCoreApplication.translate("Help", "&About Kartoteka"), window)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(lambda: show_about(window))
        menu.addAction(about)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, guide)
    if first is not None:
        menu.insertSeparator(first)
    return guide
