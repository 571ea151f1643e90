"""Who works in this run of the GUI: at start (``--user NAME``, with ``$KARTOTEKA_PASSWORD``
for a kiosk or a scripted start) and after a restore replaced the database.

* ``--user NAME`` pre-fills the login dialog's name; with ``KARTOTEKA_PASSWORD`` set (or
  on a database without logins, an employee without a password) it signs in without the
  dialog.  A wrong name or password shows the dialog with the reason, or, in an
  unattended run (``--screenshot``, ``--quit-after-show``), stops with exit code 2.
* After a restore, a database that asks for a login asks again who signs in (the
  restored employees and passwords count, not the ones before); Cancel quits Kartoteka
  like Cancel at start, the restored database stays as restored.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QWidget

from app import context
from app import employees as service
from app.cli_access import PASSWORD_ENV
from app.errors import KartotekaError

from .errors import message


def ask(parent: QWidget | None = None, name: str = "", error: KartotekaError | None = None) -> bool:
    """The login dialog, its name pre-filled with ``name`` (and the reason of a failed
    attempt shown); False when the user cancelled."""
    from .login_dialog import LoginDialog
    dialog = LoginDialog(parent)
    if name:
        dialog.name_combo.setEditText(name)
        dialog.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    if error is not None:
        dialog.error_label.setText(message(error))
        dialog.error_label.show()
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


def sign_in_at_start(user: str | None, interactive: bool) -> int | None:
    """Sign in for this run; None to go on, or the exit code to stop with (0: cancelled)."""
    if not user:
        if not interactive:
            return None  # unattended runs keep the default owner
        from .login_dialog import sign_in_at_start as ask_if_needed
        return None if ask_if_needed() else 0
    password = os.environ.get(PASSWORD_ENV)
    error = None
    if password is not None or not interactive or not service.login_required():
        try:
            context.set_current_employee(service.authenticate(user, password or ""))
            return None
        except KartotekaError as exc:
            if not interactive:
                print(f"kartoteka: {message(exc)}", file=sys.stderr)
                return 2
            error = exc
    return None if ask(None, user, error) else 0


def sign_in_after_restore(restored: bool, before: int | None) -> bool:
    """Who works on the database that was just reopened.  ``restored`` False: the restore
    failed and the database is as it was, so ``before`` stays signed in.  Returns False
    when the user cancelled the login (Kartoteka then quits)."""
    if not restored:
        context.set_current_employee(before)
        return True
    context.set_current_employee(None)  # never the old database's employee id
    try:
        needed = service.login_required()
    except Exception:  # noqa: BLE001 - the database did not open: the window says so
        return True
    if not needed or ask(None):
        return True
    from app import access
    access.set_anonymous(True)
    QCoreApplication.exit(0)  # like Cancel at start: signed out, nothing opens
    return False
