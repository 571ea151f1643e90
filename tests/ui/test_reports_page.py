"""The Reports page: choosing a report and its filters, the table and the chart, opening
cards from rows, saving xlsx / PDF / PNG, plans, and printing reports, a client card
and the client list."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from app import deals
from app.clients import ClientData, create_client
from app.reports.base import Column, Document, TableBlock
from app.reports.pages import render_pages
from db.models import Deal, Employee, utcnow
from ui.reports import printing
from ui.reports.table_model import ReportTableModel

from .conftest import open_cards

CTRL = Qt.KeyboardModifier.ControlModifier
PAGE_COUNT = re.compile(rb"/Type\s*/Page(?![s\w])")


@pytest.fixture
def world(db):
    """Two managers, three clients; won, lost and open deals this month, one won deal
    closed in the middle of last month."""
    owner = Employee.get(Employee.role == "owner").id
    anna = Employee.create(name="Анна Петрова", role="manager").id
    romashka = create_client(ClientData(name="ООО Ромашка", city="Москва")).id
    belov = create_client(ClientData(name="Белов Игорь", city="Казань")).id
    orlov = create_client(ClientData(name="Орлов Пётр", city="Омск")).id
    st = deals.stages()
    won = next(s for s in st if s.kind == "won")
    lost = next(s for s in st if s.kind == "lost")

    def deal(client, amount, stage=None, responsible=owner):
        did = deals.create_deal(client, "Поставка", amount, responsible_id=responsible)
        if stage is not None:
            deals.move_deal(did, stage.id, lost_reason="Цена" if stage.kind == "lost" else "")
        return did

    deal(romashka, "1234.56", won)
    deal(belov, "1000.10", won, anna)
    deal(orlov, "999.99", lost)
    open_deal = deal(orlov, "5000")
    earlier = deal(belov, "700.00", won, anna)
    first = datetime.now().replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    last_month = (first - timedelta(days=1)).replace(day=15)
    Deal.update(closed_at=last_month, created_at=last_month).where(Deal.id == earlier).execute()
    return {"owner": owner, "anna": anna, "romashka": romashka, "belov": belov, "orlov": orlov,
            "open_deal": open_deal}


def open_reports(window, qtbot, name: str):
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.reports_page
    assert window.stack.currentWidget() is page
    item = page.report_list.item(next(i for i, d in enumerate(page.definitions) if d.name == name))
    qtbot.mouseClick(page.report_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.report_list.visualItemRect(item).center())
    wait_built(page, qtbot, name)
    return page


def wait_built(page, qtbot, name: str) -> None:
    qtbot.waitUntil(lambda: not page.busy() and page.report is not None and page.report.name == name,
                    timeout=10_000)


def choose(qtbot, combo, value) -> None:
    """Pick an item with the keyboard, as a user would."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def cell(page, row: int, key: str) -> str:
    column = [c.key for c in page.report.columns].index(key)
    return page.table_model.index(row, column).data()


def totals(page, key: str) -> str:
    return cell(page, page.table_model.rowCount() - 1, key)


def test_sales_table_has_the_exact_won_sum_and_follows_period_and_responsible(world, main_window, qtbot):
    page = open_reports(main_window, qtbot, "sales")
    assert page.filters.period_combo.currentData() == "this_month"
    assert page.stack.currentWidget() is page.splitter and page.chart_view.isVisible()
    assert page.table_model.is_totals(page.table_model.rowCount() - 1)
    assert totals(page, "amount") == "2,234.66"   # 1 234.56 + 1 000.10; the lost and open deals do not count
    assert totals(page, "deals") == "2"
    index = page.table_model.index(page.table_model.rowCount() - 1, 2)
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight

    choose(qtbot, page.filters.period_combo, "last_month")
    wait_built(page, qtbot, "sales")
    assert totals(page, "amount") == "700.00"

    choose(qtbot, page.filters.period_combo, "this_month")
    wait_built(page, qtbot, "sales")
    choose(qtbot, page.filters.responsible_combo, world["anna"])
    wait_built(page, qtbot, "sales")
    assert totals(page, "amount") == "1,000.10"
    assert any("Анна Петрова" in line for line in page.report.filter_lines)


def test_an_empty_period_shows_the_empty_state_not_a_chart(world, main_window, qtbot):
    page = open_reports(main_window, qtbot, "sales")
    choose(qtbot, page.filters.period_combo, "last_year")
    wait_built(page, qtbot, "sales")
    assert page.stack.currentWidget() is page.empty
    assert not page.png_action.isEnabled()


