"""Export a segment: the ordinary export dialog, limited to the segment's clients as
they are right now (a spreadsheet, CSV or vCard for a mailing service)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app import segments
from app.errors import KartotekaError

from ..errors import show_error
from ..export_dialog import ExportDialog
from ..i18n import plural_s

SEGMENT_KINDS = ("clients", "vcard")


class SegmentExportDialog(ExportDialog):
    """``ExportDialog`` offering only clients and vCard, always of the segment's clients."""

    def __init__(self, parent: QWidget | None, name: str, client_ids: list[int]):
        self.segment_name = name
        super().__init__(parent, "clients", client_ids)
        for index in reversed(range(self.what_combo.count())):
            if self.what_combo.itemData(index) not in SEGMENT_KINDS:
                self.what_combo.removeItem(index)
        self.setWindowTitle(self.tr("Export segment “{name}”").format(name=name))
        self.on_what_combo_current_index_changed()

    def ids(self) -> list[int] | None:
        return self.client_ids

    def on_what_combo_current_index_changed(self, *_args) -> None:
        super().on_what_combo_current_index_changed()
        n = len(self.client_ids or [])
        self.only_shown.setText(plural_s(self.tr("The %n client(s) of the segment", "", n), n))
        self.only_shown.setEnabled(False)

    def _default_name(self) -> str:
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in getattr(self, "segment_name", ""))
        return (safe.strip() or super()._default_name()) + "-" + super()._default_name()


def open_segment_export(parent: QWidget, segment_id: int) -> SegmentExportDialog | None:
    try:
        info = segments.get_segment(segment_id)
        ids = segments.member_ids(info.definition)
    except KartotekaError as exc:
        show_error(parent, exc)
        return None
    dialog = SegmentExportDialog(parent, info.name, ids)
    dialog.show()
    return dialog
