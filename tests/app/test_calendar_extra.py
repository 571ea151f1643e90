"""A missed contact rescheduled from the Today panel, and undone."""
from datetime import datetime

import pytest

from app import events
from app.calendar import set_next_contact
from app.clients import ClientData, create_client, load_client
from app.errors import NotFoundError
from app.today import today


def test_set_next_contact_moves_it_and_gives_back_the_old_value(db):
    client = create_client(ClientData(name="Иванов Пётр", next_contact_at=datetime(2027, 3, 1, 7, 0)))
    seen = []
    unsubscribe = events.subscribe(seen.append)
    try:
        previous = set_next_contact(client.id, datetime(2027, 3, 10, 7, 0))
    finally:
        unsubscribe()
    assert previous == datetime(2027, 3, 1, 7, 0)
    again = load_client(client.id)
    assert again.next_contact_at == datetime(2027, 3, 10, 7, 0)
    assert again.version == client.version + 1
    assert [(c.entity, c.ids) for c in seen] == [("client", (client.id,))]
    # no longer a missed contact on March 5th; undo brings it back
    assert today(datetime(2027, 3, 5, 9, 0)).missed_contacts == []
    set_next_contact(client.id, previous)
    assert [m.client_id for m in today(datetime(2027, 3, 5, 9, 0)).missed_contacts] == [client.id]


def test_set_next_contact_of_a_missing_client(db):
    with pytest.raises(NotFoundError):
        set_next_contact(12345, None)
