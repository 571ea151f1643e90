"""Which templates there are: the ready-made ones in resources/templates/ and the user's
own .docx/.odt files in ``<data folder>/templates`` (the file name is the template's name).

A template that uses ``{{ invoice.… }}`` fields is an invoice: each document made from it
gets the next invoice number and an Invoice row on the deal.
"""
from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from resources import ROOT as RESOURCES

from .. import paths
from ..errors import NotFoundError
from .render import template_variables

BUILTIN_DIR = RESOURCES / "templates"
BUILTIN = (  # id, file, name
    ("builtin:proposal", "commercial_proposal.docx", "Коммерческое предложение"),
    ("builtin:invoice", "invoice.docx", "Счёт на оплату"),
)
SUFFIXES = (".docx", ".odt")
_INVOICE_FIELD = re.compile(r"\binvoice\s*\.")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    path: Path
    builtin: bool

    @property
    def is_odt(self) -> bool:
        return self.path.suffix.lower() == ".odt"


def user_dir(create: bool = False) -> Path:
    """The folder of the user's own templates."""
    folder = paths.data_dir() / "templates"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def ensure_user_dir(lang: str = "ru") -> Path:
    """The user's templates folder, made on demand, with the list of fields in it."""
    folder = user_dir(create=True)
    readme = BUILTIN_DIR / f"README-fields.{'en' if lang == 'en' else 'ru'}.txt"
    target = folder / readme.name
    if not target.exists():
        shutil.copyfile(readme, target)
    return folder


def builtin_templates() -> list[TemplateInfo]:
    return [TemplateInfo(tid, name, BUILTIN_DIR / file, True) for tid, file, name in BUILTIN]


def user_templates() -> list[TemplateInfo]:
    folder = user_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir()
             if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", ".~lock", "."))]
    found.sort(key=lambda p: p.name.lower())
    return [TemplateInfo("user:" + p.name, p.stem, p, False) for p in found]


def list_templates() -> list[TemplateInfo]:
    """The ready-made templates first, then the user's own, by name."""
    return builtin_templates() + user_templates()


def get_template(template_id: str) -> TemplateInfo:
    for info in list_templates():
        if info.id == template_id:
            return info
    raise NotFoundError(entity="template", id=template_id)


def _odt_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            return _TAG.sub("", archive.read("content.xml").decode("utf-8", "replace"))
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""


def is_invoice(info: TemplateInfo) -> bool:
    """Whether the template prints an invoice number (then making it issues an invoice)."""
    if info.is_odt:
        return bool(_INVOICE_FIELD.search(_odt_text(info.path)))
    return "invoice" in template_variables(info.path)
