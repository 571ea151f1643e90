"""Settings → Company: a wrong field says so under itself; Save stores only correct requisites."""
from PySide6.QtCore import Qt

from app import requisites
from tests.ui.conftest import type_text


def make_editor(qtbot):
    from ui.requisites_editor import RequisitesEditor
    editor = RequisitesEditor()
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)  # focus moves only in the active window
    return editor


def fill(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def test_wrong_inn_is_shown_inline_and_not_saved(qtbot, db):
    editor = make_editor(qtbot)
    fill(qtbot, editor.edits["name"], "ООО «Ромашка»")
    fill(qtbot, editor.edits["inn"], "7707083894")
    qtbot.keyClick(editor.edits["inn"], Qt.Key.Key_Tab)  # leaving the INN checks it
    qtbot.waitUntil(lambda: editor.errors["inn"].isVisible())
    assert "check digit" in editor.errors["inn"].text()
    assert not editor.errors["name"].isVisible()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert requisites.get_requisites()["name"] == ""
    assert "Not saved" in editor.status.text()

    fill(qtbot, editor.edits["inn"], "7707083893")
    fill(qtbot, editor.edits["bik"], "044525225")
    fill(qtbot, editor.edits["corr_account"], "30101810400000000225")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.errors["inn"].isVisible()
    assert editor.status.text() == "Saved."
    stored = requisites.get_requisites()
    assert (stored["name"], stored["inn"], stored["bik"]) == ("ООО «Ромашка»", "7707083893", "044525225")


def test_account_not_matching_the_bik_is_marked(qtbot, db):
    editor = make_editor(qtbot)
    fill(qtbot, editor.edits["bik"], "044525225")
    fill(qtbot, editor.edits["account"], "40702810103800000000")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors["account"].isVisible() and "BIK" in editor.errors["account"].text()
    assert not editor.errors["bik"].isVisible()
    assert requisites.get_requisites()["account"] == ""
