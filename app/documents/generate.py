"""Making a document from a template for a client or a deal, in one call.

1. one transaction: an invoice template takes the next invoice number and writes the
   Invoice row; the .docx is filled (a failure gives the number back);
2. LibreOffice converts it to .odt or PDF when asked (outside the transaction: seconds);
3. the file is attached to the card and an activity "Document created: …" is logged.

Without LibreOffice an .odt/PDF request still keeps (and attaches) the .docx, then raises
``OfficeMissingError`` whose ``document`` is what was made.
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from platformdirs import user_documents_dir

from db.models import Deal, database_proxy

from .. import access, attachments
from ..activities import ActivityData, log_activity
from ..errors import KartotekaError, ValidationError
from ..events import publish
from ..reports.common import t
from .errors import OfficeConvertError, OfficeMissingError
from .fields import build_context, day
from .numbering import issue_invoice
from .render import FORMATS, convert, render_docx, template_docx
from .templates import TemplateInfo, get_template, is_invoice

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


class InvoiceNeedsDealError(KartotekaError):
    code = "invoice_needs_deal"
    message = "An invoice is issued for a deal: open the deal (or choose one) and make it there."


class EmptyInvoiceError(KartotekaError):
    code = "invoice_empty"
    message = "The deal {title} has no products or services and no amount: there is nothing to invoice."


@dataclass(frozen=True)
class GeneratedDocument:
    path: Path
    attachment_id: int | None
    activity_id: int | None
    invoice_id: int | None = None
    invoice_number: str = ""
    title: str = ""  # "Счёт на оплату № 3 от 14.03.2025": a subject for the e-mail


def documents_dir() -> Path:
    """Where made documents are saved: Documents/Kartoteka."""
    return Path(user_documents_dir()) / "Kartoteka"


def safe_name(text: str, limit: int = 120) -> str:
    """A file name from free text (client names have quotes and slashes)."""
    name = " ".join(_UNSAFE.sub(" ", text).split()).strip(" .")
    return name[:limit].rstrip(" .") or "document"


def _free_path(folder: Path, stem: str) -> Path:
    """``folder/stem.docx`` where neither it nor its .odt/.pdf exists yet ("… (2).docx")."""
    name, n = stem, 2
    while any((folder / f"{name}.{fmt}").exists() for fmt in FORMATS):
        name = f"{stem} ({n})"
        n += 1
    return folder / f"{name}.docx"


def _title(info: TemplateInfo, context: dict) -> str:
    invoice = context["invoice"]
    if invoice["number"]:
        return f"{info.name} № {invoice['number']} от {invoice['date']}"
    return f"{info.name} от {context['today']}"


def generate(template_id: str, *, client_id: int | None = None, deal_id: int | None = None,
             fmt: str = "docx", out_dir: Path | None = None, lang: str = "ru",
             today: date | None = None) -> GeneratedDocument:
    """Fill the template for the deal (or the client), save, attach, log; see the module."""
    if fmt not in FORMATS:
        raise ValidationError(field="format", detail=f"unknown format {fmt!r}")
    info = get_template(template_id)
    if deal_id:
        deal = Deal.get_or_none(Deal.id == deal_id)
        client_id = deal.client_id if deal else client_id
    access.require("edit", ("deal", deal_id) if deal_id else ("client", client_id))
    invoice = is_invoice(info)
    if invoice and not deal_id:
        raise InvoiceNeedsDealError()
    today = today or datetime.now().date()
    context = build_context(client_id=client_id, deal_id=deal_id, today=today)
    if invoice and not context["deal"]["count"]:
        raise EmptyInvoiceError(title=context["deal"]["title"])
    folder = Path(out_dir) if out_dir else documents_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kartoteka-doc-") as work:
        source = template_docx(info.path, Path(work))
        invoice_id = None
        with database_proxy.atomic():
            if invoice:
                issued = issue_invoice(deal_id, context["deal"]["total_value"], today)
                invoice_id = issued.id
                context["invoice"] = dict(number=issued.number, date=day(issued.issued_on),
                                          due=day(issued.due_on))
            title = _title(info, context)
            stem = safe_name(f"{title} — {context['client']['name']}")
            docx = render_docx(source, context, _free_path(folder, stem))
    if invoice_id:
        publish("deal", "update", [deal_id])
    final, problem = docx, None
    if fmt != "docx":
        try:
            final = convert(docx, fmt, folder)
            if fmt == "odt":
                docx.unlink(missing_ok=True)
        except (OfficeMissingError, OfficeConvertError) as exc:
            problem = exc
    result = _attach_and_log(final, title, client_id, deal_id, invoice_id,
                             context["invoice"]["number"], lang)
    if problem is not None:
        problem.document = result
        raise problem
    return result


def _attach_and_log(path: Path, title: str, client_id: int, deal_id: int | None,
                    invoice_id: int | None, number: str, lang: str) -> GeneratedDocument:
    with database_proxy.atomic():
        activity_id = log_activity(ActivityData(
            kind="note", subject=t(lang, "Document created: {}", "Создан документ: {}").format(title),
            result=path.name, client_id=client_id, deal_id=deal_id))
        attachment_id = attachments.add_file(path, client_id=client_id, deal_id=deal_id,
                                             activity_id=activity_id, filename=path.name)
    return GeneratedDocument(path, attachment_id, activity_id, invoice_id, number, title)
