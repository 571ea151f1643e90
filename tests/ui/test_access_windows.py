"""The windows that came with marketing and plans follow the roles: a viewer saves no
segment, only the owner changes campaigns and sets plans."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app import context, segments
from db.models import Employee


@pytest.fixture
def people(db):
    ids = {"anna": Employee.create(name="Анна", role="manager").id,
           "vera": Employee.create(name="Вера", role="viewer").id}
    yield ids
    context.set_current_employee(None)


def open_manager(qtbot, segment_id):
    from ui.segments.manager import SegmentsManager
    dialog = SegmentsManager(segment_id=segment_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_viewer_looks_at_segments_but_cannot_save_one(people, qtbot):
    moscow = segments.save_segment("Москва", {"place": "Москва"})
    context.set_current_employee(people["vera"])
    dialog = open_manager(qtbot, moscow)
    assert dialog.name_edit.text() == "Москва" and dialog.export_button.isVisible()
    assert not dialog.save_button.isVisible() and not dialog.new_button.isVisible()
    assert not dialog.delete_button.isVisible()
    context.set_current_employee(people["anna"])  # a manager keeps them
    dialog = open_manager(qtbot, moscow)
    assert dialog.save_button.isVisible() and dialog.new_button.isVisible()


def test_only_the_owner_changes_campaigns_and_sets_plans(people, qtbot, monkeypatch):
    from ui.reports.page import ReportsPage
    from ui.settings_page import SettingsPage
    owner_page, owner_reports = SettingsPage(), ReportsPage()
    for widget in (owner_page, owner_reports):
        qtbot.addWidget(widget)
    assert not owner_page.campaigns_editor.add_button.isHidden()
    owner_reports.select_report("activity")
    qtbot.waitUntil(lambda: not owner_reports.busy())
    assert owner_reports.plan_action.isVisible()
    context.set_current_employee(people["anna"])
    page = SettingsPage()
    qtbot.addWidget(page)
    editor = page.campaigns_editor
    assert all(b.isHidden() for b in (editor.add_button, editor.edit_button, editor.delete_button))
    reports = ReportsPage()
    qtbot.addWidget(reports)
    reports.select_report("activity")
    qtbot.waitUntil(lambda: not reports.busy())
    assert not reports.plan_action.isVisible()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    dialog = editor.edit(None)  # a double-click still shows a campaign; saving one is refused
    dialog.name_edit.setText("Своя кампания")
    dialog.on_buttons_accepted()
    assert warned == ["Your role (Manager) does not allow you to change the settings. Ask the owner."]
    dialog.reject()
