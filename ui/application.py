"""Start the GUI: QApplication, language and style, the check of the database file, the
database, the main window; and ``Session``, which rebuilds the window after a restore."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject


def _fail(exc: BaseException, interactive: bool) -> int:
    from .errors import message, show_error
    if interactive:
        show_error(None, exc, QCoreApplication.translate("Application", "Kartoteka cannot start"))
    else:
        print(f"kartoteka: {message(exc)}", file=sys.stderr)
    return 2


def quit_after_first_paint(window) -> None:
    """Exit once the window is shown with the first page of clients painted.

    The process ends at once (``exit_now``): this mode exists to time a start-up from
    outside, and closing the window (saving its layout) or the interpreter's teardown
    are not part of a start."""
    from PySide6.QtCore import Qt, QTimer

    def done() -> None:
        QTimer.singleShot(0, exit_now)  # once this paint has been flushed

    if window.current_page() == window.CLIENTS:
        window.client_page.view.painted.connect(done, Qt.ConnectionType.SingleShotConnection)
    else:
        QTimer.singleShot(0, done)
    QTimer.singleShot(30_000, exit_now)  # never hang a start-up timing


def exit_now(code: int = 0) -> None:
    """Flush the output, close the database connection and end the process without
    tearing down the interpreter.  Everything written is committed already; a worker
    still reading (the Today panel, the rest of the client list) just stops; the planner
    statistics are left to the next normal close."""
    from db.models import database_proxy
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        if database_proxy.obj is not None:
            database_proxy.close()
    finally:
        os._exit(code)


class Session(QObject):
    """Owns the main window for the life of the program.  A restore closes the window,
    replaces the database in a worker, reopens it and builds a new window (fresh pages,
    change bridge and undo stack: nothing refers to the old data)."""

    def __init__(self, database: str, *, automatic_backups: bool = True):
        super().__init__()
        self.database = str(Path(database).expanduser())
        self.automatic_backups = automatic_backups
        self.window = None

    def open_window(self):
        from .main_window import MainWindow
        self.window = MainWindow(self.database, automatic_backups=self.automatic_backups)
        self.window.restore_requested.connect(self.on_window_restore_requested)
        from .login_dialog import install_switch_user
        install_switch_user(self)  # File ▸ Sign out / switch user (only once passwords are in use)
        return self.window

    def on_window_restore_requested(self, backup: str) -> None:
        from app import context
        from db.connection import close_database, open_database

        from . import bridge, undo
        from .backup.restore import restored_message, run_restore
        from .errors import show_error
        from .workers import running_tasks
        old = self.window
        for task in running_tasks():  # an automatic backup may be reading the file
            task.cancel()
            task.wait()
        geometry, before = old.saveGeometry(), context.current_employee_id()
        old.close_for_reopen()
        self.window = None
        close_database()
        undo.reset_undo_stack()
        bridge.reset_bridge()
        safety, error = run_restore(backup, Path(self.database))
        try:
            open_database(self.database)
        except Exception as exc:  # noqa: BLE001 - reported; the window opens empty
            error = error or exc
        from .sign_in import sign_in_after_restore  # a team: who signs in on the restored data
        if not sign_in_after_restore(error is None, before):
            return  # cancelled: Kartoteka quits, signed out
        window = self.open_window()
        window.restoreGeometry(geometry)
        window.show()
        window.backups.start()
        if error is not None:
            show_error(window, error, QCoreApplication.translate("Application", "Restore from backup"))
        else:
            restored_message(window, backup, safety)


def no_display_reason() -> str | None:
    """Why a window cannot be shown here (Linux without X11 or Wayland), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("kartoteka: no graphical display was found, so the window cannot open. "
            "Start Kartoteka from a desktop session; the commands (see --help) work without one.")


