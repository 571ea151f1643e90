"""The activities page: every activity, filters in SQL, completing from the list."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.activities import ActivityData, log_activity
from app.clients import ClientData, create_client
from app.events import publish
from db.models import Activity, Employee, utcnow
from tests.ui.conftest import type_text, when_modal
from ui.activities_model import ActivitiesModel, IdRole
from ui.activities_page import ActivitiesPage, period_bounds


def _seed():
    anna = create_client(ClientData(name="Анна Смирнова"))
    romashka = create_client(ClientData(name="ООО Ромашка", kind="company"))
    now = utcnow()
    ids = {
        "overdue": log_activity(ActivityData(kind="call_out", subject="Перезвонить", client_id=anna.id,
                                             status="planned", planned_at=now - timedelta(days=2))),
        "future": log_activity(ActivityData(kind="meeting", subject="Встреча", client_id=romashka.id,
                                            status="planned", planned_at=now + timedelta(days=2))),
        "done": log_activity(ActivityData(kind="email", subject="КП", result="отправили",
                                          client_id=romashka.id, done_at=now - timedelta(seconds=1))),
        "old": log_activity(ActivityData(kind="note", result="давно", client_id=anna.id,
                                         done_at=now - timedelta(days=90))),
    }
    return anna, romashka, ids


def _shown(page):
    return [page.model.index(r, 0).data(IdRole) for r in range(page.model.rowCount())]


def _page(qtbot):
    page = ActivitiesPage()
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    return page


def test_overdue_filter_and_completing_from_the_list(db, qtbot, qtmodeltester):
    anna, _romashka, ids = _seed()
    page = _page(qtbot)
    assert _shown(page) == [ids["future"], ids["done"], ids["overdue"], ids["old"]]  # newest first
    qtmodeltester.check(page.model)

    page.status_combo.setCurrentIndex(page.status_combo.findData("overdue"))
    assert _shown(page) == [ids["overdue"]]
    assert page.model.index(0, ActivitiesModel.Columns.STATUS).data() == "Overdue"
    assert not page.complete_button.isEnabled()
    page.view.selectRow(0)
    assert page.complete_button.isEnabled()

    def complete(dialog):
        type_text(dialog.result_edit, "Дозвонились, ждут счёт")
        dialog.next_picker.apply_preset("tomorrow")
        dialog.accept()
    seen = when_modal(complete)
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    assert seen
    act = Activity.get_by_id(ids["overdue"])
    assert (act.status, act.result) == ("done", "Дозвонились, ждут счёт")
    assert _shown(page) == []  # no longer overdue
    nxt = Activity.get(Activity.client == anna.id, Activity.status == "planned")
    assert nxt.planned_at > utcnow()
    qtmodeltester.check(page.model)


def test_filters_by_kind_client_text_period_and_responsible(db, qtbot):
    _anna, _romashka, ids = _seed()
    page = _page(qtbot)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("email"))
    assert _shown(page) == [ids["done"]]
    page.kind_combo.setCurrentIndex(0)
    type_text(page.client_edit, "ромаш")
    assert _shown(page) == [ids["future"], ids["done"]]
    page.client_edit.clear()
    page.status_combo.setCurrentIndex(page.status_combo.findData("planned"))
    assert set(_shown(page)) == {ids["future"], ids["overdue"]}
    page.status_combo.setCurrentIndex(0)
    page.period_combo.setCurrentIndex(page.period_combo.findData("month"))
    assert ids["old"] not in _shown(page) and ids["done"] in _shown(page)
    page.period_combo.setCurrentIndex(page.period_combo.findData("custom"))
    assert page.from_edit.isVisible()
    other = Employee.create(name="Борис")
    publish("employee", "create", [other.id])  # what the employees service will say
    assert page.responsible_combo.findData(other.id) > 0
    page.period_combo.setCurrentIndex(0)
    page.responsible_combo.setCurrentIndex(page.responsible_combo.findData(other.id))
    assert _shown(page) == []
    assert page.count_label.text().endswith("0")


def test_sorting_in_sql_and_double_click_opens_the_client(db, qtbot, qtmodeltester):
    anna, romashka, ids = _seed()
    page = _page(qtbot)
    page.view.sortByColumn(ActivitiesModel.Columns.CLIENT, Qt.SortOrder.AscendingOrder)
    clients = [page.model.index(r, ActivitiesModel.Columns.CLIENT).data() for r in range(4)]
    assert clients == sorted(clients, key=str.casefold)
    qtmodeltester.check(page.model)
    row = _shown(page).index(ids["done"])
    with qtbot.waitSignal(page.open_client_requested) as blocker:
        page.view.doubleClicked.emit(page.model.index(row, 1))
    assert blocker.args == [romashka.id]


def test_new_activity_appears_after_a_change_event(db, qtbot):
    anna, _romashka, _ids = _seed()
    page = _page(qtbot)
    before = page.model.rowCount()
    log_activity(ActivityData(kind="note", result="ещё", client_id=anna.id))
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=2000)


def test_period_bounds():
    from datetime import date, datetime
    day = date(2026, 11, 25)  # a Wednesday
    assert period_bounds("today", day) == (datetime(2026, 11, 25), datetime(2026, 11, 26))
    assert period_bounds("week", day) == (datetime(2026, 11, 23), datetime(2026, 11, 30))
    assert period_bounds("month", day) == (datetime(2026, 11, 1), datetime(2026, 12, 1))
    assert period_bounds("all", day) == (None, None)


def test_opening_reads_one_chunk_once_and_counts_all(db, qtbot, qtmodeltester, monkeypatch):
    import ui.activities_model as activities_model
    from app.activity_list import ActivityPages, activity_ids
    anna, _romashka, _ids = _seed()
    for n in range(5):
        log_activity(ActivityData(kind="task", subject=f"Задача {n}", client_id=anna.id,
                                  done_at=utcnow() - timedelta(days=n)))
    reads = []

    class Counted(ActivityPages):
        def next_ids(self, limit=None):
            reads.append(limit)
            return super().next_ids(limit)
    monkeypatch.setattr(activities_model, "ActivityPages", Counted)
    monkeypatch.setattr(activities_model, "CHUNK", 3)
    page = _page(qtbot)
    assert reads == [3]  # not once for the sort indicator and again for the filter
    assert page.count_label.text() == "Activities: 9"  # the exact total, not the rows fetched
    assert page.model.rowCount() == 3 and page.model.canFetchMore()
    qtmodeltester.check(page.model)  # fetches a chunk more on its own
    while page.model.canFetchMore():
        page.view.scrollToBottom()
        qtbot.wait(1)
        if page.model.canFetchMore():
            page.model.fetchMore()
    assert _shown(page) == activity_ids()
    assert page.model.total() == page.model.rowCount() == 9


def test_sorting_and_refreshing_keep_the_rows_fetched_and_the_selection(db, qtbot, qtmodeltester,
                                                                         monkeypatch):
    import ui.activities_model as activities_model
    from app.activity_list import ActivityFilter, activity_ids
    anna, _romashka, _ids = _seed()
    for n in range(60):
        log_activity(ActivityData(kind=("call_in", "email")[n % 2], client_id=anna.id,
                                  done_at=utcnow() - timedelta(hours=n)))
    monkeypatch.setattr(activities_model, "CHUNK", 10)
    page = _page(qtbot)
    qtbot.wait(20)  # the view fetches until its viewport is full
    fetched = page.model.rowCount()
    assert fetched < 64 and page.model.total() == 64
    page.model.fetchMore()
    assert page.model.rowCount() == fetched + 10
    fetched += 10
    chosen = _shown(page)[fetched - 3]
    page.view.selectRow(fetched - 3)
    page.view.sortByColumn(ActivitiesModel.Columns.WHEN, Qt.SortOrder.AscendingOrder)
    assert page.model.rowCount() >= fetched  # as many as before (the view may fetch more)
    assert _shown(page) == activity_ids(ActivityFilter(), "when", False)[:page.model.rowCount()]
    assert page.selected_id() in (chosen, None)
    qtmodeltester.check(page.model)
    page.view.sortByColumn(ActivitiesModel.Columns.WHEN, Qt.SortOrder.DescendingOrder)
    assert page.model.rowCount() >= fetched
    page.view.selectRow(_shown(page).index(chosen))
    log_activity(ActivityData(kind="note", result="ещё", client_id=anna.id,
                              done_at=utcnow() - timedelta(days=30)))
    qtbot.waitUntil(lambda: page.model.total() == 65, timeout=2000)
    assert page.model.rowCount() >= fetched and page.selected_id() == chosen
    assert page.count_label.text() == "Activities: 65"
    page.view.sortByColumn(ActivitiesModel.Columns.KIND, Qt.SortOrder.AscendingOrder)
    assert _shown(page) == activity_ids(ActivityFilter(), "kind", False)  # no index: all at once
    assert not page.model.canFetchMore()
    qtmodeltester.check(page.model)
    page.view.sortByColumn(ActivitiesModel.Columns.WHEN, Qt.SortOrder.DescendingOrder)
    qtbot.wait(20)
    assert _shown(page) == activity_ids()[:page.model.rowCount()]
