"""The calendar page driven like a user: a double click on a day plans an activity
through the dialog, items dragged with the mouse move to another day (undo brings them
back), a repeating one asks "only this one or all future", filters hide kinds."""
from datetime import date, datetime, time, timedelta

import pytest
from dateutil import tz
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app import activities, recurrence
from app.activities import ActivityData
from app.clients import ClientData, create_client
from db.models import Activity, Employee
from tests.ui.conftest import type_text, when_modal
from ui.undo import undo_stack

MOSCOW = tz.gettz("Europe/Moscow")
MARCH = date(2027, 3, 10)


@pytest.fixture
def clients(db):
    recurrence.set_local_tz(MOSCOW)
    Employee.create(name="Андрей Орлов", role="owner")
    ids = {"romashka": create_client(ClientData(name="ООО «Ромашка»", kind="company")).id,
           "ivanov": create_client(ClientData(name="Иванов Пётр Сергеевич")).id}
    yield ids
    recurrence.set_local_tz(None)


@pytest.fixture
def page(qtbot, clients):
    from ui.calendar import CalendarPage
    widget = CalendarPage()
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.go_to(MARCH)
    return widget


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return recurrence.to_utc(datetime.combine(day, time(hour, minute)))


def plan(client_id, when, kind="call_out", subject="Звонок", **kw) -> int:
    return activities.log_activity(ActivityData(kind=kind, subject=subject, client_id=client_id,
                                                status="planned", planned_at=when, **kw))


