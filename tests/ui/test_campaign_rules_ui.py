"""Settings → Campaigns: the «Client sources» field of the campaign dialog and the
"Apply to existing clients" button, with undo."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app import campaign_rules, campaigns
from app.clients import ClientData, create_client, load_client
from ui.undo import undo_stack

from .conftest import type_text, when_modal


@pytest.fixture
def editor(db, qtbot):
    from ui.campaigns_editor import CampaignsEditor
    widget = CampaignsEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    return widget


def _ok(dialog, qtbot):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_sources_typed_in_the_dialog_bring_the_campaign_to_new_clients(editor, qtbot):
    dialog = editor.edit(None)
    type_text(dialog.name_edit, "Яндекс.Директ: поиск")
    type_text(dialog.sources_edit, "Яндекс.Директ,  yandex , ")
    _ok(dialog, qtbot)
    assert not dialog.isVisible()
    (made,) = campaigns.list_campaigns()
    assert made.sources == ["Яндекс.Директ", "yandex"]
    assert editor.table.item(0, 5).text() == "Яндекс.Директ, yandex"
    assert create_client(ClientData(name="Иванов", source="YANDEX")).campaign_id == made.id

    again = editor.edit(made.id)
    assert again.sources_edit.text() == "Яндекс.Директ, yandex"
    again.sources_edit.clear()
    type_text(again.sources_edit, "google")
    _ok(again, qtbot)
    assert campaign_rules.sources_of(made.id) == ["google"]
    undo_stack().undo()  # the edit, rule included
    assert campaign_rules.sources_of(made.id) == ["Яндекс.Директ", "yandex"]


def test_a_source_of_another_campaign_is_refused_with_a_message(editor, qtbot):
    campaigns.create_campaign(campaigns.CampaignData(name="Директ", sources=["yandex"]))
    dialog = editor.edit(None)
    type_text(dialog.name_edit, "Вторая")
    type_text(dialog.sources_edit, "Yandex")
    said: list[str] = []
    seen = when_modal(lambda box: (said.append(box.text()), box.accept()))
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: bool(seen))
    assert "“Yandex” already brings the campaign “Директ”" in said[0]
    assert dialog.isVisible()  # nothing lost: the user fixes the field
    assert [c.name for c in campaigns.list_campaigns()] == ["Директ"]
    dialog.reject()


def test_apply_to_existing_clients_says_how_many_and_undoes(editor, qtbot):
    ids = [create_client(ClientData(name=n, source=s)).id
           for n, s in (("Иванов", "yandex"), ("Петров", " Yandex "), ("Сидоров", "Сарафан"))]
    direct = campaigns.create_campaign(campaigns.CampaignData(name="Директ", sources=["yandex"]))
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert editor.status_label.isVisible()
    assert editor.status_label.text() == "2 clients got a campaign by their source."
    assert [load_client(i).campaign_id for i in ids] == [direct, direct, None]
    assert undo_stack().undoText() == "Campaigns by client source"
    undo_stack().undo()
    assert [load_client(i).campaign_id for i in ids] == [None, None, None]
    undo_stack().redo()
    assert [load_client(i).campaign_id for i in ids] == [direct, direct, None]
    undo_stack().undo()
    count = undo_stack().count()
    campaign_rules.set_sources(direct, [])
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert editor.status_label.text().startswith("No client without a campaign")
    assert undo_stack().count() == count  # nothing done, nothing to undo
