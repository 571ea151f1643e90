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
    with database_proxy.atomic():
        Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict_replace().execute()
    publish("setting", "update")


def phone_region() -> str:
    return get("phone_region", "RU") or "RU"
