"""peewee models for the whole Kartoteka domain.

All models bind to ``database_proxy``; ``db.connection.open_database`` initialises it
with SQLite (default) or, later, PostgreSQL.  Times are naive UTC datetimes; money is
Decimal.  No business rules live here: see ``app/``.
"""
from __future__ import annotations

from datetime import datetime, timezone

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from .proxy import SwitchableProxy

database_proxy = SwitchableProxy()  # a DatabaseProxy a thread may point elsewhere (db/proxy.py)


def utcnow() -> datetime:
    """Current time as naive UTC (how every timestamp is stored)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def Money(**kw):  # noqa: N802 - reads like a field class
    return DecimalField(max_digits=15, decimal_places=2, auto_round=True, **kw)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SchemaMigration(BaseModel):
    """One row per applied numbered migration."""

    version = IntegerField(primary_key=True)
    name = CharField()
    applied_at = DateTimeField(default=utcnow)


class Setting(BaseModel):
    """Company-wide settings that travel with the database (value is JSON)."""

    key = CharField(primary_key=True)
    value = TextField()


class Employee(BaseModel):
    ROLES = ("owner", "manager", "viewer")

    name = CharField()
    role = CharField(default="manager")
    login = CharField(null=True, unique=True)
    password_hash = CharField(null=True)
    active = BooleanField(default=True)
    failed_logins = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)


class Pipeline(BaseModel):
    name = CharField()
    order = IntegerField(default=0)
    retired_at = DateTimeField(null=True)


class Stage(BaseModel):
    KINDS = ("open", "won", "lost")

    pipeline = ForeignKeyField(Pipeline, backref="stages")
    name = CharField()
    color = CharField(default="#9e9e9e")
    probability = IntegerField(default=0)
    order = IntegerField(default=0)
    kind = CharField(default="open")
    stuck_days = IntegerField(null=True)
    retired_at = DateTimeField(null=True)


class Campaign(BaseModel):
    name = CharField()
    channel = CharField(default="")
    starts_on = DateField(null=True)
    ends_on = DateField(null=True)
    cost = Money(default=0)
    segment_id = IntegerField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField(default=utcnow)


class Client(BaseModel):
    KINDS = ("person", "company")
    STATUSES = ("lead", "active", "refused", "archived")

    kind = CharField(default="person")
    name = CharField()
    name_fold = CharField(index=True)  # lower case, ё→е: sorting and prefix search
    inn = CharField(default="", index=True)
    kpp = CharField(default="")
    address = TextField(default="")
    city = CharField(default="", index=True)
    region = CharField(default="")
    source = CharField(default="")
    segment = CharField(default="")
    status = CharField(default="lead", index=True)
    refusal_reason = TextField(default="")
    responsible = ForeignKeyField(Employee, null=True, backref="clients", on_delete="SET NULL")
    campaign = ForeignKeyField(Campaign, null=True, backref="clients", on_delete="SET NULL")
    next_contact_at = DateTimeField(null=True, index=True)
    last_contact_at = DateTimeField(null=True)
    birthday = DateField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField(default=utcnow, index=True)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)
    deleted_at = DateTimeField(null=True)


class ContactPerson(BaseModel):
    client = ForeignKeyField(Client, backref="contacts", on_delete="CASCADE")
    name = CharField()
    position = CharField(default="")
    birthday = DateField(null=True)
    notes = TextField(default="")
    order = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)
    deleted_at = DateTimeField(null=True)


class Phone(BaseModel):
    """A phone of a client or of a contact person.

    ``raw`` is what was typed, ``e164`` is set when it parsed, ``digits`` are its
    digits (E.164 digits when parsed) and ``digits_rev`` the same reversed, so that
    "the last N digits" is an indexed prefix (range) query.
    """

    client = ForeignKeyField(Client, backref="phones", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="phones", on_delete="CASCADE")
    raw = CharField()
    e164 = CharField(null=True, index=True)
    digits = CharField(default="")
    digits_rev = CharField(default="", index=True)
    valid = BooleanField(default=True)
    label = CharField(default="")
    order = IntegerField(default=0)


class Email(BaseModel):
    client = ForeignKeyField(Client, backref="emails", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="emails", on_delete="CASCADE")
    address = CharField()
    address_fold = CharField(index=True)
    valid = BooleanField(default=True)
    order = IntegerField(default=0)


class Tag(BaseModel):
    name = CharField(unique=True)
    color = CharField(default="#607d8b")


class ClientTag(BaseModel):
    client = ForeignKeyField(Client, backref="client_tags", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="client_tags", on_delete="CASCADE")

    class Meta:
        indexes = ((("client", "tag"), True), (("tag", "client"), False))


class CustomField(BaseModel):
    KINDS = ("text", "number", "date", "choice")

    entity = CharField(default="client")  # client | deal
    name = CharField()
    kind = CharField(default="text")
    choices = TextField(default="[]")  # JSON list for kind == choice
    order = IntegerField(default=0)
    retired_at = DateTimeField(null=True)


class Deal(BaseModel):
    client = ForeignKeyField(Client, backref="deals", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="deals", on_delete="SET NULL")
    pipeline = ForeignKeyField(Pipeline, backref="deals")
    stage = ForeignKeyField(Stage, backref="deals")
    title = CharField()
    amount = Money(default=0)
    currency = CharField(default="RUB")
    probability = IntegerField(null=True)  # None: take the stage's
    expected_close = DateField(null=True)
    responsible = ForeignKeyField(Employee, null=True, backref="deals", on_delete="SET NULL")
    campaign = ForeignKeyField(Campaign, null=True, backref="deals", on_delete="SET NULL")
    source = CharField(default="")
    lost_reason = CharField(default="")
    competitor = CharField(default="")
    stage_entered_at = DateTimeField(default=utcnow)
    closed_at = DateTimeField(null=True, index=True)
    created_at = DateTimeField(default=utcnow, index=True)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)
    deleted_at = DateTimeField(null=True)


class CustomFieldValue(BaseModel):
    field = ForeignKeyField(CustomField, backref="values", on_delete="CASCADE")
    client = ForeignKeyField(Client, null=True, backref="custom_values", on_delete="CASCADE")
    deal = ForeignKeyField(Deal, null=True, backref="custom_values", on_delete="CASCADE")
    value = TextField(default="")


class DealLine(BaseModel):
    deal = ForeignKeyField(Deal, backref="lines", on_delete="CASCADE")
    name = CharField()
    quantity = DecimalField(max_digits=15, decimal_places=3, default=1)
    price = Money(default=0)
    order = IntegerField(default=0)


class StageChange(BaseModel):
    deal = ForeignKeyField(Deal, backref="stage_changes", on_delete="CASCADE")
    from_stage = ForeignKeyField(Stage, null=True, backref="+")
    to_stage = ForeignKeyField(Stage, backref="+")
    changed_at = DateTimeField(default=utcnow, index=True)
    employee = ForeignKeyField(Employee, null=True, backref="+", on_delete="SET NULL")


class LostReason(BaseModel):
    name = CharField(unique=True)
    order = IntegerField(default=0)
    active = BooleanField(default=True)


class Invoice(BaseModel):
    deal = ForeignKeyField(Deal, backref="invoices", on_delete="CASCADE")
    number = CharField()
    amount = Money(default=0)
    issued_on = DateField(null=True)
    due_on = DateField(null=True)
    paid_on = DateField(null=True)
    notes = TextField(default="")


class Payment(BaseModel):
    deal = ForeignKeyField(Deal, backref="payments", on_delete="CASCADE")
    invoice = ForeignKeyField(Invoice, null=True, backref="payments", on_delete="SET NULL")
    amount = Money(default=0)
    paid_on = DateField()


class Activity(BaseModel):
    KINDS = ("call_in", "call_out", "email", "meeting", "task", "note", "feedback")
    STATUSES = ("planned", "done", "cancelled")

    kind = CharField(default="note")
    subject = CharField(default="")
    result = TextField(default="")
    client = ForeignKeyField(Client, null=True, backref="activities", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="activities", on_delete="SET NULL")
    deal = ForeignKeyField(Deal, null=True, backref="activities", on_delete="SET NULL")
    status = CharField(default="done", index=True)
    planned_at = DateTimeField(null=True, index=True)
    done_at = DateTimeField(null=True, index=True)
    duration_min = IntegerField(null=True)
    reminder_at = DateTimeField(null=True, index=True)
    reminder_dismissed = BooleanField(default=False)
    recurrence = CharField(default="")  # RRULE text, e.g. FREQ=WEEKLY;BYDAY=MO
    series = ForeignKeyField("self", null=True, backref="occurrences", on_delete="SET NULL")
    sentiment = CharField(default="")  # feedback: positive | negative ; resolved flag below
    resolved = BooleanField(default=False)
    responsible = ForeignKeyField(Employee, null=True, backref="activities", on_delete="SET NULL")
    created_by = ForeignKeyField(Employee, null=True, backref="+", on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)
    deleted_at = DateTimeField(null=True)


class Attachment(BaseModel):
    client = ForeignKeyField(Client, null=True, backref="attachments", on_delete="CASCADE")
    deal = ForeignKeyField(Deal, null=True, backref="attachments", on_delete="CASCADE")
    activity = ForeignKeyField(Activity, null=True, backref="attachments", on_delete="SET NULL")
    filename = CharField()
    sha256 = CharField(index=True)
    size = IntegerField(default=0)
    mime = CharField(default="")
    created_at = DateTimeField(default=utcnow)
    deleted_at = DateTimeField(null=True)


class ImportBatch(BaseModel):
    filename = CharField()
    sheet = CharField(default="")
    employee = ForeignKeyField(Employee, null=True, backref="+", on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    rows = IntegerField(default=0)
    created = IntegerField(default=0)
    merged = IntegerField(default=0)
    skipped = IntegerField(default=0)
    undone_at = DateTimeField(null=True)


class ImportChange(BaseModel):
    """What one import did to one client: created it, or merged into it (``before`` JSON)."""

    batch = ForeignKeyField(ImportBatch, backref="changes", on_delete="CASCADE")
    client = ForeignKeyField(Client, backref="+", on_delete="CASCADE")
    action = CharField()  # create | merge
    before = TextField(default="")


class AuditLog(BaseModel):
    at = DateTimeField(default=utcnow, index=True)
    employee = ForeignKeyField(Employee, null=True, backref="+", on_delete="SET NULL")
    entity = CharField()  # client | deal | activity | ...
    entity_id = IntegerField()
    action = CharField()  # create | update | delete | restore
    changes = TextField(default="{}")  # JSON: {field: [old, new]}

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


class Plan(BaseModel):
    """A target per employee per month: calls, meetings, revenue…"""

    employee = ForeignKeyField(Employee, backref="plans", on_delete="CASCADE")
    month = CharField()  # YYYY-MM
    metric = CharField()
    target = DecimalField(max_digits=15, decimal_places=2, default=0)


class Segment(BaseModel):
    name = CharField()
    definition = TextField(default="{}")  # JSON filter
    created_at = DateTimeField(default=utcnow)


class AutomationRule(BaseModel):
    TRIGGERS = ("stage_enter", "deal_won", "invoice_paid")

    trigger = CharField()
    stage = ForeignKeyField(Stage, null=True, backref="+", on_delete="CASCADE")
    action = CharField()  # create_task | move_stage
    params = TextField(default="{}")
    active = BooleanField(default=True)


ALL_MODELS = [
    SchemaMigration, Setting, Employee, Pipeline, Stage, Campaign, Client, ContactPerson,
    Phone, Email, Tag, ClientTag, CustomField, Deal, CustomFieldValue, DealLine,
    StageChange, LostReason, Invoice, Payment, Activity, Attachment, ImportBatch,
    ImportChange, AuditLog, Plan, Segment, AutomationRule,
]
