"""Bad input: a clear message, and the database exactly as before."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import KartotekaError
from app.importer import import_file, reading
from db.models import Client, ImportBatch

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"


@pytest.fixture
def unchanged(db):
    """Assert after the test that nothing was written."""
    yield
    assert Client.select().count() == 0 and ImportBatch.select().count() == 0


def _fails(path, *words) -> str:
    with pytest.raises(KartotekaError) as info:
        import_file(path)
    message = str(info.value)
    for word in words:
        assert word in message, message
    return message


def _xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_random_bytes_named_xlsx(unchanged, tmp_path):
    path = tmp_path / "clients.xlsx"
    path.write_bytes(os.urandom(4096))
    _fails(path, "clients.xlsx", "not a spreadsheet")


def test_truncated_xlsx(unchanged, tmp_path):
    data = (SAMPLES / "shop_clients.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    _fails(path, "damaged")


def test_encrypted_xlsx_is_an_ole2_container(unchanged, tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(reading.OLE2_SIGNATURE + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(1000))
    _fails(path, "password-protected")


def test_zip_bomb_is_refused_before_parsing(unchanged, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (12 << 20))
    _fails(path, "zip bomb")


def test_total_unpacked_size_limit(unchanged, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNCOMPRESSED", 1000)
    _fails(_xlsx(tmp_path / "big.xlsx", [["ФИО"], ["Иван"]]), "unpacks to")


def test_empty_sheet(unchanged, tmp_path):
    _fails(_xlsx(tmp_path / "empty.xlsx", []), "empty")


def test_header_without_data(unchanged, tmp_path):
    _fails(_xlsx(tmp_path / "head.xlsx", [["ФИО", "Телефон"]]), "no data rows")


def test_no_recognisable_column(unchanged, tmp_path):
    _fails(_xlsx(tmp_path / "odd.xlsx", [["Цвет", "Вес"], ["красный", "1,5"], ["синий", "2"]]),
           "no column", "recognised")


def test_two_hundred_columns(unchanged, tmp_path):
    header = ["ФИО"] + [f"Поле {i}" for i in range(199)]
    _fails(_xlsx(tmp_path / "wide.xlsx", [header, ["Иван"] + ["x"] * 199]), "200", "columns")


def test_csv_in_an_unknown_encoding(unchanged, tmp_path):
    path = tmp_path / "weird.csv"
    path.write_bytes(bytes(range(256)) * 20)
    _fails(path, "encoding")


def test_too_many_rows(unchanged, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    _fails(_xlsx(tmp_path / "long.xlsx", [["ФИО"]] + [[f"Клиент {i}"] for i in range(10)]), "more than the 5")
    path = tmp_path / "long.csv"
    path.write_text("ФИО\n" + "\n".join(f"К{i}" for i in range(10)), encoding="utf-8")
    _fails(path, "more than the 5")


def test_unknown_sheet_and_extension(unchanged, tmp_path):
    with pytest.raises(KartotekaError, match="no sheet 'Нет'"):
        import_file(SAMPLES / "shop_clients.xlsx", sheet="Нет")
    path = tmp_path / "clients.pdf"
    path.write_bytes(b"%PDF-1.4")
    _fails(path, ".pdf cannot be imported")


def test_failure_while_writing_leaves_database_unchanged(unchanged, monkeypatch):
    from app.importer import apply

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(apply, "index_clients", broken)
    with pytest.raises(OSError):
        import_file(SAMPLES / "shop_clients.xlsx")
