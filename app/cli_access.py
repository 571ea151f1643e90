"""Signing in on the command line: ``--user NAME`` with the password from the
environment variable ``KARTOTEKA_PASSWORD`` or, at a terminal, a prompt.

Without ``--user`` a solo database works as before (its user is the owner).  Once the
database asks for a login (``app.employees.login_required``), a command run without
``--user`` may only read: whatever would change data stops with "sign in with --user
NAME" (exit code 2), as ``app.access`` refuses it.
"""
from __future__ import annotations

import getpass
import os
import sys

PASSWORD_ENV = "KARTOTEKA_PASSWORD"
CHANGING = frozenset({"import", "undo-import", "demo", "restore"})
"""Commands that change data: refused up front when nobody signed in."""
SIGNED_WITHOUT_DB = frozenset({"backup", "restore"})
"""Commands that do not keep the database open but still need to know who runs them."""


def add_options(parser) -> None:
    parser.add_argument("--user", metavar="NAME",
                        help=f"sign in as this employee (login or name); password from ${PASSWORD_ENV} "
                             "or asked at the terminal")


def _password(name: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {name}: ")
    return ""  # an employee without a password signs in with an empty one


def _sign_in(args) -> None:
    from . import access, context
    from .employees import authenticate, login_required
    if args.user:
        context.set_current_employee(authenticate(args.user, _password(args.user)))
        access.role()  # remembered for commands that run with the database closed
    elif login_required():
        access.set_anonymous(True)
    if args.command in CHANGING:
        access.require("create")  # "sign in with --user NAME" before any work is done
    if args.command == "backup":
        access.require("backup")
    elif args.command == "restore":
        access.require("restore")


def sign_in(args, cmd) -> None:
    """Who runs ``cmd``; call after the database was opened (if the command needs it)."""
    if cmd.needs_db:
        _sign_in(args)
        return
    if cmd.name not in SIGNED_WITHOUT_DB:
        return
    from db.connection import close_database, open_database

    from .errors import KartotekaError
    from .paths import default_database_path
    try:
        open_database(args.db or default_database_path(), create=False)
    except KartotekaError:
        return  # damaged, too new or missing: nothing to sign in against (restore mends it)
    try:
        _sign_in(args)
    finally:
        close_database()


def sign_out() -> None:
    """Forget who signed in (the CLI may be called again in the same process)."""
    from . import access, context
    access.set_anonymous(False)
    context.set_current_employee(None)
