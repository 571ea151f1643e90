"""The export dialog: what, format, file; the shown clients only; progress in a worker."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt

from app.clients import ClientData, PhoneItem, create_client
from ui.export_dialog import LAST_FOLDER_KEY, ExportDialog


def _clients():
    return [create_client(ClientData(name=name, phones=[PhoneItem(raw)])).id
            for name, raw in (("Андреев", "+7 900 000-00-01"), ("Борисова", "+7 900 000-00-02"),
                              ("Васильев", "+7 900 000-00-03"))]


def _export(qtbot, dialog, path: Path) -> None:
    dialog.set_path(str(path))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def test_exports_only_the_clients_shown(db, qtbot, tmp_path):
    ids = _clients()
    dialog = ExportDialog(None, "clients", client_ids=[ids[2], ids[0]])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.only_shown.isVisible() and dialog.only_shown.isChecked()
    assert dialog.only_shown.text() == "Only the 2 clients currently shown"
    assert dialog.extension() == ".xlsx"
    target = tmp_path / "shown.xlsx"
    _export(qtbot, dialog, target)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    name = rows[0].index("Наименование")
    assert [r[name] for r in rows[1:]] == ["Васильев", "Андреев"]
    assert "2 records written" in dialog.status.text()
    assert dialog.open_folder.isVisible()
    assert QSettings().value(LAST_FOLDER_KEY) == str(tmp_path)


def test_unticking_exports_every_client(db, qtbot, tmp_path):
    ids = _clients()
    dialog = ExportDialog(None, "clients", client_ids=[ids[0]])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.only_shown.setChecked(False)
    target = tmp_path / "all.xlsx"
    _export(qtbot, dialog, target)
    assert load_workbook(target).active.max_row == 4


def test_the_format_follows_what_is_exported(db, qtbot, tmp_path):
    _clients()
    dialog = ExportDialog(None, "vcard")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.only_shown.isVisible()
    assert [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())] == [".vcf"]
    assert dialog.path_edit.text().endswith(".vcf")
    dialog.what_combo.setCurrentIndex(dialog.what_combo.findData("deals"))
    assert dialog.path_edit.text().endswith(".xlsx")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".csv"))
    assert dialog.path_edit.text().endswith(".csv")
    dialog.what_combo.setCurrentIndex(dialog.what_combo.findData("vcard"))
    target = tmp_path / "contacts"
    _export(qtbot, dialog, target)  # the extension is added
    text = (tmp_path / "contacts.vcf").read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 3


def test_the_last_folder_is_remembered(db, qtbot, tmp_path):
    QSettings().setValue(LAST_FOLDER_KEY, str(tmp_path))
    dialog = ExportDialog(None, "clients")
    qtbot.addWidget(dialog)
    assert Path(dialog.path_edit.text()).parent == tmp_path


def test_an_error_is_shown_and_nothing_breaks(db, qtbot, tmp_path):
    dialog = ExportDialog(None, "clients")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_path(str(tmp_path / "missing" / "out.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.export_button.isEnabled(), timeout=10_000)
    assert "does not exist" in dialog.status.text()
    assert not (tmp_path / "missing").exists()


def test_stop_cancels_the_export(db, qtbot, tmp_path, monkeypatch):
    import threading

    from ui import export_dialog
    _clients()
    gate = threading.Event()

    def slow_export(entity, path, ids, on_progress, should_cancel):
        on_progress(0, 3)
        gate.wait(10)
        if should_cancel():
            raise RuntimeError("stopped")
        return 3

    monkeypatch.setattr(export_dialog, "export", slow_export)
    dialog = ExportDialog(None, "clients")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_path(str(tmp_path / "x.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.close_button.text() == "Stop"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert "stopped" in dialog.status.text() and dialog.written is None
    assert dialog.isVisible()
