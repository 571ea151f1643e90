"""Build the ready-made templates (run after changing this file, commit the .docx):

    .venv/bin/python resources/templates/build_templates.py

commercial_proposal.docx  "Коммерческое предложение"
invoice.docx              "Счёт на оплату" (bank requisites at the top, numbered, amount in words)

The merge fields are Jinja (docxtpl): ``{{ client.name }}``; a table row that holds
``{%tr for line in deal.lines %}`` … ``{%tr endfor %}`` repeats per product line.
The field list is README-fields.ru.txt / README-fields.en.txt next to this file.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
LEFT, CENTER, RIGHT = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
LINE_HEADERS = ("№", "Товары (работы, услуги)", "Кол-во", "Ед.", "Цена", "Сумма")
LINE_FIELDS = ("{{ line.n }}", "{{ line.name }}", "{{ line.quantity }}", "{{ line.unit }}",
               "{{ line.price }}", "{{ line.sum }}")
LINE_WIDTHS = (1.0, 8.2, 1.8, 1.2, 2.5, 2.8)
LINE_ALIGN = (CENTER, LEFT, RIGHT, CENTER, RIGHT, RIGHT)
SUPPLIER = ("{{ company.name }}{% if company.inn %}, ИНН {{ company.inn }}{% endif %}"
            "{% if company.kpp %}, КПП {{ company.kpp }}{% endif %}"
            "{% if company.address %}, {{ company.address }}{% endif %}"
            "{% if company.phone %}, тел.: {{ company.phone }}{% endif %}")
BUYER = ("{{ client.name }}{% if client.inn %}, ИНН {{ client.inn }}{% endif %}"
         "{% if client.kpp %}, КПП {{ client.kpp }}{% endif %}"
         "{% if client.address %}, {{ client.address }}{% endif %}"
         "{% if client.phone %}, тел.: {{ client.phone }}{% endif %}")


def new_document(title: str) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(2)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "Kartoteka", "Kartoteka"
    props.created = props.modified = datetime(2025, 1, 1)
    props.revision = 1
    return doc


def para(container, text: str = "", *, bold: bool = False, size: float | None = None,
         align=None, after: float | None = None, before: float | None = None):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    if before is not None:
        paragraph.paragraph_format.space_before = Pt(before)
    return paragraph


def set_cell(cell, text: str, *, bold: bool = False, align=None, caption: str = "") -> None:
    """The cell's text (in the paragraph python-docx made), and a small caption under it."""
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).bold = bold
        if align is not None:
            paragraph.alignment = align
    if caption:
        small = cell.add_paragraph()
        small.paragraph_format.space_before = Pt(6)
        small.paragraph_format.space_after = Pt(0)
        small.add_run(caption).font.size = Pt(8)


