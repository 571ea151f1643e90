"""Segments in the client list: the Segment combo shows a saved segment's members,
the current filter is saved as a segment, the manager counts live and deletes with undo,
a segment is exported, and the cards carry their campaign."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from app import campaigns, deals, segments
from app.clients import ClientData, create_client, load_client
from db.models import Client, Deal, utcnow
from ui.client_list.columns import Columns
from ui.undo import undo_stack

from .conftest import type_text, when_modal


@pytest.fixture
def clients(db):
    now = utcnow()
    won = deals.stages()[7]
    ids = {}
    for name, city, status in (("Алмаз", "Омск", "active"), ("Берёза", "Омск", "lead"), ("Вишня", "Тюмень", "active"),
                               ("Гранит", "Тюмень", "lead")):
        ids[name] = create_client(ClientData(name=name, city=city, status=status)).id
    for name in ("Алмаз", "Вишня"):
        did = deals.create_deal(ids[name], "Поставка", Decimal("1000"))
        Deal.update(stage=won.id, closed_at=now - timedelta(days=20)).where(Deal.id == did).execute()
    ids["campaign"] = campaigns.create_campaign(campaigns.CampaignData("Выставка «Стройка»", "exhibition"))
    return ids


def names(page) -> list[str]:
    return [page.model.index(r, Columns.NAME).data() for r in range(page.model.rowCount())]


def test_choosing_a_segment_in_the_combo_shows_its_members(clients, main_window, qtbot):
    sid = segments.save_segment("Купили за квартал", {"bought_months": 3})
    page = main_window.client_page
    combo = page.filter_bar.segment
    combo.showPopup()   # the choices are read when the list opens
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert combo.currentData() == sid and combo.currentText() == "Купили за квартал"
    assert names(page) == ["Алмаз", "Вишня"]
    assert page.counter.text() == "2 clients"
    # the segment is live: a new purchase puts the client in it at once
    did = deals.create_deal(clients["Гранит"], "Ещё", 5)
    deals.move_deal(did, deals.stages()[7].id)
    qtbot.waitUntil(lambda: names(page) == ["Алмаз", "Вишня", "Гранит"])
    # combined with another filter of the bar
    page.filter_bar.place.load()
    page.filter_bar.place.setCurrentIndex(page.filter_bar.place.findData("Тюмень"))
    assert names(page) == ["Вишня", "Гранит"]


def test_save_the_current_filter_as_a_segment(clients, main_window, qtbot):
    page = main_window.client_page
    bar = page.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("active"))
    bar.place.load()
    bar.place.setCurrentIndex(bar.place.findData("Омск"))
    assert names(page) == ["Алмаз"]

    def name_it(dialog):
        assert isinstance(dialog, QInputDialog)
        edit = dialog.findChild(type(bar.text))
        type_text(edit, "Активные в Омске")
        dialog.accept()
    seen = when_modal(name_it)
    page.segments.save_action.trigger()
    assert seen
    [info] = segments.list_segments()
    assert (info.name, info.definition) == ("Активные в Омске", {"status": "active", "place": "Омск"})
    # the list now shows the saved segment alone, and it still selects the same client
    assert bar.segment.segment_id() == info.id and bar.status.currentIndex() == 0
    assert names(page) == ["Алмаз"]
    undo_stack().undo()
    assert segments.list_segments() == []
    assert bar.segment.currentIndex() == 0 and len(names(page)) == 4   # the combo lets the gone segment go


def test_manager_counts_live_saves_and_deletes_with_undo(clients, main_window, qtbot):
    page = main_window.client_page
    manager = page.segments.open_manager()
    qtbot.addWidget(manager)
    type_text(manager.name_edit, "Спящие покупатели")
    check = manager.conditions.bought.check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    qtbot.waitUntil(lambda: manager.count_label.text() == "2 clients in the segment now")
    manager.conditions.status.setCurrentIndex(manager.conditions.status.findData("lead"))
    qtbot.waitUntil(lambda: manager.count_label.text() == "0 clients in the segment now")
    manager.conditions.status.setCurrentIndex(0)
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    [info] = segments.list_segments()
    assert info.definition == {"bought_months": 12}
    assert manager.list.count() == 1 and manager.list.currentItem().text() == "Спящие покупатели"
    qtbot.mouseClick(manager.show_button, Qt.MouseButton.LeftButton)
    assert page.filter_bar.segment.segment_id() == info.id and names(page) == ["Алмаз", "Вишня"]
    qtbot.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    assert segments.list_segments() == [] and manager.list.count() == 0
    assert page.filter_bar.segment.segment_id() is None and len(names(page)) == 4   # it is gone
    undo_stack().undo()
    assert [s.name for s in segments.list_segments()] == ["Спящие покупатели"]
    qtbot.waitUntil(lambda: manager.list.count() == 1)


def test_an_empty_segment_is_refused_with_a_message(clients, main_window, qtbot):
    manager = main_window.client_page.segments.open_manager()
    qtbot.addWidget(manager)
    type_text(manager.name_edit, "Все")
    qtbot.waitUntil(lambda: "no conditions" in manager.count_label.text())
    texts = []
    seen = when_modal(lambda box: (texts.append(box.text()), box.button(box.StandardButton.Ok).click()))
    qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
    assert seen and "at least one condition" in texts[0]
    assert segments.list_segments() == []


def test_export_a_segment_writes_only_its_clients(clients, main_window, qtbot, tmp_path):
    sid = segments.save_segment("Покупатели", {"bought_months": 3})
    dialog = main_window.client_page.segments.export_segment(sid)
    qtbot.addWidget(dialog)
    assert [dialog.what_combo.itemData(i) for i in range(dialog.what_combo.count())] == ["clients", "vcard"]
    target = tmp_path / "segment.xlsx"
    dialog.set_path(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == {clients["Алмаз"], clients["Вишня"]} and dialog.written[1] == 2


def test_bulk_campaign_and_card_campaign_combo(clients, main_window, qtbot):
    page = main_window.client_page
    page.view.selectAll()
    assert page.segments.campaign_action.isEnabled()
    seen = when_modal(lambda d: (d.combo.setCurrentIndex(d.combo.findData(clients["campaign"])),
                                 d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()))
    page.segments.campaign_action.trigger()
    assert seen
    assert {c.campaign_id for c in Client.select()} == {clients["campaign"]}
    undo_stack().undo()
    assert {c.campaign_id for c in Client.select()} == {None}


def test_campaigns_editor_adds_edits_and_deletes_with_undo(clients, qtbot):
    from ui.campaigns_editor import CampaignsEditor
    editor = CampaignsEditor()
    qtbot.addWidget(editor)
    assert editor.table.rowCount() == 1
    dialog = editor.edit(None)
    type_text(dialog.name_edit, "Рассылка к Новому году")
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("mailing"))
    dialog.cost_spin.setValue(2500.5)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    made = [c for c in campaigns.list_campaigns() if c.name == "Рассылка к Новому году"]
    assert len(made) == 1 and made[0].channel == "mailing" and made[0].cost == Decimal("2500.50")
    assert editor.table.rowCount() == 2
    editor.table.selectRow([editor.table.item(r, 0).text() for r in range(2)].index("Рассылка к Новому году"))
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 1
    undo_stack().undo()
    assert editor.table.rowCount() == 2


def test_deal_form_carries_the_campaign(clients, qtbot):
    from app.deal_details import load_deal, save_deal
    from ui.deal_card.form import DealForm
    did = Deal.select(Deal.id).first().id
    form = DealForm()
    qtbot.addWidget(form)
    form.set_data(load_deal(did))
    assert form.campaign_combo.currentData() is None
    form.campaign_combo.setCurrentIndex(form.campaign_combo.findData(clients["campaign"]))
    save_deal(form.fill(load_deal(did)))
    assert load_deal(did).campaign_id == clients["campaign"] == Deal.get_by_id(did).campaign_id
