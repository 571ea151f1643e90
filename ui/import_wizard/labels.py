"""What the user reads for the core's keys: column targets, statuses, row actions."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.importer.mapping import CUSTOM, NEW_CUSTOM, NOTE, SKIP


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def target_labels() -> dict[str, str]:
    """Column targets in the order the mapping combo lists them."""
    return {
        "name": _tr("Name"), "last_name": _tr("Last name"), "first_name": _tr("First name"),
        "middle_name": _tr("Middle name"), "company": _tr("Company"), "contact": _tr("Contact person"),
        "position": _tr("Position"), "phone": _tr("Phone"), "email": _tr("E-mail"), "inn": _tr("INN"),
        "kpp": _tr("KPP"), "city": _tr("City"), "region": _tr("Region"), "address": _tr("Address"),
        "kind": _tr("Person or company"), "status": _tr("Status"), "stage": _tr("Funnel stage"),
        "amount": _tr("Deal amount"), "last_contact": _tr("Date of last contact"),
        "next_contact": _tr("Date of next contact"), "birthday": _tr("Birthday"), "tags": _tr("Tags"),
        "responsible": _tr("Responsible"), "source": _tr("Source"), "segment": _tr("Segment"),
        "notes": _tr("Notes"), NEW_CUSTOM: _tr("New custom field"), NOTE: _tr("Into notes"),
        SKIP: _tr("Skip"),
    }


def custom_label(name: str) -> str:
    return _tr("Custom field: %1").replace("%1", name)


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
    return {"status:lead": _tr("Status: lead"), "status:active": _tr("Status: active client"),
            "status:refused": _tr("Status: refused"), "status:archived": _tr("Status: archived")}


def action_label(action: str, target_name: str = "", target_row: int | None = None) -> str:
    if action == "merge" and target_row and not target_name:
        return _tr("Merge into row %1").replace("%1", str(target_row))
    if action == "merge":
        return _tr("Merge into «%1»").replace("%1", target_name)
    if action == "skip":
        return _tr("Skip")
    return _tr("Create new client")
