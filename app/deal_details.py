"""The deal card: everything about one deal, loaded and saved as a whole.

Products/services lines, invoices and payments are saved with the deal in one
transaction; a stale save raises ``ConflictError`` (optimistic lock on ``version``).
Marking an invoice paid may move the deal (see ``app.automation.invoice_paid``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from db.models import Deal, DealLine, Invoice, Payment, Stage, StageChange, database_proxy, utcnow

from . import access, audit, automation
from .errors import ConflictError, NotFoundError, ValidationError
from .events import publish

CENT = Decimal("0.01")


@dataclass
class LineItem:
    name: str
    quantity: Decimal = Decimal("1")
    price: Decimal = Decimal("0")

    @property
    def total(self) -> Decimal:
        return (Decimal(self.quantity) * Decimal(self.price)).quantize(CENT)


@dataclass
class InvoiceItem:
    number: str
    amount: Decimal = Decimal("0")
    issued_on: date | None = None
    due_on: date | None = None
    paid_on: date | None = None
    id: int | None = None

    def overdue(self, today: date) -> bool:
        return self.paid_on is None and self.due_on is not None and self.due_on < today


@dataclass
class DealData:
    client_id: int
    title: str = ""
    amount: Decimal = Decimal("0")
    currency: str = "RUB"
    stage_id: int | None = None
    probability: int | None = None
    expected_close: date | None = None
    responsible_id: int | None = None
    contact_id: int | None = None
    source: str = ""
    campaign_id: int | None = None
    lost_reason: str = ""
    competitor: str = ""
    lines: list[LineItem] = field(default_factory=list)
    invoices: list[InvoiceItem] = field(default_factory=list)
    id: int | None = None
    version: int = 0

    def lines_total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))

    def unpaid(self) -> list[InvoiceItem]:
        return [i for i in self.invoices if i.paid_on is None]


def load_deal(deal_id: int) -> DealData:
    deal = Deal.get_or_none(Deal.id == deal_id)
    if deal is None:
        raise NotFoundError(entity="deal", id=deal_id)
    access.require("view", deal)  # like the client card: a colleague's deal stays closed
    data = DealData(client_id=deal.client_id, title=deal.title, amount=deal.amount, currency=deal.currency,
                    stage_id=deal.stage_id, probability=deal.probability, expected_close=deal.expected_close,
                    responsible_id=deal.responsible_id, contact_id=deal.contact_id, source=deal.source,
                    campaign_id=deal.campaign_id,
                    lost_reason=deal.lost_reason, competitor=deal.competitor, id=deal.id, version=deal.version)
    data.lines = [LineItem(li.name, li.quantity, li.price)
                  for li in DealLine.select().where(DealLine.deal == deal_id).order_by(DealLine.order)]
    data.invoices = [InvoiceItem(i.number, i.amount, i.issued_on, i.due_on, i.paid_on, i.id)
                     for i in Invoice.select().where(Invoice.deal == deal_id).order_by(Invoice.id)]
    return data


def stage_history(deal_id: int) -> list[dict]:
    rows = (StageChange.select().where(StageChange.deal == deal_id).order_by(StageChange.changed_at,
                                                                            StageChange.id))
    return [dict(at=r.changed_at, from_stage=r.from_stage.name if r.from_stage_id else "",
                 to_stage=r.to_stage.name, employee_id=r.employee_id) for r in rows]


def effective_probability(data: DealData) -> int:
    if data.probability is not None:
        return data.probability
    stage = Stage.get_or_none(Stage.id == data.stage_id)
    return stage.probability if stage else 0


def save_deal(data: DealData) -> DealData:
    """Save the card (not the stage: moving is ``app.deals.move_deal``).

    Returns the deal as stored.  When an invoice became paid and a rule says so, the
    deal is moved to the rule's stage in the same transaction.
    """
    if not data.id:
        raise NotFoundError(entity="deal", id=0)
    access.require("edit", ("deal", data.id))
    data.title = " ".join((data.title or "").split())
    if not data.title:
        raise ValidationError(field="title", detail="the deal needs a title")
    if data.probability is not None and not 0 <= int(data.probability) <= 100:
        raise ValidationError(field="probability", detail="the probability is a percentage, 0–100")
    for line in data.lines:
        if not line.name.strip():
            raise ValidationError(field="lines", detail="every line needs a name")
    amount = Decimal(data.amount or 0).quantize(CENT)
    if data.lines and not amount:
        amount = data.lines_total()
    with database_proxy.atomic():
        before = load_deal(data.id)
        done = (Deal.update(title=data.title, amount=amount, currency=data.currency,
                            probability=data.probability, expected_close=data.expected_close,
                            responsible=data.responsible_id, contact=data.contact_id, source=data.source,
                            campaign=data.campaign_id,
                            updated_at=utcnow(), version=Deal.version + 1)
                .where(Deal.id == data.id, Deal.version == data.version).execute())
        if not done:
            raise ConflictError(entity="deal", id=data.id, expected=data.version, actual=before.version)
        DealLine.delete().where(DealLine.deal == data.id).execute()
        for order, line in enumerate(data.lines):
            DealLine.create(deal=data.id, name=line.name.strip(), quantity=line.quantity, price=line.price,
                            order=order)
        newly_paid = _save_invoices(data, before)
        audit.record("deal", data.id, "update",
                     audit.diff({"title": before.title, "amount": before.amount},
                                {"title": data.title, "amount": amount}))
        target = automation.invoice_paid(data.id) if newly_paid else None
        if target:
            from .deals import move_deal
            move_deal(data.id, target)
    publish("deal", "update", [data.id])
    return load_deal(data.id)


def _save_invoices(data: DealData, before: DealData) -> bool:
    """Write the invoices; True when one of them became paid now."""
    was_paid = {i.id for i in before.invoices if i.paid_on}
    keep = [i.id for i in data.invoices if i.id]
    Invoice.delete().where(Invoice.deal == data.id, Invoice.id.not_in(keep or [0])).execute()
    newly_paid = False
    for inv in data.invoices:
        if not inv.number.strip():
            raise ValidationError(field="invoices", detail="every invoice needs a number")
        values = dict(number=inv.number.strip(), amount=Decimal(inv.amount or 0).quantize(CENT),
                      issued_on=inv.issued_on, due_on=inv.due_on, paid_on=inv.paid_on)
        if inv.id:
            Invoice.update(**values).where(Invoice.id == inv.id, Invoice.deal == data.id).execute()
        else:
            inv.id = Invoice.create(deal=data.id, **values).id
        if inv.paid_on and inv.id not in was_paid:
            newly_paid = True
            Payment.create(deal=data.id, invoice=inv.id, amount=values["amount"], paid_on=inv.paid_on)
    return newly_paid
