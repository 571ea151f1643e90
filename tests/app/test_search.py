"""One search box finds a client by anything the user remembers."""
import pytest

from app.client_bulk import trash_clients
from app.clients import ClientData, ContactItem, PhoneItem, create_client
from app.search import search_clients


@pytest.fixture
def base(db):
    ivanov = create_client(ClientData(name="Иванов Пётр Сергеевич", city="Тюмень",
                                      phones=[PhoneItem("+7 916 555-12-34")], emails=["petr@mail.ru"],
                                      notes="любит скидки"))
    romashka = create_client(ClientData(
        name='ООО "Ромашка"', kind="company", inn="7728168971",
        contacts=[ContactItem(name="Семёнова Анна", position="бухгалтер",
                              phones=[PhoneItem("8 (495) 123-45-67")], emails=["buh@romashka.ru"])]))
    other = create_client(ClientData(name="Петрова Ольга", phones=[PhoneItem("8 903 111-22-33")]))
    return ivanov.id, romashka.id, other.id


def names(query):
    return [h.name for h in search_clients(query)]


@pytest.mark.parametrize("query", ["916 555 12 34", "8(916)5551234", "+79165551234", "55-12-34",
                                   "5551234", "89165551234"])
def test_phone_in_any_format_or_its_last_digits(base, query):
    assert names(query) == ["Иванов Пётр Сергеевич"]


@pytest.mark.parametrize("query, expected", [
    ("иванов", "Иванов Пётр Сергеевич"),
    ("ПЕТР СЕРГ", "Иванов Пётр Сергеевич"),   # ё = е, any case, several words
    ("Сергеевич", "Иванов Пётр Сергеевич"),
    ("ромаш", 'ООО "Ромашка"'),
    ("семенова", 'ООО "Ромашка"'),           # contact person
    ("бухгалтер", 'ООО "Ромашка"'),
    ("buh@romashka", 'ООО "Ромашка"'),       # contact's e-mail
    ("petr@mail.ru", "Иванов Пётр Сергеевич"),
    ("7728168971", 'ООО "Ромашка"'),          # INN
    ("тюмень", "Иванов Пётр Сергеевич"),      # city
    ("скидки", "Иванов Пётр Сергеевич"),      # notes
    ("495 123 45 67", 'ООО "Ромашка"'),       # contact person's phone
])
def test_text_and_phone_queries(base, query, expected):
    assert names(query) == [expected]


def test_short_query_is_a_name_prefix(base):
    assert names("ив") == ["Иванов Пётр Сергеевич"]
    assert names("пе") == ["Петрова Ольга"]


def test_name_prefix_matches_rank_first(base):
    assert names("петр")[0] == "Петрова Ольга"
    assert set(names("петр")) == {"Петрова Ольга", "Иванов Пётр Сергеевич"}


def test_trashed_clients_are_not_found(base):
    trash_clients([base[0]])
    assert names("иванов") == []
    assert [h.name for h in search_clients("иванов", include_deleted=True)] == ["Иванов Пётр Сергеевич"]


def test_empty_and_nonsense_queries(base):
    assert names("") == [] and names("   ") == []
    assert names("zzzzzz") == []
    assert names('"; DROP TABLE client; --') == []


def test_hits_carry_phones_in_e164_and_emails(base):
    hit = search_clients("иванов")[0]
    assert hit.phones == ["+79165551234"] and hit.emails == ["petr@mail.ru"]


def test_hits_list_every_phone_and_email_in_their_order(db):
    create_client(ClientData(name="Орлов Игорь", phones=[PhoneItem("+7 916 000-00-01"), PhoneItem("+7 916 000-00-02")],
                             emails=["first@orlov.ru", "second@orlov.ru"]))
    hit = search_clients("орлов")[0]
    assert hit.phones == ["+79160000001", "+79160000002"]
    assert hit.emails == ["first@orlov.ru", "second@orlov.ru"]


@pytest.fixture
def firms(db):
    """30 firms whose names sort against their creation order; two mention a rare word."""
    return [create_client(ClientData(name=f"Фирма {30 - i:02d} снабжение", kind="company",
                                     notes="редкость" if i in (10, 20) else "")).id for i in range(30)]


def test_capped_search_takes_the_first_matches_of_a_common_word(firms, monkeypatch):
    monkeypatch.setattr("app.search.SEARCH_CAP", 5)
    assert names("снабж") == [f"Фирма {n} снабжение" for n in range(26, 31)]


def test_capped_search_takes_the_first_matches_of_a_rare_word(firms, monkeypatch):
    monkeypatch.setattr("app.search.SEARCH_CAP", 1)
    assert names("редкость") == ["Фирма 20 снабжение"]  # the 11th firm, not the 21st


def test_email_query_finds_address_start_and_text_together(db):
    create_client(ClientData(name="Заказчик", emails=["zakaz@snab.ru"]))
    create_client(ClientData(name="Посредник", notes="пересылает на zakaz@snab.ru.old"))
    create_client(ClientData(name="Чужой", emails=["other@snab.ru"]))
    assert names("zakaz@snab.ru") == ["Заказчик", "Посредник"]


def test_a_renamed_client_moves_to_its_new_place_in_name_order(firms):
    from app.clients import load_client, update_client
    card = load_client(firms[0])  # "Фирма 30 снабжение", last by name
    card.name = "Агентство снабжение"
    update_client(card)
    found = [h.name for h in search_clients("снабж", limit=3)]
    assert found == ["Агентство снабжение", "Фирма 01 снабжение", "Фирма 02 снабжение"]


def test_trashed_clients_leave_room_for_the_next_ones_by_name(firms):
    trash_clients([firms[29], firms[28]])  # "Фирма 01", "Фирма 02"
    assert [h.name for h in search_clients("снабж", limit=2)] == ["Фирма 03 снабжение", "Фирма 04 снабжение"]


def test_an_index_row_written_without_its_sort_key_sorts_by_name(firms):
    """The importer's fast path writes the text alone (PostgreSQL fills the key in)."""
    from db.models import database_proxy
    from db.search_index import FTS_TABLE
    from db.sql import portable
    database_proxy.execute_sql(portable(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?"), (firms[29],))
    database_proxy.execute_sql(portable(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (?, ?)"),
                               (firms[29], "фирма 01 снабжение"))
    assert [h.name for h in search_clients("снабж", limit=2)] == ["Фирма 01 снабжение", "Фирма 02 снабжение"]
