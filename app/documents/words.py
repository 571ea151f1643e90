"""The amount in words, the Russian accounting way: "Одна тысяча двести рублей 05 копеек".

The whole units are words (num2words, with the gender of the currency: "одна тысяча",
"один рубль", "одна гривна"), the first letter capital; the cents are two digits followed
by the cents' name in the right plural form.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

# code: (unit forms 1 / 2 / 5, unit is feminine, cent forms 1 / 2 / 5)
CURRENCIES = {
    "RUB": (("рубль", "рубля", "рублей"), False, ("копейка", "копейки", "копеек")),
    "USD": (("доллар США", "доллара США", "долларов США"), False, ("цент", "цента", "центов")),
    "EUR": (("евро", "евро", "евро"), False, ("евроцент", "евроцента", "евроцентов")),
    "KZT": (("тенге", "тенге", "тенге"), False, ("тиын", "тиына", "тиынов")),
    "BYN": (("белорусский рубль", "белорусских рубля", "белорусских рублей"), False,
            ("копейка", "копейки", "копеек")),
    "UAH": (("гривна", "гривны", "гривен"), True, ("копейка", "копейки", "копеек")),
    "CNY": (("юань", "юаня", "юаней"), False, ("фэнь", "фэня", "фэней")),
}


def plural_ru(number: int, forms: tuple[str, str, str]) -> str:
    """The Russian form for ``number``: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль."""
    number = abs(number)
    if number % 100 in range(11, 15):
        return forms[2]
    last = number % 10
    if last == 1:
        return forms[0]
    if last in (2, 3, 4):
        return forms[1]
    return forms[2]


def integer_in_words(number: int, feminine: bool = False) -> str:
    """``1201`` → "одна тысяча двести один" (lower case)."""
    words = num2words(abs(int(number)), lang="ru")
    if feminine:
        # num2words says the last word in the masculine; the feminine ends "одна"/"две"
        parts = words.split(" ")
        parts[-1] = {"один": "одна", "два": "две"}.get(parts[-1], parts[-1])
        words = " ".join(parts)
    return ("минус " if number < 0 else "") + words


def amount_in_words(amount, currency: str = "RUB") -> str:
    """``Decimal("1200.05")`` → "Одна тысяча двести рублей 05 копеек".

    Unknown currencies keep their code: "Десять USDT 00"."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    negative = value < 0
    value = abs(value)
    units = int(value)
    cents = int((value - units) * 100)
    unit_forms, feminine, cent_forms = CURRENCIES.get((currency or "RUB").upper(), (None, False, None))
    text = integer_in_words(units, feminine)
    if negative:
        text = "минус " + text
    if unit_forms:
        text = f"{text} {plural_ru(units, unit_forms)} {cents:02d} {plural_ru(cents, cent_forms)}"
    else:
        text = f"{text} {currency} {cents:02d}"
    return text[:1].upper() + text[1:]
