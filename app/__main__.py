"""``python -m app`` and the ``kartoteka`` console script: the program's entry point.

This is the one place where the core meets the Qt front end: without a command the
arguments go to ``ui.application.run_gui`` (imported only then, so commands start
without loading Qt); ``--self-check`` also asks ``ui.application.self_check_gui``."""
import sys


def _gui(args) -> int:
    from ui.application import run_gui
    return run_gui(args)


def _gui_check() -> None:
    from ui.application import self_check_gui
    self_check_gui()


def main() -> int:
    from app.cli import main as cli_main
    from app.paths import keep_matplotlib_cache
    keep_matplotlib_cache()
    return cli_main(gui=_gui, gui_check=_gui_check)


if __name__ == "__main__":
    sys.exit(main())
