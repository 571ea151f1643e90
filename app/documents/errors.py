"""Errors of document generation (the UI says them in the user's language, ``ui/errors.py``)."""
from __future__ import annotations

from app.errors import KartotekaError


class OfficeMissingError(KartotekaError):
    """LibreOffice is needed for PDF, for .odt and for .odt templates, and is not installed.

    ``document`` is set when a .docx was saved all the same (a GeneratedDocument)."""

    code = "office_missing"
    message = "Install LibreOffice to get {fmt}; the .docx was saved: {path}"
    document = None


class OfficeTemplateMissingError(KartotekaError):
    code = "office_template_missing"
    message = "Install LibreOffice to fill .odt templates ({path}), or save the template as .docx."


class OfficeConvertError(KartotekaError):
    code = "office_convert"
    message = "LibreOffice could not convert {path} to {fmt}: {detail}"


class TemplateError(KartotekaError):
    code = "document_template"
    message = "The template {path} cannot be filled: {detail}"
