"""The client list's segment work: a "Segments" button at the end of the filter bar
(save the filter as a segment, manage segments, export the chosen segment) and the
bulk action "Campaign…" for the selected clients (in the list's context menu).  The page creates one of these."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QPushButton

from app.errors import KartotekaError
from app.events import Change

from ..bridge import bridge
from ..errors import show_error
from ..i18n import plural_s
from ..undo import run_undoable

REFRESH_SEGMENT_ON = {"segment", "deal", "activity", "campaign", "custom_field"}
"""Changes that can move clients in or out of a behaviour segment."""


class SegmentActions(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        bar = page.filter_bar
        self.save_action = QAction(self.tr("Save filter as segment…"), self)
        self.save_action.setToolTip(self.tr("Keep the current filter as a segment: a live list of clients"))
        self.manage_action = QAction(self.tr("Manage segments…"), self)
        self.export_action = QAction(self.tr("Export segment…"), self)
        self.export_action.setToolTip(self.tr("The chosen segment's clients to .xlsx, .csv or vCard"))
        self.campaign_action = QAction(self.tr("Campaign…"), self)
        self.campaign_action.setToolTip(self.tr("Set the source campaign of the selected clients"))
        self.campaign_action.setEnabled(False)
        self.menu = QMenu(bar)
        for action in (self.save_action, self.manage_action, self.export_action):
            self.menu.addAction(action)
        self.button = QPushButton(self.tr("Segments"), bar)
        self.button.setObjectName("SegmentsButton")
        self.button.setToolTip(self.tr("Save the filter as a segment, manage and export segments"))
        self.button.setMenu(self.menu)
        bar.layout().addWidget(self.button)
        self.manager = None

        self.save_action.triggered.connect(self.on_save_action_triggered)
        self.manage_action.triggered.connect(self.on_manage_action_triggered)
        self.export_action.triggered.connect(self.on_export_action_triggered)
        self.campaign_action.triggered.connect(self.on_campaign_action_triggered)
        self.menu.aboutToShow.connect(self.on_menu_about_to_show)
        page.view.selectionModel().selectionChanged.connect(self.on_view_selection_changed)
        bridge().changed.connect(self.on_bridge_changed)

    # ----------------------------------------------------------------- behaviour

    def save_filter(self, name: str) -> int | None:
        """Save the list's filter (over the chosen segment's conditions) as a new segment,
        then show that segment alone."""
        from app import segments  # the segment services load with the first use
        bar = self.page.filter_bar
        base_id = bar.segment.segment_id()
        try:
            base = segments.get_segment(base_id).definition if base_id is not None else None
            definition = segments.definition_from_filter(bar.client_filter(), base)
            new_id = run_undoable(self.tr("Save segment"), lambda: segments.save_segment(name, definition),
                                  segments.delete_segment)
        except KartotekaError as exc:
            show_error(self.page, exc)
            return None
        self.show_segment(new_id)
        self.page.message.emit(self.tr("Segment “{name}” saved.").format(name=segments.get_segment(new_id).name))
        return new_id

    def show_segment(self, segment_id: int) -> None:
        bar = self.page.filter_bar
        bar.reset()
        bar.segment.choose_segment(segment_id)

    def open_manager(self, segment_id: int | None = None):
        from .manager import SegmentsManager
        if self.manager is None:
            self.manager = SegmentsManager(self.page.window(), segment_id)
            self.manager.show_requested.connect(self.show_segment)
            self.manager.export_requested.connect(self.export_segment)
            self.manager.finished.connect(self.on_manager_finished)
        elif segment_id is not None:
            self.manager.reload(segment_id)
        self.manager.show()
        self.manager.raise_()
        return self.manager

    def export_segment(self, segment_id: int):
        from .export import open_segment_export
        return open_segment_export(self.page.window(), segment_id)

    def set_campaign(self, ids: list[int], campaign_id: int | None) -> None:
        from app import campaigns
        try:
            run_undoable(self.tr("Set campaign"), lambda: campaigns.set_client_campaign(ids, campaign_id),
                         campaigns.restore_client_campaign)
        except KartotekaError as exc:
            show_error(self.page, exc)
            return
        self.page.message.emit(plural_s(self.tr("Campaign set for %n client(s).", "", len(ids)), len(ids)))

    # ----------------------------------------------------------------- slots

    def on_menu_about_to_show(self) -> None:
        self.export_action.setEnabled(self.page.filter_bar.segment.segment_id() is not None)
        self.save_action.setEnabled(not self.page.filter_bar.is_empty())

    def on_save_action_triggered(self) -> None:
        name, ok = QInputDialog.getText(self.page, self.tr("Save filter as segment"),
                                        self.tr("Name of the segment:"))
        if ok:
            self.save_filter(name)

    def on_manage_action_triggered(self) -> None:
        self.open_manager(self.page.filter_bar.segment.segment_id())

    def on_export_action_triggered(self) -> None:
        segment_id = self.page.filter_bar.segment.segment_id()
        if segment_id is not None:
            self.export_segment(segment_id)

    def on_campaign_action_triggered(self) -> None:
        ids = self.page.selected_ids()
        if not ids:
            return
        from app.campaigns import campaign_choices

        from ..client_list.bulk import ChoiceDialog
        items = [(i, n) for i, n in campaign_choices()] + [(None, self.tr("No campaign"))]
        dialog = ChoiceDialog(self.page, self.tr("Campaign"),
                              plural_s(self.tr("Campaign of %n client(s):", "", len(ids)), len(ids)), items)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_campaign(ids, dialog.value())

    def on_view_selection_changed(self, *_args) -> None:
        self.campaign_action.setEnabled(bool(self.page.selected_ids()))

    def on_manager_finished(self, _result: int) -> None:
        self.manager.deleteLater()
        self.manager = None

    def on_bridge_changed(self, change) -> None:
        if change.entity == "segment":
            self.page.filter_bar.segment.load()   # renamed or deleted: the combo follows
        if change.entity in REFRESH_SEGMENT_ON and self.page.filter_bar.segment.segment_id() is not None:
            self.page.on_bridge_changed(Change("client", "bulk"))
