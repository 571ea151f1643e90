"""Start the GUI: QApplication, the database, the main window."""
from __future__ import annotations

import sys


def run_gui(args) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

    from db.connection import open_database
    from app.paths import default_database_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Kartoteka")
    app.setOrganizationName("Kartoteka")
    open_database(args.db or default_database_path())
    window = QMainWindow()
    window.setWindowTitle("Kartoteka")
    window.setCentralWidget(QLabel("Kartoteka"))
    window.resize(1100, 700)
    window.show()
    if args.quit_after_show:
        return 0
    return app.exec()
