"""GUI fixtures: settings in a temporary folder, fresh bridge and undo stack per test,
and a main window on the test database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


OFFSCREEN_LIMITS = r"^This plugin does not support (raise\(\)|propagateSizeHints\(\)|grabbing the keyboard)"


def pytest_collection_modifyitems(items):
    """The offscreen platform says it cannot raise windows or grab the keyboard for a
    popup; that is the test platform, not the program, so those lines are not failures."""
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS))


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """QSettings written under tmp_path, never into the user's real configuration."""
    QCoreApplication.setOrganizationName("Kartoteka")
    QCoreApplication.setApplicationName("Kartoteka")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def fresh_ui_singletons():
    """Each test gets its own change bridge and undo stack."""
    from ui import bridge, undo
    bridge.reset_bridge()
    undo.reset_undo_stack()
    yield
    _close_cards()
    undo.reset_undo_stack()
    bridge.reset_bridge()


def _close_cards() -> None:
    try:
        from ui.client_card import dialog
    except ImportError:
        return
    for card in list(getattr(dialog, "_open_cards", {}).values()):
        try:
            card.state.base = card.current_data()  # nothing to ask about
            card.close()
        except (AttributeError, RuntimeError):
            pass
    getattr(dialog, "_open_cards", {}).clear()
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "ClientCardDialog" and widget.isVisible():
            widget.state.base = widget.current_data()
            widget.close()


@pytest.fixture
def make_window(db, db_path, qtbot):
    """Build (and show) a main window on the test database; call again for a second one."""
    from ui.main_window import MainWindow

    def make():
        window = MainWindow(str(db_path))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need an active window
        return window
    return make


@pytest.fixture
def main_window(make_window):
    return make_window()


def type_text(widget, text: str) -> None:
    """Type like a user, Cyrillic included (QTest.keyClicks knows only ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def russian(qapp):
    """The program's Russian translators installed, as ``--lang ru`` does; English after."""
    from PySide6.QtCore import QLocale

    from ui import i18n
    previous = QLocale()
    assert i18n.install(qapp, "ru") == "ru"
    yield
    i18n.install(qapp, "en")
    QLocale.setDefault(previous)


def when_modal(handler, timeout_ms: int = 3000, kind: type | None = None) -> list:
    """Run ``handler(dialog)`` as soon as a modal dialog opens (the code under test is
    blocked in ``exec()`` meanwhile); with ``kind``, only a dialog of that class (another
    modal window, a progress window say, may come first).  Returns a list that gets the
    dialog, to check it ran."""
    seen: list = []
    waited = [0]

    def check():
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)):
            waited[0] += 10
            if waited[0] < timeout_ms:
                QTimer.singleShot(10, check)
            return
        seen.append(dialog)
        handler(dialog)

    QTimer.singleShot(0, check)
    return seen


def open_cards() -> list:
    return [w for w in QApplication.topLevelWidgets()
            if type(w).__name__ == "ClientCardDialog" and w.isVisible()]
