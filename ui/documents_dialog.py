""""Create document…" from a client or deal card: template, deal, format, Create; then
Open, Show in folder, Send by e-mail….  The work (filling, LibreOffice) runs in a worker."""
from __future__ import annotations

import weakref

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QSettings, QUrl, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from app.deal_details import load_deal
from app.deals import deals_of_client
from app.documents import numbering, render, templates
from app.documents.errors import OfficeMissingError
from app.documents.generate import GeneratedDocument, generate
from app.errors import KartotekaError

from . import attachments_panel, mail_actions
from .errors import message, show_error
from .help import interface_language
from .workers import run_in_worker

FORMAT_KEY = "documents/format"


class DocumentsDialog(QDialog):
    created = Signal(object)
    """A document was made and attached (``GeneratedDocument``)."""

    def __init__(self, client_id: int, deal_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DocumentsDialog")
        self.setWindowTitle(self.tr("Create document"))
        self.client_id, self.fixed_deal_id = client_id, deal_id
        self.result: GeneratedDocument | None = None
        self.task = None
        self._build()
        self._connect()
        self.load_templates()
        self.on_choice_changed()

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.template_combo = QComboBox(self)
        self.template_combo.setMinimumWidth(340)
        self.templates_button = QPushButton(self.tr("Templates folder…"), self)
        self.templates_button.setToolTip(self.tr("Put your own .docx or .odt templates here; the list of "
                                                 "fields is in README-fields.txt"))
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_combo, 1)
        template_row.addWidget(self.templates_button)
        self.deal_combo = QComboBox(self)
        if self.fixed_deal_id:
            self.deal_combo.addItem(load_deal(self.fixed_deal_id).title, self.fixed_deal_id)
            self.deal_combo.setEnabled(False)
        else:
            self.deal_combo.addItem(self.tr("(no deal)"), None)
            for deal in deals_of_client(self.client_id):
                self.deal_combo.addItem(deal.title, deal.id)
        self.format_group = QButtonGroup(self)
        format_row = QHBoxLayout()
        office = render.office_available()
        for fmt in render.FORMATS:
            button = QRadioButton(fmt.upper(), self)
            button.setObjectName("format_" + fmt)
            if fmt != "docx" and not office:
                button.setEnabled(False)
                button.setToolTip(self.tr("Install LibreOffice (free, libreoffice.org) to get PDF and "
                                          "ODT files; DOCX opens in Word and LibreOffice"))
            self.format_group.addButton(button)
            format_row.addWidget(button)
        format_row.addStretch(1)
        self.set_format(str(QSettings().value(FORMAT_KEY, "docx")))
        self.hint = QLabel(self)
        self.hint.setObjectName("PageHint")
        self.hint.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create"), self)
        self.create_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.result_box = self._result_box()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.close_button)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Template:"), self, buddy=self.template_combo), template_row)
        form.addRow(self.tr("Deal:"), self.deal_combo)
        form.addRow(self.tr("Format:"), format_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _result_box(self) -> QFrame:
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_label = QLabel(box)
        self.result_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"), box)
        self.folder_button = QPushButton(self.tr("Show in folder"), box)
        self.email_button = QPushButton(self.tr("Send by e-mail…"), box)
        for button in (self.open_button, self.folder_button, self.email_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.email_button)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.result_label)
        inner.addLayout(row)
        box.hide()
        return box

    def _connect(self) -> None:
        self.template_combo.currentIndexChanged.connect(self.on_choice_changed)
        self.deal_combo.currentIndexChanged.connect(self.on_choice_changed)
        self.templates_button.clicked.connect(self.on_templates_button_clicked)
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.folder_button.clicked.connect(self.on_folder_button_clicked)
        self.email_button.clicked.connect(self.on_email_button_clicked)

    # --- state -----------------------------------------------------------------------
    def builtin_names(self) -> dict[str, str]:
        return {"builtin:proposal": self.tr("Commercial proposal"),
                "builtin:invoice": self.tr("Invoice for payment")}

    def load_templates(self) -> None:
        """(Re)read the templates, the user's folder included; keeps the chosen one."""
        chosen = self.template_combo.currentData()
        names = self.builtin_names()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for info in templates.list_templates():
            label = names.get(info.id, info.name) if info.builtin else f"{info.name} ({info.path.suffix[1:]})"
            self.template_combo.addItem(label, info.id)
        index = self.template_combo.findData(chosen)
        self.template_combo.setCurrentIndex(max(index, 0))
        self.template_combo.blockSignals(False)

    def set_format(self, fmt: str) -> None:
        button = self.findChild(QRadioButton, "format_" + fmt)
        if button is None or not button.isEnabled():
            button = self.findChild(QRadioButton, "format_docx")
        button.setChecked(True)

    def chosen_format(self) -> str:
        return self.format_group.checkedButton().objectName().removeprefix("format_")

    def chosen_deal_id(self) -> int | None:
        return self.deal_combo.currentData()

    def _is_invoice(self) -> bool:
        try:
            return templates.is_invoice(templates.get_template(self.template_combo.currentData()))
        except KartotekaError:  # a broken template says why when it is used
            return False

    def on_choice_changed(self, *_args) -> None:
        invoice = self._is_invoice()
        busy = self.task is not None
        if invoice and not self.chosen_deal_id():
            self.hint.setText(self.tr("An invoice is issued for a deal: choose the deal."))
        elif invoice:
            year = date.today().year
            self.hint.setText(self.tr("The invoice gets number {number} and is added to the deal's invoices.")
                              .format(number=numbering.peek_number(year)))
        else:
            self.hint.setText(self.tr("The document is saved, attached to the card and written into its "
                                      "history."))
        self.create_button.setEnabled(not busy and self.template_combo.count() > 0
                                      and not (invoice and not self.chosen_deal_id()))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == event.Type.ActivationChange and self.isActiveWindow() and self.task is None:
            self.load_templates()  # new templates may have been put into the folder meanwhile
            self.on_choice_changed()

    # --- creating ------------------------------------------------------------------
    def on_create_button_clicked(self) -> None:
        template_id, deal_id, fmt = self.template_combo.currentData(), self.chosen_deal_id(), self.chosen_format()
        client_id, lang = self.client_id, interface_language()
        QSettings().setValue(FORMAT_KEY, fmt)
        self.result_box.hide()
        self.hint.setText(self.tr("Creating the document…"))

        def job(_progress, _cancelled):
            return generate(template_id, client_id=client_id, deal_id=deal_id, fmt=fmt, lang=lang)

        self.task = run_in_worker(job, on_done=self.on_task_done, on_error=self.on_task_failed, parent=self)
        self.on_choice_changed()

    def on_task_done(self, result: GeneratedDocument) -> None:
        self.task = None
        self.on_choice_changed()
        self.show_result(result)

    def on_task_failed(self, exc: BaseException) -> None:
        self.task = None
        self.on_choice_changed()
        saved = getattr(exc, "document", None) if isinstance(exc, OfficeMissingError) else None
        if saved is None:
            self.hint.setText(message(exc))
        show_error(self, exc, self.tr("Create document"))
        if saved is not None:
            self.show_result(saved)

    def show_result(self, result: GeneratedDocument) -> None:
        self.result = result
        text = self.tr("Created and attached to the card:\n{name}")
        self.result_label.setText(text.format(name=result.path.name))
        self.result_label.setToolTip(str(result.path))
        self.result_box.show()
        self.created.emit(result)

    # --- after ---------------------------------------------------------------------
    def on_open_button_clicked(self) -> None:
        if self.result and not attachments_panel.open_url(QUrl.fromLocalFile(str(self.result.path))):
            QMessageBox.warning(self, self.tr("Open"), self.tr("No program opened {path}.").format(
                path=str(self.result.path)))

    def on_folder_button_clicked(self) -> None:
        if self.result:
            attachments_panel.open_url(QUrl.fromLocalFile(str(self.result.path.parent)))

    def on_templates_button_clicked(self) -> None:
        try:
            folder = templates.ensure_user_dir(interface_language())
        except OSError as exc:
            show_error(self, exc, self.tr("Templates folder"))
            return
        attachments_panel.open_url(QUrl.fromLocalFile(str(folder)))

    def on_email_button_clicked(self) -> None:
        if self.result is None:
            return
        deal_id = self.chosen_deal_id()
        mail_actions.send_email(self, self.client_id, deal_id, files=[self.result.path],
                                subject=self.result.title or Path(self.result.path).stem,
                                attachment_ids=[self.result.attachment_id] if self.result.attachment_id else [])


