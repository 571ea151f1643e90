"""The company's VAT: none, or a rate included in the prices (Settings ▸ Company).

Stored in the Setting ``vat_rate`` (``None`` = the company does not charge VAT; 0 is a
real 0 % rate) that ``app.documents.fields`` reads when it prints an invoice."""
from __future__ import annotations

from . import settings
from .errors import ValidationError

VAT_RATE_KEY = "vat_rate"
RATES = (None, 0, 10, 20, 22)
"""What can be chosen: no VAT, or a rate in per cent."""


def _as_rate(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).replace(",", ".").rstrip("%").strip())
    except ValueError:
        raise ValidationError(field="vat_rate", detail=f"{value!r} is not a VAT rate") from None
    if number != int(number) or int(number) not in RATES:
        choices = ", ".join(f"{r} %" for r in RATES if r is not None)
        raise ValidationError(field="vat_rate", detail=f"choose no VAT or one of {choices}")
    return int(number)


def vat_rate() -> int | None:
    """The rate in per cent, or None when the company charges no VAT."""
    try:
        return _as_rate(settings.get(VAT_RATE_KEY, None))
    except ValidationError:  # an odd value typed in by hand: keep printing it as it is
        value = settings.get(VAT_RATE_KEY, None)
        return value if isinstance(value, int) else None


def set_vat_rate(rate) -> int | None:
    """Store the company's VAT rate (None: no VAT); returns what was stored before."""
    new = _as_rate(rate)
    before = settings.get(VAT_RATE_KEY, None)
    if before != new:
        settings.put(VAT_RATE_KEY, new)  # owner only (settings.put checks)
    return before
