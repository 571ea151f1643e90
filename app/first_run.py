"""The first start on a new database: is it one, and what the welcome stores.

``is_first_run()`` is true while the database holds no client and no deal (deleted
ones count: a database someone has worked in is not new) and the welcome has not been
finished.  ``finish_first_run`` stores the company name and the default phone region
as company-wide settings (they travel with the database and its backups) and marks
the welcome done, in one transaction.  The interface language is this computer's
choice, not the company's: the GUI keeps it (``ui/i18n.py``).
"""
from __future__ import annotations

from db.models import Client, Deal, database_proxy

from . import settings
from .errors import ValidationError

COMPANY_NAME_KEY = "company_name"
"""The company's name (printed in report headers); the key ``db/defaults.py`` seeds."""
PHONE_REGION_KEY = "phone_region"
"""Where a phone typed without a country code is (``settings.phone_region()``)."""
WELCOME_DONE_KEY = "welcome.done"

PHONE_REGIONS = ("RU", "BY", "KZ", "UA", "UZ", "KG", "TJ", "AM", "GE", "AZ", "MD", "DE", "US")
"""The regions offered first; any region ``phonenumbers`` knows is accepted."""
MAX_COMPANY_NAME = 200


def is_first_run() -> bool:
    """A brand-new database: no clients, no deals, and the welcome not yet finished."""
    if settings.get(WELCOME_DONE_KEY, False):
        return False
    return not Client.select().exists() and not Deal.select().exists()


def calling_code(region: str) -> int:
    """The international calling code of a region: 7 for "RU", 49 for "DE"; 0 if unknown."""
    import phonenumbers  # loads its metadata: only when a region is asked about
    return phonenumbers.country_code_for_region((region or "").upper())


def finish_first_run(company_name: str, phone_region: str) -> None:
    """Store the company name and the default phone region; the welcome is done.

    Raises ``ValidationError`` (nothing stored) for a region ``phonenumbers`` does not
    know or a name longer than ``MAX_COMPANY_NAME``."""
    name = " ".join((company_name or "").split())
    region = (phone_region or "").strip().upper()
    import phonenumbers
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(field="phone_region", detail=f"unknown phone region {phone_region!r}")
    if len(name) > MAX_COMPANY_NAME:
        raise ValidationError(field="company_name",
                              detail=f"longer than {MAX_COMPANY_NAME} characters")
    with database_proxy.atomic():
        settings.put(COMPANY_NAME_KEY, name)
        settings.put(PHONE_REGION_KEY, region)
        settings.put(WELCOME_DONE_KEY, True)


def company_name() -> str:
    return settings.get(COMPANY_NAME_KEY, "") or ""
