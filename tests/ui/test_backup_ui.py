"""Backups in the GUI: Back up now, the status line, automatic and on-exit backups,
restore from the File menu, and the backup settings."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.backup import make_backup, read_manifest
from app.backup_archive import backup_name
from app.clients import ClientData, create_client
from ui.backup import settings as backup_settings

from .conftest import when_modal


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "backups"
    QSettings().setValue(backup_settings.FOLDER_KEY, str(path))
    return path


@pytest.fixture
def said(monkeypatch):
    """What the information boxes said (instead of blocking the test)."""
    texts: list[str] = []

    def information(_parent, _title, text, *a, **k):
        texts.append(text)
        return QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "information", information)
    return texts


def _backups(folder):
    return sorted(folder.glob("*.kbak")) if folder.is_dir() else []


def test_back_up_now_from_the_menu_writes_a_backup_and_the_line_says_today(
        db, folder, main_window, qtbot, monkeypatch, said):
    create_client(ClientData(name="Иванов"))
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.waitUntil(lambda: main_window.backups.label.text() == "No backup yet")  # read after the first paint
    file_menu = main_window.menuBar().actions()[0].menu()
    [action] = [a for a in file_menu.actions() if a.text() == "&Back up now…"]
    action.trigger()
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)
    [made] = _backups(folder)
    assert str(made) in said[0] and "saved and checked" in said[0]
    assert read_manifest(made)["counts"]["client"] == 1
    label = main_window.backups.label
    assert label.text().startswith("Last backup: today ")
    assert label.kind == "ok" and label.isVisible()


def test_the_line_warns_about_an_old_backup_and_a_click_backs_up(db, folder, make_window, qtbot):
    folder.mkdir()
    (folder / backup_name(datetime.now() - timedelta(days=9, hours=2))).write_bytes(b"PK")
    window = make_window()
    label = window.backups.label
    qtbot.waitUntil(lambda: label.text() == "No backup for 9 days")  # read after the first paint
    assert label.kind == "warn" and "Click to back up now" in label.toolTip()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert label.text() == "Backing up…"
    qtbot.waitUntil(lambda: label.kind == "ok", timeout=10_000)
    assert label.text().startswith("Last backup: today ")
    assert len(_backups(folder)) == 2


def test_an_unreachable_folder_is_red_and_a_click_opens_the_backup_settings(db, tmp_path, make_window, qtbot):
    gone = tmp_path / "usb-stick" / "backups"
    QSettings().setValue(backup_settings.FOLDER_KEY, str(gone))
    window = make_window()
    label = window.backups.label
    qtbot.waitUntil(lambda: label.text() == f"Backup folder not reachable: {gone}")  # read after the first paint
    assert label.kind == "error"
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert window.current_page() == window.SETTINGS
    box = window.settings_page.backup_settings
    assert box.choose.hasFocus() or QApplication.focusWidget() is box.choose
    assert box.folder.text() == str(gone)


def test_the_daily_backup_runs_in_a_worker_when_due_and_not_twice(db, folder, tmp_path, qtbot):
    from ui.main_window import MainWindow
    window = MainWindow(str(tmp_path / "test.db"), automatic_backups=True)
    qtbot.addWidget(window)
    window.show()
    window.backups.start(delay_ms=0)
    qtbot.waitUntil(lambda: window.backups.task is not None, timeout=3000)
    assert window.backups.label.text() == "Backing up…"
    assert window.isEnabled()  # the window stays usable meanwhile
    qtbot.waitUntil(lambda: window.backups.task is None, timeout=10_000)
    [made] = _backups(folder)
    assert read_manifest(made)["reason"] == "auto"
    window.backups.check()  # the hourly check: not due again
    assert window.backups.task is None and len(_backups(folder)) == 1
    assert window.backups.timer.isActive() and window.backups.timer.interval() == 60 * 60 * 1000


def test_on_exit_a_backup_is_saved_before_the_window_closes(db, folder, tmp_path, qtbot):
    from ui.main_window import MainWindow
    folder.mkdir()
    make_backup(folder)  # the daily one is done: only the change below makes it due
    window = MainWindow(str(tmp_path / "test.db"), automatic_backups=True)
    qtbot.addWidget(window)
    window.show()
    create_client(ClientData(name="Сидоров"))
    qtbot.waitUntil(lambda: window.backups.changed_since_backup)
    window.quit()
    assert window.isVisible()  # waits for the backup
    dialog = window.backups._exit_dialog
    assert dialog is not None and dialog.labelText() == "Saving a backup…"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    newest = _backups(folder)[-1]  # rotation keeps one of the day: the newest
    assert read_manifest(newest)["reason"] == "exit"
    assert read_manifest(newest)["counts"]["client"] == 1


def test_nothing_is_saved_on_exit_when_automatic_backups_are_off(db, folder, tmp_path, qtbot):
    from ui.main_window import MainWindow
    QSettings().setValue(backup_settings.AUTOMATIC_KEY, False)
    window = MainWindow(str(tmp_path / "test.db"), automatic_backups=True)
    qtbot.addWidget(window)
    window.show()
    create_client(ClientData(name="Сидоров"))
    window.quit()
    assert not window.isVisible()
    assert _backups(folder) == []


def test_a_failed_exit_backup_is_said_and_the_window_still_closes(db, tmp_path, qtbot):
    from ui.main_window import MainWindow
    QSettings().setValue(backup_settings.FOLDER_KEY, str(tmp_path / "file-not-folder"))
    (tmp_path / "file-not-folder").write_text("x")
    window = MainWindow(str(tmp_path / "test.db"), automatic_backups=True)
    qtbot.addWidget(window)
    window.show()
    create_client(ClientData(name="Сидоров"))
    qtbot.waitUntil(lambda: window.backups.changed_since_backup)
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, answer)
    QTimer.singleShot(0, answer)
    window.quit()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert "The backup on closing failed" in seen[0] and "closes anyway" in seen[0]


def test_restore_from_the_menu_brings_back_the_data_and_keeps_a_safety_copy(
        db, db_path, folder, tmp_path, qtbot, monkeypatch, said):
    from ui.application import Session
    create_client(ClientData(name="Иванов"))
    backup = make_backup(folder)
    create_client(ClientData(name="Добавлен после копии"))
    session = Session(str(db_path), automatic_backups=False)
    old = session.open_window()
    old.show()
    assert old.client_page.model.rowCount() == 2
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))

    def confirm(box):
        assert "Clients:" in box.informativeText() and "<b>1</b>" in box.informativeText()
        [restore] = [b for b in box.buttons() if b.text() == "Restore"]
        restore.click()
    seen = when_modal(confirm)
    file_menu = old.menuBar().actions()[0].menu()
    [action] = [a for a in file_menu.actions() if a.text() == "&Restore from backup…"]
    action.trigger()
    assert seen and session.window is not old
    window = session.window  # handed to qtbot once the undo below has replaced it
    assert window.isVisible()
    assert window.client_page.model.rowCount() == 1
    assert window.count_label.text() == "Clients: 1"
    [safety] = (tmp_path / "safety").glob("*.db")
    assert read_manifest(safety)["counts"]["client"] == 2
    assert str(safety) in said[-1] and "restore it the same way" in said[-1]
    # Undo: the safety copy is chosen from the same menu and brings the second client back.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(safety), ""))

    def confirm_undo(box):
        assert "<b>2</b>" in box.informativeText() and "version" not in box.informativeText()
        [restore] = [b for b in box.buttons() if b.text() == "Restore"]
        restore.click()
    seen = when_modal(confirm_undo)
    [action] = [a for a in window.menuBar().actions()[0].menu().actions()
                if a.text() == "&Restore from backup…"]
    action.trigger()
    assert seen and session.window is not window
    qtbot.addWidget(session.window)
    assert session.window.count_label.text() == "Clients: 2"


def test_restore_of_a_file_that_is_not_a_backup_says_so_and_changes_nothing(
        db, folder, main_window, tmp_path, monkeypatch):
    junk = tmp_path / "notes.kbak"
    junk.write_text("shopping list")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    requested = []
    main_window.restore_requested.connect(requested.append)
    main_window.restore_action.trigger()
    assert requested == []
    assert "damaged" in warned[0] or "not a Kartoteka backup" in warned[0]


def test_backup_settings_are_saved_for_this_computer(db, folder, main_window, qtbot, monkeypatch):
    main_window.show_page(main_window.SETTINGS)
    box = main_window.settings_page.backup_settings
    assert box.folder.text() == str(folder)
    assert (box.every_hours.value(), box.keep_daily.value(), box.keep_weekly.value(),
            box.keep_monthly.value(), box.warn_days.value()) == (24, 7, 4, 12, 7)
    assert box.automatic.isChecked() and box.folder.isVisible()
    box.warn_days.setValue(3)
    box.automatic.setChecked(False)
    assert not box.every_hours.isEnabled()
    other = folder.parent / "stick"
    other.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other))
    qtbot.mouseClick(box.choose, Qt.MouseButton.LeftButton)
    policy = backup_settings.load_policy()
    assert (policy.folder, policy.automatic, policy.warn_after_days) == (other, False, 3)
    assert main_window.backups.label.text() == "No backup yet"


def test_damage_found_after_the_window_opens_offers_the_latest_backup(db, db_path, folder, make_window, qtbot):
    """The quick check of every page runs in a worker once the window is painted; damage
    it finds is said, with the latest good backup one click away."""
    from db.models import Client
    from tests.app.test_integrity import damage
    from ui.backup.startup import check_in_background
    Client.insert_many([{"name": f"Клиент {i} " + "x" * 50, "name_fold": f"клиент {i}"}
                        for i in range(3000)]).execute()
    latest = make_backup(folder)
    damaged = db_path.parent / "copy.db"
    damaged.write_bytes(db_path.read_bytes())
    damage(damaged)
    window = make_window()
    requested = []
    window.restore_requested.connect(requested.append)
    texts = []

    def restore(box):
        texts.append(box.text())
        assert box.keep.text() == "Keep working" and box.restore.isEnabled()
        box.restore.click()
    seen = when_modal(restore, timeout_ms=10_000)
    check_in_background(window, damaged)
    qtbot.waitUntil(lambda: bool(requested), timeout=10_000)
    assert seen and "is damaged" in texts[0]
    assert requested == [str(latest)]