def self_check_gui() -> None:
    """The Qt half of ``--self-check``: the platform plugins, the Russian translation,
    the SVG icons and every page of the main window on a temporary database."""
    import shutil
    import tempfile

    if no_display_reason():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from db.connection import close_database, open_database

    from . import i18n, style
    from .style import icon

    work = tempfile.mkdtemp(prefix="kartoteka-self-check-")
    # The window saves its layout on close: into the scratch folder, not the user's settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    from .backup.settings import FOLDER_KEY
    QSettings().setValue(FOLDER_KEY, os.path.join(work, "backups"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, "ru")
    if QCoreApplication.translate("MainWindow", "Clients") == "Clients":
        raise RuntimeError("the Russian translation did not load")
    style.apply(app)
    if icon("clients").pixmap(32, 32).isNull():
        raise RuntimeError("SVG icons cannot be drawn")
    print(f"ok  locale: {i18n.check_locale_data()}")
    try:
        open_database(os.path.join(work, "check.db"))
        from .main_window import MainWindow
        window = MainWindow(os.path.join(work, "check.db"), automatic_backups=False)
        window.show()
        for page in range(window.stack.count()):
            window.show_page(page)
            app.processEvents()
        window.close_for_reopen()
        app.processEvents()
        print("ok  interface: every page opens")
    finally:
        close_database()
        shutil.rmtree(work, ignore_errors=True)


def _office_target() -> str | None:
    from .office_dialog import office_target  # the office's PostgreSQL database chosen in Settings
    return office_target()


def _welcome(target: str) -> str | None:
    """On a new, empty database: the welcome dialog; returns what the user chose."""
    from app.first_run import is_first_run
    if not is_first_run():
        return None
    from .welcome import WelcomeDialog
    welcome = WelcomeDialog(target)
    welcome.exec()
    return welcome.choice


def run_gui(args) -> int:
    headless = bool(getattr(args, "screenshot", None))
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    reason = no_display_reason()
    if reason:  # Qt would abort with a plugin error a shop owner cannot read
        print(reason, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from app.errors import KartotekaError
    from app.paths import default_database_path
    from db.connection import open_database

    from . import i18n, style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Kartoteka")
    app.setApplicationName("Kartoteka")
    app.setDesktopFileName("kartoteka")  # matches resources/desktop/kartoteka.desktop.in
    app.setApplicationVersion(__version__)
    i18n.install(app, getattr(args, "lang", None))
    style.apply(app, getattr(args, "theme", None))
    target = args.db or (None if headless else _office_target()) or str(default_database_path())
    interactive = not (headless or args.quit_after_show)
    session = Session(target, automatic_backups=interactive)
    if interactive:
        from .single_instance import SingleInstance, bring_to_front
        instance = SingleInstance(target, app)
        if instance.notify_running():
            return 0  # the running Kartoteka shows its window instead
        instance.listen()
        instance.activated.connect(lambda: bring_to_front(session.window))
    if interactive and not target.startswith(("postgresql://", "postgres://")):
        from .backup.startup import check_at_start, warn_if_on_network
        path = Path(target).expanduser()
        warn_if_on_network(path)
        if not check_at_start(path):
            return 0
    try:
        open_database(target)
    except (KartotekaError, OSError) as exc:
        return _fail(exc, interactive=interactive)

    from .sign_in import sign_in_at_start  # --user NAME; the login dialog when the database asks
    if (stop := sign_in_at_start(getattr(args, "user", None), interactive)) is not None:
        return stop
    choice = _welcome(target) if interactive else None
    window = session.open_window()
    if headless:
        from .screenshots import take_screenshots
        return take_screenshots(window, Path(args.screenshot))
    window.show()
    window.backups.start()
    if interactive and not target.startswith(("postgresql://", "postgres://")):
        from .backup.startup import check_in_background
        check_in_background(window, Path(target).expanduser())  # every page, after the first paint
    if choice == "import":
        window.import_action.trigger()
    elif choice == "restore":
        window.restore_action.trigger()  # → restore_requested → the session restores
    if args.quit_after_show:
        quit_after_first_paint(window)
    return app.exec()
