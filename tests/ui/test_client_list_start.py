"""A start-up on a big list: the client list opens with its first rows and the full
count, reads the rest in a worker once painted, and a row further down asked for
earlier is read at once."""
from __future__ import annotations

import pytest

from app.clients import ClientData, create_client
from ui.client_list import model as model_module
from ui.client_list.columns import Columns
from ui.client_list.model import ClientListModel

NAMES = [f"Клиент {n:03d}" for n in range(40)]


@pytest.fixture
def forty(db, monkeypatch):
    for name in NAMES:
        create_client(ClientData(name=name))
    monkeypatch.setattr(ClientListModel, "FIRST_IDS", 10)  # a "big" list of 40


def names(model) -> list[str]:
    return [model.index(r, Columns.NAME).data() for r in range(model.rowCount())]


def count_id_queries(monkeypatch) -> list[int | None]:
    asked: list[int | None] = []
    real = model_module.client_ids

    def spy(*args, **kwargs):
        asked.append(kwargs.get("limit"))
        return real(*args, **kwargs)
    monkeypatch.setattr(model_module, "client_ids", spy)
    return asked


def test_the_window_opens_with_the_first_ids_and_reads_the_rest_after_the_paint(
        forty, make_window, qtbot, monkeypatch):
    asked = count_id_queries(monkeypatch)
    window = make_window()
    model = window.client_page.model
    assert asked[0] == 10  # before the paint: the first ids only (and the count)
    assert model.rowCount() == 40 and window.client_page.counter.text() == "40 clients"
    qtbot.waitUntil(lambda: not model.is_partial(), timeout=5000)  # the rest, from a worker
    assert asked == [10, None]  # the list was read once, plus its first ids
    assert names(model) == NAMES


def test_a_row_below_the_first_ids_is_read_at_once_before_the_rest_arrives(forty, qtbot):
    model = ClientListModel()
    model.start_quickly()
    model.reload()
    assert model.is_partial() and model.rowCount() == 40
    assert model.index(35, Columns.NAME).data() == NAMES[35]  # scrolled down quickly
    assert not model.is_partial() and names(model) == NAMES
    model.load_rest()  # nothing left to read: no worker
    assert not model.is_partial()


def test_a_change_between_the_two_reads_shows_the_fresh_list(forty, qtbot, qtmodeltester):
    model = ClientListModel()
    model.start_quickly()
    model.reload()
    create_client(ClientData(name="Клиент 005а"))  # lands among the first ten
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        model.load_rest()
    assert model.rowCount() == 41 and names(model)[6] == "Клиент 005а"
    qtmodeltester.check(model)


def test_a_filtered_or_resorted_list_is_read_whole(forty, qtbot, monkeypatch):
    asked = count_id_queries(monkeypatch)
    model = ClientListModel()
    model.start_quickly()
    model.sort(Columns.CITY)
    assert asked == [None] and not model.is_partial() and model.rowCount() == 40
