"""The welcome on a new database: the answers are stored, each choice says what to do next."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app import settings
from app.errors import ValidationError
from app.first_run import company_name, is_first_run
from db.models import Client, Deal
from tests.ui.conftest import type_text, when_modal
from ui import i18n


@pytest.fixture
def welcome(db, db_path, qtbot, tmp_path):
    from ui.backup.settings import FOLDER_KEY
    from ui.welcome import WelcomeDialog
    QSettings().setValue(FOLDER_KEY, str(tmp_path / "copies"))
    dialog = WelcomeDialog(str(db_path), demo_clients=20)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def answer(dialog, company="ООО «Ромашка»", region="KZ", language="en"):
    dialog.company_edit.setFocus()
    type_text(dialog.company_edit, company)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData(region))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))


def test_it_says_where_the_data_and_the_backups_are(welcome, db_path, tmp_path):
    text = welcome.data_label.text()
    assert str(db_path) in text
    assert str(tmp_path / "copies") in text
    assert welcome.phone_region() == "RU"  # the default of a new database
    combo = welcome.region_combo
    assert combo.itemText(combo.findData("KZ")).endswith("(+7)")
    assert combo.itemText(combo.findData("DE")).endswith("(+49)")


def test_start_empty_stores_the_answers(welcome, qtbot):
    answer(welcome)
    qtbot.mouseClick(welcome.empty_button, Qt.MouseButton.LeftButton)
    assert welcome.result() == QDialog.DialogCode.Accepted
    assert welcome.choice == "empty"
    assert company_name() == "ООО «Ромашка»"
    assert settings.phone_region() == "KZ"
    assert i18n.chosen_language() == "en"
    assert not is_first_run()
    assert Client.select().count() == 0


def test_the_demo_fills_the_database_in_a_worker(welcome, qtbot):
    answer(welcome, company="Демо", region="RU", language="ru")
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert welcome.is_busy() and not welcome.demo_button.isEnabled() and welcome.progress_row.isVisible()
    welcome.reject()  # Escape while the demo is written: the dialog stays
    assert welcome.isVisible()
    qtbot.waitUntil(lambda: welcome.choice == "demo", timeout=10_000)
    assert welcome.result() == QDialog.DialogCode.Accepted
    assert Client.select().count() == 20
    assert Deal.select().count() > 0
    assert company_name() == "Демо"
    assert not is_first_run()


def test_a_failed_demo_says_so_and_lets_choose_again(welcome, qtbot, monkeypatch):
    def broken(_count):
        raise ValidationError(field="demo", detail="the disk is full")
    monkeypatch.setattr("ui.welcome.generate", broken)
    said = []

    def read_and_close(box):
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()
    when_modal(read_and_close, timeout_ms=10_000)
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said) and not welcome.is_busy(), timeout=10_000)
    assert "the disk is full" in said[0]
    assert welcome.choice is None and welcome.isVisible()
    assert welcome.empty_button.isEnabled() and not welcome.progress_row.isVisible()
    assert is_first_run()


def test_import_asks_the_caller_to_open_the_wizard(welcome, qtbot):
    answer(welcome, region="BY")
    qtbot.mouseClick(welcome.import_button, Qt.MouseButton.LeftButton)
    assert welcome.choice == "import"
    assert settings.phone_region() == "BY"  # the import reads the phones with it
    assert not is_first_run()


def test_restore_leaves_the_settings_to_the_backup(welcome, qtbot):
    answer(welcome, language="ru")
    qtbot.mouseClick(welcome.restore_button, Qt.MouseButton.LeftButton)
    assert welcome.choice == "restore"
    assert i18n.chosen_language() == "ru"
    assert company_name() == "" and is_first_run()


def test_closing_without_a_choice_asks_again_next_time(welcome, qtbot):
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    assert welcome.result() == QDialog.DialogCode.Rejected
    assert welcome.choice is None
    assert is_first_run()


def test_a_server_database_is_shown_without_its_password(db, qtbot):
    from ui.welcome import WelcomeDialog
    dialog = WelcomeDialog("postgresql://olga:secret@office:5432/crm", backup_folder="/copies")
    qtbot.addWidget(dialog)
    assert "office:5432/crm" in dialog.data_label.text()
    assert "secret" not in dialog.data_label.text() and "olga" not in dialog.data_label.text()