def double_click(widget, point):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def drag(widget, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(widget, start + (end - start) * step / 5)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def titles_on(page, day):
    return [i.title for i in page.month_view.items_on(day)]


def test_double_click_on_a_day_plans_an_activity_there(page, clients, qtbot):
    view = page.month_view
    cell = view.cell_rect(date(2027, 3, 12))

    def fill(dialog):
        assert dialog.start() == datetime(2027, 3, 12, 10, 0)
        type_text(dialog.subject, "Договор на поставку")
        type_text(dialog.client, "Ромаш")
        dialog.client.search_now()
        popup = dialog.client.completer_.popup()
        qtbot.waitUntil(popup.isVisible)
        first = popup.model().index(0, 0)
        QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         popup.visualRect(first).center())
        assert dialog.client.client_id() == clients["romashka"]
        dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
        QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)

    seen = when_modal(fill)
    double_click(view, cell.center() + QPoint(0, cell.height() // 3))
    assert seen, "the dialog did not open"
    act = Activity.get(Activity.subject == "Договор на поставку")
    assert (act.kind, act.client_id, act.status, act.planned_at) == \
        ("meeting", clients["romashka"], "planned", local(date(2027, 3, 12), 10))
    assert act.reminder_at == act.planned_at - timedelta(minutes=15)
    assert titles_on(page, date(2027, 3, 12)) == ["Договор на поставку"]
    item = view.items_on(date(2027, 3, 12))[0]
    assert view.cell_rect(date(2027, 3, 12)).contains(view.item_rect(item))
    assert page.agenda.model.rowCount() == 1  # the new day is selected in the agenda
    assert "ООО «Ромашка»" in page.agenda.model.index(0, 0).data()


def test_drag_an_item_to_another_day_then_undo(page, clients, qtbot):
    aid = plan(clients["ivanov"], local(date(2027, 3, 5), 11, 30), subject="Уточнить заказ",
               reminder_at=local(date(2027, 3, 5), 11, 15))
    qtbot.waitUntil(lambda: titles_on(page, date(2027, 3, 5)) == ["Уточнить заказ"])
    view = page.month_view
    item = view.items_on(date(2027, 3, 5))[0]
    drag(view, view.item_rect(item).center(), view.cell_rect(date(2027, 3, 9)).center())
    act = Activity.get_by_id(aid)
    assert act.planned_at == local(date(2027, 3, 9), 11, 30)
    assert act.reminder_at == local(date(2027, 3, 9), 11, 15)  # the reminder came along
    assert titles_on(page, date(2027, 3, 9)) == ["Уточнить заказ"]
    assert titles_on(page, date(2027, 3, 5)) == []
    undo_stack().undo()
    assert Activity.get_by_id(aid).planned_at == local(date(2027, 3, 5), 11, 30)
    qtbot.waitUntil(lambda: titles_on(page, date(2027, 3, 5)) == ["Уточнить заказ"])
    assert titles_on(page, date(2027, 3, 9)) == []


def test_dragging_one_date_of_a_weekly_call_asks_and_moves_only_that_one(page, clients, qtbot):
    series = plan(clients["romashka"], local(date(2027, 3, 1), 9, 30), subject="Еженедельный созвон",
                  recurrence="FREQ=WEEKLY;BYDAY=MO")
    qtbot.waitUntil(lambda: titles_on(page, date(2027, 3, 15)) == ["Еженедельный созвон"])
    view = page.month_view
    assert [titles_on(page, date(2027, 3, d)) for d in (1, 8, 22)] == [["Еженедельный созвон"]] * 3
    item = view.items_on(date(2027, 3, 15))[0]

    def only_this(box: QMessageBox):
        button = next(b for b in box.buttons() if b.text() == "Only this one")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    asked = when_modal(only_this)
    drag(view, view.item_rect(item).center(), view.cell_rect(date(2027, 3, 17)).center())
    assert asked
    moved = Activity.get(Activity.series == series)
    assert moved.planned_at == local(date(2027, 3, 17), 9, 30)
    assert titles_on(page, date(2027, 3, 15)) == []
    assert titles_on(page, date(2027, 3, 22)) == ["Еженедельный созвон"]
    assert view.items_on(date(2027, 3, 17))[0].recurring is False


def test_a_drag_cancelled_at_the_question_changes_nothing(page, clients, qtbot):
    plan(clients["romashka"], local(date(2027, 3, 1), 9, 30), recurrence="FREQ=WEEKLY;BYDAY=MO")
    qtbot.waitUntil(lambda: len(page.month_view.items_on(date(2027, 3, 8))) == 1)
    view = page.month_view
    item = view.items_on(date(2027, 3, 8))[0]
    when_modal(lambda box: box.reject())
    drag(view, view.item_rect(item).center(), view.cell_rect(date(2027, 3, 10)).center())
    assert Activity.select().count() == 1
    assert undo_stack().count() == 0


def test_week_view_double_click_on_a_slot_and_drag_to_another_time(page, clients, qtbot):
    aid = plan(clients["ivanov"], local(date(2027, 3, 9), 10), kind="meeting", subject="Показ образцов",
               duration_min=60)
    QTest.mouseClick(page.mode_buttons[1], Qt.MouseButton.LeftButton)
    week = page.week_view
    assert week.days[0] == date(2027, 3, 8)
    item = next(i for i in page.items if i.activity_id == aid)
    rect = week.item_rect(item)
    assert rect.height() > 30  # an hour long
    target = week.slot_point(datetime(2027, 3, 11, 14, 0))
    drag(week.canvas, rect.topLeft() + QPoint(rect.width() // 2, 5),
         QPoint(target.x(), rect.top() + 5 + (target.y() - week.slot_point(datetime(2027, 3, 9, 10)).y())))
    assert Activity.get_by_id(aid).planned_at == local(date(2027, 3, 11), 14)

    def check(dialog):
        assert dialog.start() == datetime(2027, 3, 12, 16, 30)
        dialog.reject()
    seen = when_modal(check)
    double_click(week.canvas, week.slot_point(datetime(2027, 3, 12, 16, 30)))
    assert seen


def test_filters_by_kind_and_responsible_and_navigation(page, clients, qtbot):
    other = Employee.create(name="Светлана Ким", role="manager").id
    plan(clients["ivanov"], local(date(2027, 3, 3), 10), kind="meeting", subject="Встреча")
    plan(clients["romashka"], local(date(2027, 3, 3), 12), subject="Звонок", responsible_id=other)
    qtbot.waitUntil(lambda: len(titles_on(page, date(2027, 3, 3))) == 2)
    page.kind_actions["meeting"].setChecked(False)
    qtbot.waitUntil(lambda: titles_on(page, date(2027, 3, 3)) == ["Звонок"])
    page.kind_actions["meeting"].setChecked(True)
    from ui.calendar import CalendarPage
    fresh = CalendarPage()  # the new employee is in a new page's list
    qtbot.addWidget(fresh)
    fresh.resize(1366, 768)
    fresh.show()
    fresh.go_to(MARCH)
    fresh.responsible.setCurrentIndex(fresh.responsible.findData(other))
    qtbot.waitUntil(lambda: [i.title for i in fresh.month_view.items_on(date(2027, 3, 3))] == ["Звонок"])
    title = fresh.title.text()
    QTest.mouseClick(fresh.next_button, Qt.MouseButton.LeftButton)
    assert fresh.anchor.month == 4 and fresh.title.text() != title
    QTest.mouseClick(fresh.prev_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(fresh.prev_button, Qt.MouseButton.LeftButton)
    assert (fresh.anchor.year, fresh.anchor.month) == (2027, 2)


def test_birthdays_are_all_day_and_done_items_are_dimmed(page, clients, qtbot):
    create_client(ClientData(name="Смирнова Анна", birthday=date(1980, 3, 20)))
    aid = plan(clients["ivanov"], local(date(2027, 3, 4), 10))
    activities.complete_activity(aid, "Договорились", now=local(date(2027, 3, 4), 10, 20))
    qtbot.waitUntil(lambda: len(page.month_view.items_on(date(2027, 3, 20))) == 1)
    birthday = page.month_view.items_on(date(2027, 3, 20))[0]
    assert (birthday.all_day, birthday.kind, birthday.age) == (True, "birthday", 47)
    assert [i.done for i in page.month_view.items_on(date(2027, 3, 4))] == [True]
    page.month_view.grab()  # paints without warnings


def test_edit_an_activity_with_a_weekly_rule_from_the_agenda(page, clients, qtbot, qtmodeltester):
    aid = plan(clients["ivanov"], local(date(2027, 3, 10), 15), subject="Планёрка")
    qtbot.waitUntil(lambda: page.agenda.model.rowCount() == 1)
    qtmodeltester.check(page.agenda.model)

    def weekly(dialog):
        assert dialog.subject.text() == "Планёрка"
        assert dialog.client.text() == "Иванов Пётр Сергеевич"
        dialog.repeat.freq.setCurrentIndex(dialog.repeat.freq.findData("weekly"))
        QTest.mouseClick(dialog.repeat.weekday_buttons[4], Qt.MouseButton.LeftButton)  # + Friday
        QTest.mouseClick(dialog.repeat.end_after, Qt.MouseButton.LeftButton)
        dialog.repeat.count.setValue(5)
        assert dialog.repeat.summary.text()
        QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)

    seen = when_modal(weekly)
    index = page.agenda.model.index(0, 0)
    double_click(page.agenda.list.viewport(), page.agenda.list.visualRect(index).center())
    assert seen
    assert "BYDAY=WE,FR" in Activity.get_by_id(aid).recurrence and "COUNT=5" in Activity.get_by_id(aid).recurrence
    qtbot.waitUntil(lambda: titles_on(page, date(2027, 3, 12)) == ["Планёрка"])
    assert titles_on(page, date(2027, 3, 17)) == ["Планёрка"]


def test_agenda_model(qtmodeltester, clients):
    from app.calendar import items
    from ui.calendar.agenda import AgendaModel
    plan(clients["ivanov"], local(date(2027, 3, 10), 15))
    plan(clients["romashka"], local(date(2027, 3, 10), 9), kind="meeting", duration_min=90)
    model = AgendaModel()
    model.set_items(items(local(date(2027, 3, 10), 0), local(date(2027, 3, 11), 0)))
    qtmodeltester.check(model)
    assert model.index(0, 0).data().startswith("09:00–10:30")
