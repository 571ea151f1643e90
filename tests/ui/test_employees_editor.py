"""Settings ▸ Employees: add and edit employees in the dialog, set a password (mismatch and
too short said inline), hand a leaver's work over with a preview, and undo with Ctrl+Z."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from app import context, employees
from db.models import Activity, Client, Deal, Employee, Pipeline, Stage, utcnow
from tests.ui.conftest import type_text, when_modal
from ui.undo import undo_stack


@pytest.fixture
def page(qtbot, db):
    from ui.settings_page import SettingsPage
    widget = SettingsPage()
    qtbot.addWidget(widget)
    widget.resize(1000, 560)
    widget.show()
    widget.tabs.setCurrentWidget(widget.employees_editor)
    qtbot.waitExposed(widget)
    return widget


def click(widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def table(editor) -> list[list[str]]:
    m = editor.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def row(editor, name: str) -> list[str]:
    return next(cells for cells in table(editor) if cells[0] == name)


def select(editor, name: str) -> None:
    row = next(r for r, cells in enumerate(table(editor)) if cells[0].startswith(name))
    editor.view.setCurrentIndex(editor.model.index(row, 0))


def replace_text(edit, text: str) -> None:
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def employee_form(name=None, role=None, login=None, active=None, seen=None):
    """A handler for the employee dialog: type like a user, press OK, note a refusal."""
    def handler(dialog):
        if name is not None:
            replace_text(dialog.name_edit, name)
        if role is not None:
            dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role))
        if login is not None:
            replace_text(dialog.login_edit, login)
        if active is not None and dialog.active_check.isChecked() != active:
            click(dialog.active_check)
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        if seen is not None:
            seen.append(dialog.error_label.text() if dialog.isVisible() else "")
        if dialog.isVisible():
            dialog.reject()
    return handler


def test_the_tab_lists_the_owner(page, qtmodeltester):
    editor = page.employees_editor
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Employees"
    assert table(editor) == [["Владелец (you)", "Owner", "", "Works here", ""]]
    assert editor.add_button.isEnabled() and editor.password_button.isEnabled()
    assert not editor.warning_label.isVisible()
    qtmodeltester.check(editor.model)


def test_add_edit_and_undo(page):
    editor = page.employees_editor
    opened = when_modal(employee_form(name="Анна Петрова", role="viewer", login="anna"))
    click(editor.add_button)
    assert opened
    assert ["Анна Петрова", "Viewer (reads only)", "anna", "Works here", ""] in table(editor)
    assert editor.current_employee()["name"] == "Анна Петрова"  # the new one is selected

    opened = when_modal(employee_form(role="manager", active=False))
    click(editor.edit_button)
    assert opened
    assert table(editor)[-1] == ["Анна Петрова", "Manager", "anna", "Left", ""]  # those who left go last

    undo_stack().undo()
    assert row(editor, "Анна Петрова") == ["Анна Петрова", "Viewer (reads only)", "anna", "Works here", ""]
    undo_stack().undo()
    assert [row[0] for row in table(editor)] == ["Владелец (you)"]
    assert not Employee.select().where(Employee.name == "Анна Петрова").exists()


def test_refusals_keep_the_dialog_open_with_the_reason(page):
    editor = page.employees_editor
    employees.create_employee("Анна", login="anna")
    seen: list = []
    opened = when_modal(employee_form(name="Борис", login="ANNA", seen=seen))
    click(editor.add_button)
    assert opened
    assert seen == ["The login «ANNA» already belongs to Анна."]
    select(editor, "Владелец")
    opened = when_modal(employee_form(role="manager", seen=seen))
    click(editor.edit_button)
    assert opened
    assert seen[1].startswith("Kartoteka needs at least one active owner.")
    assert Employee.get(Employee.name == "Владелец").role == "owner"


def password_form(password, repeat, seen):
    def handler(dialog):
        type_text(dialog.password_edit, password)
        type_text(dialog.repeat_edit, repeat)
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        seen.append(dialog.error_label.text() if dialog.isVisible() else "")
        if dialog.isVisible():
            dialog.reject()
    return handler


def test_password_dialog_says_mismatch_and_too_short_then_sets_it(page):
    editor = page.employees_editor
    anna = employees.create_employee("Анна")
    select(editor, "Анна")
    seen: list = []
    for password, repeat in (("secret-1", "secret-2"), ("abc", "abc"), ("пароль-1", "пароль-1")):
        opened = when_modal(password_form(password, repeat, seen))
        click(editor.password_button)
        assert opened
    assert seen == ["The two passwords differ. Type the same password twice.",
                    "The password is too short: at least 6 characters.", ""]
    assert employees.authenticate("Анна", "пароль-1") == anna
    assert row(editor, "Анна")[4] == "✓"
    # Анна has a password and the owner has none: anyone may sign in as the owner
    assert editor.warning_label.isVisible()
    assert "Владелец" in editor.warning_label.text()


def test_a_manager_reads_and_changes_only_her_own_password(qtbot, db):
    from ui.employees_editor import EmployeesEditor
    anna = employees.create_employee("Анна")
    context.set_current_employee(anna)
    editor = EmployeesEditor()
    qtbot.addWidget(editor)
    editor.show()
    assert editor.current_employee()["id"] == anna
    assert not editor.add_button.isEnabled() and not editor.edit_button.isEnabled()
    assert not editor.handover_button.isEnabled()
    assert editor.password_button.isEnabled()
    select(editor, "Владелец")
    assert not editor.password_button.isEnabled()


def test_hand_over_with_preview_and_ctrl_z(page):
    editor = page.employees_editor
    leaver = employees.create_employee("Иван")
    newcomer = employees.create_employee("Мария")
    pipeline = Pipeline.select().first()
    open_stage = Stage.get(Stage.pipeline == pipeline, Stage.kind == "open")
    won_stage = Stage.get(Stage.pipeline == pipeline, Stage.kind == "won")
    clients = [Client.create(name=n, name_fold=n.lower(), responsible=leaver) for n in ("ООО А", "ООО Б")]
    Deal.create(client=clients[0], pipeline=pipeline, stage=open_stage, title="Открытая", responsible=leaver)
    Deal.create(client=clients[0], pipeline=pipeline, stage=won_stage, title="Выиграна", responsible=leaver,
                closed_at=utcnow())
    Activity.create(client=clients[1], kind="task", status="planned", planned_at=utcnow(), responsible=leaver)
    select(editor, "Иван")
    seen: list = []

    def handler(dialog):
        seen.append(dialog.from_combo.currentText())
        dialog.to_combo.setCurrentIndex(dialog.to_combo.findText("Мария"))
        seen.append(dialog.preview_label.text())
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    opened = when_modal(handler)
    click(editor.handover_button)
    assert opened
    assert seen == ["Иван", "2 clients, 1 open deal, 1 planned activity will move."]
    assert {c.responsible_id for c in Client.select()} == {newcomer}
    assert {d.title: d.responsible_id for d in Deal.select()} == {"Открытая": newcomer, "Выиграна": leaver}
    assert "Иван → Мария" in editor.result_label.text()

    undo_stack().undo()
    assert {c.responsible_id for c in Client.select()} == {leaver}
    assert Deal.get(Deal.title == "Открытая").responsible_id == leaver
    assert Activity.get().responsible_id == leaver
    undo_stack().redo()
    assert Activity.get().responsible_id == newcomer


def test_the_settings_page_of_the_main_window_has_the_tab(main_window):
    tabs = main_window.settings_page.tabs
    assert "Employees" in [tabs.tabText(i) for i in range(tabs.count())]
