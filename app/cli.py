"""The command line: ``python -m app [--db PATH] [COMMAND …]``.  Without a command it
starts the GUI.  Commands (``app/commands/``) use the same services as the GUI.
Errors go to stderr with exit code 2 and no traceback."""
from __future__ import annotations

import argparse
import sys

from . import __version__, cli_access
from .commands import all_commands
from .errors import KartotekaError


def build_parser(commands) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kartoteka", description="Kartoteka — a desktop CRM.")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="database file (default: kartoteka.db in the user data folder)")
    parser.add_argument("--version", action="version", version=f"Kartoteka {__version__}")
    parser.add_argument("--screenshot", metavar="DIR", help="save a PNG of every main view into DIR and exit")
    parser.add_argument("--quit-after-show", action="store_true",
                        help="exit as soon as the main window is shown (for timing start-up)")
    parser.add_argument("--lang", choices=("ru", "en"), help="interface language for this run")
    parser.add_argument("--theme", choices=("system", "light", "dark"), help="light or dark look for this run")
    cli_access.add_options(parser)
    parser.add_argument("--self-check", action="store_true",
                        help="check this installation on a temporary database and exit (0: all good)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in commands:
        cmd.configure(sub.add_parser(cmd.name, help=cmd.help, description=cmd.help))
    return parser


def open_from_args(args):
    from db.connection import open_database

    from .paths import default_database_path
    return open_database(args.db or default_database_path())


def self_check(gui_check=None) -> int:
    from .selfcheck import SelfCheckError, run
    run()
    if gui_check is not None:
        try:
            gui_check()
        except Exception as exc:  # noqa: BLE001 - reported as the failed step
            raise SelfCheckError(step="interface", detail=str(exc) or type(exc).__name__) from exc
    print("Self-check passed.")
    return 0


def main(argv: list[str] | None = None, gui=None, gui_check=None) -> int:
    """Run a command, or hand the arguments to ``gui`` (the entry point passes the
    Qt front end, and ``gui_check`` for ``--self-check``; the core never imports them)."""
    argv = sys.argv[1:] if argv is None else argv
    commands = {c.name: c for c in all_commands()}
    args = build_parser(commands.values()).parse_args(argv)
    try:
        if args.self_check:
            return self_check(gui_check)
        if args.command is None:
            if gui is None:
                print("kartoteka: no command given (see --help)", file=sys.stderr)
                return 2
            return gui(args)
        cmd = commands[args.command]
        if cmd.needs_db:
            open_from_args(args)
        cli_access.sign_in(args, cmd)
        return cmd.run(args) or 0
    except KartotekaError as exc:
        print(f"kartoteka: {exc.plain()}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"kartoteka: {exc.strerror or exc}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kartoteka: interrupted", file=sys.stderr)
        return 130
    finally:
        from db.connection import close_database
        close_database()
        cli_access.sign_out()


if __name__ == "__main__":
    sys.exit(main())
