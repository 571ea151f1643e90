"""``--self-check``: prove that this installation works, without touching the user's data.

Creates a database in a temporary folder, writes a client, finds it by phone and by
name, backs the database up, verifies the backup and checks that the bundled resources
(translations, style) are present.  Each step prints one line; the first failure ends
the check with a plain message (exit code 2 from the CLI)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable

from .errors import KartotekaError


class SelfCheckError(KartotekaError):
    code = "self_check"
    message = "self-check failed at “{step}”: {detail}"


RESOURCES = Path(__file__).resolve().parents[1] / "resources"
NEEDED = ("style.qss", "i18n/kartoteka_ru.qm", "icons/app.svg")


def _resources() -> str:
    missing = [name for name in NEEDED if not (RESOURCES / name).is_file()]
    if missing:
        raise RuntimeError(f"missing in {RESOURCES}: {', '.join(missing)}")
    return f"{len(NEEDED)} files present"


def run(print_line: Callable[[str], None] = print) -> None:
    """Run every step; raises ``SelfCheckError`` naming the step that failed."""
    from db.connection import close_database, open_database

    from .backup import make_backup, verify_backup
    from .clients import ClientData, PhoneItem, create_client
    from .duplicates import find_duplicates
    from .search import search_clients

    work = Path(tempfile.mkdtemp(prefix="kartoteka-self-check-"))
    state: dict = {}

    def open_db() -> str:
        open_database(work / "check.db")
        return "created"

    def write() -> str:
        data = create_client(ClientData(name="Проверка Самопроверкина",
                                        phones=[PhoneItem(raw="8 (912) 345-67-89")]))
        state["id"] = data.id
        return f"client #{data.id}"

    def search() -> str:
        by_phone = [h.id for h in search_clients("+7 912 345 67 89")]
        by_name = [h.id for h in search_clients("самопров")]
        if state["id"] not in by_phone or state["id"] not in by_name:
            raise RuntimeError("the new client was not found")
        # the fuzzy name match of the importer and the client card (rapidfuzz's compiled code)
        if state["id"] not in [d.client_id for d in find_duplicates(name="Самопроверкин Проверка")]:
            raise RuntimeError("the new client was not found as a likely duplicate")
        return "found by phone, by name and as a likely duplicate"

    def backup() -> str:
        state["backup"] = make_backup(work / "backups", reason="self-check")
        return state["backup"].name

    def verify() -> str:
        manifest = verify_backup(state["backup"])
        return f"{manifest['counts'].get('client', 0)} client in the backup"

    def report() -> str:
        from .reports import build_report
        from .reports.document import report_document
        from .reports.pages import write_pdf
        from .reports.xlsx import write_report_xlsx
        built = build_report("clients", lang="ru")
        pages = write_pdf(report_document(built), work / "report.pdf", lang="ru")
        write_report_xlsx(built, work / "report.xlsx", lang="ru")
        if not (work / "report.pdf").read_bytes().startswith(b"%PDF"):
            raise RuntimeError("the PDF is not a PDF")
        return f"PDF ({pages} page) and xlsx written"

    def document() -> str:
        import docx

        from .documents.generate import generate
        made = generate("builtin:proposal", client_id=state["id"], out_dir=work / "documents")
        text = "\n".join(p.text for p in docx.Document(str(made.path)).paragraphs)
        if "Самопроверкина" not in text:
            raise RuntimeError("the client's name is not in the proposal")
        return f"{made.path.name} filled in and attached"

    steps = [("resources", _resources), ("database", open_db), ("write", write),
             ("search", search), ("backup", backup), ("verify", verify), ("report", report),
             ("document", document)]
    try:
        for name, step in steps:
            try:
                detail = step()
            except Exception as exc:  # noqa: BLE001 - every failure is reported by step
                raise SelfCheckError(step=name, detail=str(exc) or type(exc).__name__) from exc
            print_line(f"ok  {name}: {detail}")
    finally:
        close_database()
        shutil.rmtree(work, ignore_errors=True)
