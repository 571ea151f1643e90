"""The import wizard driven like a user: Next through the pages, combos, Cancel."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QWizard

from db.models import Client, ImportBatch, Phone
from ui.import_wizard import ImportHistoryDialog, ImportWizard
from ui.import_wizard.mapping_page import MappingModel
from ui.import_wizard.plan_model import PlanModel

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SHOP = SAMPLES / "shop_clients.xlsx"
NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


def click(qtbot, wizard, which) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_wizard(qtbot, path=SHOP) -> ImportWizard:
    wizard = ImportWizard(None, str(path) if path else None)
    qtbot.addWidget(wizard)
    wizard.show()
    if path:
        qtbot.waitUntil(lambda: wizard.button(NEXT).isEnabled(), timeout=10_000)
    return wizard


def to_mapping(qtbot, wizard) -> None:
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == ImportWizard.SHEET
    qtbot.waitUntil(lambda: wizard.button(NEXT).isEnabled())
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == ImportWizard.MAPPING


def to_preview(qtbot, wizard) -> None:
    to_mapping(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == ImportWizard.PREVIEW
    qtbot.waitUntil(lambda: wizard.button(COMMIT).isEnabled(), timeout=10_000)


def import_now(qtbot, wizard) -> None:
    click(qtbot, wizard, COMMIT)
    assert wizard.currentId() == ImportWizard.APPLY
    qtbot.waitUntil(lambda: wizard.button(FINISH).isEnabled(), timeout=10_000)


def plan_row(page, sheet_row: int) -> int:
    return next(i for i, r in enumerate(page.model.plan.rows) if r.row == sheet_row)


def choose(combo, key) -> None:
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


def test_shop_file_imports_end_to_end(db, qtbot, qtmodeltester):
    wizard = open_wizard(qtbot)
    assert "5 rows found" in wizard.file_page.status_label.text()
    click(qtbot, wizard, NEXT)
    sheet = wizard.sheet_page
    qtbot.waitUntil(sheet.isComplete)
    qtmodeltester.check(sheet.model)
    assert "row 2" in sheet.summary.text() and "5 rows to import" in sheet.summary.text()
    assert sheet.model.index(1, 0).data() == "Клиент"
    assert sheet.model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # the header stands out
    assert sheet.model.rowCount() == 7

    click(qtbot, wizard, NEXT)
    mapping = wizard.mapping_page
    qtmodeltester.check(mapping.model)
    qtmodeltester.check(mapping.values_model)
    targets = {mapping.model.index(r, 0).data(): mapping.model.index(r, MappingModel.Columns.TARGET).data()
               for r in range(mapping.model.rowCount())}
    assert targets["Клиент"] == "Name" and targets["Моб. телефон"] == "Phone"
    assert targets["Этап"] == "Funnel stage"
    assert "Громова Ольга Викторовна" in mapping.model.index(0, MappingModel.Columns.SAMPLES).data()
    assert {v for v, _ in mapping.values_model.values} == {"Интересуется", "Обсуждаем задачу", "Работа!",
                                                           "Холодный"}
    assert mapping.values_model.unconfirmed() == []

    click(qtbot, wizard, NEXT)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.button(COMMIT).isEnabled(), timeout=10_000)
    qtmodeltester.check(preview.model)
    assert "<b>4</b> new clients" in preview.counts.text()
    assert "<b>1</b> row merged" in preview.counts.text()
    row6 = plan_row(preview, 6)
    assert preview.model.index(row6, PlanModel.Columns.EXISTING).data() == "Row 3: Громова Ольга Викторовна"
    assert "Merge" in preview.model.index(row6, PlanModel.Columns.ACTION).data()
    assert any(preview.problems.item(i).text().startswith("Row 7: phone '12345'")
               for i in range(preview.problems.count()))
    assert Client.select().count() == 0  # nothing written before the last step

    with qtbot.waitSignal(wizard.import_finished, timeout=10_000) as finished:
        click(qtbot, wizard, COMMIT)
    qtbot.waitUntil(lambda: wizard.button(FINISH).isEnabled())
    assert Client.select().count() == 4
    assert finished.args == [ImportBatch.get().id]
    assert "<b>4</b> clients created" in wizard.apply_page.details.text()
    assert "<b>1</b> row merged" in wizard.apply_page.details.text()
    assert "Import history" in wizard.apply_page.undo_note.text()
    assert wizard.apply_page.save_problems.isVisible()
    click(qtbot, wizard, FINISH)
    assert not wizard.isVisible()


def test_changing_a_column_target_changes_the_preview(db, qtbot):
    wizard = open_wizard(qtbot)
    to_mapping(qtbot, wizard)
    page = wizard.mapping_page
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "Моб. телефон")
    combo = page.view.indexWidget(page.model.index(row, MappingModel.Columns.TARGET))
    choose(combo, "skip")
    assert page.model.index(row, MappingModel.Columns.TARGET).data() == "Skip"
    click(qtbot, wizard, NEXT)
    qtbot.waitUntil(lambda: wizard.button(COMMIT).isEnabled(), timeout=10_000)
    # without the mobile numbers "Громова О. В." is no longer recognised as a duplicate
    assert "<b>5</b> new clients" in wizard.preview_page.counts.text()
    assert "<b>0</b> rows merged" in wizard.preview_page.counts.text()


def test_a_stage_column_asks_about_unknown_values(db, qtbot):
    wizard = open_wizard(qtbot)
    to_mapping(qtbot, wizard)
    page = wizard.mapping_page
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "Адрес")
    choose(page.view.indexWidget(page.model.index(row, MappingModel.Columns.TARGET)), "status")
    values = page.values_model
    assert {"Тюмень", "Москва", "Ярославль"} <= set(values.unconfirmed())
    assert not wizard.button(NEXT).isEnabled()
    assert "highlighted in yellow" in page.problem.text()
    for r in range(values.rowCount()):
        if values.values[r][0] in values.unconfirmed():
            combo = page.values_view.indexWidget(values.index(r, values.Columns.MAPS_TO))
            choose(combo, "status:active" if values.values[r][0] == "Москва" else "")
    assert wizard.button(NEXT).isEnabled()
    assert page.state.sheet.mapping.values["Москва"] == "status:active"


def test_skipping_the_duplicate_row_leaves_it_out(db, qtbot):
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    index = page.model.index(plan_row(page, 6), PlanModel.Columns.ACTION)
    page.view.edit(index)
    combo = page.view.indexWidget(index)
    assert [combo.itemData(i) for i in range(combo.count())] == ["merge", "create", "skip"]
    choose(combo, "skip")
    assert index.data() == "Skip"
    assert "<b>0</b> rows merged" in page.counts.text() and "<b>1</b> row skipped" in page.counts.text()
    import_now(qtbot, wizard)
    assert Client.select().count() == 4
    gromova = Client.get(Client.name == "Громова Ольга Викторовна")
    assert [p.raw for p in Phone.select().where(Phone.client == gromova)] == ["8(3452)55-66-77", "89221234567"]
    assert "похоже, дубль" not in gromova.notes
    assert "<b>1</b> row skipped" in wizard.apply_page.details.text()


def test_create_all_makes_the_duplicate_a_client_of_its_own(db, qtbot):
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard)
    qtbot.mouseClick(wizard.preview_page.create_all, Qt.MouseButton.LeftButton)
    assert "<b>5</b> new clients" in wizard.preview_page.counts.text()
    import_now(qtbot, wizard)
    assert Client.select().count() == 5


def test_cancel_during_the_import_leaves_the_database_unchanged(db, qtbot, monkeypatch):
    from ui.import_wizard import apply_page
    real_apply = apply_page.apply_import
    gate = threading.Event()

    def slow_apply(plan, on_progress, should_cancel):
        def progress(done, total):
            on_progress(done, total)
            gate.wait(10)  # hold the transaction open until the user has pressed Stop
        return real_apply(plan, progress, should_cancel)

    monkeypatch.setattr(apply_page, "apply_import", slow_apply)
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard)
    click(qtbot, wizard, COMMIT)
    page = wizard.apply_page
    assert page.cancel_button.isVisible() and not wizard.button(FINISH).isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=10_000)
    assert "Nothing was imported" in page.status.text()
    assert Client.select().count() == 0 and ImportBatch.select().count() == 0
    assert not wizard.button(FINISH).isEnabled()
    assert page.retry_button.isVisible()
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)  # and the same plan imports fine after
    qtbot.waitUntil(lambda: wizard.button(FINISH).isEnabled(), timeout=10_000)
    assert Client.select().count() == 4


def test_the_wizard_cancel_button_stops_the_import_then_closes(db, qtbot, monkeypatch):
    from ui.import_wizard import apply_page
    real_apply = apply_page.apply_import
    gate = threading.Event()

    def slow_apply(plan, on_progress, should_cancel):
        def progress(done, total):
            on_progress(done, total)
            gate.wait(10)
        return real_apply(plan, progress, should_cancel)

    monkeypatch.setattr(apply_page, "apply_import", slow_apply)
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard)
    click(qtbot, wizard, COMMIT)
    click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    gate.set()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
    assert Client.select().count() == 0


def test_a_bad_file_gets_a_clear_message(db, qtbot, tmp_path):
    bad = tmp_path / "clients.xlsx"
    bad.write_text("this is not a spreadsheet", encoding="utf-8")
    wizard = open_wizard(qtbot, None)
    wizard.file_page.open_path(str(bad))
    qtbot.waitUntil(lambda: not wizard.file_page.is_loading(), timeout=10_000)
    assert "clients.xlsx" in wizard.file_page.status_label.text()
    assert "not a spreadsheet" in wizard.file_page.status_label.text()
    assert not wizard.button(NEXT).isEnabled()


def test_a_dropped_file_is_read(db, qtbot):
    wizard = open_wizard(qtbot, None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLES / "counterparties_1c.csv"))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    wizard.file_page.dropEvent(event)  # what Qt calls when the file is let go over the page
    assert event.isAccepted()
    qtbot.waitUntil(lambda: wizard.button(NEXT).isEnabled(), timeout=10_000)
    to_preview(qtbot, wizard)
    assert "<b>1</b> new client" in wizard.preview_page.counts.text()
    import_now(qtbot, wizard)
    assert Client.select().count() == 1


def test_the_problem_rows_are_saved_as_xlsx(db, qtbot, tmp_path):
    from openpyxl import load_workbook
    wizard = open_wizard(qtbot)
    to_preview(qtbot, wizard)
    import_now(qtbot, wizard)
    target = tmp_path / "problems.xlsx"
    wizard.apply_page.save_problems_to(str(target))
    qtbot.waitUntil(lambda: "saved" in wizard.apply_page.saved.text(), timeout=10_000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [7]  # Зайцев: the phone and the e-mail, in one row
    assert "12345" in rows[1][2] and "zaitsev(at)mail.ru" in rows[1][2]
    assert "1 row saved" in wizard.apply_page.saved.text()


def test_history_undoes_an_import(db, qtbot, qtmodeltester, monkeypatch):
    from app.importer import import_file
    result = import_file(SHOP)
    assert Client.select().count() == 4
    dialog = ImportHistoryDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    assert dialog.model.index(0, dialog.model.Columns.FILE).data() == "shop_clients.xlsx"
    assert dialog.model.index(0, dialog.model.Columns.CREATED).data() == "4"
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running() and "removed" in dialog.status.text(), timeout=10_000)
    assert "shop_clients.xlsx" in asked[0] and "4 clients" in asked[0]
    assert Client.select().count() == 0
    assert ImportBatch.get_by_id(result.batch).undone_at is not None
    assert dialog.model.index(0, dialog.model.Columns.UNDONE).data()
    assert not dialog.undo_button.isEnabled()


def test_history_is_empty_at_first(db, qtbot):
    dialog = ImportHistoryDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.undo_button.isEnabled()


@pytest.mark.parametrize("name, clients", [("contacts.vcf", 1)])
def test_vcard_goes_through_the_same_steps(db, qtbot, name, clients):
    wizard = open_wizard(qtbot, SAMPLES / name)
    to_preview(qtbot, wizard)
    import_now(qtbot, wizard)
    assert Client.select().count() == clients


def test_another_sheet_can_be_chosen(db, qtbot, tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    book.active.title = "Заметки"
    book.active.append(["Клиенты магазина"])
    sheet = book.create_sheet("Клиенты")
    sheet.append(["ФИО", "Телефон"])
    sheet.append(["Орлова Анна", "+7 912 345-67-89"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    wizard = open_wizard(qtbot, path)
    click(qtbot, wizard, NEXT)
    page = wizard.sheet_page
    assert page.sheet_combo.isVisible() and page.sheet_combo.currentText() == "Заметки"
    assert "No row of column names was found" in page.summary.text()
    page.sheet_combo.setCurrentText("Клиенты")
    assert not wizard.button(NEXT).isEnabled()  # while the sheet is read
    qtbot.waitUntil(lambda: "row 1;" in page.summary.text(), timeout=10_000)
    assert page.model.index(0, 0).data() == "ФИО" and "1 row to import" in page.summary.text()
    click(qtbot, wizard, NEXT)
    to_import = wizard.mapping_page
    assert to_import.model.index(0, 0).data() == "ФИО"
    click(qtbot, wizard, NEXT)
    qtbot.waitUntil(lambda: wizard.button(COMMIT).isEnabled(), timeout=10_000)
    import_now(qtbot, wizard)
    assert [c.name for c in Client.select()] == ["Орлова Анна"]


def test_the_preview_says_which_campaigns_the_import_creates(db, qtbot, tmp_path):
    path = tmp_path / "leads.csv"
    path.write_text("ФИО;Телефон;Кампания\nИванов Иван;+79161110001;Радио Шансон\n"
                    "Петров Пётр;+79161110002;Яндекс Директ весна\n", encoding="utf-8")
    wizard = open_wizard(qtbot, path)
    to_preview(qtbot, wizard)
    assert "<b>2</b> new campaigns: Радио Шансон, Яндекс Директ весна" in wizard.preview_page.counts.text()
