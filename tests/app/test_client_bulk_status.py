"""Changing the status of many clients at once, and taking it back."""
import pytest

from app.client_bulk import restore_status, set_status
from app.clients import ClientData, create_client, load_client
from app.errors import ValidationError


@pytest.fixture
def two(db):
    a = create_client(ClientData(name="A", status="active"))
    b = create_client(ClientData(name="B", status="refused", refusal_reason="дорого"))
    return a.id, b.id


def test_refused_needs_a_reason_and_writes_it(two):
    with pytest.raises(ValidationError):
        set_status(two, "refused", "  ")
    previous = set_status(two, "refused", "нашли дешевле")
    assert previous == {two[0]: ("active", ""), two[1]: ("refused", "дорого")}
    assert [load_client(i).refusal_reason for i in two] == ["нашли дешевле"] * 2


def test_restore_puts_back_status_and_reason(two):
    previous = set_status(two, "archived")
    assert {load_client(i).status for i in two} == {"archived"}
    restore_status(previous)
    a, b = (load_client(i) for i in two)
    assert (a.status, b.status, b.refusal_reason) == ("active", "refused", "дорого")


def test_unknown_status_is_refused(two):
    with pytest.raises(ValidationError):
        set_status(two, "vip")
