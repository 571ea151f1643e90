"""The segments manager: the saved segments on the left; the chosen one's name and
conditions on the right, with the number of clients it holds right now.  New, rename,
change conditions, delete: each can be undone (Ctrl+Z in the main window)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from app import segments
from app.errors import KartotekaError

from ..bridge import bridge
from ..errors import message, show_error
from ..i18n import plural_s
from ..undo import run_undoable
from .conditions import ConditionsForm

REFRESH_ON = {"segment", "campaign", "custom_field", "tag", "employee"}


class SegmentsManager(QDialog):
    show_requested = Signal(int)
    """The user wants the client list to show this segment (segment id)."""
    export_requested = Signal(int)
    """The user wants to export this segment's clients (segment id)."""

    def __init__(self, parent: QWidget | None = None, segment_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("SegmentsManager")
        self.setWindowTitle(self.tr("Segments"))
        self.current_id: int | None = None
        self._count_timer = QTimer(self, singleShot=True, interval=250)

        self.list = QListWidget(self)
        self.list.setObjectName("SegmentList")
        self.list.setAccessibleName(self.tr("Segments"))
        self.list.setMinimumWidth(240)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_button = QPushButton(self.tr("New"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("For example: Bought this year"))
        self.conditions = ConditionsForm(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("SegmentCount")
        self.count_label.setWordWrap(True)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.show_button = QPushButton(self.tr("Show in the list"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        name_form = QFormLayout()
        name_form.addRow(self.tr("Name:"), self.name_edit)
        right = QVBoxLayout()
        right.addLayout(name_form)
        right.addWidget(self.conditions, 1)
        right.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.show_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        right.addLayout(actions)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 560)

        self.list.currentItemChanged.connect(self.on_list_current_item_changed)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.show_button.clicked.connect(self.on_show_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.conditions.changed.connect(self._count_timer.start)
        self._count_timer.timeout.connect(self.update_count)
        bridge().changed.connect(self.on_bridge_changed)

        self.reload(segment_id)
        if self.list.count() == 0:
            self.on_new_button_clicked()
        from ..access_ui import apply_segments; apply_segments(self)  # noqa: E702 - a viewer saves nothing

    # ----------------------------------------------------------------- behaviour

    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.current_id
        self.list.blockSignals(True)
        self.list.clear()
        for info in segments.list_segments():
            item = QListWidgetItem(info.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(info.name)
            if info.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        item = self.list.currentItem()
        if item is not None:
            self._show(item.data(Qt.ItemDataRole.UserRole))
        elif select_id is not None and self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, segment_id: int | None) -> None:
        self.current_id = segment_id
        info = segments.get_segment(segment_id) if segment_id is not None else None
        self.name_edit.setText(info.name if info else "")
        self.conditions.set_definition(info.definition if info else {})
        for button in (self.delete_button, self.show_button, self.export_button):
            button.setEnabled(info is not None)
        self.update_count()

    def update_count(self) -> None:
        """How many clients the conditions on screen select right now."""
        try:
            n = segments.count(self.conditions.definition())
        except KartotekaError as exc:
            self.count_label.setText(message(exc))
            return
        self.count_label.setText(plural_s(self.tr("%n client(s) in the segment now", "", n), n))

    def save(self) -> int | None:
        """Save what the form shows (a new segment or changes); returns the id."""
        name, definition = self.name_edit.text(), self.conditions.definition()
        try:
            if self.current_id is None:
                new_id = run_undoable(self.tr("New segment"), lambda: segments.save_segment(name, definition),
                                      segments.delete_segment)
            else:
                sid = self.current_id
                run_undoable(self.tr("Change segment"),
                             lambda: segments.update_segment(sid, name, definition),
                             lambda before: segments.update_segment(sid, before.name, before.definition))
                new_id = sid
        except KartotekaError as exc:
            show_error(self, exc)
            return None
        self.reload(new_id)
        return new_id

    def delete(self) -> None:
        sid = self.current_id
        if sid is None:
            return
        try:
            run_undoable(self.tr("Delete segment"), lambda: segments.delete_segment(sid), segments.restore_segment)
        except KartotekaError as exc:
            show_error(self, exc)
            return
        self.current_id = None
        self.reload()
        if self.list.count() == 0:
            self.on_new_button_clicked()

    # ----------------------------------------------------------------- slots

    def on_list_current_item_changed(self, item, _previous) -> None:
        if item is not None:
            self._show(item.data(Qt.ItemDataRole.UserRole))

    def on_new_button_clicked(self) -> None:
        self.list.setCurrentItem(None)
        self._show(None)
        self.name_edit.setFocus()

    def on_delete_button_clicked(self) -> None:
        self.delete()

    def on_save_button_clicked(self) -> None:
        self.save()

    def on_show_button_clicked(self) -> None:
        if self.current_id is not None:
            self.show_requested.emit(self.current_id)

    def on_export_button_clicked(self) -> None:
        if self.current_id is not None:
            self.export_requested.emit(self.current_id)

    def on_bridge_changed(self, change) -> None:
        if change.entity in REFRESH_ON and change.entity == "segment":
            self.reload()
        elif change.entity in REFRESH_ON:
            self._count_timer.start()
