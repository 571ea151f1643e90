"""The quick-log bar and the timeline on the card."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.activities import ActivityData, log_activity
from app.clients import ClientData, create_client, load_client
from db.models import Activity, utcnow
from tests.ui.test_client_card import gui, new_card  # noqa: F401 - fixture
from tests.ui.conftest import type_text, when_modal
from ui.client_card.timeline import TimelineModel
from ui.formatting import to_utc
from ui.widgets.datetime_picker import preset_datetime


def test_log_a_call_with_the_next_contact_date(gui, qtmodeltester):
    client = create_client(ClientData(name="Клиент"))
    card = new_card(gui, client.id)
    assert "No next step planned" in card.header.next_label.text()
    bar = card.quick_log
    gui.mouseClick(bar.kind_buttons["call_in"], Qt.MouseButton.LeftButton)
    type_text(bar.result_edit, "Обсудили цены, ждут КП")
    bar.next_picker.apply_preset("3days")
    QTest.keyClick(bar.result_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    planned_at = to_utc(preset_datetime("3days"))
    assert load_client(client.id).next_contact_at == planned_at
    done = Activity.get(Activity.client == client.id, Activity.status == "done")
    assert (done.kind, done.result) == ("call_in", "Обсудили цены, ждут КП")
    planned = Activity.get(Activity.client == client.id, Activity.status == "planned")
    assert planned.planned_at == planned_at
    entries = card.timeline.timeline_model.entries
    assert [e.status for e in entries] == ["planned", "done"]  # planned on top
    assert "Обсудили цены" in card.header.last_label.text()
    assert "No next step planned" not in card.header.next_label.text()
    assert bar.result_text() == "" and bar.next_at() is None  # ready for the next one
    assert card.details.next_contact.value() == preset_datetime("3days")
    assert not card.is_dirty()  # the new date came from the database, nothing to save
    qtmodeltester.check(card.timeline.timeline_model)


def test_enter_logs_and_shift_enter_breaks_the_line(gui):
    client = create_client(ClientData(name="Клиент"))
    card = new_card(gui, client.id)
    bar = card.quick_log
    type_text(bar.result_edit, "line one")
    QTest.keyClick(bar.result_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(bar.result_edit, "line two")
    assert Activity.select().count() == 0
    QTest.keyClick(bar.result_edit, Qt.Key.Key_Return)
    assert Activity.get().result == "line one\nline two"


def test_empty_result_is_not_logged(gui):
    client = create_client(ClientData(name="Клиент"))
    card = new_card(gui, client.id)
    QTest.keyClick(card.quick_log.result_edit, Qt.Key.Key_Return)
    assert Activity.select().count() == 0
    assert card.quick_log.result_edit.property("invalid")


def test_overdue_planned_step_is_red_and_can_be_completed_from_the_timeline(gui, qtmodeltester):
    client = create_client(ClientData(name="Клиент"))
    overdue = log_activity(ActivityData(kind="call_out", subject="Перезвонить", client_id=client.id,
                                        status="planned", planned_at=utcnow() - timedelta(days=1)))
    card = new_card(gui, client.id)
    entry = card.timeline.timeline_model.entries[0]
    assert entry.overdue and entry.id == overdue
    assert "overdue" in card.header.next_label.text() and "#c62828" in card.header.next_label.text()

    def complete(dialog):
        type_text(dialog.result_edit, "Дозвонились")
        dialog.accept()
    seen = when_modal(complete)
    card.timeline.doubleClicked.emit(card.timeline.timeline_model.index(0))
    assert seen
    act = Activity.get_by_id(overdue)
    assert (act.status, act.result) == ("done", "Дозвонились")
    assert [e.status for e in card.timeline.timeline_model.entries] == ["done"]
    assert "No next step planned" in card.header.next_label.text()
    qtmodeltester.check(card.timeline.timeline_model)


def test_logging_on_a_new_card_saves_the_client_first(gui):
    card = new_card(gui)
    type_text(card.details.name_edit, "Сразу звонок")
    type_text(card.quick_log.result_edit, "Познакомились")
    gui.mouseClick(card.quick_log.log_button, Qt.MouseButton.LeftButton)
    assert card.client_id is not None
    assert Activity.get().client_id == card.client_id


def test_timeline_model_passes_the_model_tester(qtmodeltester, db):
    model = TimelineModel()
    qtmodeltester.check(model)
    client = create_client(ClientData(name="Клиент"))
    for i in range(3):
        log_activity(ActivityData(kind="note", result=f"n{i}", client_id=client.id))
    from ui.client_card.timeline import load_entries
    model.set_entries(load_entries(client.id))
    assert [e.result for e in model.entries] == ["n2", "n1", "n0"]
    qtmodeltester.check(model)
