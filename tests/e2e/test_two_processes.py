"""Two real processes edit one client opened at the same version: one wins, the other gets
ConflictError, and its change can be applied again after a reload: nothing is lost."""
from __future__ import annotations

import json

import pytest

from app.clients import ClientData, create_client, load_client
from tests.elsewhere import start_elsewhere

EDITOR = """
import json
from app.clients import load_client, update_client
from app.errors import ConflictError

field, value = {field!r}, {value!r}
card = load_client({id})                      # the card is opened...
print(json.dumps({{"opened": card.version}}), flush=True)
sys.stdin.readline()                          # ...and saved when the test says so
card.__dict__[field] = value
try:
    saved = update_client(card)
    print(json.dumps({{"saved": saved.version}}), flush=True)
except ConflictError as exc:
    fresh = load_client({id})                 # reload, apply the same edit again
    fresh.__dict__[field] = value
    saved = update_client(fresh)
    print(json.dumps({{"conflict": exc.params, "saved_after_reload": saved.version}}), flush=True)
"""


def _editor(db_path, client_id: int, field: str, value: str):
    process = start_elsewhere(db_path, EDITOR.format(id=client_id, field=field, value=value))
    line = process.stdout.readline()
    assert line, process.stderr.read()
    return process, json.loads(line)["opened"]


def _save(process) -> dict:
    out, err = process.communicate("go\n", timeout=60)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def client(db):
    return create_client(ClientData(name="Общий", city="Москва", address="ул. Мира, 1"))


def test_the_second_save_gets_a_conflict_and_nothing_is_lost(db_path, client):
    first, first_version = _editor(db_path, client.id, "city", "Тверь")
    second, second_version = _editor(db_path, client.id, "address", "ул. Ленина, 2")
    assert first_version == second_version == client.version

    assert _save(first) == {"saved": client.version + 1}
    outcome = _save(second)
    assert outcome["conflict"]["expected"] == client.version
    assert outcome["conflict"]["actual"] == client.version + 1
    assert outcome["saved_after_reload"] == client.version + 2

    saved = load_client(client.id)
    assert (saved.city, saved.address) == ("Тверь", "ул. Ленина, 2")  # both edits kept


def test_saving_at_the_same_moment_ends_in_one_win_and_one_conflict(db_path, client):
    editors = [_editor(db_path, client.id, "city", "Тверь")[0],
               _editor(db_path, client.id, "address", "ул. Ленина, 2")[0]]
    for process in editors:  # both released before either is read
        process.stdin.write("go\n")
        process.stdin.flush()
    outcomes = [_save(process) for process in editors]
    assert sorted("conflict" in outcome for outcome in outcomes) == [False, True]
    saved = load_client(client.id)
    assert (saved.city, saved.address) == ("Тверь", "ул. Ленина, 2")
    assert saved.version == client.version + 2
