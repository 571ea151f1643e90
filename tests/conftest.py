"""Shared fixtures: a fresh database per test (tmp_path)."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.pg_server"]  # --pg: the db fixture on PostgreSQL


@pytest.fixture
def db(tmp_path, request):
    """A brand-new Kartoteka database in a temporary folder, bound for the test."""
    from app import context
    from db.connection import close_database, open_database
    context.set_current_employee(None)
    from tests.pg_server import fresh_database
    database = open_database(fresh_database(request) or tmp_path / "test.db")
    yield database
    close_database()
    context.set_current_employee(None)


@pytest.fixture
def db_path(db, tmp_path):
    return tmp_path / "test.db"
