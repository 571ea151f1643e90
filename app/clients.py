"""Client cards: create, load and update a client with its contact persons, phones,
emails, tags and custom field values.  One call = one transaction = one change event."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from db.models import (Client, ClientTag, ContactPerson, CustomFieldValue, Email, Phone, Tag,
                       database_proxy, utcnow)
from db.search_index import index_clients
from db.text import fold

from . import access, audit, campaign_rules, settings
from .context import current_employee_id
from .errors import ConflictError, NotFoundError, ValidationError
from .events import publish
from .phones import normalize
from .validation import email_is_valid, inn_is_valid

SCALARS = ("kind", "name", "inn", "kpp", "address", "city", "region", "source", "segment",
           "status", "refusal_reason", "responsible_id", "campaign_id", "next_contact_at",
           "birthday", "notes")


@dataclass
class PhoneItem:
    raw: str
    e164: str | None = None
    label: str = ""

    @property
    def valid(self) -> bool:
        return self.e164 is not None


@dataclass
class ContactItem:
    name: str
    position: str = ""
    birthday: date | None = None
    notes: str = ""
    phones: list[PhoneItem] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    id: int | None = None


@dataclass
class ClientData:
    name: str = ""
    kind: str = "person"
    inn: str = ""
    kpp: str = ""
    address: str = ""
    city: str = ""
    region: str = ""
    source: str = ""
    segment: str = ""
    status: str = "lead"
    refusal_reason: str = ""
    responsible_id: int | None = None
    campaign_id: int | None = None
    next_contact_at: datetime | None = None
    birthday: date | None = None
    notes: str = ""
    phones: list[PhoneItem] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    contacts: list[ContactItem] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    custom: dict[int, str] = field(default_factory=dict)
    id: int | None = None
    version: int = 0
    last_contact_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
    warnings: list[str] = field(default_factory=list)

    def scalars(self) -> dict:
        return {k: getattr(self, k) for k in SCALARS}

    def comparable(self) -> dict:
        """Everything a user edits, in a form that can be compared (conflict dialog)."""
        out = self.scalars()
        out["phones"] = [p.raw for p in self.phones]
        out["emails"] = list(self.emails)
        out["tags"] = sorted(self.tags)
        out["contacts"] = [(c.name, c.position, [p.raw for p in c.phones], list(c.emails))
                           for c in self.contacts]
        out["custom"] = dict(self.custom)
        return out


def phones_from_text(*cells: str) -> list[PhoneItem]:
    """Phone items from free text cells, normalised with the company's region."""
    from .phones import parse_cell
    region = settings.phone_region()
    return [PhoneItem(p.raw, p.e164) for cell in cells for p in parse_cell(cell, region)]


def _validate(data: ClientData, strict: bool) -> list[str]:
    """Raise ``ValidationError`` on what cannot be saved; return warnings for the rest."""
    warnings = []
    data.name = " ".join((data.name or "").split())
    if not data.name:
        raise ValidationError(field="name", detail="the name is required")
    if data.kind not in Client.KINDS:
        raise ValidationError(field="kind", detail=f"unknown kind {data.kind!r}")
    if data.status not in Client.STATUSES:
        raise ValidationError(field="status", detail=f"unknown status {data.status!r}")
    if data.status == "refused" and not data.refusal_reason.strip():
        raise ValidationError(field="refusal_reason", detail="say why the client refused")
    data.inn = "".join(data.inn.split())
    if data.inn and not inn_is_valid(data.inn):
        if strict:
            raise ValidationError(field="inn", detail=f"INN {data.inn} has a wrong length or checksum")
        warnings.append(f"INN {data.inn} looks wrong")
    for address in data.emails + [e for c in data.contacts for e in c.emails]:
        if not email_is_valid(address):
            if strict:
                raise ValidationError(field="email", detail=f"{address!r} is not an e-mail address")
            warnings.append(f"e-mail {address!r} looks wrong")
    for phone in data.phones + [p for c in data.contacts for p in c.phones]:
        if phone.e164 is None and normalize(phone.raw, settings.phone_region()).e164 is None:
            warnings.append(f"phone {phone.raw!r} could not be recognised; kept as typed")
    return warnings


def _row_values(data: ClientData) -> dict:
    values = data.scalars()
    values["responsible"] = values.pop("responsible_id")
    values["campaign"] = values.pop("campaign_id")
    values["name_fold"] = fold(data.name)
    return values


