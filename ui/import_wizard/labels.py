"""What the user reads for the core's keys: column targets, statuses, row actions."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.importer.mapping import CUSTOM, NEW_CUSTOM, NOTE, SKIP


def target_labels() -> dict[str, str]:
    """Column targets in the order the mapping combo lists them."""
    return {
        "name": QCoreApplication.translate("ImportWizard", "Name"),
        "last_name": QCoreApplication.translate("ImportWizard", "Last name"),
        "first_name": QCoreApplication.translate("ImportWizard", "First name"),
        "middle_name": QCoreApplication.translate("ImportWizard", "Middle name"),
        "company": QCoreApplication.translate("ImportWizard", "Company"),
        "contact": QCoreApplication.translate("ImportWizard", "Contact person"),
        "position": QCoreApplication.translate("ImportWizard", "Position"),
        "phone": QCoreApplication.translate("ImportWizard", "Phone"),
        "email": QCoreApplication.translate("ImportWizard", "E-mail"),
        "inn": QCoreApplication.translate("ImportWizard", "INN"),
        "kpp": QCoreApplication.translate("ImportWizard", "KPP"),
        "city": QCoreApplication.translate("ImportWizard", "City"),
        "region": QCoreApplication.translate("ImportWizard", "Region"),
        "address": QCoreApplication.translate("ImportWizard", "Address"),
        "kind": QCoreApplication.translate("ImportWizard", "Person or company"),
        "status": QCoreApplication.translate("ImportWizard", "Status"),
        "stage": QCoreApplication.translate("ImportWizard", "Funnel stage"),
        "amount": QCoreApplication.translate("ImportWizard", "Deal amount"),
        "last_contact": QCoreApplication.translate("ImportWizard", "Date of last contact"),
        "next_contact": QCoreApplication.translate("ImportWizard", "Date of next contact"),
        "birthday": QCoreApplication.translate("ImportWizard", "Birthday"),
        "tags": QCoreApplication.translate("ImportWizard", "Tags"),
        "responsible": QCoreApplication.translate("ImportWizard", "Responsible"),
        "source": QCoreApplication.translate("ImportWizard", "Source"),
        "segment": QCoreApplication.translate("ImportWizard", "Segment"),
        "campaign": QCoreApplication.translate("ImportWizard", "Advertising campaign"),
        "notes": QCoreApplication.translate("ImportWizard", "Notes"),
        NEW_CUSTOM: QCoreApplication.translate("ImportWizard", "New custom field"),
        NOTE: QCoreApplication.translate("ImportWizard", "Into notes"),
        SKIP: QCoreApplication.translate("ImportWizard", "Skip"),
    }


def custom_label(name: str) -> str:
    return QCoreApplication.translate("ImportWizard", "Custom field: %1").replace("%1", name)


def target_options() -> list[tuple[str, str]]:
    """(key, label) for every target a column can have, custom fields included."""
    from app.card_lookups import custom_fields
    labels = target_labels()
    tail = [NEW_CUSTOM, NOTE, SKIP]
    options = [(k, v) for k, v in labels.items() if k not in tail]
    options += [(f"{CUSTOM}{f.id}", custom_label(f.name)) for f in custom_fields("client")]
    options += [(k, labels[k]) for k in tail]
    return options


def status_labels() -> dict[str, str]:
    return {
        "status:lead": QCoreApplication.translate("ImportWizard", "Status: lead"),
        "status:active": QCoreApplication.translate("ImportWizard", "Status: active client"),
        "status:refused": QCoreApplication.translate("ImportWizard", "Status: refused"),
        "status:archived": QCoreApplication.translate("ImportWizard", "Status: archived"),
    }


def action_label(action: str, target_name: str = "", target_row: int | None = None) -> str:
    if action == "merge" and target_row and not target_name:
        return QCoreApplication.translate("ImportWizard", "Merge into row %1").replace("%1", str(target_row))
    if action == "merge":
        return QCoreApplication.translate("ImportWizard", "Merge into «%1»").replace("%1", target_name)
    if action == "skip":
        return QCoreApplication.translate("ImportWizard", "Skip")
    return QCoreApplication.translate("ImportWizard", "Create new client")
