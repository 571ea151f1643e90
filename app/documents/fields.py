"""The merge fields of a document: what ``{{ client.name }}``, ``{{ deal.total }}``… say.

``build_context`` gathers them for a client or a deal as plain dicts and text, ready to
print (money "1 200,50", dates dd.mm.yyyy); the list users see is
resources/templates/README-fields.{ru,en}.txt.  Prices are taken as they are in the deal
(VAT included when the company pays it: Setting "vat_rate", a percentage, None = no VAT).
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from db.models import Client, ContactPerson, Deal, DealLine, Email, Employee, Phone

from .. import settings
from ..context import current_employee
from ..errors import NotFoundError
from ..phones import format_phone
from ..requisites import get_requisites, requisites_text
from ..reports.document import format_number
from .words import amount_in_words

VAT_RATE_KEY = "vat_rate"
DEFAULT_UNIT = "шт."
CENT = Decimal("0.01")
CURRENCY_SHORT = {"RUB": "руб.", "USD": "долл. США", "EUR": "евро"}


def money(value) -> str:
    """``Decimal("1200.5")`` → "1 200,50" (no-break space between thousands)."""
    return format_number(Decimal(value or 0), 2)


def quantity(value) -> str:
    """``Decimal("1.500")`` → "1,5"; whole numbers without decimals."""
    number = Decimal(value or 0).normalize()
    places = max(0, -number.as_tuple().exponent)
    return format_number(number, places)


def day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _phone(rows) -> str:
    row = rows.order_by(Phone.order, Phone.id).first()
    return format_phone(row.e164, row.raw) if row else ""


def _email(rows) -> str:
    row = rows.order_by(Email.order, Email.id).first()
    return row.address if row else ""


def client_fields(client: Client) -> dict:
    return dict(
        id=client.id, name=client.name, kind=client.kind, inn=client.inn, kpp=client.kpp,
        address=client.address, city=client.city,
        phone=_phone(Phone.select().where(Phone.client == client.id, Phone.contact.is_null())),
        email=_email(Email.select().where(Email.client == client.id, Email.contact.is_null())))


def contact_fields(client: Client, contact_id: int | None) -> dict:
    """The deal's contact person, else the client's first one; a person is their own contact."""
    query = ContactPerson.select().where(ContactPerson.client == client.id, ContactPerson.deleted_at.is_null())
    contact = None
    if contact_id:
        contact = query.where(ContactPerson.id == contact_id).first()
    contact = contact or query.order_by(ContactPerson.order, ContactPerson.id).first()
    if contact is None:
        if client.kind == "person":
            fields = client_fields(client)
            return dict(name=client.name, position="", phone=fields["phone"], email=fields["email"])
        return dict(name="", position="", phone="", email="")
    return dict(name=contact.name, position=contact.position,
                phone=_phone(Phone.select().where(Phone.contact == contact.id)),
                email=_email(Email.select().where(Email.contact == contact.id)))


def vat_fields(total: Decimal) -> dict:
    """VAT included in ``total``: the label and the amount ("Без НДС", "—" without VAT)."""
    rate = settings.get(VAT_RATE_KEY, None)
    if rate is None or rate == "":  # 0 is a real rate (0 %), None is "no VAT"
        return dict(vat="Без НДС", vat_amount="—", vat_rate="")
    rate = Decimal(str(rate))
    amount = (total * rate / (100 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
    return dict(vat=f"В том числе НДС {quantity(rate)}\u00a0%", vat_amount=money(amount), vat_rate=quantity(rate))


def line_rows(deal: Deal | None) -> list[dict]:
    """The deal's products and services; a deal without lines is one line: its title."""
    if deal is None:
        return []
    lines = list(DealLine.select().where(DealLine.deal == deal.id).order_by(DealLine.order, DealLine.id))
    items = [(li.name, Decimal(li.quantity), Decimal(li.price)) for li in lines]
    if not items and deal.amount:
        items = [(deal.title, Decimal(1), Decimal(deal.amount))]
    rows = []
    for n, (name, qty, price) in enumerate(items, 1):
        total = (qty * price).quantize(CENT, rounding=ROUND_HALF_UP)
        rows.append(dict(n=n, name=name, quantity=quantity(qty), unit=DEFAULT_UNIT, price=money(price),
                         sum=money(total), total_value=total))
    return rows


def deal_fields(deal: Deal | None) -> dict:
    rows = line_rows(deal)
    total = sum((r["total_value"] for r in rows), Decimal("0.00"))
    currency = deal.currency if deal else "RUB"
    lines_text = "\n".join(f"{r['n']}. {r['name']} — {r['quantity']} {r['unit']} × {r['price']} = {r['sum']}"
                           for r in rows)
    return dict(
        id=deal.id if deal else None, title=deal.title if deal else "",
        amount=money(deal.amount if deal else 0),
        amount_words=amount_in_words(deal.amount if deal else 0, currency),
        currency=currency, currency_short=CURRENCY_SHORT.get(currency, currency),
        lines=rows, lines_text=lines_text, count=len(rows),
        total=money(total), total_value=total, total_words=amount_in_words(total, currency),
        **vat_fields(total))


def manager_fields(deal: Deal | None, client: Client) -> dict:
    employee_id = (deal.responsible_id if deal else None) or client.responsible_id
    employee = Employee.get_or_none(Employee.id == employee_id) if employee_id else current_employee()
    return dict(name=employee.name if employee else "")


def company_fields() -> dict:
    company = dict(get_requisites())
    company["requisites"] = requisites_text()
    return company


def build_context(*, client_id: int | None = None, deal_id: int | None = None,
                  today: date | None = None) -> dict:
    """The merge fields for a deal (its client too) or for a client alone.

    ``invoice`` is empty here; ``generate`` fills it when it issues an invoice."""
    deal = None
    if deal_id:
        deal = Deal.get_or_none(Deal.id == deal_id, Deal.deleted_at.is_null())
        if deal is None:
            raise NotFoundError(entity="deal", id=deal_id)
        client_id = deal.client_id
    client = Client.get_or_none(Client.id == client_id, Client.deleted_at.is_null()) if client_id else None
    if client is None:
        raise NotFoundError(entity="client", id=client_id or 0)
    today = today or datetime.now().date()
    return dict(
        client=client_fields(client),
        contact=contact_fields(client, deal.contact_id if deal else None),
        deal=deal_fields(deal),
        manager=manager_fields(deal, client),
        company=company_fields(),
        today=day(today),
        invoice=dict(number="", date="", due=""),
    )
