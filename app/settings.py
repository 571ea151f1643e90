"""Company-wide settings stored in the database (they travel with backups)."""
from __future__ import annotations

import json
from typing import Any

from db.defaults import DEFAULT_SETTINGS
from db.models import Setting, database_proxy

from .events import publish


def get(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return DEFAULT_SETTINGS.get(key, default)
    return json.loads(row.value)


def put(key: str, value: Any) -> None:
    from .access import require
    require("settings")
    with database_proxy.atomic():
        text = json.dumps(value, ensure_ascii=False)
        Setting.insert(key=key, value=text).on_conflict(conflict_target=[Setting.key],
                                                        update={Setting.value: text}).execute()
    publish("setting", "update")


def phone_region() -> str:
    return get("phone_region", "RU") or "RU"
