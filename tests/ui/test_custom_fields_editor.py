"""The custom fields editor: a field added in Settings shows up on a new client card with
the right editor; rename, reorder, retire and restore reach the card; every change undoes."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QMessageBox

from app import custom_fields
from app.clients import ClientData, create_client
from tests.ui.conftest import type_text, when_modal
from ui.client_card import open_client_card
from ui.undo import undo_stack


@pytest.fixture
def warnings(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    return said


@pytest.fixture
def editor(qtbot, db):
    from ui.custom_fields_editor import CustomFieldsEditor
    widget = CustomFieldsEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(button):
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def fill(name=None, kind=None, options=None, cancel=False, seen_ok=None):
    """A handler for the field dialog: type what a user would, then press OK."""
    def handler(dialog):
        if name is not None:
            dialog.name_edit.selectAll()
            QTest.keyClick(dialog.name_edit, Qt.Key.Key_Delete)
            type_text(dialog.name_edit, name)
        if kind is not None:
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
        if options is not None:
            dialog.options_edit.setFocus()
            dialog.options_edit.selectAll()
            dialog.options_edit.insertPlainText(options)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if seen_ok is not None:
            seen_ok.append((ok.isEnabled(), dialog.options_edit.isVisible(), dialog.kind_combo.isEnabled()))
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel) if cancel else ok)
        if dialog.isVisible():  # refused: the user gives up
            dialog.reject()
    return handler


def table(editor):
    m = editor.model
    return [tuple(m.data(m.index(r, c)) for c in range(m.columnCount())) for r in range(m.rowCount())]


def card_fields(qtbot):
    """What a user sees for custom fields on a new client card: label → editor."""
    card = open_client_card(None, None)
    qtbot.waitExposed(card)
    form = card.details.more_page.layout()
    out = {}
    for f in card.details.custom.fields:
        widget = card.details.custom.editors[f.id]
        label = form.labelForField(widget)
        out[label.text()] = widget
    card.state.base = card.current_data()
    card.close()
    return out


def combo_items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def add(editor, qtbot, **kw):
    seen = when_modal(fill(**kw))
    click(editor.add_button)
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_model_passes_the_model_tester(editor, qtmodeltester):
    custom_fields.add_field("client", "Канал", "choice", ["Сайт", "Звонок"])
    custom_fields.add_field("client", "Бюджет", "number")
    retired = custom_fields.add_field("client", "Старое", "text")
    custom_fields.retire_field(retired)
    editor.show_retired_check.setChecked(True)
    qtmodeltester.check(editor.model)
    assert table(editor) == [("Канал", "Choice from a list", "Сайт, Звонок"), ("Бюджет", "Number", ""),
                             ("Старое (retired)", "Text", "")]


def test_added_choice_field_appears_on_a_new_card_and_undo_removes_it(editor, qtbot):
    checks = []
    add(editor, qtbot, name="Канал", kind="choice", options=" Сайт\nЗвонок\n\nсайт\nВыставка", seen_ok=checks)
    assert checks == [(True, True, True)]
    assert table(editor) == [("Канал", "Choice from a list", "Сайт, Звонок, Выставка")]
    assert editor.current_field().name == "Канал"  # the new field is selected
    fields = card_fields(qtbot)
    assert list(fields) == ["Канал:"]
    assert isinstance(fields["Канал:"], QComboBox)
    assert combo_items(fields["Канал:"]) == ["", "Сайт", "Звонок", "Выставка"]

    undo_stack().undo()
    assert table(editor) == [] and card_fields(qtbot) == {}
    editor.show_retired_check.setChecked(True)
    assert table(editor) == []  # not left behind as a retired field either
    undo_stack().redo()
    assert table(editor) == [("Канал", "Choice from a list", "Сайт, Звонок, Выставка")]
    assert "Канал:" in card_fields(qtbot)


def test_choice_without_options_cannot_be_confirmed(editor, qtbot):
    checks = []
    add(editor, qtbot, name="Канал", kind="choice", options="  \n", seen_ok=checks)
    assert checks == [(False, True, True)]
    assert table(editor) == []


def test_duplicate_name_is_refused_and_the_dialog_stays(editor, qtbot, warnings):
    custom_fields.add_field("client", "Канал", "text")
    stayed = []

    def handler(dialog):
        type_text(dialog.name_edit, "канал")
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        stayed.append(dialog.isVisible())
        dialog.reject()
    seen = when_modal(handler)
    click(editor.add_button)
    qtbot.waitUntil(lambda: bool(seen))
    assert stayed == [True]
    assert warnings == ["Name: there already is a field called «канал»"]
    assert [r[0] for r in table(editor)] == ["Канал"]
    assert undo_stack().count() == 0


def test_rename_reaches_the_card_and_undoes(editor, qtbot):
    add(editor, qtbot, name="Канал", kind="choice", options="Сайт\nЗвонок")
    seen = when_modal(fill(name="Источник", options="Сайт\nЗвонок\nРеклама"))
    editor.view.doubleClicked.emit(editor.model.index(0, 0))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].windowTitle() == "Field «Канал»"
    assert table(editor) == [("Источник", "Choice from a list", "Сайт, Звонок, Реклама")]
    fields = card_fields(qtbot)
    assert list(fields) == ["Источник:"] and combo_items(fields["Источник:"])[-1] == "Реклама"
    undo_stack().undo()
    assert table(editor) == [("Канал", "Choice from a list", "Сайт, Звонок")]


def test_kind_is_locked_once_a_card_holds_a_value(editor, qtbot):
    fid = custom_fields.add_field("client", "Сайт", "text")
    create_client(ClientData(name="Иванов", custom={fid: "ivanov.ru"}))
    editor.select(fid)
    checks = []
    seen = when_modal(fill(name="Сайт компании", seen_ok=checks))
    click(editor.edit_button)
    qtbot.waitUntil(lambda: bool(seen))
    assert checks == [(True, False, False)]
    assert seen[0].kind_note.isVisibleTo(seen[0])
    assert table(editor) == [("Сайт компании", "Text", "")]


def test_retire_hides_from_a_new_card_and_restore_brings_it_back(editor, qtbot):
    a = custom_fields.add_field("client", "Канал", "text")
    custom_fields.add_field("client", "Бюджет", "number")
    editor.select(a)
    assert editor.retire_button.text() == "Retire"
    click(editor.retire_button)
    assert [r[0] for r in table(editor)] == ["Бюджет"]
    fields = card_fields(qtbot)
    assert list(fields) == ["Бюджет:"] and isinstance(fields["Бюджет:"], QLineEdit)

    editor.show_retired_check.setChecked(True)
    editor.select(a)
    assert editor.retire_button.text() == "Restore"
    click(editor.retire_button)
    assert list(card_fields(qtbot)) == ["Канал:", "Бюджет:"]
    undo_stack().undo()  # restore undone: retired again
    assert list(card_fields(qtbot)) == ["Бюджет:"]


def test_move_down_reorders_the_card_and_undoes(editor, qtbot):
    a = custom_fields.add_field("client", "Канал", "text")
    custom_fields.add_field("client", "Бюджет", "number")
    editor.select(a)
    assert not editor.up_button.isEnabled() and editor.down_button.isEnabled()
    click(editor.down_button)
    assert [r[0] for r in table(editor)] == ["Бюджет", "Канал"]
    assert editor.current_field().id == a and editor.up_button.isEnabled()
    assert list(card_fields(qtbot)) == ["Бюджет:", "Канал:"]
    undo_stack().undo()
    assert [r[0] for r in table(editor)] == ["Канал", "Бюджет"]


def test_kind_change_while_unused_undoes(editor, qtbot, warnings):
    fid = custom_fields.add_field("client", "Сайт", "text")
    editor.select(fid)
    seen = when_modal(fill(kind="number"))
    click(editor.edit_button)
    qtbot.waitUntil(lambda: bool(seen))
    assert table(editor) == [("Сайт", "Number", "")]
    undo_stack().undo()
    assert table(editor) == [("Сайт", "Text", "")]
    assert warnings == []
