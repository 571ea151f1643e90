"""The Automation tab of Settings: add a rule in the dialog, switch it off and on with its
checkbox, edit and delete it, and see the next deal move obey each change."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QStyle, QStyleOptionViewItem

from app import deals
from app.clients import ClientData, create_client
from db.models import Activity, utcnow
from tests.ui.conftest import type_text, when_modal
from ui.undo import undo_stack


@pytest.fixture
def page(qtbot, db):
    from ui.settings_page import SettingsPage
    widget = SettingsPage()
    qtbot.addWidget(widget)
    widget.resize(1000, 560)
    widget.show()
    widget.tabs.setCurrentWidget(widget.automation_editor)
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="ООО Ромашка", kind="company")).id


def click(widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def texts(editor) -> list[str]:
    m = editor.model
    return [m.data(m.index(r, 1)) for r in range(m.rowCount())]


def checked(editor) -> list[bool]:
    m = editor.model
    return [m.data(m.index(r, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            for r in range(m.rowCount())]


def row_of(editor, words: str) -> int:
    return next(r for r, text in enumerate(texts(editor)) if words in text)


def click_checkbox(editor, row: int) -> None:
    view = editor.view
    index = editor.model.index(row, 0)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box.center())


def fill(stage=None, trigger=None, subject=None, days=None, kind=None, target=None, seen=None):
    """A handler for the rule dialog: choose and type like a user, then press OK."""
    def handler(dialog):
        if trigger is not None:
            dialog.trigger_combo.setCurrentIndex(dialog.trigger_combo.findData(trigger))
        if stage is not None:
            dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findText(stage))
        if target is not None:
            dialog.target_combo.setCurrentIndex(dialog.target_combo.findText(target))
        if kind is not None:
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
        if subject is not None:
            dialog.subject_edit.selectAll()
            QTest.keyClick(dialog.subject_edit, Qt.Key.Key_Delete)
            type_text(dialog.subject_edit, subject)
        if days is not None:
            dialog.days_spin.lineEdit().selectAll()
            QTest.keyClicks(dialog.days_spin, str(days))
        if seen is not None:
            seen.append({name: getattr(dialog, name).isVisible()
                         for name in ("stage_combo", "subject_edit", "days_spin", "target_combo")})
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        if seen is not None:
            seen.append(dialog.error_label.text() if dialog.isVisible() else "")
        if dialog.isVisible():  # refused: the user gives up
            dialog.reject()
    return handler


def tasks(subject: str) -> list[Activity]:
    return list(Activity.select().where(Activity.subject == subject, Activity.status == "planned"))


def days_ahead(act: Activity) -> int:
    return (act.planned_at.date() - utcnow().date()).days


def test_the_tab_lists_the_default_rules_in_plain_words(page, qtmodeltester):
    editor = page.automation_editor
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Automation"
    assert texts(editor) == ["When a deal enters «Холодный»: task «Обработать заявку» within an hour",
                             "When a deal is won: feedback «Собрать отзыв» in 15 days"]
    assert checked(editor) == [True, True]
    assert not editor.edit_button.isEnabled() and not editor.delete_button.isEnabled()
    qtmodeltester.check(editor.model)


def test_add_toggle_edit_delete_and_every_deal_move_obeys(page, client_id, qtbot):
    editor = page.automation_editor
    st = deals.stages()
    seen: list = []
    opened = when_modal(fill(stage="Основная / Сделали оценку", subject="Выслать КП", days=3, kind="email",
                           seen=seen))
    click(editor.add_button)
    assert opened
    assert seen[0] == {"stage_combo": True, "subject_edit": True, "days_spin": True, "target_combo": False}
    assert seen[1] == ""  # accepted
    row = row_of(editor, "Выслать КП")
    assert texts(editor)[row] == "When a deal enters «Сделали оценку»: e-mail «Выслать КП» in 3 days"
    assert editor.view.currentIndex().row() == row  # the new rule is selected

    first = deals.create_deal(client_id, "Кухня", 100, stage_id=st[2].id)
    deals.move_deal(first, st[3].id)
    [task] = tasks("Выслать КП")
    assert (task.kind, task.deal_id, days_ahead(task)) == ("email", first, 3)

    click_checkbox(editor, row)  # off
    qtbot.waitUntil(lambda: checked(editor)[row] is False)
    second = deals.create_deal(client_id, "Шкаф", 100, stage_id=st[2].id)
    deals.move_deal(second, st[3].id)
    assert [t.deal_id for t in tasks("Выслать КП")] == [first]

    editor.view.setCurrentIndex(editor.model.index(row, 0))
    QTest.keyClick(editor.view, Qt.Key.Key_Space)  # on again, from the keyboard
    qtbot.waitUntil(lambda: checked(editor)[row] is True)

    editor.view.setCurrentIndex(editor.model.index(row, 1))
    opened = when_modal(fill(days=10, subject="Выслать КП и договор"))
    click(editor.edit_button)
    assert opened
    assert texts(editor)[row] == "When a deal enters «Сделали оценку»: e-mail «Выслать КП и договор» in 10 days"
    third = deals.create_deal(client_id, "Стол", 100, stage_id=st[2].id)
    deals.move_deal(third, st[3].id)
    [edited] = tasks("Выслать КП и договор")
    assert (edited.deal_id, days_ahead(edited)) == (third, 10)

    asked: list = []

    def yes(box):
        asked.append(box.text())
        click(box.button(QMessageBox.StandardButton.Yes))
    opened = when_modal(yes)
    click(editor.delete_button)
    assert opened
    assert "Выслать КП и договор" in asked[0]
    assert not any("Выслать КП" in t for t in texts(editor))
    fourth = deals.create_deal(client_id, "Полка", 100, stage_id=st[2].id)
    deals.move_deal(fourth, st[3].id)
    assert not Activity.select().where(Activity.deal == fourth, Activity.subject.contains("Выслать")).exists()

    undo_stack().undo()  # the rule is back, as edited
    assert "Выслать КП и договор" in texts(editor)[row]
    undo_stack().undo()  # and the edit undone too
    assert texts(editor)[row].endswith("«Выслать КП» in 3 days")


def test_delete_asks_and_no_keeps_the_rule(page):
    editor = page.automation_editor
    editor.view.setCurrentIndex(editor.model.index(1, 1))
    opened = when_modal(lambda box: click(box.button(QMessageBox.StandardButton.No)))
    click(editor.delete_button)
    assert opened
    assert len(texts(editor)) == 2


def test_the_dialog_refuses_an_empty_subject_and_keeps_what_was_typed(page):
    editor = page.automation_editor
    seen: list = []
    opened = when_modal(fill(trigger="deal_won", subject="   ", days=5, seen=seen))
    click(editor.add_button)
    assert opened
    assert seen[0]["stage_combo"] is False  # a won deal: no stage to choose
    assert seen[1] == "Say what the task is."
    assert len(texts(editor)) == 2


def test_an_invoice_rule_names_the_pipeline_when_there_are_several(page, client_id):
    from app import stages
    editor = page.automation_editor
    st = deals.stages()
    production = stages.add_stage(st[0].pipeline_id, "Производство", position=7)
    stages.create_pipeline("Опт")
    seen: list = []
    opened = when_modal(fill(trigger="invoice_paid", target="Основная / Производство", seen=seen))
    click(editor.add_button)
    assert opened
    assert seen[0] == {"stage_combo": False, "subject_edit": False, "days_spin": False, "target_combo": True}
    assert texts(editor)[-1] == "When an invoice is paid: move the deal to «Основная / Производство»"
    assert texts(editor)[0].startswith("When a deal enters «Основная / Холодный»")
    stages.retire_stage(production)
    assert texts(editor)[-1].endswith("«Основная / Производство» (retired)")
    assert editor.model.data(editor.model.index(2, 1), Qt.ItemDataRole.ToolTipRole).startswith(
        "The stage of this rule is retired")
    seen.clear()
    editor.view.setCurrentIndex(editor.model.index(2, 1))
    opened = when_modal(fill(seen=seen))
    click(editor.edit_button)
    assert opened
    assert seen[1] == "The stage «Производство» is retired; choose another."
