"""Documents from templates: a proposal and an invoice from a deal, read back with python-docx."""
from datetime import date
from decimal import Decimal

import docx
import pytest

from app import paths, requisites, settings
from app.clients import ClientData, ContactItem, create_client
from app.deal_details import LineItem, load_deal, save_deal
from app.deals import create_deal
from app.documents import render, templates
from app.documents.errors import OfficeMissingError, TemplateError
from app.documents.generate import InvoiceNeedsDealError, generate
from db.models import Activity, Attachment, Deal, Invoice

NBSP = "\u00a0"
DAY = date(2025, 3, 14)  # a Friday: due 5 banking days later is Friday 21.03
CLIENT = 'ООО "Вектор & Ко"'
LINES = [("Кондиционер Daikin FTXM35R", "3", "45990"), ("Монтаж кондиционера", "3", "12000"),
         ("Фреоновая трасса, м", "7.5", "1500.50")]


def text_of(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def deal_id(db, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    settings.put(requisites.KEY, dict(name="ООО «Ромашка»", inn="7707083893", kpp="770701001",
                                      bank="ПАО Сбербанк", bik="044525225", account="40702810938000012345",
                                      director="Иванов И. И.", accountant="Петрова А. С."))
    client = create_client(ClientData(name=CLIENT, kind="company", inn="7736050003",
                                      contacts=[ContactItem(name="Сидоров Пётр", position="директор")]))
    deal = create_deal(client.id, "Поставка кондиционеров", 0)
    data = load_deal(deal)
    data.lines = [LineItem(name, Decimal(q), Decimal(p)) for name, q, p in LINES]
    save_deal(data)
    return deal


def make(template_id, tmp_path, **kw):
    kw.setdefault("today", DAY)
    return generate(template_id, out_dir=tmp_path / "docs", **kw)


def test_an_invoice_from_a_deal_holds_the_client_lines_total_and_words(deal_id, tmp_path):
    version = Deal.get_by_id(deal_id).version
    made = make("builtin:invoice", tmp_path, deal_id=deal_id)
    assert made.path.suffix == ".docx" and made.path.is_file()
    assert made.path.name.startswith("Счёт на оплату № 1 от 14.03.2025")
    text = text_of(made.path)
    assert "Счёт на оплату № 1 от 14.03.2025" in text
    assert CLIENT in text and "ООО «Ромашка»" in text and "044525225" in text
    for name, _q, _p in LINES:
        assert name in text
    assert "7,5" in text and f"11{NBSP}253,75" in text  # 7.5 m × 1 500,50
    assert f"Всего наименований 3, на сумму 185{NBSP}223,75 руб." in text
    assert "Сто восемьдесят пять тысяч двести двадцать три рубля 75 копеек" in text
    assert "Без НДС" in text and "Оплатить не позднее 21.03.2025" in text
    assert "Иванов И. И." in text and "Петрова А. С." in text
    invoice = Invoice.get_by_id(made.invoice_id)
    assert (invoice.deal_id, invoice.number, invoice.amount) == (deal_id, "1", Decimal("185223.75"))
    assert (invoice.issued_on, invoice.due_on) == (DAY, date(2025, 3, 21))
    assert Deal.get_by_id(deal_id).version == version + 1  # an open card will not save over it
    attachment = Attachment.get_by_id(made.attachment_id)
    assert (attachment.deal_id, attachment.filename, attachment.activity_id) == (
        deal_id, made.path.name, made.activity_id)
    activity = Activity.get_by_id(made.activity_id)
    assert activity.subject == "Создан документ: Счёт на оплату № 1 от 14.03.2025"
    assert activity.deal_id == deal_id and activity.client_id == attachment.client_id


def test_invoice_numbers_increment_and_start_again_each_year(deal_id, tmp_path):
    numbers = [make("builtin:invoice", tmp_path, deal_id=deal_id).invoice_number for _ in range(2)]
    assert numbers == ["1", "2"]
    second = Invoice.select().order_by(Invoice.id.desc()).first()
    assert "Счёт на оплату № 2" in text_of(tmp_path / "docs" / next(
        p.name for p in (tmp_path / "docs").iterdir() if "№ 2" in p.name))
    assert second.number == "2"
    assert make("builtin:invoice", tmp_path, deal_id=deal_id, today=date(2026, 1, 9)).invoice_number == "1"
    assert make("builtin:invoice", tmp_path, deal_id=deal_id).invoice_number == "3"


def test_a_proposal_greets_the_contact_and_takes_no_invoice_number(deal_id, tmp_path):
    made = make("builtin:proposal", tmp_path, deal_id=deal_id)
    text = text_of(made.path)
    assert "Коммерческое предложение" in text and "Уважаемый(ая) Сидоров Пётр!" in text
    assert CLIENT in text and all(name in text for name, _q, _p in LINES)
    assert f"185{NBSP}223,75" in text
    assert "Сто восемьдесят пять тысяч двести двадцать три рубля 75 копеек" in text
    assert made.invoice_id is None and Invoice.select().count() == 0


def test_vat_included_is_printed_when_the_company_pays_it(deal_id, tmp_path):
    settings.put("vat_rate", 20)
    text = text_of(make("builtin:invoice", tmp_path, deal_id=deal_id).path)
    assert f"В том числе НДС 20{NBSP}%" in text and f"30{NBSP}870,63" in text


def test_an_invoice_needs_a_deal(deal_id, tmp_path):
    client_id = Deal.get_by_id(deal_id).client_id
    with pytest.raises(InvoiceNeedsDealError):
        make("builtin:invoice", tmp_path, client_id=client_id)
    assert make("builtin:proposal", tmp_path, client_id=client_id).attachment_id
    assert make("builtin:invoice", tmp_path, deal_id=deal_id).invoice_number == "1"


def test_without_libreoffice_pdf_says_so_and_the_docx_is_kept(deal_id, tmp_path, monkeypatch):
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    monkeypatch.setattr(render, "_KNOWN_PLACES", ())
    with pytest.raises(OfficeMissingError) as caught:
        make("builtin:invoice", tmp_path, deal_id=deal_id, fmt="pdf")
    assert "Install LibreOffice to get PDF; the .docx was saved" in str(caught.value)
    saved = caught.value.document
    assert saved.path.suffix == ".docx" and saved.path.is_file()
    assert Attachment.get_by_id(saved.attachment_id).filename == saved.path.name
    assert "Счёт на оплату № 1" in text_of(saved.path)


@pytest.mark.skipif(not render.office_available(), reason="LibreOffice is not installed")
def test_an_odt_template_gives_a_pdf_with_libreoffice(deal_id, tmp_path):
    made_docx = _user_template(tmp_path, "Письмо.docx", "Письмо для {{ client.name }}")
    render.convert(made_docx, "odt", made_docx.parent)
    made_docx.unlink()
    made = make("user:Письмо.odt", tmp_path, deal_id=deal_id, fmt="pdf")
    assert made.path.suffix == ".pdf" and made.path.read_bytes().startswith(b"%PDF")
    assert Attachment.get_by_id(made.attachment_id).filename == made.path.name
    assert f"Письмо для {CLIENT}" in text_of(made.path.with_suffix(".docx"))  # kept next to it


def _user_template(tmp_path, name: str, *lines: str):
    folder = templates.user_dir(create=True)
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(folder / name))
    return folder / name


def test_own_templates_are_listed_by_name_and_filled(deal_id, tmp_path):
    _user_template(tmp_path, "Письмо клиенту.docx", "Для {{ client.name }} ({{ contact.position }})",
                   "{{ deal.lines_text }}", "{{ company.requisites }}", "{{ nonexistent.field }}конец")
    (templates.user_dir() / "notes.txt").write_text("not a template")
    listed = [(t.id, t.name, t.builtin) for t in templates.list_templates()]
    assert listed == [("builtin:proposal", "Коммерческое предложение", True),
                      ("builtin:invoice", "Счёт на оплату", True),
                      ("user:Письмо клиенту.docx", "Письмо клиенту", False)]
    made = make("user:Письмо клиенту.docx", tmp_path, deal_id=deal_id)
    text = text_of(made.path)
    assert f"Для {CLIENT} (директор)" in text and "\nконец" in text
    assert f"3. Фреоновая трасса, м — 7,5 шт. × 1{NBSP}500,50 = 11{NBSP}253,75" in text
    assert "ИНН 7707083893, КПП 770701001" in text
    assert made.invoice_id is None


def test_a_broken_template_is_reported_and_gives_its_number_back(deal_id, tmp_path):
    _user_template(tmp_path, "Счёт кривой.docx", "№ {{ invoice.number }} {{ client.name|no_such_filter }}")
    with pytest.raises(TemplateError) as caught:
        make("user:Счёт кривой.docx", tmp_path, deal_id=deal_id)
    assert "no_such_filter" in str(caught.value)
    assert Invoice.select().count() == 0 and Attachment.select().count() == 0
    assert make("builtin:invoice", tmp_path, deal_id=deal_id).invoice_number == "1"


def test_a_deal_with_nothing_to_invoice_is_refused(deal_id, tmp_path):
    from app.documents.generate import EmptyInvoiceError
    empty = create_deal(Deal.get_by_id(deal_id).client_id, "Пока без товаров", 0)
    with pytest.raises(EmptyInvoiceError):
        make("builtin:invoice", tmp_path, deal_id=empty)
    priced = create_deal(Deal.get_by_id(deal_id).client_id, "Консультация", "2500")
    text = text_of(make("builtin:invoice", tmp_path, deal_id=priced).path)
    assert "Консультация" in text and "Две тысячи пятьсот рублей 00 копеек" in text


def test_render_fills_any_template_path_and_odt_needs_libreoffice(deal_id, tmp_path, monkeypatch):
    from app.documents.fields import build_context
    context = build_context(deal_id=deal_id, today=DAY)
    out = render.render(templates.BUILTIN_DIR / "commercial_proposal.docx", context, tmp_path / "kp.docx")
    assert CLIENT in text_of(out) and "14.03.2025" in text_of(out)
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    monkeypatch.setattr(render, "_KNOWN_PLACES", ())
    with pytest.raises(OfficeMissingError, match="ODT"):
        render.render(templates.BUILTIN_DIR / "commercial_proposal.docx", context, tmp_path / "kp.odt")
