"""The stages editor: reorder (buttons and a drop with real mime data), recolour, rename
inline, retire and bring back, add a stage and a pipeline; every change undoable."""
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QColorDialog, QLineEdit, QMessageBox

from app import deals, stages
from app.clients import ClientData, create_client
from db.models import Stage


@pytest.fixture(autouse=True)
def fresh_ui_state(monkeypatch):
    from ui.bridge import reset_bridge
    from ui.undo import reset_undo_stack
    reset_bridge()
    reset_undo_stack()
    yield
    reset_undo_stack()
    reset_bridge()


@pytest.fixture
def warnings(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    return said


@pytest.fixture
def editor(qtbot, db):
    from ui.stages_editor import StagesEditor
    widget = StagesEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def order():
    return [s.id for s in deals.stages(include_retired=True)]


def select(editor, stage_id):
    row = next(r for r, s in enumerate(editor.model.rows) if s.id == stage_id)
    editor.view.setCurrentIndex(editor.model.index(row, 0))


def test_model_passes_the_model_tester(editor, qtmodeltester):
    qtmodeltester.check(editor.model)
    assert editor.model.rowCount() == 9 and editor.model.data(editor.model.index(0, 0)) == "Холодный"


def test_move_down_and_undo(editor):
    from ui.undo import undo_stack
    before = order()
    select(editor, before[0])
    QTest.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert order()[:2] == [before[1], before[0]]
    assert editor.model.rows[1].id == before[0]  # the table follows the database
    assert editor.view.currentIndex().row() == 1  # and the selection the stage
    undo_stack().undo()
    assert order() == before


def test_drop_reorders_with_real_mime_data(editor):
    before = order()
    model = editor.model
    mime = model.mimeData([model.index(6, 0)])  # Заключаем контракт
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex()) is False
    QApplication.processEvents()
    assert order()[:3] == [before[0], before[6], before[1]]


def test_recolour_is_stored_and_undoable(editor, monkeypatch):
    from ui.undo import undo_stack
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123abc"))
    first = order()[0]
    old = Stage.get_by_id(first).color
    select(editor, first)
    QTest.mouseClick(editor.color_button, Qt.MouseButton.LeftButton)
    assert Stage.get_by_id(first).color == "#123abc"
    assert editor.model.data(editor.model.index(0, 0), Qt.ItemDataRole.DecorationRole) == QColor("#123abc")
    undo_stack().undo()
    assert Stage.get_by_id(first).color == old


def test_rename_inline(qtbot, editor):
    first = order()[0]
    index = editor.model.index(0, 0)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    line = [e for e in editor.view.viewport().findChildren(QLineEdit) if e.isVisible()][-1]
    line.selectAll()
    line.insert("Новые заявки")
    QTest.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Stage.get_by_id(first).name == "Новые заявки")
    assert editor.model.data(editor.model.index(0, 0)) == "Новые заявки"


def test_retire_is_refused_with_open_deals_and_greyed_when_shown(editor, warnings):
    from ui.undo import undo_stack
    client = create_client(ClientData(name="Иванов Иван")).id
    busy, empty = order()[0], order()[3]
    deals.create_deal(client, "Кухня", 100, stage_id=busy)
    select(editor, busy)
    QTest.mouseClick(editor.retire_button, Qt.MouseButton.LeftButton)
    assert warnings and "move its 1 deal(s)" in warnings[0]
    assert Stage.get_by_id(busy).retired_at is None
    select(editor, empty)
    QTest.mouseClick(editor.retire_button, Qt.MouseButton.LeftButton)
    assert Stage.get_by_id(empty).retired_at is not None
    assert empty not in [s.id for s in editor.model.rows]
    editor.show_retired_check.setChecked(True)
    row = next(r for r, s in enumerate(editor.model.rows) if s.id == empty)
    assert editor.model.data(editor.model.index(row, 0), Qt.ItemDataRole.ForegroundRole) == QColor("#9e9e9e")
    assert "(retired)" in editor.model.data(editor.model.index(row, 0))
    undo_stack().undo()
    assert Stage.get_by_id(empty).retired_at is None


def test_add_stage_goes_before_won_and_lost_and_undo_removes_it(editor):
    from ui.undo import undo_stack
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    names = [s.name for s in deals.stages()]
    assert names[-3:] == ["New stage", "Работа!", "Упущен"]
    undo_stack().undo()
    assert "New stage" not in [s.name for s in deals.stages()]
    undo_stack().redo()
    assert [s.name for s in deals.stages()].count("New stage") == 1


def test_add_pipeline_and_undo(editor):
    from ui.undo import undo_stack
    pid = editor.add_pipeline("Оптовые продажи")
    assert editor.pipeline_id() == pid and editor.model.rowCount() == 9
    undo_stack().undo()
    assert pid not in [p.id for p in stages.pipelines()]
    assert editor.pipeline_combo.findData(pid) == -1
