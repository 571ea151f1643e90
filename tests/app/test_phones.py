"""Phones typed every way Russians type them come out as one E.164 number."""
import json
from pathlib import Path

import pytest

from app.phones import format_phone, normalize, parse_cell, search_keys, split_numbers

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


@pytest.mark.parametrize("typed, e164", [
    ("8 (495) 123-45-67", "+74951234567"),
    ("+7 916 555-12-34", "+79165551234"),
    ("89161234567", "+79161234567"),
    ("(495)987-65-43", "+74959876543"),
    ("9035556677", "+79035556677"),
    ("+375 29 123-45-67", "+375291234567"),
    ("8(3452)55-66-77", "+73452556677"),
    ("+7 (4852) 72-00-11", "+74852720011"),
    ("8 922 123-45-67", "+79221234567"),
    ("8-915-000-12-12", "+79150001212"),
    ("+49 30 123456", "+4930123456"),
    ("8 (495) 123-45-67 доб. 123", "+74951234567"),
])
def test_common_shapes_normalise(typed, e164):
    parsed = normalize(typed)
    assert parsed.e164 == e164
    assert parsed.raw == typed
    assert parsed.digits == e164[1:]


@pytest.mark.parametrize("typed", ["12345", "abc", "8 800", "+7 123"])
def test_unparseable_is_kept_raw_and_flagged(typed):
    parsed = normalize(typed)
    assert parsed.e164 is None and not parsed.valid
    assert parsed.raw == typed


def test_several_numbers_in_one_cell():
    cell = "8 (495) 123-45-67, +7 916 555-12-34; 89035556677 / 9261112233 и 8 812 333-22-11"
    assert [p.e164 for p in parse_cell(cell)] == [
        "+74951234567", "+79165551234", "+79035556677", "+79261112233", "+78123332211"]
    assert split_numbers("") == [] and split_numbers(None) == []


def test_region_from_settings_applies_to_local_numbers():
    assert normalize("029 123-45-67", "BY").e164 == "+375291234567"


def test_display_format():
    assert format_phone("+79165551234") == "+7 916 555-12-34"
    assert format_phone(None, "12345") == "12345"


def test_search_keys_reduce_any_format_to_a_suffix():
    assert search_keys("916 555 12 34") == ["9165551234"]
    assert search_keys("8(916)5551234") == ["9165551234"]
    assert search_keys("+7 916 555-12-34") == ["9165551234"]
    assert search_keys("55-12-34") == ["551234"]
    assert search_keys("12") == []


def _sample_phones():
    """(file, raw phone cells) from the three sample files, read without the importer."""
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(str(SAMPLES / "shop_clients.xlsx")).get_sheet_by_index(0).to_python()
    xlsx = [str(c) for r in rows[2:] for c in r[1:3] if str(c).strip()]
    csv_lines = (SAMPLES / "counterparties_1c.csv").read_bytes().decode("cp1251").splitlines()[1:]
    csv = [line.split(";")[2] for line in csv_lines if line.strip()]
    vcf = [line.split(":", 1)[1] for line in (SAMPLES / "contacts.vcf").read_text().splitlines()
           if line.startswith("TEL")]
    return {"shop_clients.xlsx": xlsx, "counterparties_1c.csv": csv, "contacts.vcf": vcf}


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples are not beside the repository")
def test_sample_files_phones_normalise_as_expected():
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    for name, cells in _sample_phones().items():
        got = {p.e164 for cell in cells for p in parse_cell(cell) if p.valid}
        assert got == set(expected[name]["phones_e164"]), name
    bad = [p for p in parse_cell("12345")]
    assert bad and not bad[0].valid
