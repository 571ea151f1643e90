"""A refusal of ``app.access`` in the user's language, naming the role and what it does
not allow: «Ваша роль (Менеджер) не позволяет восстановить резервную копию. Обратитесь к
владельцу.»  ``ui.errors.message`` fills the "permission" sentence from here; the keys
are ``app.access.ACTIONS`` and its ``PHRASES`` ("edit_client"…)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_titles() -> dict[str, str]:
    return {"owner": QCoreApplication.translate("Access", "Owner"),
            "manager": QCoreApplication.translate("Access", "Manager"),
            "viewer": QCoreApplication.translate("Access", "Viewer")}


def action_phrases() -> dict[str, str]:
    """What was refused, as it ends the sentence "Your role (…) does not allow you to …"."""
    return {
        "view": QCoreApplication.translate("Access", "see this record"),
        "create": QCoreApplication.translate("Access", "create records"),
        "edit": QCoreApplication.translate("Access", "change this record"),
        "delete": QCoreApplication.translate("Access", "delete this record"),
        "manage_employees": QCoreApplication.translate("Access", "manage employees"),
        "settings": QCoreApplication.translate("Access", "change the settings"),
        "stages": QCoreApplication.translate("Access", "change the funnel stages"),
        "custom_fields": QCoreApplication.translate("Access", "change the client fields"),
        "automation": QCoreApplication.translate("Access", "change the automation rules"),
        "import": QCoreApplication.translate("Access", "import data"),
        "export": QCoreApplication.translate("Access", "export data"),
        "print": QCoreApplication.translate("Access", "print"),
        "backup": QCoreApplication.translate("Access", "make a backup"),
        "restore": QCoreApplication.translate("Access", "restore a backup"),
        "purge": QCoreApplication.translate("Access", "empty the trash"),
        "view_client": QCoreApplication.translate("Access", "open this client"),
        "edit_client": QCoreApplication.translate("Access", "change this client"),
        "delete_client": QCoreApplication.translate("Access", "delete this client"),
        "view_deal": QCoreApplication.translate("Access", "open this deal"),
        "edit_deal": QCoreApplication.translate("Access", "change this deal"),
        "delete_deal": QCoreApplication.translate("Access", "delete this deal"),
        "view_activity": QCoreApplication.translate("Access", "open this activity"),
        "edit_activity": QCoreApplication.translate("Access", "change this activity"),
        "delete_activity": QCoreApplication.translate("Access", "delete this activity"),
        "view_contact": QCoreApplication.translate("Access", "open this contact person"),
        "edit_contact": QCoreApplication.translate("Access", "change this contact person"),
        "delete_contact": QCoreApplication.translate("Access", "delete this contact person"),
    }


def permission_values(params: dict) -> dict[str, str]:
    """The role and the action of a ``PermissionDeniedError`` in the user's language
    (what the error does not say falls back to its English words or the current role)."""
    code = params.get("role_code")
    if code is None:
        from app.access import role
        code = role()
    phrases = action_phrases()
    what = params.get("what") or ""
    action = phrases.get(what) or phrases.get(what.split("_")[0]) or str(params.get("action", ""))
    return {"role": role_titles().get(code, str(params.get("role", code))), "action": action}
