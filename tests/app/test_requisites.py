"""Company requisites: checked field by field, stored with the database, printed as text."""
import pytest

from app import requisites, settings
from app.errors import ValidationError
from app.first_run import finish_first_run
from app.reports.document import company_name

GOOD = dict(name="ООО «Ромашка»", inn="7707083893", kpp="773601001", ogrn="1027700132195",
            address="г. Москва, ул. Вавилова, д. 19", bank="ПАО Сбербанк", bik="044525225",
            corr_account="30101810400000000225", account="40702810003800000000",
            director="Иванов И. И.", accountant="Петрова А. А.", phone="+7 495 500-55-50",
            email="info@romashka.ru")


def test_saved_requisites_are_read_back(db):
    assert requisites.get_requisites() == {name: "" for name in requisites.FIELDS}
    requisites.save_requisites(dict(GOOD, inn=" 7707 083893 ", account="4070 2810 0038 0000 0000"))
    got = requisites.get_requisites()
    assert got == GOOD  # spaces typed between digits are dropped
    assert settings.get("company_requisites")["bik"] == "044525225"


@pytest.mark.parametrize("field, value", [
    ("inn", "7707083894"),           # wrong check digit
    ("inn", "77070838"),             # wrong length
    ("bik", "04452522"),
    ("bik", "04452522X"),
    ("account", "4070281000380000000"),  # 19 digits
    ("account", "40702810103800000000"),  # key does not match the BIK
    ("corr_account", "30101810400000000226"),
    ("ogrn", "1027700132196"),
    ("kpp", "77360100"),
    ("email", "info@"),
])
def test_a_wrong_field_is_named_and_nothing_is_stored(db, field, value):
    requisites.save_requisites(GOOD)
    with pytest.raises(ValidationError) as err:
        requisites.save_requisites(dict(GOOD, **{field: value}))
    assert err.value.params["field"] == field
    assert requisites.get_requisites() == GOOD


def test_a_sole_trader_has_a_12_digit_inn_and_a_15_digit_ogrnip(db):
    saved = requisites.save_requisites(dict(name="ИП Сидоров", inn="500100000262", ogrn="304500116000157"))
    assert saved["inn"] == "500100000262"
    assert "ОГРНИП 304500116000157" in requisites.requisites_text()


def test_requisites_text_has_the_filled_parts_only(db):
    requisites.save_requisites(GOOD)
    text = requisites.requisites_text()
    lines = text.splitlines()
    assert lines[0] == "ООО «Ромашка»"
    assert "ИНН 7707083893, КПП 773601001" in lines
    assert "р/с 40702810003800000000 в ПАО Сбербанк" in lines
    assert "БИК 044525225, к/с 30101810400000000225" in lines
    assert "Руководитель: Иванов И. И." in lines
    requisites.save_requisites(dict(name="ООО «Ромашка»", bank="ПАО Сбербанк"))
    assert requisites.requisites_text() == "ООО «Ромашка»\nБанк: ПАО Сбербанк"
    assert requisites.requisites_text(GOOD, lang="en").splitlines()[1] == "INN 7707083893, KPP 773601001"


def test_report_headers_prefer_the_name_in_the_requisites(db):
    finish_first_run("Ромашка", "RU")
    assert company_name() == "Ромашка"
    requisites.save_requisites(dict(name="ООО «Ромашка»"))
    assert company_name() == "ООО «Ромашка»"


def test_every_wrong_field_is_listed_at_once(db):
    found = requisites.problems(dict(GOOD, inn="123", bik="12345", email="nobody"))
    assert list(found) == ["inn", "bik", "email"]
    assert requisites.problems(GOOD) == {}
