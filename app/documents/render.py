"""Filling a template and converting it: docxtpl for .docx, LibreOffice for the rest.

docxtpl (Jinja2 inside a .docx, python-docx underneath) keeps the template's own styles
and tables; a ``{%tr for line in deal.lines %}`` row repeats per product line.  An .odt
template is converted to .docx first and an .odt result back from .docx; PDF comes from
``soffice --headless --convert-to pdf`` with a private profile (it would otherwise clash
with a LibreOffice the user has open).  Without LibreOffice: ``OfficeMissingError``.
"""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from .errors import OfficeConvertError, OfficeMissingError, OfficeTemplateMissingError, TemplateError

CONVERT_TIMEOUT = 120  # seconds; the first start of LibreOffice builds its profile
FORMATS = ("docx", "odt", "pdf")
_KNOWN_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_office_lock = threading.Lock()
_profile_dir: Path | None = None


def _profile() -> Path:
    """A private LibreOffice profile for this run (made once: the first start is the slow one),
    so a LibreOffice the user has open is not disturbed; removed when the program ends."""
    global _profile_dir
    if _profile_dir is None:
        _profile_dir = Path(tempfile.mkdtemp(prefix="kartoteka-lo-"))
        atexit.register(shutil.rmtree, _profile_dir, True)
    return _profile_dir


def find_soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _KNOWN_PLACES:  # installed, but not on PATH (Windows, macOS)
        if os.path.isfile(place):
            return place
    return None


def office_available() -> bool:
    return find_soffice() is not None


def convert(src: Path, fmt: str, outdir: Path, *, timeout: int = CONVERT_TIMEOUT) -> Path:
    """Convert ``src`` to ``fmt`` (pdf, docx, odt) into ``outdir``; returns the new file."""
    soffice = find_soffice()
    if soffice is None:
        raise OfficeMissingError(fmt=fmt.upper(), path=str(src))
    outdir.mkdir(parents=True, exist_ok=True)
    command = [soffice, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(outdir), str(src)]
    with _office_lock:  # one LibreOffice at a time on one profile
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise OfficeConvertError(path=str(src), fmt=fmt.upper(),
                                     detail=f"no answer in {timeout} s") from None
        except OSError as exc:
            raise OfficeConvertError(path=str(src), fmt=fmt.upper(), detail=str(exc)) from None
    result = outdir / (src.stem + "." + fmt)
    if not result.is_file():
        detail = (done.stderr or done.stdout or f"exit code {done.returncode}").strip()
        raise OfficeConvertError(path=str(src), fmt=fmt.upper(), detail=detail[:300])
    return result


def to_pdf(docx_path: Path) -> Path:
    """The PDF next to the .docx (same name)."""
    docx_path = Path(docx_path)
    return convert(docx_path, "pdf", docx_path.parent)


def template_docx(template_path: Path, workdir: Path) -> Path:
    if template_path.suffix.lower() != ".odt":
        return template_path
    if not office_available():
        raise OfficeTemplateMissingError(path=str(template_path))
    return convert(template_path, "docx", workdir)


def template_variables(template_path: Path) -> set[str]:
    """The top-level merge fields a .docx template uses ("client", "invoice"…)."""
    from docxtpl import DocxTemplate
    try:
        return set(DocxTemplate(str(template_path)).get_undeclared_template_variables())
    except Exception as exc:  # noqa: BLE001 - a broken template or Jinja syntax error
        raise TemplateError(path=str(template_path), detail=str(exc)) from None


def _environment():
    """Jinja for user templates: sandboxed, escaping for XML, unknown fields print nothing."""
    from jinja2 import ChainableUndefined
    from jinja2.sandbox import SandboxedEnvironment
    return SandboxedEnvironment(autoescape=True, undefined=ChainableUndefined)


def render_docx(template_path: Path, context: dict, out_path: Path) -> Path:
    """Fill a .docx template into ``out_path`` (.docx)."""
    from docxtpl import DocxTemplate
    try:
        document = DocxTemplate(str(template_path))
        document.render(context, _environment())
    except Exception as exc:  # noqa: BLE001 - Jinja errors, a damaged file: said to the user
        raise TemplateError(path=str(template_path), detail=str(exc)) from None
    out_path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out_path))
    return out_path


def render(template_path: Path, context: dict, out_path: Path) -> Path:
    """Fill ``template_path`` (.docx or .odt) into ``out_path`` (.docx or .odt)."""
    template_path, out_path = Path(template_path), Path(out_path)
    with tempfile.TemporaryDirectory(prefix="kartoteka-doc-") as work:
        workdir = Path(work)
        source = template_docx(template_path, workdir)
        if out_path.suffix.lower() != ".odt":
            return render_docx(source, context, out_path)
        if not office_available():
            raise OfficeMissingError(fmt="ODT", path=str(out_path))
        filled = render_docx(source, context, workdir / (out_path.stem + ".docx"))
        converted = convert(filled, "odt", workdir / "out")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(converted), str(out_path))
        return out_path
