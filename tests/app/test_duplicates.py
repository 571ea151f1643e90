"""Likely duplicates are found by phone, e-mail, INN and a similar name."""
from app.clients import ClientData, PhoneItem, create_client
from app.duplicates import find_duplicates


def test_same_phone_in_another_format_is_a_duplicate(db):
    gromova = create_client(ClientData(name="Громова Ольга Викторовна", phones=[PhoneItem("89221234567")]))
    hits = find_duplicates(name="Громова О. В.", phones=["8 922 123-45-67"])
    assert [h.client_id for h in hits] == [gromova.id]
    assert hits[0].score == 100 and any("phone" in r for r in hits[0].reasons)


def test_email_inn_and_fuzzy_name(db):
    romb = create_client(ClientData(name='ООО "Ромб"', kind="company", inn="7728168971",
                                    emails=["romb@romb.ru"]))
    assert find_duplicates(inn="7728168971")[0].client_id == romb.id
    assert find_duplicates(emails=["ROMB@romb.ru"])[0].client_id == romb.id
    fuzzy = find_duplicates(name="ООО Ромб")
    assert fuzzy and fuzzy[0].client_id == romb.id and fuzzy[0].score >= 85


def test_different_people_are_not_duplicates_and_self_is_excluded(db):
    a = create_client(ClientData(name="Иванов Пётр", phones=[PhoneItem("+7 916 555-12-34")]))
    create_client(ClientData(name="Сидорова Мария", phones=[PhoneItem("+7 903 000-00-01")]))
    assert find_duplicates(name="Петров Иван", phones=["+7 926 111-11-11"]) == []
    assert find_duplicates(name="Иванов Пётр", phones=["+79165551234"], exclude_id=a.id) == []
