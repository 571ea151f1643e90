"""Core errors (``app.errors``) said in the user's language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KartotekaError


def message(exc: BaseException) -> str:
    """A sentence for the user; unknown errors keep their plain text."""
    if not isinstance(exc, KartotekaError):
        return str(exc)
    p = exc.params
    templates = {
        "validation": QCoreApplication.translate("Errors", "{field}: {detail}"),
        "not_found": QCoreApplication.translate("Errors", "The record was not found; it may have been deleted."),
        "conflict": QCoreApplication.translate("Errors", "Someone else changed this record since you opened it."),
        "permission": QCoreApplication.translate("Errors", "Your role ({role}) does not allow you to {action}. "
                                                 "Ask the owner."),
        "schema_too_new": QCoreApplication.translate("Errors", "This database was made by a newer version of Kartoteka. "
                                                     "Please update the program; the file was not changed."),
        "not_a_database": QCoreApplication.translate("Errors", "This file is not a Kartoteka database, or it is damaged."),
        "db_open": QCoreApplication.translate("Errors", "Cannot open the database: {detail}"),
        "backup": QCoreApplication.translate("Errors", "The backup failed: {detail}"),
        "not_a_backup": QCoreApplication.translate(
            "Errors", "{path} is not a Kartoteka backup. Choose a .kbak file made by Kartoteka; "
            "nothing was changed."),
        "backup_missing": QCoreApplication.translate(
            "Errors", "The file {path} does not exist. Check its name, or connect the drive it is on."),
        "backup_damaged": QCoreApplication.translate(
            "Errors", "The backup {path} is damaged or incomplete ({detail}). It cannot be used: "
            "choose another (older) backup. Nothing was changed."),
        "backup_too_new": QCoreApplication.translate(
            "Errors", "The backup {path} was made by a newer version of Kartoteka. Update Kartoteka, "
            "then restore it. Nothing was changed."),
        "backup_folder_missing": QCoreApplication.translate(
            "Errors", "The folder {folder} does not exist. Connect the drive it is on (USB stick, "
            "network drive) or choose another folder."),
        "backup_folder_readonly": QCoreApplication.translate(
            "Errors", "Kartoteka may not write into {folder}. Choose another folder (a USB stick may "
            "have its write-protect switch on). Nothing was changed."),
        "disk_full": QCoreApplication.translate(
            "Errors", "There is not enough free space in {folder}. Free some space or choose another "
            "disk, then try again. Nothing was changed."),
        "backup_write": QCoreApplication.translate(
            "Errors", "Could not write into {folder}: {detail}. Check the drive and try again. "
            "Nothing was changed."),
        "backup_verify": QCoreApplication.translate(
            "Errors", "The backup written to {folder} failed its check ({detail}) and was deleted. "
            "Try again, or use another disk."),
        "db_in_use": QCoreApplication.translate(
            "Errors", "The database {path} is still open in Kartoteka or another program. Close it "
            "and try again. Nothing was changed."),
        "login_failed": QCoreApplication.translate("Errors", "The name or the password is wrong."),
        "account_locked": QCoreApplication.translate(
            "Errors", "Too many wrong passwords. Signing in is locked for {minutes} min; try again later."),
        "attachment_too_large": QCoreApplication.translate(
            "Errors", "{name} is {size_mb} MB: too large to attach (up to {limit_mb} MB). Keep it in a shared "
            "folder and put a link to it in the notes instead."),
        "attachment_read": QCoreApplication.translate(
            "Errors", "Cannot read the file {path} ({detail}). Check that it exists and is not open in "
            "another program; nothing was attached."),
        "attachment_missing": QCoreApplication.translate(
            "Errors", "The stored copy of {name} is missing or damaged. Restore a backup that has it, or "
            "attach the file again."),
        "office_missing": QCoreApplication.translate(
            "Errors", "Install LibreOffice (free, libreoffice.org) to get {fmt} files. The .docx was saved: {path}"),
        "office_template_missing": QCoreApplication.translate(
            "Errors", "The template {path} is an .odt file: install LibreOffice (free, libreoffice.org) "
            "to fill it, or save the template as .docx."),
        "office_convert": QCoreApplication.translate(
            "Errors", "LibreOffice could not make a {fmt} from {path}: {detail}"),
        "document_template": QCoreApplication.translate(
            "Errors", "The template {path} cannot be filled: {detail}. Check its fields (see "
            "README-fields.txt in the templates folder)."),
        "invoice_needs_deal": QCoreApplication.translate(
            "Errors", "An invoice is issued for a deal: choose the deal (or open it) and create the invoice there."),
        "invoice_empty": QCoreApplication.translate(
            "Errors", "The deal «{title}» has no products or services and no amount: add them on the deal "
            "card, then create the invoice."),
        "segment_name": QCoreApplication.translate("Errors", "Give the segment a name."),
        "segment_name_taken": QCoreApplication.translate(
            "Errors", "A segment named “{name}” already exists. Choose another name."),
        "segment_empty": QCoreApplication.translate(
            "Errors", "The segment has no conditions, so it would hold every client. Choose at least one condition."),
        "segment_gone": QCoreApplication.translate(
            "Errors", "The segment refers to a campaign, field or employee that no longer exists. Choose another."),
        "campaign_name": QCoreApplication.translate("Errors", "Give the campaign a name."),
        "campaign_name_taken": QCoreApplication.translate(
            "Errors", "A campaign named “{name}” already exists. Choose another name."),
        "campaign_dates": QCoreApplication.translate("Errors", "The campaign ends ({ends}) before it starts ({starts})."),
        "campaign_cost": QCoreApplication.translate("Errors", "The cost of a campaign cannot be negative."),
        "sign_in": QCoreApplication.translate("Errors", "Sign in to change data. Nothing was changed."),
        "db_copy": QCoreApplication.translate("Errors", "Cannot copy the database to {target}: {detail}"),
        "campaign_source_taken": QCoreApplication.translate(
            "Errors", "The source “{source}” already brings the campaign “{campaign}”. A source can bring only "
            "one campaign."),
        "cancelled": QCoreApplication.translate("Errors", "Cancelled. Nothing was changed."),
    }
    fields = {
        "name": QCoreApplication.translate("Errors", "Name"),
        "inn": QCoreApplication.translate("Errors", "INN"),
        "email": QCoreApplication.translate("Errors", "E-mail"),
        "status": QCoreApplication.translate("Errors", "Status"),
        "refusal_reason": QCoreApplication.translate("Errors", "Refusal reason"),
        "title": QCoreApplication.translate("Errors", "Title"),
        "kind": QCoreApplication.translate("Errors", "Kind"),
        "planned_at": QCoreApplication.translate("Errors", "Planned date"),
        "lost_reason": QCoreApplication.translate("Errors", "Lost reason"),
        "tag": QCoreApplication.translate("Errors", "Tag"),
    }
    template = templates.get(exc.code)
    if template is None:
        return exc.plain()
    values = dict(p)
    if exc.code == "permission":  # the role and the refused action, translated
        from .access_phrases import permission_values; values.update(permission_values(p))  # noqa: E702
    if "field" in values:
        values["field"] = fields.get(values["field"], values["field"])
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return exc.plain()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "Kartoteka"), message(exc))
