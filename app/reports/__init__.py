"""The reports: each module in ``MODULES`` exposes ``DEFINITION`` (a ``ReportDef``).

``python -m app report --list`` prints their names; the GUI lists their titles.
"""
from __future__ import annotations

from importlib import import_module

from .base import Filters, Report, ReportDef

MODULES = ("funnel_conversion", "sales", "abc", "activity", "lost", "stuck", "forecast",
           "client_base", "campaigns")


def definitions() -> list[ReportDef]:
    return [import_module(f"{__name__}.{m}").DEFINITION for m in MODULES]


def definition(name: str) -> ReportDef | None:
    return next((d for d in definitions() if d.name == name), None)


def build_report(name: str, filters: Filters | None = None, lang: str = "ru", today=None) -> Report:
    from ..errors import ValidationError
    found = definition(name)
    if found is None:
        raise ValidationError(field="report", detail=f"unknown report {name!r}")
    return found.build(filters or Filters(), lang=lang, today=today)