def documents_button(card: QDialog, ids: Callable[[QDialog], tuple[int | None, int | None]]) -> QPushButton:
    """A card's "Create document…" button; ``ids(card)`` gives (client id, deal id or None)."""
    translate = QCoreApplication.translate
    button = QPushButton(translate("DocumentsDialog", "Create document…"), card)
    button.setObjectName("CreateDocumentButton")
    button.setToolTip(translate("DocumentsDialog",
                                "A commercial proposal, an invoice or your own template, filled in for this card"))
    button.setAutoDefault(False)
    card_ref = weakref.ref(card)  # the button must not keep a closed card alive

    def clicked() -> None:
        card = card_ref()
        if card is None:
            return
        title = translate("DocumentsDialog", "Create document")
        if card.is_dirty():
            answer = QMessageBox.question(card, title, translate(
                "DocumentsDialog", "The document is made from the saved card. Save the changes now?"))
            if answer != QMessageBox.StandardButton.Yes or not card.save():
                return
        client_id, deal_id = ids(card)
        if not client_id or (deal_id is None and card.objectName() == "DealCard"):
            QMessageBox.information(card, title, translate("DocumentsDialog", "Save the card first."))
            return
        DocumentsDialog(client_id, deal_id, card).open()

    button.clicked.connect(clicked)
    return button
