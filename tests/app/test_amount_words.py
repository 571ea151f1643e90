"""The amount in words, the way Russian invoices print it."""
from decimal import Decimal

import pytest

from app.documents.words import amount_in_words, plural_ru


@pytest.mark.parametrize("amount, words", [
    ("1", "Один рубль 00 копеек"),
    ("2", "Два рубля 00 копеек"),
    ("5", "Пять рублей 00 копеек"),
    ("11", "Одиннадцать рублей 00 копеек"),
    ("21", "Двадцать один рубль 00 копеек"),
    ("1000000", "Один миллион рублей 00 копеек"),
    ("0.01", "Ноль рублей 01 копейка"),
    ("1.21", "Один рубль 21 копейка"),
    ("2.02", "Два рубля 02 копейки"),
    ("1000000.50", "Один миллион рублей 50 копеек"),
    ("1200.05", "Одна тысяча двести рублей 05 копеек"),
    ("2000", "Две тысячи рублей 00 копеек"),
    ("112.14", "Сто двенадцать рублей 14 копеек"),
    ("3511.99", "Три тысячи пятьсот одиннадцать рублей 99 копеек"),
])
def test_roubles_in_words_and_kopecks_in_digits(amount, words):
    assert amount_in_words(Decimal(amount)) == words


def test_kopecks_are_rounded_half_up():
    assert amount_in_words(Decimal("9.995")) == "Десять рублей 00 копеек"


def test_a_feminine_currency_and_an_unknown_one():
    assert amount_in_words(Decimal("21"), "UAH") == "Двадцать одна гривна 00 копеек"
    assert amount_in_words(Decimal("2"), "USD") == "Два доллара США 00 центов"
    assert amount_in_words(Decimal("3"), "XYZ") == "Три XYZ 00"


@pytest.mark.parametrize("n, form", [(1, "рубль"), (3, "рубля"), (5, "рублей"), (11, "рублей"),
                                     (14, "рублей"), (22, "рубля"), (101, "рубль"), (111, "рублей")])
def test_plural_forms(n, form):
    assert plural_ru(n, ("рубль", "рубля", "рублей")) == form
