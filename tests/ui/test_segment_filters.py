"""A saved segment as a filter beyond the client list: the funnel (board and list), the
activity list and the reports keep only what belongs to the segment's clients."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app import deals, segments
from app.activities import ActivityData, log_activity
from app.activity_list import ActivityFilter, activity_ids
from app.clients import ClientData, create_client
from app.funnel import FunnelFilter, columns
from app.reports import build_report
from app.reports.base import Filters
from db.models import Activity, utcnow


@pytest.fixture
def world(db):
    regular = create_client(ClientData(name="ООО Постоянный", kind="company", status="active", city="Тюмень")).id
    lead = create_client(ClientData(name="Новиков Лид", status="lead", city="Тюмень")).id
    stage = deals.stages()[0].id
    made = {"regular": regular, "lead": lead,
            "deal_regular": deals.create_deal(regular, "Поставка постоянному", 700, stage_id=stage),
            "deal_lead": deals.create_deal(lead, "Первый заказ", 300, stage_id=stage),
            "segment": segments.save_segment("Постоянные", {"status": "active"})}
    now = utcnow()
    made["call_regular"] = log_activity(ActivityData(kind="call_out", subject="Звонок постоянному",
                                                     client_id=regular, done_at=now - timedelta(hours=1)))
    made["call_lead"] = log_activity(ActivityData(kind="call_out", subject="Звонок лиду",
                                                  client_id=lead, done_at=now - timedelta(hours=2)))
    return made


def choose(qtbot, combo, text: str) -> None:
    """Pick an entry the way a user does with the keyboard (the combo emits ``activated``)."""
    from PySide6.QtCore import Qt
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not offered"


def test_core_filters_keep_only_the_segments_clients(world):
    flt = FunnelFilter(segment_id=world["segment"])
    assert sum(c.count for c in columns(flt)) == 1
    found = activity_ids(ActivityFilter(segment_id=world["segment"]))
    assert world["call_regular"] in found and world["call_lead"] not in found
    assert {Activity.get_by_id(i).client_id for i in found} == {world["regular"]}
    assert build_report("clients", Filters(option="city")).rows[0][:2] == ["Тюмень", 2]
    report = build_report("clients", Filters(option="city", segment_id=world["segment"]))
    assert "Сегмент: Постоянные" in report.filter_lines
    assert report.rows[0][:2] == ["Тюмень", 1]  # only the active client is in the segment


def test_funnel_segment_combo_filters_board_and_list(qtbot, world):
    from ui.funnel import FunnelPage
    page = FunnelPage()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    combo = page.filter_bar.segment_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Any segment", "Постоянные"]
    assert sum(c.count for c in page.stages()) == 2
    choose(qtbot, combo, "Постоянные")
    qtbot.waitUntil(lambda: sum(c.count for c in page.stages()) == 1)
    page.filter_bar.list_button.click()
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 1)
    assert page.list_model.card(0).title == "Поставка постоянному"

    segments.delete_segment(world["segment"])  # the chosen segment goes: back to every deal
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 2)
    assert combo.currentText() == "Any segment" and combo.count() == 1


def test_activities_page_segment_filter(qtbot, world):
    from ui.activities_page import ActivitiesPage
    page = ActivitiesPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    everything = page.model.total()
    theirs = Activity.select().where(Activity.client == world["regular"], Activity.deleted_at.is_null()).count()
    assert everything > theirs
    choose(qtbot, page.segment_combo, "Постоянные")
    qtbot.waitUntil(lambda: page.model.total() == theirs)
    subjects = [page.model.row_data(r).subject for r in range(page.model.rowCount())]
    assert "Звонок постоянному" in subjects and "Звонок лиду" not in subjects
    assert page.count_label.text() == f"Activities: {theirs}"


def test_reports_filter_panel_passes_the_segment(qtbot, world):
    from ui.reports.filter_panel import ReportFilterPanel
    panel = ReportFilterPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.filters().segment_id is None
    with qtbot.waitSignal(panel.changed):
        choose(qtbot, panel.segment_combo, "Постоянные")
    assert panel.filters().segment_id == world["segment"]