def test_report_options_come_from_the_report(world, main_window, qtbot):
    page = open_reports(main_window, qtbot, "sales")
    assert page.filters.option_combo.isVisible()
    choose(qtbot, page.filters.option_combo, "responsible")
    wait_built(page, qtbot, "sales")
    rows = {cell(page, r, "group"): cell(page, r, "amount") for r in range(page.table_model.rowCount() - 1)}
    assert rows == {Employee.get_by_id(world["owner"]).name: "1,234.56", "Анна Петрова": "1,000.10"}
    page.select_report("abc")
    wait_built(page, qtbot, "abc")
    assert not page.filters.option_combo.isVisible()
    page.select_report("lost")
    wait_built(page, qtbot, "lost")
    assert page.filters.option_combo.currentData() == "reason"  # its own default, not "month"
    page.select_report("sales")
    wait_built(page, qtbot, "sales")
    assert page.filters.option_combo.currentData() == "responsible"  # as last chosen for it


def test_custom_dates_limit_the_report(world, main_window, qtbot):
    page = open_reports(main_window, qtbot, "sales")
    assert not page.filters.from_edit.isVisible()
    choose(qtbot, page.filters.period_combo, "custom")
    assert page.filters.from_edit.isVisible() and page.filters.to_edit.isVisible()
    start = datetime.now().date().replace(day=1) - timedelta(days=1)
    page.filters.from_edit.setDate(start.replace(day=1))
    page.filters.to_edit.setDate(start)
    wait_built(page, qtbot, "sales")
    assert totals(page, "amount") == "700.00"


def test_double_click_an_abc_row_opens_the_client_card(world, main_window, qtbot):
    page = open_reports(main_window, qtbot, "abc")
    model = page.table_model
    row = next(r for r in range(model.rowCount()) if model.ref(r) == ("client", world["belov"]))
    rect = page.table.visualRect(model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cards = open_cards()
    assert [c.client_id for c in cards] == [world["belov"]]


def test_double_click_a_stuck_deal_opens_the_deal_card(world, main_window, qtbot):
    from PySide6.QtWidgets import QApplication

    from ui.deal_card import DealCardDialog
    long_ago = utcnow() - timedelta(days=200)
    Deal.update(stage_entered_at=long_ago).where(Deal.id == world["open_deal"]).execute()
    page = open_reports(main_window, qtbot, "stuck")
    model = page.table_model
    row = next(r for r in range(model.rowCount()) if model.ref(r) == ("deal", world["open_deal"]))
    rect = page.table.visualRect(model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, DealCardDialog) and w.isVisible()]
    assert [w.data.id for w in opened] == [world["open_deal"]]
    for w in opened:
        w.close()


def test_sorting_keeps_the_totals_row_last(world, qtmodeltester, qtbot):
    from app.reports import build_report
    from app.reports.base import Filters
    report = build_report("abc", Filters(), "en")
    model = ReportTableModel()
    model.set_report(report, "en")
    qtmodeltester.check(model)
    revenue = [c.key for c in report.columns].index("revenue")
    model.sort(revenue, Qt.SortOrder.AscendingOrder)
    shown = [model.index(r, revenue).data(Qt.ItemDataRole.UserRole + 2) for r in range(model.rowCount() - 1)]
    assert shown == sorted(shown) and len(shown) == 2
    assert model.is_totals(model.rowCount() - 1)
    model.sort(-1)
    assert [model.ref(r) for r in range(model.rowCount() - 1)] == report.refs


def test_save_xlsx_pdf_and_png(world, main_window, qtbot, tmp_path, monkeypatch):
    import openpyxl
    page = open_reports(main_window, qtbot, "sales")
    targets = iter([str(tmp_path / "sales"), str(tmp_path / "sales.pdf"), str(tmp_path / "chart.png")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(targets), ""))
    for action in (page.xlsx_action, page.pdf_action, page.png_action):
        with qtbot.waitSignal(page.message, timeout=10_000):
            action.trigger()
    sheet = openpyxl.load_workbook(tmp_path / "sales.xlsx").active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert Decimal("2234.66") in [Decimal(str(v)) for v in values if isinstance(v, (int, float, Decimal))]
    assert (tmp_path / "sales.pdf").read_bytes().startswith(b"%PDF")
    assert not QImage(str(tmp_path / "chart.png")).isNull()
    assert "chart.png" in main_window.statusBar().currentMessage()


