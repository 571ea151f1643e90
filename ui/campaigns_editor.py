"""Settings → Campaigns: the advertising campaigns (name, channel, period, cost, target
segment, notes), added and edited in a small dialog, deleted with undo."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app import campaign_rules
from app import campaigns as service
from app.errors import KartotekaError
from app.segments import list_segments

from .bridge import bridge
from .errors import show_error
from .formatting import fmt_money
from .i18n import plural_s
from .undo import ServiceCommand, run_undoable, undo_stack
from .widgets.datetime_picker import OptionalDateEdit

IdRole = Qt.ItemDataRole.UserRole + 1


def channel_labels() -> dict[str, str]:
    return {"ads": QCoreApplication.translate("CampaignsEditor", "Advertising"),
            "mailing": QCoreApplication.translate("CampaignsEditor", "Mailing"),
            "exhibition": QCoreApplication.translate("CampaignsEditor", "Exhibition"),
            "calls": QCoreApplication.translate("CampaignsEditor", "Calls"),
            "website": QCoreApplication.translate("CampaignsEditor", "Website"),
            "referral": QCoreApplication.translate("CampaignsEditor", "Referral"),
            "other": QCoreApplication.translate("CampaignsEditor", "Other")}


class CampaignDateEdit(OptionalDateEdit):
    """A date or none; a new date starts at today."""

    def default_value(self) -> QDateTime:
        return QDateTime(QDate.currentDate(), QTime(0, 0))


class CampaignDialog(QDialog):
    def __init__(self, parent: QWidget | None, data: service.CampaignData):
        super().__init__(parent)
        self.setObjectName("CampaignDialog")
        self.setWindowTitle(self.tr("Campaign") if data.id else self.tr("New campaign"))
        self.data = data
        self.name_edit = QLineEdit(data.name, self)
        self.name_edit.setPlaceholderText(self.tr("For example: Exhibition “Build 2026”"))
        self.channel_combo = QComboBox(self)
        for key, label in channel_labels().items():
            self.channel_combo.addItem(label, key)
        self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(data.channel), 0))
        self.starts_edit, self.ends_edit = CampaignDateEdit(self), CampaignDateEdit(self)
        self.starts_edit.set_value(data.starts_on)
        self.ends_edit.set_value(data.ends_on)
        self.cost_spin = QDoubleSpinBox(self)
        self.cost_spin.setRange(0, 999_999_999_999)
        self.cost_spin.setDecimals(2)
        self.cost_spin.setGroupSeparatorShown(True)
        self.cost_spin.setSuffix(" ₽")
        self.cost_spin.setValue(float(data.cost or 0))
        self.segment_combo = QComboBox(self)
        self.segment_combo.addItem(self.tr("(none)"), None)
        for info in list_segments():
            self.segment_combo.addItem(info.name, info.id)
        self.segment_combo.setCurrentIndex(max(self.segment_combo.findData(data.segment_id), 0))
        self.sources_edit = QLineEdit(", ".join(data.sources), self)
        self.sources_edit.setPlaceholderText(self.tr("For example: Yandex.Direct, yandex"))
        self.sources_edit.setAccessibleName(self.tr("Client sources"))
        self.sources_hint = QLabel(self.tr("Comma-separated. Clients with this source get the campaign "
                                           "automatically (unless they already have one)."), self)
        self.sources_hint.setWordWrap(True)
        self.notes_edit = QPlainTextEdit(data.notes, self)
        self.notes_edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Channel:"), self.channel_combo)
        form.addRow(self.tr("Starts:"), self.starts_edit)
        form.addRow(self.tr("Ends:"), self.ends_edit)
        form.addRow(self.tr("Cost:"), self.cost_spin)
        form.addRow(self.tr("Target segment:"), self.segment_combo)
        sources = QVBoxLayout()
        sources.setSpacing(2)
        sources.addWidget(self.sources_edit)
        sources.addWidget(self.sources_hint)
        form.addRow(self.tr("Client sources:"), sources)
        form.addRow(self.tr("Notes:"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def value(self) -> service.CampaignData:
        return service.CampaignData(
            self.name_edit.text(), self.channel_combo.currentData(), self.starts_edit.value(),
            self.ends_edit.value(), Decimal(f"{self.cost_spin.value():.2f}"), self.segment_combo.currentData(),
            self.notes_edit.toPlainText(), self.data.id, self.data.created_at,
            campaign_rules.split(self.sources_edit.text()))

    def on_buttons_accepted(self) -> None:
        data = self.value()
        try:
            if data.id is None:
                run_undoable(self.tr("New campaign"), lambda: service.create_campaign(data),
                             service.delete_campaign)
            else:
                run_undoable(self.tr("Change campaign"), lambda: service.update_campaign(data),
                             service.update_campaign)
        except KartotekaError as exc:
            show_error(self, exc)
            return
        self.accept()


def _period(starts: date | None, ends: date | None) -> str:
    if not starts and not ends:
        return ""
    fmt = lambda d: d.strftime("%d.%m.%Y") if d else "…"  # noqa: E731
    return f"{fmt(starts)} – {fmt(ends)}"


class CampaignsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CampaignsEditor")
        self.hint = QLabel(self.tr("Where clients come from and what it cost. Set a client's or deal's campaign "
                                   "on its card; Reports → Advertising campaigns shows which one paid off."), self)
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setAccessibleName(self.tr("Advertising campaigns"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Channel"), self.tr("Period"),
                                              self.tr("Cost"), self.tr("Target segment"), self.tr("Client sources")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (2, 190), (3, 120), (4, 170), (5, 170)):
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.apply_button = QPushButton(self.tr("Apply to existing clients"), self)
        self.apply_button.setToolTip(self.tr("Give clients without a campaign the campaign that lists their source"))
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.apply_button.clicked.connect(self.on_apply_button_clicked)
        self.table.itemDoubleClicked.connect(self.on_table_item_double_clicked)
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        bridge().changed.connect(self.on_bridge_changed)
        self.reload()

    def reload(self) -> None:
        current = self.current_id()
        channels = channel_labels()
        segment_names = {s.id: s.name for s in list_segments()}
        rows = service.list_campaigns()
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            texts = (c.name, channels.get(c.channel, c.channel), _period(c.starts_on, c.ends_on),
                     fmt_money(c.cost), segment_names.get(c.segment_id, ""), ", ".join(c.sources))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(IdRole, c.id)
                if column == 5:
                    item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, item)
            if c.id == current:
                self.table.selectRow(r)
        self.on_table_item_selection_changed()

    def current_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(IdRole) if items else None

    def edit(self, campaign_id: int | None = None) -> CampaignDialog:
        data = service.get_campaign(campaign_id) if campaign_id else service.CampaignData()
        dialog = CampaignDialog(self, data)
        dialog.open()
        return dialog

    def delete(self, campaign_id: int) -> None:
        try:
            run_undoable(self.tr("Delete campaign"), lambda: service.delete_campaign(campaign_id),
                         service.restore_campaign)
        except KartotekaError as exc:
            show_error(self, exc)

    def apply_rules(self) -> int:
        """Give existing clients the campaign of their source (undoable); returns how many."""
        try:
            changed = campaign_rules.apply_to_existing()
        except KartotekaError as exc:
            show_error(self, exc)
            return 0
        if changed:
            undo_stack().push(ServiceCommand(self.tr("Campaigns by client source"), campaign_rules.apply_to_existing,
                                             service.restore_client_campaign, changed))
        count = len(changed)
        self.status_label.setText(plural_s(self.tr("%n client(s) got a campaign by their source.", "", count), count)
                                  if count else self.tr("No client without a campaign has a source listed "
                                                        "in a campaign."))
        self.status_label.show()
        return count

    def on_apply_button_clicked(self) -> None:
        self.apply_rules()

    def on_add_button_clicked(self) -> None:
        self.edit(None)

    def on_edit_button_clicked(self) -> None:
        if (cid := self.current_id()) is not None:
            self.edit(cid)

    def on_delete_button_clicked(self) -> None:
        if (cid := self.current_id()) is not None:
            self.delete(cid)

    def on_table_item_double_clicked(self, item) -> None:
        self.edit(item.data(IdRole))

    def on_table_item_selection_changed(self) -> None:
        chosen = self.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def on_bridge_changed(self, change) -> None:
        if change.entity in ("campaign", "segment"):
            self.reload()
