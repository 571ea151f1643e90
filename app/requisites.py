"""The company's requisites (name, INN/KPP, OGRN, bank details, director…), kept as one
company-wide setting so that they travel with the database and its backups.  Documents
and printed reports take them from here (``requisites_text`` for a block of text)."""
from __future__ import annotations

import re

from . import access, settings
from .errors import ValidationError
from .validation import email_is_valid, inn_is_valid

KEY = "company_requisites"
FIELDS = ("name", "inn", "kpp", "ogrn", "address", "bank", "bik", "corr_account", "account",
          "director", "accountant", "phone", "email")
MAX_LENGTH = 300

_KPP = re.compile(r"^\d{4}[0-9A-Z]{2}\d{3}$")
_DIGITS_ONLY = ("inn", "ogrn", "bik", "corr_account", "account")


def get_requisites() -> dict:
    """Every field (empty string when not filled in)."""
    stored = settings.get(KEY, {}) or {}
    return {name: str(stored.get(name, "") or "") for name in FIELDS}


def _account_key_ok(prefix: str, account: str) -> bool:
    """The control key of a Russian bank account (weights 7, 1, 3 over prefix + account)."""
    weights = (7, 1, 3) * 8
    return sum(int(d) * w for d, w in zip(prefix + account, weights)) % 10 == 0


def _ogrn_ok(ogrn: str) -> bool:
    if len(ogrn) == 13:
        return int(ogrn[:12]) % 11 % 10 == int(ogrn[12])
    if len(ogrn) == 15:
        return int(ogrn[:14]) % 13 % 10 == int(ogrn[14])
    return False


def _normalised(data: dict) -> dict:
    out = {}
    for name in FIELDS:
        value = " ".join(str(data.get(name, "") or "").split())
        if name in _DIGITS_ONLY or name == "kpp":
            value = value.replace(" ", "").upper()
        out[name] = value
    return out


def problems(data: dict) -> dict[str, str]:
    """{field: what is wrong} for every wrong field (empty when all is well)."""
    r, found = _normalised(data), {}

    def bad(name: str, detail: str) -> None:
        found.setdefault(name, detail)

    for name in FIELDS:
        if len(r[name]) > MAX_LENGTH:
            bad(name, f"longer than {MAX_LENGTH} characters")
        elif name in _DIGITS_ONLY and r[name] and not r[name].isdigit():
            bad(name, "only digits are allowed")
    if r["inn"] and not inn_is_valid(r["inn"]):
        bad("inn", "an INN has 10 or 12 digits and a valid check digit")
    if r["kpp"] and not _KPP.match(r["kpp"]):
        bad("kpp", "a KPP has 9 characters")
    if r["ogrn"] and not (r["ogrn"].isdigit() and _ogrn_ok(r["ogrn"])):
        bad("ogrn", "an OGRN has 13 digits (OGRNIP 15) and a valid check digit")
    if r["bik"] and len(r["bik"]) != 9:
        bad("bik", "a BIK has 9 digits")
    for name in ("corr_account", "account"):
        if r[name] and len(r[name]) != 20:
            bad(name, "an account number has 20 digits")
    bik = r["bik"] if len(r["bik"]) == 9 and r["bik"].isdigit() else ""
    if bik and len(r["corr_account"]) == 20 and r["corr_account"].isdigit() \
            and not _account_key_ok("0" + bik[4:6], r["corr_account"]):
        bad("corr_account", "does not match the BIK (check the digits)")
    # the key of a settlement account at a commercial bank (not the Bank of Russia's own
    # or treasury accounts, which follow other rules)
    if bik and len(r["account"]) == 20 and r["account"].isdigit() and bik[-3:] >= "050" \
            and not r["account"].startswith("03") and not _account_key_ok(bik[-3:], r["account"]):
        bad("account", "does not match the BIK (check the digits)")
    if r["email"] and not email_is_valid(r["email"]):
        bad("email", "not an e-mail address")
    return {name: found[name] for name in FIELDS if name in found}


def clean(data: dict) -> dict:
    """The requisites trimmed and checked; raises ``ValidationError`` naming the first
    wrong field (its code as in ``FIELDS``)."""
    found = problems(data)
    if found:
        name, detail = next(iter(found.items()))
        raise ValidationError(field=name, detail=detail)
    return _normalised(data)


def save_requisites(data: dict) -> dict:
    """Check and store the requisites; returns what was stored.  Nothing is stored when
    a field is wrong (``ValidationError`` names it)."""
    access.require("settings")
    cleaned = clean(data)
    settings.put(KEY, cleaned)
    return cleaned


def _bank_line(r: dict, label) -> str:
    if r["account"] and r["bank"]:
        return f"{label('Account', 'р/с')} {r['account']} {label('at', 'в')} {r['bank']}"
    if r["account"]:
        return f"{label('Account', 'р/с')} {r['account']}"
    return f"{label('Bank:', 'Банк:')} {r['bank']}" if r["bank"] else ""


def requisites_text(data: dict | None = None, lang: str = "ru") -> str:
    """The requisites as lines of text for a document (only the filled-in parts)."""
    r = get_requisites() if data is None else {name: str(data.get(name, "") or "") for name in FIELDS}
    ru = lang != "en"

    def label(en: str, rus: str) -> str:
        return rus if ru else en

    def joined(*parts) -> str:
        return ", ".join(f"{label(en, rus)} {r[key]}" for key, en, rus in parts if r[key])

    lines = [r["name"],
             joined(("inn", "INN", "ИНН"), ("kpp", "KPP", "КПП")),
             joined(("ogrn", "OGRN", "ОГРН") if len(r["ogrn"]) != 15 else ("ogrn", "OGRNIP", "ОГРНИП")),
             f"{label('Address:', 'Адрес:')} {r['address']}" if r["address"] else "",
             _bank_line(r, label),
             joined(("bik", "BIK", "БИК"), ("corr_account", "corr. account", "к/с")),
             joined(("phone", "Phone", "Тел."), ("email", "E-mail", "E-mail")),
             f"{label('Director:', 'Руководитель:')} {r['director']}" if r["director"] else "",
             f"{label('Chief accountant:', 'Главный бухгалтер:')} {r['accountant']}"
             if r["accountant"] else ""]
    return "\n".join(line.strip() for line in lines if line.strip())
