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
        "permission": QCoreApplication.translate("Errors", "You are not allowed to do this."),
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
    if "field" in values:
        values["field"] = fields.get(values["field"], values["field"])
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return exc.plain()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "Kartoteka"), message(exc))
