"""How a report reaches the user: charts, printed pages, PDF, xlsx and the printouts."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.reports.base import (Chart, ChartBlock, Column, Document, FieldsBlock, Report, Series,
                              TableBlock)

ROOT = Path(__file__).resolve().parents[2]
STAGES = ["Холодный", "Интересуется", "Запросили оценку", "Обсуждаем условия", "Работа!"]
COLORS = ["#90a4ae", "#4fc3f7", "#4db6ac", "#ffb74d", "#43a047"]
PRINTED = datetime(2026, 11, 30, 18, 5)


def _columns():
    return [Column("client", "Клиент", "text", 30), Column("deals", "Сделок", "int", 8),
            Column("amount", "Сумма, ₽", "money", 14), Column("share", "Доля", "percent", 8),
            Column("last", "Последняя сделка", "date", 12)]


def _rows(n):
    return [[f"Клиент {i:03d}", i, Decimal("1000.50") * i, Decimal("12.34"), date(2026, 11, 1 + i % 28)]
            for i in range(1, n + 1)]


def _doc(n=120, blocks_before=(), landscape=False, company="ООО «Ромашка»"):
    totals = ["Итого", n, sum(r[2] for r in _rows(n)), Decimal(100), None]
    table = TableBlock(_columns(), _rows(n), totals)
    return Document("Продажи по клиентам", ["Период: 01.11.2026 – 30.11.2026"], [*blocks_before, table],
                    company=company, landscape=landscape)


def _texts(fig):
    return [t.get_text() for t in fig.texts]


# --- format_value ------------------------------------------------------------------------

def test_values_read_naturally_in_both_languages():
    from app.reports.document import format_value
    nb = "\u00a0"
    assert format_value(Decimal("1234.5"), "money", "ru") == f"1{nb}234,50"
    assert format_value(Decimal("1234.5"), "money", "en") == "1,234.50"
    assert format_value(Decimal("-1234567.005"), "money", "ru") == f"-1{nb}234{nb}567,01"
    assert format_value(Decimal("66.666"), "percent", "ru") == f"66,7{nb}%"
    assert format_value(Decimal("66.666"), "percent", "en") == "66.7%"
    assert format_value(12345, "int", "en") == "12,345"
    assert format_value(Decimal("2.5"), "days", "ru") == "2,5"
    assert format_value(Decimal("7.0"), "days", "ru") == "7,0"  # an average kept to tenths: "49,0" by "39,1"
    assert format_value(7, "days", "ru") == "7"  # whole days stay whole
    assert format_value(date(2026, 3, 5), "date", "en") == "05.03.2026"
    assert format_value(datetime(2026, 3, 5, 9, 30), "date", "ru") == "05.03.2026 09:30"
    assert format_value(None, "money", "ru") == ""
    assert format_value("ООО «Ромашка»", "text", "ru") == "ООО «Ромашка»"


# --- charts --------------------------------------------------------------------------------

def _chart(kind, n_series=1, **kw):
    series = [Series(f"Ряд {j}", [1_234_567 / (i + 1) + j for i in range(len(STAGES))]) for j in range(n_series)]
    return Chart(kind, list(STAGES), series, **kw)


@pytest.mark.parametrize("kind, n_series, bars", [("bar", 1, 5), ("bar", 2, 10), ("barh", 1, 5),
                                                  ("stacked", 3, 15), ("pareto", 1, 5), ("funnel", 1, 5)])
def test_every_bar_chart_draws_one_bar_per_value(kind, n_series, bars):
    from app.reports.charts import draw_chart, new_figure
    fig = new_figure(8, 4.5)
    draw_chart(fig, _chart(kind, n_series), "ru")
    ax = fig.axes[0]
    assert len(ax.patches) == bars
    labels = [t.get_text() for t in (ax.get_yticklabels() if kind in ("barh", "funnel") else ax.get_xticklabels())]
    assert [lab.replace("\n", " ") for lab in labels] == STAGES


def test_a_line_chart_has_one_point_per_category_and_money_reads_with_thin_spaces():
    from app.reports.charts import draw_chart, new_figure
    fig = new_figure(8, 4.5)
    draw_chart(fig, _chart("line"), "ru")
    (line,) = fig.axes[0].get_lines()
    assert len(line.get_xdata()) == 5
    assert "1\u202f234\u202f567\u202f₽" in [t.get_text() for t in fig.axes[0].texts]


def test_pareto_adds_the_cumulative_percent_line_on_a_second_axis():
    from app.reports.charts import draw_chart, new_figure
    fig = new_figure(8, 4.5)
    draw_chart(fig, Chart("pareto", ["b", "a", "c"], [Series("Выручка", [30, 60, 10])]), "en")
    ax, twin = fig.axes
    assert [p.get_height() for p in ax.patches] == [60, 30, 10]  # largest first
    assert list(twin.get_lines()[0].get_ydata()) == pytest.approx([60, 90, 100])
    assert twin.get_ylim()[1] > 100


def test_funnel_bars_are_centred_in_the_stage_colours():
    from matplotlib.colors import to_rgba

    from app.reports.charts import draw_chart, new_figure
    fig = new_figure(8, 4.5)
    draw_chart(fig, Chart("funnel", STAGES, [Series("Сделки", [100, 60, 40, 20, 10])], "int", COLORS), "ru")
    bars = fig.axes[0].patches
    assert [b.get_facecolor() for b in bars] == [to_rgba(c) for c in COLORS]
    centres = {round(b.get_x() + b.get_width() / 2, 6) for b in bars}
    assert centres == {50.0}


def test_long_category_labels_are_shortened_and_redrawing_replaces_the_chart():
    from app.reports.charts import draw_chart, new_figure
    long = "Общество с ограниченной ответственностью «Очень длинное название»"
    fig = new_figure(8, 4.5)
    chart = Chart("bar", [long] * 8, [Series("Сумма", list(range(1, 9)))])
    draw_chart(fig, chart, "ru")
    draw_chart(fig, chart, "ru")
    assert len(fig.axes) == 1
    label = fig.axes[0].get_xticklabels()[0].get_text()
    assert label.endswith("…") and len(label) < len(long) / 2
    # the tick labels stay inside the figure
    box = fig.axes[0].get_tightbbox(fig.canvas.get_renderer())
    assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= fig.bbox.width + 1


def test_an_empty_chart_says_so(tmp_path):
    from app.reports.charts import write_chart_png
    from app.reports.charts import draw_chart, new_figure
    fig = new_figure(6, 4)
    draw_chart(fig, Chart("bar", [], []), "ru")
    assert [t.get_text() for t in fig.axes[0].texts] == ["Нет данных"]
    write_chart_png(_chart("bar"), tmp_path / "c.png", dpi=50)
    data = (tmp_path / "c.png").read_bytes()
    assert data.startswith(b"\x89PNG") and int.from_bytes(data[16:20], "big") == 400  # 8 in at 50 dpi


# --- printed pages -------------------------------------------------------------------------

def test_a_long_table_goes_on_over_pages_with_its_header_repeated():
    from app.reports.pages import page_count, render_pages
    doc = _doc(120)
    figs = render_pages(doc, "ru", printed_at=PRINTED)
    assert len(figs) == page_count(doc) == 3
    for number, fig in enumerate(figs, 1):
        texts = _texts(fig)
        assert tuple(fig.get_size_inches()) == pytest.approx((8.27, 11.69))
        assert texts.count("Клиент") == 1 and "Сумма, ₽" in texts
        assert f"Страница {number} из 3" in texts
        assert "Напечатано: 30.11.2026 18:05" in texts
        assert any(t.startswith("ООО «Ромашка»") for t in texts)
    assert "Продажи по клиентам" in _texts(figs[0]) and "Период: 01.11.2026 – 30.11.2026" in _texts(figs[0])
    clients = [t for fig in figs for t in _texts(fig) if t.startswith("Клиент ")]
    assert clients == [f"Клиент {i:03d}" for i in range(1, 121)]  # every row once, in order


def test_numbers_are_right_aligned_and_the_totals_row_is_bold():
    from app.reports.pages import render_pages
    last = render_pages(_doc(10), "en", printed_at=PRINTED)[-1]
    by_text = {t.get_text(): t for t in last.texts}
    total = by_text["Итого"]
    assert total.get_fontweight() == "bold" and by_text["Клиент 001"].get_fontweight() == "normal"
    assert by_text["10,005.00"].get_ha() == "right" and by_text["Клиент 001"].get_ha() == "left"
    assert by_text["55,027.50"].get_fontweight() == "bold"  # the totals' money
    assert total.get_position()[1] < by_text["Клиент 010"].get_position()[1]  # below the last row
    assert "Page 1 of 1" in by_text


def test_text_too_long_for_its_column_is_cut_and_does_not_run_into_the_next():
    from app.reports.pages import render_pages
    cols = [Column("name", "Клиент", "text", 10), Column("city", "Город", "text", 30)]
    long = "Общество с ограниченной ответственностью «Торговый дом Северная Звезда»"
    doc = Document("Список", [], [TableBlock(cols, [[long, "Москва"]])])
    fig = render_pages(doc)[0]
    renderer = fig.canvas.get_renderer()
    cell = next(t for t in fig.texts if t.get_text().startswith("Общество"))
    city = next(t for t in fig.texts if t.get_text() == "Город")
    assert cell.get_text().endswith("…")
    assert cell.get_window_extent(renderer).x1 < city.get_window_extent(renderer).x0


def test_many_columns_print_landscape_and_the_chart_takes_about_forty_percent():
    from app.reports.document import report_document
    from app.reports.pages import render_pages
    cols = [Column(f"c{i}", f"Колонка {i}", "int", 10) for i in range(10)]
    report = Report("x", "Широкий отчёт", [], cols, [list(range(10))] * 3, chart=_chart("bar"))
    doc = report_document(report, company="ИП Петров")
    assert doc.landscape and isinstance(doc.blocks[0], ChartBlock)
    (fig,) = render_pages(doc)
    assert tuple(fig.get_size_inches()) == pytest.approx((11.69, 8.27))
    top = max(ax.get_position().y1 for ax in fig.axes)
    bottom = min(ax.get_tightbbox(fig.canvas.get_renderer()).y0 for ax in fig.axes) / fig.bbox.height
    assert 0.3 < top - bottom < 0.42
    assert not report_document(Report("y", "Узкий", [], _columns(), [])).landscape


def test_fields_print_as_two_columns_of_label_and_value():
    from app.reports.pages import render_pages
    pairs = [("Тип", "Компания"), ("ИНН", "7707083893"), ("Город", "Москва"), ("Статус", "Лид")]
    fig = render_pages(Document("Карточка", [], [FieldsBlock(pairs, "Реквизиты")]))[0]
    pos = {t.get_text(): t.get_position() for t in fig.texts}
    assert "Реквизиты" in pos
    assert pos["Город"][0] > pos["Компания"][0] > pos["Тип"][0]  # the second half on the right
    assert pos["Тип"][1] == pytest.approx(pos["Город"][1])         # side by side
    assert pos["ИНН"][1] < pos["Тип"][1]


def test_pdf_has_as_many_pages_as_the_preview(tmp_path):
    from app.reports.pages import render_pages, write_pdf
    doc = _doc(70)
    path = tmp_path / "r.pdf"
    assert write_pdf(doc, path) == 2
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == len(render_pages(doc)) == 2
    assert "Продажи по клиентам".encode("utf-16-be") in data  # the title in the metadata
    assert not list(tmp_path.glob("*.part"))


# --- xlsx ----------------------------------------------------------------------------------

def test_xlsx_keeps_numbers_and_dates_typed(tmp_path):
    from openpyxl import load_workbook

    from app.reports.xlsx import write_report_xlsx
    rows = [["=HYPERLINK(\"x\")", 3, Decimal("1234567.89"), Decimal("66.7"), date(2026, 11, 5)],
            ["ИП Петров", 1, Decimal("0.01"), Decimal("33.3"), None]]
    report = Report("sales", "Продажи: ноябрь", ["Период: 01.11.2026 – 30.11.2026", "Ответственный: Анна"],
                    _columns(), rows, ["Итого", 4, Decimal("1234567.90"), Decimal(100), None], _chart("bar"),
                    notes=["Только выигранные сделки."])
    path = tmp_path / "r.xlsx"
    write_report_xlsx(report, path)
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "Продажи: ноябрь" and sheet["A3"].value == "Ответственный: Анна"
    header = 5
    assert [c.value for c in sheet[header]][:5] == [c.title for c in _columns()]
    assert all(c.font.b for c in sheet[header][:5])
    assert sheet.freeze_panes == f"A{header + 1}"
    first = sheet[header + 1]
    assert first[0].value == "'=HYPERLINK(\"x\")"  # not a formula
    assert first[1].value == 3
    assert first[2].value == pytest.approx(1234567.89, abs=0.001) and "0.00" in first[2].number_format
    assert first[3].value == pytest.approx(0.667) and first[3].number_format == "0.0%"
    assert first[4].value == datetime(2026, 11, 5) and first[4].number_format == "DD.MM.YYYY"
    assert sheet.cell(header + 2, 3).value == pytest.approx(0.01)
    totals = sheet[header + 3]
    assert totals[0].value == "Итого" and totals[0].font.b and totals[2].font.b
    assert sheet.cell(header + 5, 1).value == "Только выигранные сделки."
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width
    assert len(sheet._images) == 1


# --- printouts -----------------------------------------------------------------------------

def test_client_card_and_client_list_printouts(db):
    from app.activities import quick_log
    from app.clients import ClientData, ContactItem, PhoneItem, create_client
    from app.deals import create_deal
    from app.reports.pages import render_pages
    from app.reports.printouts import client_card_document, client_list_document
    from app import settings
    settings.put("company_name", "ООО «Ромашка»")
    c = create_client(ClientData(name="ООО «Север»", kind="company", inn="7707083893", city="Москва",
                                 phones=[PhoneItem("+7 495 123-45-67")], emails=["info@sever.ru"],
                                 contacts=[ContactItem("Петрова Анна", "Бухгалтер")]))
    other = create_client(ClientData(name="ИП Иванов", city="Тула"))
    create_deal(c.id, "Поставка", Decimal("125000.50"))
    quick_log(c.id, "call_out", "Договорились о встрече", subject="Первый звонок")

    card = client_card_document(c.id)
    details, contacts, deals, history = card.blocks
    fields = dict(details.pairs)
    assert card.title == "ООО «Север»" and card.company == "ООО «Ромашка»"
    assert fields["ИНН"] == "7707083893" and fields["Тип"] == "Компания"
    assert fields["Телефоны"] == "+7\u00a0495\u00a0123-45-67" and fields["E-mail"] == "info@sever.ru"
    assert contacts.rows[0][:2] == ["Петрова Анна", "Бухгалтер"]
    assert deals.rows == [["Поставка", "Холодный", Decimal("125000.50"), "В работе"]]
    assert any(r[1] == "Исходящий звонок" and r[3] == "Договорились о встрече" for r in history.rows)
    page = _texts(render_pages(card)[0])
    assert "Договорились о встрече" in page and "Исходящий звонок" in page  # the kind is not cut

    listing = client_list_document([other.id, c.id], "en", filter_lines=["City: any"])
    assert listing.landscape and listing.subtitle_lines == ["City: any", "Clients: 2"]
    assert [r[0] for r in listing.blocks[0].rows] == ["ИП Иванов", "ООО «Север»"]
    assert listing.blocks[0].rows[1][1] == "+7\u00a0495\u00a0123-45-67"  # never split over lines


# --- the report command, in process --------------------------------------------------------

@pytest.fixture
def fake_report(monkeypatch):
    """Only one report, ``fake``, that records the filters it was built with."""
    import types

    import app.reports as reports
    from app.reports.base import ReportDef
    seen = []

    def build(flt, lang="ru", today=None):
        seen.append(flt)
        return Report("fake", "Пробный отчёт", ["Период"], _columns(), _rows(5), chart=_chart("bar"))

    module = types.ModuleType("app.reports.fake_for_test")
    module.DEFINITION = ReportDef("fake", {"en": "Trial", "ru": "Пробный отчёт"}, build, options=("a", "b"))
    monkeypatch.setitem(sys.modules, "app.reports.fake_for_test", module)
    monkeypatch.setattr(reports, "MODULES", ("fake_for_test",))
    return seen


def test_report_command_writes_each_format_with_the_filters_given(tmp_path, capsys, fake_report):
    from app.cli import main
    db = str(tmp_path / "k.db")
    assert main(["--lang", "en", "report", "--list"]) == 0
    assert capsys.readouterr().out == "fake\tTrial\n"
    for ext in ("pdf", "xlsx", "png"):
        out = tmp_path / f"r.{ext}"
        assert main(["--db", db, "report", "fake", "--from", "01.02.2026", "--to", "2026-02-28",
                     "--responsible", "владелец", "--option", "b", "--out", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert "written to" in capsys.readouterr().out
    flt = fake_report[-1]
    assert (flt.date_from, flt.date_to, flt.option) == (date(2026, 2, 1), date(2026, 2, 28), "b")
    assert flt.responsible_id == 1


@pytest.mark.parametrize("args, message", [
    (["nope", "--out", "r.pdf"], "unknown report 'nope'"),
    (["fake", "--out", "r.doc"], "use .pdf, .xlsx or .png"),
    (["fake"], "--out"),
    (["fake", "--from", "31.02.2026", "--out", "r.pdf"], "is not a date"),
    (["fake", "--from", "2026-03-01", "--to", "2026-02-01", "--out", "r.pdf"], "is after"),
    (["fake", "--responsible", "Никто", "--out", "r.pdf"], "no responsible named 'Никто'"),
    (["fake", "--option", "z", "--out", "r.pdf"], "not one of a, b"),
])
def test_report_command_refuses_bad_input_with_one_line(tmp_path, capsys, fake_report, args, message):
    from app.cli import main
    assert main(["--db", str(tmp_path / "k.db"), "report", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.glob("r.*"))


def test_output_modules_load_without_matplotlib_or_qt():
    code = ("import sys, app.reports.charts, app.reports.pages, app.reports.xlsx, app.reports.document,"
            " app.reports.printouts, app.commands.reports;"
            "print(any(m.split('.')[0] in ('matplotlib', 'PySide6', 'openpyxl') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
