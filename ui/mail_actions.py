"""E-mail through the user's own mail program: a draft with the files (an .eml file) or a
mailto: link opens there, ready to send, and the e-mail is written into the history.
``send_email`` does it at once; the client card's "Send e-mail…" asks first (MailDialog)."""
from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
                               QWidget)

from app import attachments, mail
from app.errors import KartotekaError

from . import attachments_panel
from .attachments_model import fmt_size
from .errors import show_error


def send_email(parent: QWidget | None, client_id: int, deal_id: int | None = None, files=(), subject: str = "",
               body: str = "", *, to: str | None = None, attachment_ids=()) -> int | None:
    """Open the user's mail program with a new message to the client (the deal's contact
    person first) and log it as an outgoing e-mail; returns the activity id, or None when
    nothing was sent (no address, no mail program - the user is told why).

    ``files`` are paths or (path, name in the letter) pairs."""
    title = QCoreApplication.translate("MailActions", "Send e-mail")
    address = to or mail.recipient(client_id, deal_id)
    if not address:
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "MailActions", "This client has no e-mail address. Add one on the client's card (or a "
            "contact person's), then send again."))
        return None
    files = list(files)
    try:
        draft = mail.compose_eml(address, subject, body, files) if files else None
    except KartotekaError as exc:
        show_error(parent, exc, title)
        return None
    target = QUrl.fromLocalFile(str(draft)) if draft else QUrl(mail.mailto_url(address, subject, body))
    if not attachments_panel.open_url(target):
        text = QCoreApplication.translate("MailActions", "No mail program opened the message.")
        if draft:
            text += " " + QCoreApplication.translate(
                "MailActions", "The letter with the files is saved as {path}: open it with your mail "
                "program, or attach the files by hand.").format(path=str(draft))
        QMessageBox.warning(parent, title, text)
        return None
    subject = subject or QCoreApplication.translate("MailActions", "E-mail to {address}").format(address=address)
    try:
        return mail.log_sent_email(client_id, subject, body, deal_id=deal_id, attachment_ids=attachment_ids)
    except KartotekaError as exc:
        show_error(parent, exc, title)
        return None


class MailDialog(QDialog):
    """Whom to write, the subject and text, and which of the client's files go with it."""

    def __init__(self, client_id: int, deal_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client_id, self.deal_id = client_id, deal_id
        self.setWindowTitle(self.tr("Send e-mail"))
        self.to_combo = QComboBox(self)
        self.to_combo.setEditable(True)
        self.to_combo.addItems(mail.addresses(client_id))
        self.to_combo.setCurrentText(mail.recipient(client_id, deal_id))
        self.to_combo.setMinimumWidth(320)
        self.subject_edit = QLineEdit(self)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setMinimumHeight(120)
        self.files_list = QListWidget(self)
        for row in attachments.list_for(deal_id=deal_id) if deal_id else attachments.list_for(client_id=client_id):
            item = QListWidgetItem(f"{row['filename']}  ({fmt_size(row['size'])})", self.files_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, (row["id"], row["filename"]))
        self.files_list.setVisible(self.files_list.count() > 0)
        self.files_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.files_list.setMaximumHeight(self.files_list.sizeHintForRow(0) * 6 + 6 if self.files_list.count() else 0)
        self.setMinimumWidth(580)
        note = QLabel(self.tr("The letter opens in your mail program: check it there and press Send."), self)
        note.setObjectName("PageHint")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = QPushButton(self.tr("Open in the mail program"), self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout(self)
        form.addRow(self.tr("To:"), self.to_combo)
        form.addRow(self.tr("Subject:"), self.subject_edit)
        form.addRow(self.tr("Text:"), self.body_edit)
        if self.files_list.count():
            form.addRow(self.tr("Files:"), self.files_list)
        form.addRow(note)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def chosen_files(self) -> list[tuple[int, str]]:
        items = (self.files_list.item(i) for i in range(self.files_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def on_buttons_accepted(self) -> None:
        chosen = self.chosen_files()
        try:
            files = [(attachments.file_path(att_id), name) for att_id, name in chosen]
        except KartotekaError as exc:
            show_error(self, exc)
            return
        done = send_email(self, self.client_id, self.deal_id, files, self.subject_edit.text().strip(),
                          self.body_edit.toPlainText(), to=self.to_combo.currentText().strip() or None,
                          attachment_ids=[att_id for att_id, _ in chosen])
        if done is not None:
            self.accept()


def send_email_button(card) -> QPushButton:
    """The client card's "Send e-mail…" button (asks whom and what, then opens the mail program)."""
    button = QPushButton(QCoreApplication.translate("MailActions", "Send e-mail…"), card)
    button.setToolTip(QCoreApplication.translate("MailActions", "Write to the client from your mail program, "
                                                 "with files from the card"))
    button.setAutoDefault(False)
    card_ref = weakref.ref(card)  # the button must not keep a closed card alive

    def clicked() -> None:
        card = card_ref()
        if card is None:
            return
        if not card.client_id:
            QMessageBox.information(card, QCoreApplication.translate("MailActions", "Send e-mail"),
                                    QCoreApplication.translate("MailActions", "Save the card first."))
            return
        MailDialog(card.client_id, None, card).exec()

    button.clicked.connect(clicked)
    return button
