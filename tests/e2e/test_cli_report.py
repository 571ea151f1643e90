"""``python -m app report``, run as a user would: a separate process."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]


def run(*args, check=True):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, check=check, timeout=120)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("report") / "k.db"
    run("--db", db, "demo", "--clients", "60", "--seed", "3")
    return db


def test_list_names_every_report_with_its_title():
    ru = run("report", "--list").stdout.splitlines()
    en = run("--lang", "en", "report", "--list").stdout.splitlines()
    assert "sales\tПродажи" in ru and "sales\tSales" in en
    assert any(line.startswith("funnel\t") for line in ru)
    assert all(len(line.split("\t")) == 2 for line in ru) and len(ru) == len(en) >= 8


def test_bad_requests_exit_2_with_one_line_and_no_file(demo_db, tmp_path):
    cases = [(["no-such-report", "--out", tmp_path / "a.pdf"], "unknown report 'no-such-report'"),
             (["sales", "--from", "2026-02-30", "--out", tmp_path / "b.pdf"], "is not a date"),
             (["sales", "--from", "10.03.2026", "--to", "01.03.2026", "--out", tmp_path / "c.pdf"], "is after"),
             (["sales", "--out", tmp_path / "d.txt"], "use .pdf, .xlsx or .png"),
             (["sales", "--responsible", "Некто Неизвестный", "--out", tmp_path / "e.pdf"], "no responsible")]
    for args, message in cases:
        result = run("--db", demo_db, "report", *args, check=False)
        assert result.returncode == 2, args
        assert message in result.stderr and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_sales_to_pdf_xlsx_and_png(demo_db, tmp_path):
    pdf, xlsx, png = tmp_path / "sales.pdf", tmp_path / "sales.xlsx", tmp_path / "sales.png"
    out = run("--db", demo_db, "report", "sales", "--period", "this_year", "--out", pdf).stdout
    assert "Продажи" in out and "written to" in out
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) >= 1
    run("--db", demo_db, "--lang", "en", "report", "sales", "--from", "2025-01-01", "--to", "31.12.2026",
        "--out", xlsx)
    sheet = load_workbook(xlsx).active
    assert sheet["A1"].value == "Sales" and sheet["A2"].value == "Period: 01.01.2025 – 31.12.2026"
    assert len(sheet._images) == 1
    run("--db", demo_db, "report", "sales", "--period", "last_year", "--out", png)
    assert png.read_bytes().startswith(b"\x89PNG")


def test_funnel_to_pdf_in_a_process_that_never_loads_qt(demo_db, tmp_path):
    pdf = tmp_path / "funnel.pdf"
    code = ("import sys; from app.cli import main; "
            "code = main(['--db', sys.argv[1], 'report', 'funnel', '--pipeline', 'Основная',"
            " '--out', sys.argv[2]]);"
            "print(code, 'PySide6' in sys.modules, 'matplotlib.pyplot' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(demo_db), str(pdf)], cwd=ROOT,
                            capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "0 False False"
    assert pdf.read_bytes().startswith(b"%PDF")
