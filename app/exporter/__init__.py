"""Export: clients, deals and activities to .xlsx and .csv; clients to vCard (.vcf);
planned activities to iCalendar (.ics).

Each function takes an optional iterable of ids (the GUI passes the rows of the list as
the user filtered and sorted them) and writes to a temporary file that replaces the
target only when complete, so a cancelled or failed export leaves no half file.
See ``xlsx.py`` for how cells are protected against formula injection.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from db.models import Client

from .. import access
from ..errors import KartotekaError
from .cards import write_ics, write_vcards
from .data import activity_rows, client_rows, deal_rows
from .xlsx import safe_text, write_csv, write_xlsx

__all__ = ["ExportError", "ExportCancelled", "FORMATS", "export", "export_activities", "export_clients",
           "export_deals", "safe_text"]

FORMATS = {"clients": (".xlsx", ".csv", ".vcf"), "deals": (".xlsx", ".csv"),
           "activities": (".xlsx", ".csv", ".ics")}
_TITLES = {"clients": "Клиенты", "deals": "Сделки", "activities": "Дела"}


class ExportError(KartotekaError):
    code = "export"
    message = "{path}: {detail}"


class ExportCancelled(KartotekaError):
    code = "export_cancelled"
    message = "The export was cancelled; no file was written."


def _ticker(should_cancel, on_progress, total):
    done = 0

    def tick():
        nonlocal done
        if should_cancel and should_cancel():
            raise ExportCancelled()
        done += 1000
        if on_progress:
            on_progress(min(done, total), total)
    return tick


def export(entity: str, path, ids=None, *, on_progress: Callable[[int, int], None] | None = None,
           should_cancel: Callable[[], bool] | None = None) -> int:
    """Write ``entity`` (clients | deals | activities) to ``path``; the format comes from
    the extension.  Returns the number of records written."""
    path = Path(path)
    ext = path.suffix.lower()
    if entity not in FORMATS:
        raise ExportError(path=path.name, detail=f"cannot export {entity!r}; choose clients, deals or activities")
    if ext not in FORMATS[entity]:
        raise ExportError(path=path.name, detail=f"{entity} cannot be saved as {ext or 'a file without extension'}; "
                                                 f"use {', '.join(FORMATS[entity])}")
    if not path.parent.exists():
        raise ExportError(path=str(path), detail="the folder does not exist")
    access.require("export")
    visible = access.visible_ids(entity)  # a manager: own rows (None: every row may be seen)
    if ids is None:
        ids = visible
    else:  # ids chosen elsewhere (a segment, the command line): only those the user may see
        allowed = None if visible is None else set(visible)
        ids = [i for i in ids if allowed is None or i in allowed]
    if entity == "clients" and ext == ".vcf":
        if ids is None:
            ids = [i for (i,) in Client.select(Client.id).where(Client.deleted_at.is_null())
                   .order_by(Client.name_fold, Client.id).tuples()]
        return write_vcards(path, ids, _ticker(should_cancel, on_progress, len(ids)))
    if ext == ".ics":
        return write_ics(path, ids)
    columns, rows = {"clients": client_rows, "deals": deal_rows, "activities": activity_rows}[entity](ids)
    total = len(ids) if ids is not None else 0
    tick = _ticker(should_cancel, on_progress, total)
    if ext == ".csv":
        return write_csv(path, columns, rows, tick)
    return write_xlsx(path, _TITLES[entity], columns, rows, tick)


def export_clients(path, ids=None, **kw) -> int:
    return export("clients", path, ids, **kw)


def export_deals(path, ids=None, **kw) -> int:
    return export("deals", path, ids, **kw)


def export_activities(path, ids=None, **kw) -> int:
    return export("activities", path, ids, **kw)
