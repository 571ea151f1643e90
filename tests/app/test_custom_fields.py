"""Custom field definitions: adding, checks, editing, order, retiring; every change says
what undoes it and publishes one change event."""
import pytest

from app import custom_fields as cf
from app.card_lookups import custom_fields as card_fields
from app.clients import ClientData, create_client, load_client
from app.errors import NotFoundError, ValidationError
from app.events import subscribe
from db.models import CustomField


@pytest.fixture
def changes():
    seen = []
    unsubscribe = subscribe(seen.append)
    yield seen
    unsubscribe()


def names(entity="client", include_retired=False):
    return [f.name for f in cf.fields(entity, include_retired)]


def test_add_puts_fields_in_order_and_publishes(db, changes):
    a = cf.add_field("client", "  Канал   привлечения ", "choice", ["  Сайт ", "Звонок", "", "сайт"])
    b = cf.add_field("client", "Бюджет", "number")
    cf.add_field("deal", "Бюджет", "text")  # another entity may use the same name
    assert names() == ["Канал привлечения", "Бюджет"]
    first = cf.fields()[0]
    assert (first.id, first.kind, first.choices, first.retired) == (a, "choice", ["Сайт", "Звонок"], False)
    assert cf.fields()[1].choices == [] and cf.fields()[1].id == b
    assert [(c.entity, c.action) for c in changes] == [("custom_field", "create")] * 3
    assert [f.name for f in card_fields("client")] == ["Канал привлечения", "Бюджет"]


@pytest.mark.parametrize("args, rule", [
    (("client", "   ", "text"), "name_required"),
    (("client", "Канал", "choice", ["", "  "]), "choices_required"),
    (("client", "Канал", "colour"), "unknown_kind"),
    (("order", "Канал", "text"), "unknown_entity"),
])
def test_bad_definitions_are_refused(db, args, rule):
    with pytest.raises(ValidationError) as info:
        cf.add_field(*args)
    assert info.value.params["rule"] == rule
    assert CustomField.select().count() == 0


def test_name_is_unique_among_active_fields_of_an_entity(db):
    old = cf.add_field("client", "Канал", "text")
    with pytest.raises(ValidationError, match="already"):
        cf.add_field("client", "канал", "text")
    cf.retire_field(old)
    new = cf.add_field("client", "КАНАЛ", "text")  # the retired one no longer holds the name
    with pytest.raises(ValidationError) as info:
        cf.unretire_field(old)
    assert info.value.params["rule"] == "name_taken"
    other = cf.add_field("client", "Регион", "text")
    with pytest.raises(ValidationError):
        cf.update_field(other, name="Канал")
    assert cf.update_field(new, name="Канал") == {"name": "КАНАЛ"}


def test_update_returns_old_values_and_undoes_with_them(db, changes):
    fid = cf.add_field("client", "Канал", "choice", ["Сайт"])
    old = cf.update_field(fid, name="Источник", choices="Сайт\n Звонок \nСайт\n")
    assert old == {"name": "Канал", "choices": ["Сайт"]}
    assert cf.fields()[0].choices == ["Сайт", "Звонок"]
    assert cf.update_field(fid, name="Источник") == {}  # nothing changed, nothing to undo
    cf.update_field(fid, **old)
    info = cf.fields()[0]
    assert (info.name, info.choices) == ("Канал", ["Сайт"])
    with pytest.raises(ValidationError):
        cf.update_field(fid, choices=[])
    with pytest.raises(ValidationError):
        cf.update_field(fid, retired_at=None)
    with pytest.raises(NotFoundError):
        cf.update_field(9999, name="x")


def test_kind_changes_only_while_no_card_holds_a_value(db):
    fid = cf.add_field("client", "Канал", "text")
    old = cf.update_field(fid, kind="choice", choices=["Сайт"])
    assert old == {"kind": "text", "choices": []}
    cf.update_field(fid, **old)
    assert (cf.fields()[0].kind, cf.fields()[0].choices) == ("text", [])
    create_client(ClientData(name="Иванов", custom={fid: "сайт"}))
    assert cf.fields()[0].values == 1
    with pytest.raises(ValidationError) as info:
        cf.update_field(fid, kind="number")
    assert info.value.params["rule"] == "kind_locked" and "values" in str(info.value)
    assert cf.fields()[0].kind == "text"
    assert cf.update_field(fid, kind="text", name="Откуда") == {"name": "Канал"}  # the same kind is fine


def test_reorder_returns_the_previous_order(db):
    a, b, c = (cf.add_field("client", n, "text") for n in ("A", "B", "C"))
    cf.retire_field(b)
    assert cf.reorder_fields("client", [c, b, a]) == [a, b, c]
    assert names(include_retired=True) == ["C", "B", "A"] and names() == ["C", "A"]
    with pytest.raises(ValidationError):
        cf.reorder_fields("client", [c, a])
    cf.reorder_fields("client", [a, b, c])
    assert names() == ["A", "C"]


def test_retire_keeps_values_and_hides_the_field_from_cards(db):
    fid = cf.add_field("client", "Канал", "text")
    client = create_client(ClientData(name="Иванов", custom={fid: "сайт"}))
    cf.retire_field(fid)
    assert card_fields("client") == [] and names() == []
    assert cf.fields(include_retired=True)[0].retired
    assert load_client(client.id).custom == {fid: "сайт"}
    cf.unretire_field(fid)
    assert [f.name for f in card_fields("client")] == ["Канал"]
    assert load_client(client.id).custom == {fid: "сайт"}


def test_undo_of_add_deletes_an_unused_field_and_can_bring_it_back(db):
    fid = cf.add_field("client", "Канал", "choice", ["Сайт"])
    assert cf.remove_new_field(fid) == "deleted"
    assert CustomField.select().count() == 0
    assert cf.add_field("client", "Канал", "choice", ["Сайт"], field_id=fid, order=0) == fid
    create_client(ClientData(name="Иванов", custom={fid: "Сайт"}))
    assert cf.remove_new_field(fid) == "retired"  # values are never thrown away
    assert names() == [] and cf.fields(include_retired=True)[0].values == 1
