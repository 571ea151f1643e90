"""Client cards through the core services: saved whole, validated, never overwritten."""
from datetime import date, datetime

import pytest

from app import audit
from app.client_bulk import add_tag, restore_clients, restore_field, set_field, trash_clients
from app.clients import ClientData, ContactItem, PhoneItem, create_client, load_client, update_client
from app.errors import ConflictError, ValidationError
from db.models import Client, Employee, Phone


def make(**kw):
    base = dict(name="Громова Ольга Викторовна", phones=[PhoneItem("89221234567"), PhoneItem("8(3452)55-66-77")],
                emails=["gromova@list.ru"], city="Тюмень", tags=["VIP", "опт"], birthday=date(1980, 5, 17))
    base.update(kw)
    return create_client(ClientData(**base))


def test_created_client_comes_back_whole(db):
    saved = make()
    again = load_client(saved.id)
    assert again.name == "Громова Ольга Викторовна"
    assert [p.e164 for p in again.phones] == ["+79221234567", "+73452556677"]
    assert again.emails == ["gromova@list.ru"] and again.tags == ["VIP", "опт"]
    assert again.birthday == date(1980, 5, 17) and again.version == 1
    assert again.responsible_id == Employee.get(Employee.role == "owner").id


def test_company_with_contact_persons_and_their_phones(db):
    saved = make(name='ООО "Стройдом"', kind="company", inn="7728168971", phones=[], emails=[],
                 contacts=[ContactItem(name="Анна", position="бухгалтер", phones=[PhoneItem("+7 (4852) 72-00-11")]),
                           ContactItem(name="Олег", position="закупщик", emails=["oleg@stroydom.ru"])])
    card = load_client(saved.id)
    assert [(c.name, c.position) for c in card.contacts] == [("Анна", "бухгалтер"), ("Олег", "закупщик")]
    assert card.contacts[0].phones[0].e164 == "+74852720011"
    assert card.contacts[1].emails == ["oleg@stroydom.ru"]
    # removing a contact person keeps the others and their ids
    anna_id = card.contacts[0].id
    card.contacts = card.contacts[:1]
    card = update_client(card)
    assert [c.id for c in card.contacts] == [anna_id]


def test_bad_phone_is_kept_raw_with_a_warning(db):
    saved = make(phones=[PhoneItem("12345")])
    assert saved.phones[0].raw == "12345" and saved.phones[0].e164 is None
    assert any("12345" in w for w in saved.warnings)
    assert Phone.get(Phone.client == saved.id).valid is False


@pytest.mark.parametrize("changes, field", [
    (dict(name="   "), "name"),
    (dict(inn="7728168972"), "inn"),          # wrong checksum
    (dict(emails=["zaitsev(at)mail.ru"]), "email"),
    (dict(status="refused"), "refusal_reason"),
    (dict(status="unknown"), "status"),
])
def test_invalid_input_is_refused_with_the_field_named(db, changes, field):
    with pytest.raises(ValidationError) as err:
        make(**changes)
    assert err.value.params["field"] == field
    assert Client.select().count() == 0


def test_lenient_mode_keeps_questionable_data_with_warnings(db):
    saved = create_client(ClientData(name="Зайцев", emails=["zaitsev(at)mail.ru"], inn="123"), strict=False)
    assert saved.emails == ["zaitsev(at)mail.ru"] and saved.inn == "123"
    assert len(saved.warnings) == 2


def test_stale_update_raises_conflict_and_overwrites_nothing(db):
    card = make()
    mine, theirs = load_client(card.id), load_client(card.id)
    theirs.city = "Москва"
    update_client(theirs)
    mine.notes = "моя заметка"
    with pytest.raises(ConflictError) as err:
        update_client(mine)
    assert err.value.params["actual"] == 2
    now = load_client(card.id)
    assert now.city == "Москва" and now.notes == ""


def test_updates_are_audited_old_to_new(db):
    card = make()
    card.city = "Москва"
    card.phones.append(PhoneItem("+7 999 888-77-66"))
    update_client(card)
    entries = audit.history("client", card.id)
    assert entries[0]["action"] == "update"
    assert entries[0]["changes"]["city"] == ["Тюмень", "Москва"]
    assert "phones" in entries[0]["changes"]
    assert entries[-1]["action"] == "create"


def test_trash_restore_and_bulk_undo_data(db):
    a, b = make().id, make(name="Белов Игорь", phones=[], tags=[]).id
    manager = Employee.create(name="Анна Менеджер", role="manager")
    previous = set_field([a, b], "responsible_id", manager.id)
    assert {c.responsible_id for c in Client.select()} == {manager.id}
    restore_field("responsible_id", previous)
    assert {c.responsible_id for c in Client.select()} == {Employee.get(Employee.role == "owner").id}
    assert add_tag([a, b], "опт") == [b]          # a already had it
    assert trash_clients([a]) == [a]
    assert Client.get_by_id(a).deleted_at is not None
    restore_clients([a])
    assert Client.get_by_id(a).deleted_at is None


def test_next_contact_round_trip(db):
    when = datetime(2026, 12, 1, 7, 30)
    card = make(next_contact_at=when)
    assert load_client(card.id).next_contact_at == when
