"""What the card does with activities: calls and e-mails from links, the quick log,
completing planned steps.  Mixed into ``ClientCardDialog``; writes go through app services."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from app.activities import complete_activity, quick_log
from app.clients import load_client
from app.errors import KartotekaError
from app.phones import format_phone
from ui.errors import show_error
from ui.formatting import to_utc
from ui.widgets.complete_dialog import CompleteActivityDialog

from .phones_editor import mark_invalid


class ActivityActions:
    """Slots of the card window about activities (expects the card's widgets and state)."""

    def on_header_link_activated(self, link: str) -> None:
        scheme, _, target = link.partition(":")
        if scheme == "tel":
            self.on_phones_call_requested(target)
        else:
            self.on_emails_write_requested(target)

    def on_phones_call_requested(self, number: str, contact_id: int | None = None) -> None:
        QDesktopServices.openUrl(QUrl("tel:" + number))
        self.quick_log.prefill("call_out", self.tr("Call {}").format(format_phone(number, number)
                                                                     if number.startswith("+") else number),
                               contact_id)

    def on_emails_write_requested(self, address: str, contact_id: int | None = None) -> None:
        QDesktopServices.openUrl(QUrl("mailto:" + address))
        self.quick_log.prefill("email", self.tr("E-mail to {}").format(address), contact_id)

    def on_contacts_call_requested(self, number: str, contact_id) -> None:
        self.on_phones_call_requested(number, contact_id)

    def on_contacts_write_requested(self, address: str, contact_id) -> None:
        self.on_emails_write_requested(address, contact_id)

    def on_quick_log_submitted(self) -> None:
        bar = self.quick_log
        if not bar.result_text() and not bar.subject():
            mark_invalid(bar.result_edit, self.tr("Write what was done or said"))
            bar.result_edit.setFocus()
            return
        mark_invalid(bar.result_edit, None)
        if self.client_id is None and not self.save():
            return
        untouched = self.details.collect(self.state.base).next_contact_at == self.state.base.next_contact_at
        try:
            quick_log(self.client_id, bar.kind(), bar.result_text(), subject=bar.subject(),
                      next_at=to_utc(bar.next_at()), contact_id=bar.contact_id, sentiment=bar.sentiment())
        except KartotekaError as exc:
            show_error(self, exc)
            return
        self.state.sync_contact_dates(load_client(self.client_id))
        if untouched:
            self.details.next_contact.set_value(self.state.local_next_contact())
        bar.reset()
        self.refresh_activity()

    def on_timeline_clicked(self, _index) -> None:
        self.complete_button.setEnabled(self.timeline.selected_planned_id() is not None)

    def on_complete_button_clicked(self) -> None:
        activity_id = self.timeline.selected_planned_id()
        if activity_id is not None:
            self.on_timeline_complete_requested(activity_id)

    def on_timeline_complete_requested(self, activity_id: int) -> None:
        entry = next(e for e in self.timeline.timeline_model.entries if e.id == activity_id)
        dialog = CompleteActivityDialog(entry.subject, entry.kind, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            complete_activity(activity_id, dialog.result_text(), next_at=to_utc(dialog.next_at()),
                              next_kind=dialog.next_kind_code())
        except KartotekaError as exc:
            show_error(self, exc)
            return
        self.state.sync_contact_dates(load_client(self.client_id))
        self.refresh_activity()