def bottom_rule(paragraph, size: int = 12) -> None:
    """A line under the paragraph (the bold rule under an invoice title)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def table(doc, rows: int, widths, *, grid: bool = True):
    tbl = doc.add_table(rows=rows, cols=len(widths))
    if grid:
        tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    for column, width in zip(tbl.columns, widths):  # the grid: what LibreOffice reads
        column.width = Cm(width)
    for row in tbl.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    return tbl


def lines_table(doc, headers=LINE_HEADERS) -> None:
    """Header, then the three rows docxtpl turns into one row per product line."""
    tbl = table(doc, 4, LINE_WIDTHS)
    for cell, text in zip(tbl.rows[0].cells, headers):
        set_cell(cell, text, bold=True, align=CENTER)
    set_cell(tbl.rows[1].cells[0], "{%tr for line in deal.lines %}")
    for cell, text, align in zip(tbl.rows[2].cells, LINE_FIELDS, LINE_ALIGN):
        set_cell(cell, text, align=align)
    set_cell(tbl.rows[3].cells[0], "{%tr endfor %}")


def totals_table(doc, rows) -> None:
    tbl = table(doc, len(rows), (14.0, 3.5), grid=False)
    for row, (label, value) in zip(tbl.rows, rows):
        set_cell(row.cells[0], label, bold=True, align=RIGHT)
        set_cell(row.cells[1], value, bold=True, align=RIGHT)


def bank_table(doc) -> None:
    """The bank requisites block every Russian invoice starts with."""
    tbl = table(doc, 4, (5.2, 4.3, 1.7, 6.3))
    bank = tbl.cell(0, 0).merge(tbl.cell(1, 1))
    set_cell(bank, "{{ company.bank }}", caption="Банк получателя")
    set_cell(tbl.cell(0, 2), "БИК")
    set_cell(tbl.cell(0, 3), "{{ company.bik }}")
    set_cell(tbl.cell(1, 2), "Сч. №")
    set_cell(tbl.cell(1, 3), "{{ company.corr_account }}")
    set_cell(tbl.cell(2, 0), "ИНН {{ company.inn }}")
    set_cell(tbl.cell(2, 1), "КПП {{ company.kpp }}")
    set_cell(tbl.cell(2, 2).merge(tbl.cell(3, 2)), "Сч. №")
    set_cell(tbl.cell(2, 3).merge(tbl.cell(3, 3)), "{{ company.account }}")
    set_cell(tbl.cell(3, 0).merge(tbl.cell(3, 1)), "{{ company.name }}", caption="Получатель")


def parties_table(doc, rows) -> None:
    tbl = table(doc, len(rows), (3.8, 13.7), grid=False)
    for row, (label, value) in zip(tbl.rows, rows):
        set_cell(row.cells[0], label)
        set_cell(row.cells[1], value, bold=True)


def signatures(doc, rows) -> None:
    tbl = table(doc, len(rows), (3.5, 5.0, 0.5, 8.5), grid=False)
    for row, (label, name) in zip(tbl.rows, rows):
        set_cell(row.cells[0], label, bold=True)
        set_cell(row.cells[1], "____________________", align=CENTER)
        set_cell(row.cells[3], name)


def build_invoice(path: Path) -> None:
    doc = new_document("Счёт на оплату")
    para(doc, "Образец заполнения платёжного поручения", size=8, align=CENTER)
    bank_table(doc)
    title = para(doc, "Счёт на оплату № {{ invoice.number }} от {{ invoice.date }}", bold=True, size=14,
                 before=14, after=6)
    bottom_rule(title, 18)
    parties_table(doc, [("Поставщик\n(Исполнитель):", SUPPLIER), ("Покупатель\n(Заказчик):", BUYER),
                        ("Основание:", "{{ deal.title }}")])
    para(doc, after=2)
    lines_table(doc)
    totals_table(doc, [("Итого:", "{{ deal.total }}"), ("{{ deal.vat }}:", "{{ deal.vat_amount }}"),
                       ("Всего к оплате:", "{{ deal.total }}")])
    para(doc, "Всего наименований {{ deal.count }}, на сумму {{ deal.total }} {{ deal.currency_short }}",
         before=6)
    para(doc, "{{ deal.total_words }}", bold=True)
    para(doc, "Оплатить не позднее {{ invoice.due }}.", before=6)
    last = para(doc, "Оплата данного счёта означает согласие с условиями поставки товара. Товар "
                "отпускается по факту прихода денег на р/с Поставщика.", size=8)
    bottom_rule(last, 18)
    para(doc, after=4)
    signatures(doc, [("Руководитель", "{{ company.director }}"), ("Бухгалтер", "{{ company.accountant }}")])
    doc.save(str(path))


def build_proposal(path: Path) -> None:
    doc = new_document("Коммерческое предложение")
    para(doc, "{{ company.name }}", bold=True, size=13, after=0)
    head = para(doc, "{% if company.address %}{{ company.address }}{% endif %}"
                "{% if company.phone %} · тел. {{ company.phone }}{% endif %}"
                "{% if company.email %} · {{ company.email }}{% endif %}", size=8)
    bottom_rule(head, 8)
    para(doc, "{{ client.name }}", bold=True, align=RIGHT, before=10, after=0)
    para(doc, "{% if contact.name %}{{ contact.position }} {{ contact.name }}{% endif %}", align=RIGHT)
    para(doc, "{{ today }}", align=RIGHT)
    para(doc, "Коммерческое предложение", bold=True, size=16, align=CENTER, before=18, after=10)
    para(doc, "{% if contact.name %}Уважаемый(ая) {{ contact.name }}!{% else %}Добрый день!{% endif %}",
         bold=True, align=CENTER, after=8)
    para(doc, "Благодарим за интерес к нашей компании. По вашему запросу «{{ deal.title }}» предлагаем:",
         after=6)
    lines_table(doc, ("№", "Наименование", "Кол-во", "Ед.", "Цена", "Сумма"))
    totals_table(doc, [("Итого:", "{{ deal.total }}"), ("{{ deal.vat }}:", "{{ deal.vat_amount }}")])
    para(doc, "Сумма прописью: {{ deal.total_words }}.", before=6)
    para(doc, "Предложение действительно 14 дней. Сроки и условия поставки уточним по вашему запросу.",
         before=6, after=14)
    para(doc, "С уважением,", after=0)
    para(doc, "{{ manager.name }}", after=0)
    para(doc, "{{ company.name }}", after=0)
    para(doc, "{% if company.phone %}тел. {{ company.phone }}{% endif %}"
         "{% if company.email %}  {{ company.email }}{% endif %}")
    doc.save(str(path))


def main() -> None:
    build_invoice(HERE / "invoice.docx")
    build_proposal(HERE / "commercial_proposal.docx")


if __name__ == "__main__":
    main()
