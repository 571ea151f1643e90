"""What the signed-in employee may not do, made visible: read-only cards, disabled
actions.  Every decision is ``app.access.can``; the services refuse anyway, this only
spares the user a form they cannot save.  Each window calls one ``apply_…`` function."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox,
                               QLineEdit, QPlainTextEdit, QTextEdit, QWidget)

from app import access


def make_read_only(root: QWidget) -> None:
    """Text stays readable and selectable; nothing in ``root`` can be changed."""
    for w in root.findChildren(QWidget):
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
                continue
            w.setReadOnly(True)
        elif isinstance(w, QAbstractSpinBox):
            w.setReadOnly(True)
            w.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        elif isinstance(w, (QComboBox, QAbstractButton)):
            w.setEnabled(False)
        elif isinstance(w, QAbstractItemView):
            w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            w.setDragEnabled(False)
            w.setAcceptDrops(False)


def read_only_note() -> str:
    if access.role() in ("viewer", "anonymous"):
        return QCoreApplication.translate("Access", "Read only: your role lets you view and print, not change.")
    return QCoreApplication.translate("Access", "Read only: another employee is responsible for this record.")


def client_card_read_only(client_id: int | None) -> bool:
    if client_id is None:
        return not access.can("create")
    return not access.can("edit", ("client", client_id))


def apply_client_card(card) -> None:
    """The client card after it showed a client: read-only when it is not theirs."""
    if not client_card_read_only(card.client_id):
        return
    for page in (card.details.main_page, card.details.more_page, card.contacts):
        make_read_only(page)
    for widget in (card.quick_log, card.complete_button, card.new_deal_button, card.save_button):
        widget.hide()
    card.show_message(read_only_note(), error=False)


def apply_deal_card(dialog) -> None:
    """The deal card after it showed a deal."""
    deal_id = dialog.data.id
    if access.can("edit", ("deal", deal_id)) if deal_id else access.can("create"):
        return
    for part in (dialog.form, dialog.lines, dialog.invoices):
        make_read_only(part)
    from PySide6.QtWidgets import QDialogButtonBox
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
    dialog.save_shortcut.setEnabled(False)
    dialog.status_label.setText(read_only_note())


def apply_main_window(window) -> None:
    """File menu and toolbar: what the role does not allow is greyed out."""
    window.new_action.setEnabled(access.can("create"))
    window.import_action.setEnabled(access.can("import"))
    window.restore_action.setEnabled(access.can("restore"))
    window.backup_action.setEnabled(access.can("backup"))


def apply_segments(manager) -> None:
    """The segments window: a viewer looks at and exports segments, never saves one."""
    if not access.can("create"):
        for button in (manager.new_button, manager.delete_button, manager.save_button):
            button.hide()


def apply_campaigns(editor) -> None:
    """Settings ▸ Campaigns: only the owner adds, changes or deletes a campaign."""
    if not access.can("settings"):
        for button in (editor.add_button, editor.edit_button, editor.delete_button):
            button.hide()
        editor.setToolTip(QCoreApplication.translate("Access", "Only the owner changes this."))


def apply_settings(page) -> None:
    """Settings: stages, client fields and automation only for who may change them."""
    for widget, action in ((page.stages_editor, "stages"), (page.custom_fields_editor, "custom_fields"),
                           (page.automation_editor, "automation"),
                           (getattr(page, "requisites_editor", None), "settings")):
        if widget is not None and not access.can(action):
            make_read_only(widget)
            widget.setToolTip(QCoreApplication.translate("Access", "Only the owner changes this."))
    if getattr(page, "campaigns_editor", None) is not None:
        apply_campaigns(page.campaigns_editor)
