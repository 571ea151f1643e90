"""Start the GUI: QApplication, language and style, the database, the main window."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def _fail(exc: BaseException, interactive: bool) -> int:
    from PySide6.QtCore import QCoreApplication

    from .errors import message, show_error
    if interactive:
        show_error(None, exc, QCoreApplication.translate("Application", "Kartoteka cannot start"))
    else:
        print(f"kartoteka: {message(exc)}", file=sys.stderr)
    return 2


def quit_after_first_paint(window) -> None:
    """Quit once the window is shown with the first page of clients painted."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    def done() -> None:
        QTimer.singleShot(0, QApplication.quit)

    if window.current_page() == window.CLIENTS:
        window.client_page.view.painted.connect(done, Qt.ConnectionType.SingleShotConnection)
    else:
        QTimer.singleShot(0, done)
    QTimer.singleShot(30_000, QApplication.quit)  # never hang a start-up timing


def run_gui(args) -> int:
    headless = bool(getattr(args, "screenshot", None))
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from app.errors import KartotekaError
    from app.paths import default_database_path
    from db.connection import open_database

    from . import i18n, style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Kartoteka")
    app.setApplicationName("Kartoteka")
    app.setApplicationVersion(__version__)
    i18n.install(app, getattr(args, "lang", None))
    style.apply(app)
    target = args.db or str(default_database_path())
    try:
        open_database(target)
    except (KartotekaError, OSError) as exc:
        return _fail(exc, interactive=not (headless or args.quit_after_show))

    from .main_window import MainWindow
    window = MainWindow(str(Path(target).expanduser()))
    if headless:
        from .screenshots import take_screenshots
        return take_screenshots(window, Path(args.screenshot))
    window.show()
    if args.quit_after_show:
        quit_after_first_paint(window)
    return app.exec()