def test_plans_dialog_sets_the_monthly_plan_the_activity_report_shows(world, main_window, qtbot):
    from app.reports.plans import plans
    page = open_reports(main_window, qtbot, "activity")
    assert page.plan_action.isVisible()
    dialog = page.edit_plans()
    spin = dialog.spin(world["anna"], "calls")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "40")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert plans(dialog.month(), dialog.month(), "calls") == {world["anna"]: {dialog.month(): Decimal("40.00")}}

    def anna_plan():
        rows = [r for r in range(page.table_model.rowCount()) if cell(page, r, "manager") == "Анна Петрова"]
        return cell(page, rows[0], "calls_plan") if rows else None
    qtbot.waitUntil(lambda: not page.busy() and anna_plan() == "40", timeout=10_000)


def _pages_in(path) -> int:
    return len(PAGE_COUNT.findall(path.read_bytes()))


def test_paint_pages_prints_every_page_of_the_document(db, qapp, tmp_path):
    columns = [Column("name", "Name", "text", 30), Column("sum", "Sum", "money", 12)]
    doc = Document(title="Long", subtitle_lines=[], blocks=[TableBlock(columns, [[f"Row {i}", Decimal(i)]
                                                                                   for i in range(120)])])
    figures = render_pages(doc, "en")
    assert len(figures) > 1
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(72)
    printing.setup_printer(printer, doc)
    assert printing.paint_pages(printer, figures) == len(figures)
    assert _pages_in(tmp_path / "printed.pdf") == len(figures)


class FakePreview(QObject):
    """Instead of the print preview window: paint straight into a PDF file."""
    paintRequested = Signal(object)  # noqa: N815 - Qt's name
    made: list = []

    def __init__(self, printer, parent=None):
        super().__init__()
        self.printer = printer
        FakePreview.made.append(self)

    def setWindowTitle(self, title):  # noqa: N802 - Qt API
        self.title = title

    def resize(self, *_args):
        pass

    def exec(self):
        self.path = self.target / f"print-{len(FakePreview.made)}.pdf"
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.path))
        self.printer.setResolution(72)
        self.paintRequested.emit(self.printer)
        return 0


@pytest.fixture
def preview(monkeypatch, tmp_path):
    FakePreview.made = []
    FakePreview.target = tmp_path
    monkeypatch.setattr(printing, "QPrintPreviewDialog", FakePreview)
    documents = []
    import app.reports.pages as pages

    def recording(doc, lang="ru", printed_at=None):
        documents.append(doc)
        return render_pages(doc, lang, printed_at)
    monkeypatch.setattr(pages, "render_pages", recording)
    return documents


def test_ctrl_p_prints_the_report_on_screen(world, main_window, qtbot, preview):
    page = open_reports(main_window, qtbot, "sales")
    qtbot.keyClick(main_window, Qt.Key.Key_P, CTRL)
    assert len(FakePreview.made) == 1 and preview[0].title == page.report.title
    assert _pages_in(FakePreview.made[0].path) == 1


def test_client_card_print_button_prints_the_card(world, main_window, qtbot, preview):
    card = main_window.open_card(world["belov"])
    qtbot.mouseClick(card.print_button, Qt.MouseButton.LeftButton)
    assert [d.title for d in preview] == ["Белов Игорь"]
    assert _pages_in(FakePreview.made[0].path) >= 1
    new_card = main_window.open_card(None)
    assert not new_card.print_button.isEnabled()


def test_printing_the_client_list_prints_it_as_filtered(world, main_window, qtbot, preview):
    page = main_window.client_page
    assert len(page.model.ids()) == 3
    page.filter_bar.text.setText("Орлов")
    qtbot.waitUntil(lambda: len(page.model.ids()) == 1)
    qtbot.keyClick(main_window, Qt.Key.Key_P, CTRL)
    doc = preview[0]
    assert [r[0] for r in doc.blocks[0].rows] == ["Орлов Пётр"]
    assert "Search: Орлов" in doc.subtitle_lines
    assert _pages_in(FakePreview.made[0].path) == 1


def test_the_page_is_built_when_first_opened_and_an_empty_database_shows_the_empty_state(main_window, qtbot):
    assert main_window.reports_page is None
    qtbot.keyClick(main_window, Qt.Key.Key_5, CTRL)
    page = main_window.reports_page
    assert main_window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: not page.busy() and page.report is not None, timeout=10_000)
    assert page.stack.currentWidget() is page.empty
    assert page.chart_view.canvas is None  # matplotlib was not even needed
