"""A throwaway PostgreSQL server for the tests run with ``--pg`` (and the benchmark).

Started once per test session on 127.0.0.1 with a free port, a data folder under /tmp,
trust authentication and no fsync (nothing here needs to survive a crash).  PostgreSQL
refuses to run as root, so under root the server runs as ``nobody``.

``KARTOTEKA_TEST_PG_URL=postgresql://user@host:port/postgres`` uses a server already
running instead (its user must be allowed to create databases).

Each test gets a fresh database copied from a migrated template (``CREATE DATABASE …
TEMPLATE``), which takes a few tens of milliseconds instead of running the migrations.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

TEMPLATE = "kartoteka_template"


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).parent
    raise RuntimeError("PostgreSQL is not installed (no pg_ctl); see .ci/pg-tests")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "nobody", "--", *cmd] if os.geteuid() == 0 else cmd


OWNER = "owner.pid"
"""The pid of the process that started a server, kept in its folder."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_stale_servers() -> int:
    """Stop and remove the servers of runs that were killed before they could stop them
    (their starting process is gone); returns how many were removed."""
    reaped = 0
    for folder in Path(tempfile.gettempdir()).glob("kartoteka-pg-*"):
        try:
            owner = int((folder / OWNER).read_text())
        except (OSError, ValueError):
            continue  # not ours to judge (being set up, or made before owners were kept)
        if _alive(owner):
            continue
        if (folder / "data" / "postmaster.pid").exists():
            subprocess.run(_as_server_user([str(_bin_dir() / "pg_ctl"), "-D", str(folder / "data"),
                                            "-m", "immediate", "-w", "stop"]),
                           capture_output=True, cwd="/tmp")
        shutil.rmtree(folder, ignore_errors=True)
        reaped += 1
    return reaped


class PgServer:
    """A private PostgreSQL cluster; ``url(name)`` addresses a database on it."""

    def __init__(self):
        self.external = os.environ.get("KARTOTEKA_TEST_PG_URL", "")
        self.folder: Path | None = None
        self.port = 0
        self._counter = 0

    # -- life cycle ---------------------------------------------------------------
    def start(self) -> "PgServer":
        if self.external:
            return self
        bin_dir = _bin_dir()
        reap_stale_servers()
        self.folder = Path(tempfile.mkdtemp(prefix="kartoteka-pg-"))
        (self.folder / OWNER).write_text(str(os.getpid()))
        data = self.folder / "data"
        os.chmod(self.folder, 0o777)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "nobody")
        self.port = _free_port()
        subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust",
                                        "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                                        "--no-sync"]),
                       check=True, capture_output=True, cwd="/tmp")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=50 -c shared_buffers=128MB")
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                                        "-l", str(self.folder / "server.log"), "-w", "-t", "60",
                                        "start"]),
                       check=True, capture_output=True, cwd="/tmp")
        return self

    def stop(self) -> None:
        if self.external or self.folder is None:
            return
        subprocess.run(_as_server_user([str(_bin_dir() / "pg_ctl"), "-D", str(self.folder / "data"),
                                        "-m", "immediate", "-w", "stop"]),
                       capture_output=True, cwd="/tmp")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    # -- addresses ----------------------------------------------------------------
    def url(self, dbname: str = "postgres") -> str:
        if self.external:
            return self.external.rsplit("/", 1)[0] + "/" + dbname
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction on the maintenance database."""
        import psycopg2
        conn = psycopg2.connect(self.url("postgres"))
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def new_database(self, template: str | None = None) -> str:
        """A fresh, empty (or copied from ``template``) database; returns its URL."""
        self._counter += 1
        name = f"k_{os.getpid()}_{self._counter}_{int(time.time() * 1000) % 100000}"
        self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        try:
            self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except Exception:  # a leftover database on a throwaway server does no harm
            pass

    def make_template(self) -> str:
        """A migrated Kartoteka database that fresh test databases are copied from."""
        from db.connection import close_database, open_database
        self.admin(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
        self.admin(f'CREATE DATABASE "{TEMPLATE}"')
        open_database(self.url(TEMPLATE))
        close_database()
        return TEMPLATE


# -- pytest plugin (loaded from tests/conftest.py) ------------------------------------
import pytest  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--pg", action="store_true", default=False,
                     help="run the database tests on PostgreSQL (a throwaway server; "
                          "also KARTOTEKA_TEST_PG=1)")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: SQLite by nature (files, WAL, FTS5); "
                                       "skipped under --pg")


def on_postgres(config) -> bool:
    return bool(config.getoption("--pg", default=False) or os.environ.get("KARTOTEKA_TEST_PG") == "1")


def pytest_collection_modifyitems(config, items):
    if not on_postgres(config):
        return
    skip = pytest.mark.skip(reason="SQLite only (run without --pg)")
    for item in items:
        path = str(item.path)
        by_nature = ("/tests/ui/" in path or "/tests/e2e/" in path or "db_path" in item.fixturenames)
        if by_nature or item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pg_server():
    server = PgServer().start()
    created: list[str] = []
    server.created = created
    try:
        server.make_template()
        yield server
    finally:
        if server.external:
            for url in created:
                server.drop_database(url)
        server.stop()


@pytest.fixture
def server(request):
    """The throwaway server, for the tests that talk to PostgreSQL itself (skipped where
    PostgreSQL is not installed)."""
    try:
        _bin_dir()
    except RuntimeError:
        pytest.skip("PostgreSQL is not installed")
    return request.getfixturevalue("pg_server")


def fresh_database(request):
    """The URL of a fresh PostgreSQL database under ``--pg``; None otherwise."""
    if not on_postgres(request.config):
        return None
    server = request.getfixturevalue("pg_server")
    url = server.new_database(TEMPLATE)
    server.created.append(url)
    return url

