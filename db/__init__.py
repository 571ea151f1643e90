"""Data layer: peewee models, the connection, migrations and the search index. No Qt."""
import sys


def _load_peewee() -> None:
    """peewee imports the PostgreSQL drivers as it loads - psycopg2 brings libpq and
    OpenSSL, 12-15 ms of every start - though only the office mode uses them.  They are
    hidden while peewee loads; ``db.postgres.connect`` hands psycopg2 to peewee before the
    first PostgreSQL connection (``db.postgres.driver_for_peewee``)."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in ("psycopg2", "psycopg") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # "import name" raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_load_peewee()
