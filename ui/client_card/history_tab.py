"""The client card's History tab: who created and changed what (the audit log of the
client and of its deals, activities and files), newest first, filterable by employee."""
from __future__ import annotations

import weakref

from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from app.audit_history import HistoryEntry, client_history, history_employees
from app.events import Change

from ..bridge import bridge
from ..formatting import fmt_datetime
from ..widgets.labels import activity_kind_labels, activity_status_labels, client_status_labels

_WATCHED = {"client", "deal", "activity", "attachment", "import", "employee"}


class HistoryText(QObject):
    """How an entry reads: "Deal «…» changed", "stage: Cold → Won"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fields = {
            "name": self.tr("name"), "kind": self.tr("kind"), "inn": self.tr("INN"), "kpp": self.tr("KPP"),
            "address": self.tr("address"), "city": self.tr("city"), "region": self.tr("region"),
            "source": self.tr("source"), "segment": self.tr("segment"), "status": self.tr("status"),
            "refusal_reason": self.tr("refusal reason"), "responsible_id": self.tr("responsible"),
            "responsible": self.tr("responsible"), "campaign_id": self.tr("campaign"),
            "next_contact_at": self.tr("next contact"), "birthday": self.tr("birthday"),
            "notes": self.tr("notes"), "phones": self.tr("phones"), "emails": self.tr("e-mails"),
            "tags": self.tr("tags"), "contacts": self.tr("contact persons"), "custom": self.tr("own fields"),
            "title": self.tr("title"), "amount": self.tr("amount"), "stage": self.tr("stage"),
            "subject": self.tr("subject"), "result": self.tr("result"), "planned_at": self.tr("planned"),
            "done_at": self.tr("done"), "reminder_at": self.tr("reminder"), "recurrence": self.tr("repeat"),
            "sentiment": self.tr("sentiment"), "resolved": self.tr("resolved"),
            "file": self.tr("file"), "created": self.tr("created"), "merged": self.tr("merged"),
        }

    # ----------------------------------------------------------------- text
    def what(self, e: HistoryEntry) -> str:
        # whole sentences, not "{noun} {verb}": in Russian the verb agrees with the noun's gender
        if e.entity == "import":
            return self.tr("Import #{number}").format(number=e.entity_id)
        sentences = {
            "client": {"create": self.tr("Client created"), "update": self.tr("Client changed"),
                       "delete": self.tr("Client moved to the trash"), "restore": self.tr("Client restored"),
                       "purge": self.tr("Client deleted for good")},
            "deal": {"create": self.tr("Deal «{name}» created"), "update": self.tr("Deal «{name}» changed"),
                     "delete": self.tr("Deal «{name}» moved to the trash"),
                     "restore": self.tr("Deal «{name}» restored"),
                     "purge": self.tr("Deal «{name}» deleted for good")},
            "activity": {"create": self.tr("Activity «{name}» created"),
                         "update": self.tr("Activity «{name}» changed"),
                         "delete": self.tr("Activity «{name}» moved to the trash"),
                         "restore": self.tr("Activity «{name}» restored"),
                         "purge": self.tr("Activity «{name}» deleted for good")},
            "attachment": {"create": self.tr("File «{name}» added"), "update": self.tr("File «{name}» changed"),
                           "delete": self.tr("File «{name}» moved to the trash"),
                           "restore": self.tr("File «{name}» restored"),
                           "purge": self.tr("File «{name}» deleted for good")},
        }
        name = activity_kind_labels().get(e.subject, e.subject) if e.entity == "activity" else e.subject
        sentence = sentences.get(e.entity, {}).get(e.action)
        if sentence is None:
            return f"{e.entity} {e.action}"
        return sentence.format(name=name)

    def value(self, value) -> str:
        if value is None or value == "" or value == [] or value == {}:
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, str) and len(value) >= 16 and value[4:5] == "-" and value[10:11] == "T":
            try:
                return fmt_datetime(datetime.fromisoformat(value))
            except ValueError:
                return value
        if isinstance(value, list):
            return ", ".join(self.value(v[0] if isinstance(v, list) and v else v) for v in value)
        if isinstance(value, dict):
            return ", ".join(self.value(v) for v in value.values())
        return str(value)

    def _codes(self, e: HistoryEntry, name: str) -> dict:
        """Labels of the stored codes of a field ("call_out" → "Outgoing call")."""
        if name == "kind":
            return activity_kind_labels() if e.entity == "activity" else {
                "person": self.tr("person"), "company": self.tr("company")}
        if name == "status":
            return activity_status_labels() if e.entity == "activity" else client_status_labels()
        return {}

    def change_lines(self, e: HistoryEntry) -> list[str]:
        lines = []
        for name, old, new in e.changes:
            label = self._fields.get(name, name)
            codes = self._codes(e, name)
            if codes:
                old, new = codes.get(old, old), codes.get(new, new)
            if old is None and e.action == "create":
                lines.append(f"{label}: {self.value(new)}")
            elif e.action == "update" and old is None and len(e.changes) == 1 and e.entity == "client":
                lines.append(f"{label}: → {self.value(new)}")  # a bulk change: the old value was not kept
            else:
                lines.append(f"{label}: {self.value(old)} → {self.value(new)}")
        if "undo_import" in e.notes:
            lines.append(self.tr("undoing import #{number}").format(number=e.notes["undo_import"]))
        return lines


class HistoryTab(QWidget):
    """One row per change (when, who, what), its fields below it; read when shown, and
    again after changes while it is shown."""

    COLUMNS = ("when", "who", "what")

    @property
    def card(self):
        return self._card_ref()

    def __init__(self, card):
        super().__init__(card)
        self._card_ref = weakref.ref(card)  # no cycle: the card must be freed when closed
        self._loaded_for: int | None = None
        self.text = HistoryText(self)
        self.employee_combo = QComboBox(self)
        self.employee_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Changes"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        sample = fmt_datetime(datetime(2025, 12, 31, 23, 59))
        header.resizeSection(0, metrics.horizontalAdvance(sample) + 14)
        header.resizeSection(1, metrics.averageCharWidth() * 14 + 16)
        self.empty_label = QLabel(self.tr("Nothing recorded yet."), self)
        self.empty_label.setObjectName("PageHint")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Employee:"), self, buddy=self.employee_combo))
        top.addWidget(self.employee_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        self.employee_combo.currentIndexChanged.connect(self.on_employee_combo_current_index_changed)
        bridge().changed.connect(self.on_bridge_changed)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._loaded_for != self.card.client_id:
            self.reload()

    def reload(self) -> None:
        client_id = self.card.client_id
        self._loaded_for = client_id
        chosen = self.employee_combo.currentData()
        self.employee_combo.blockSignals(True)
        self.employee_combo.clear()
        self.employee_combo.addItem(self.tr("All employees"), None)
        for emp_id, name in (history_employees(client_id) if client_id else []):
            self.employee_combo.addItem(name, emp_id)
        self.employee_combo.setCurrentIndex(max(0, self.employee_combo.findData(chosen)))
        self.employee_combo.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        client_id = self.card.client_id
        self.entries = client_history(client_id, self.employee_combo.currentData()) if client_id else []
        self.tree.clear()
        items = []
        for e in self.entries:
            what = self.text.what(e)
            item = QTreeWidgetItem([fmt_datetime(e.at), e.employee or "—", what])
            item.setToolTip(2, what)
            for line in self.text.change_lines(e):
                child = QTreeWidgetItem(item, ["    " + line])
                child.setToolTip(0, line)
                child.setForeground(0, self.palette().placeholderText())
            items.append(item)
        self.tree.addTopLevelItems(items)
        for item in items:  # a change line reads across the whole width
            for j in range(item.childCount()):
                item.child(j).setFirstColumnSpanned(True)
        self.tree.expandAll()
        names = [self.tree.fontMetrics().horizontalAdvance(item.text(1)) for item in items]
        if names:  # "Who" as wide as the longest name (within reason): "What" gets the rest
            self.tree.header().resizeSection(1, min(max(names), self.fontMetrics().averageCharWidth() * 22) + 16)
        self.empty_label.setVisible(not self.entries)

    def rows(self) -> list[tuple[str, str, str, list[str]]]:
        """What the tree shows: (when, who, what, [change lines]) per entry."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            out.append((item.text(0), item.text(1), item.text(2),
                        [item.child(j).text(0).strip() for j in range(item.childCount())]))
        return out

    def on_employee_combo_current_index_changed(self, _index: int) -> None:
        self._fill()

    def on_bridge_changed(self, change: Change) -> None:
        if change.entity not in _WATCHED:
            return
        if self.isVisible():
            self.reload()
        else:
            self._loaded_for = None  # read again when shown