def _write_children(client_id: int, data: ClientData, replace: bool) -> None:
    region = settings.phone_region()
    if replace:
        Phone.delete().where(Phone.client == client_id).execute()
        Email.delete().where(Email.client == client_id).execute()
        ClientTag.delete().where(ClientTag.client == client_id).execute()
        CustomFieldValue.delete().where(CustomFieldValue.client == client_id).execute()

    def add_phones(items, contact_id):
        for order, item in enumerate(items):
            parsed = normalize(item.raw, region)
            item.e164 = parsed.e164
            Phone.create(client=client_id, contact=contact_id, raw=parsed.raw, e164=parsed.e164,
                         digits=parsed.digits, digits_rev=parsed.digits[::-1],
                         valid=parsed.valid, label=item.label, order=order)

    def add_emails(items, contact_id):
        for order, address in enumerate(items):
            address = address.strip()
            Email.create(client=client_id, contact=contact_id, address=address,
                         address_fold=fold(address), valid=email_is_valid(address), order=order)

    add_phones(data.phones, None)
    add_emails(data.emails, None)
    kept = []
    for order, contact in enumerate(data.contacts):
        values = dict(name=contact.name.strip(), position=contact.position, birthday=contact.birthday,
                      notes=contact.notes, order=order)
        if contact.id:  # also brings back a contact removed by a save that is being undone
            ContactPerson.update(**values, deleted_at=None).where(ContactPerson.id == contact.id,
                                                 ContactPerson.client == client_id).execute()
        else:
            contact.id = ContactPerson.create(client=client_id, **values).id
        kept.append(contact.id)
        add_phones(contact.phones, contact.id)
        add_emails(contact.emails, contact.id)
    if replace:
        (ContactPerson.update(deleted_at=utcnow())
         .where(ContactPerson.client == client_id, ContactPerson.id.not_in(kept or [0]),
                ContactPerson.deleted_at.is_null()).execute())
    for name in dict.fromkeys(t.strip() for t in data.tags if t.strip()):
        tag, _ = Tag.get_or_create(name=name)
        ClientTag.create(client=client_id, tag=tag)
    for field_id, value in data.custom.items():
        if value not in (None, ""):
            CustomFieldValue.create(field=field_id, client=client_id, value=str(value))


def create_client(data: ClientData, *, strict: bool = True) -> ClientData:
    """Save a new client; returns it as stored (with id, version and normalised phones)."""
    access.require("create")
    warnings = _validate(data, strict)
    if data.responsible_id is None:
        data.responsible_id = current_employee_id()
    with database_proxy.atomic():
        if data.campaign_id is None and data.source:
            data.campaign_id = campaign_rules.campaign_for_source(data.source)
        client = Client.create(**_row_values(data))
        _write_children(client.id, data, replace=False)
        index_clients([client.id])
        audit.record("client", client.id, "create", {"name": [None, data.name]})
    publish("client", "create", [client.id])
    result = _load_client(client.id)
    result.warnings = warnings
    return result


def update_client(data: ClientData, *, strict: bool = True) -> ClientData:
    """Save changes made to a card opened at ``data.version``.

    Raises ``ConflictError`` when someone saved the client in between: nothing is
    overwritten, the caller shows both versions and lets the user choose.
    """
    if not data.id:
        raise NotFoundError(entity="client", id=0)
    access.require("edit", ("client", data.id))
    warnings = _validate(data, strict)
    with database_proxy.atomic():
        before = _load_client(data.id)
        if (data.campaign_id is None and before.campaign_id is None
                and campaign_rules.key(data.source) != campaign_rules.key(before.source)):
            data.campaign_id = campaign_rules.campaign_for_source(data.source)  # the source's rule
        values = _row_values(data)
        values.update(updated_at=utcnow(), version=Client.version + 1)
        done = Client.update(**values).where(Client.id == data.id, Client.version == data.version).execute()
        if not done:
            raise ConflictError(entity="client", id=data.id, expected=data.version, actual=before.version)
        _write_children(data.id, data, replace=True)
        index_clients([data.id])
        audit.record("client", data.id, "update", audit.diff(before.comparable(), data.comparable()))
    publish("client", "update", [data.id])
    result = _load_client(data.id)
    result.warnings = warnings
    return result


def load_client(client_id: int) -> ClientData:
    client = Client.get_or_none(Client.id == client_id)
    if client is None:
        raise NotFoundError(entity="client", id=client_id)
    access.require("view", client)
    return _load_client(client_id, client)


def _load_client(client_id: int, client: Client | None = None) -> ClientData:
    client = client or Client.get_or_none(Client.id == client_id)
    if client is None:
        raise NotFoundError(entity="client", id=client_id)
    values = {k: getattr(client, k) for k in SCALARS}
    data = ClientData(**values, id=client.id, version=client.version,
                      last_contact_at=client.last_contact_at, created_at=client.created_at,
                      updated_at=client.updated_at, deleted_at=client.deleted_at)
    contacts = {c.id: ContactItem(name=c.name, position=c.position, birthday=c.birthday,
                                  notes=c.notes, id=c.id)
                for c in (ContactPerson.select().where(ContactPerson.client == client_id,
                                                       ContactPerson.deleted_at.is_null())
                          .order_by(ContactPerson.order, ContactPerson.id))}
    data.contacts = list(contacts.values())
    for p in Phone.select().where(Phone.client == client_id).order_by(Phone.order, Phone.id):
        item = PhoneItem(p.raw, p.e164, p.label)
        if p.contact_id is None:
            data.phones.append(item)
        elif p.contact_id in contacts:
            contacts[p.contact_id].phones.append(item)
    for e in Email.select().where(Email.client == client_id).order_by(Email.order, Email.id):
        if e.contact_id is None:
            data.emails.append(e.address)
        elif e.contact_id in contacts:
            contacts[e.contact_id].emails.append(e.address)
    data.tags = [t for (t,) in Tag.select(Tag.name).join(ClientTag)
                 .where(ClientTag.client == client_id).order_by(Tag.name).tuples()]
    data.custom = {f: v for f, v in CustomFieldValue.select(CustomFieldValue.field, CustomFieldValue.value)
                   .where(CustomFieldValue.client == client_id).tuples()}
    return data


def as_dict(data: ClientData) -> dict:
    return asdict(data)
