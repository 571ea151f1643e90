"""Kartoteka application core: services, CLI, settings.  No Qt here."""
__version__ = "0.1.0"
