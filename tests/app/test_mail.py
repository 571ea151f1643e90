"""E-mail through the user's mail program: an .eml draft or a mailto: link, and the
outgoing e-mail written into the client's history."""
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from app import attachments, mail
from app.clients import ClientData, ContactItem, create_client
from app.deals import create_deal
from db.models import Activity, Attachment


@pytest.fixture
def outbox(tmp_path, monkeypatch):
    folder = tmp_path / "outbox"
    monkeypatch.setattr(mail, "outbox_dir", lambda: folder)
    return folder


def test_eml_draft_parses_back_with_recipient_subject_text_and_file(tmp_path, outbox):
    offer = tmp_path / "offer.pdf"
    offer.write_bytes(b"%PDF-1.4 offer")
    stored = tmp_path / "ab12"
    stored.write_bytes(b"stored bytes")
    path = mail.compose_eml("buyer@example.ru", "Коммерческое предложение", "Добрый день!\nВо вложении.",
                            [offer, (stored, "Счёт № 5.docx")])
    assert path.parent == outbox and path.suffix == ".eml"
    msg = BytesParser(policy=policy.default).parse(path.open("rb"))
    assert msg["To"] == "buyer@example.ru"
    assert msg["Subject"] == "Коммерческое предложение"
    assert msg["X-Unsent"] == "1"
    assert msg.get_body(("plain",)).get_content().splitlines() == ["Добрый день!", "Во вложении."]
    files = {part.get_filename(): part.get_content() for part in msg.iter_attachments()}
    assert files == {"offer.pdf": b"%PDF-1.4 offer", "Счёт № 5.docx": b"stored bytes"}
    assert next(msg.iter_attachments()).get_content_type() == "application/pdf"


def test_two_drafts_with_the_same_subject_do_not_overwrite(outbox):
    first = mail.compose_eml("a@b.ru", "Тема", "1", [])
    second = mail.compose_eml("a@b.ru", "Тема", "2", [])
    assert first != second and first.exists() and second.exists()


def test_mailto_url_keeps_subject_and_lines():
    url = mail.mailto_url("buyer@example.ru", "Счёт & акт", "Строка 1\nСтрока 2")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "buyer@example.ru"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Счёт & акт"]
    assert query["body"] == ["Строка 1\r\nСтрока 2"]
    assert mail.mailto_url("a@b.ru", "", "") == "mailto:a@b.ru"


def test_recipient_prefers_the_deals_contact_then_the_client(db):
    client = create_client(ClientData(name="ООО Ромашка", kind="company", emails=["office@romashka.ru"],
                                      contacts=[ContactItem(name="Анна", emails=["anna@romashka.ru"])]))
    contact_id = client.contacts[0].id
    plain = create_deal(client.id, "Без контакта")
    with_contact = create_deal(client.id, "С контактом", contact_id=contact_id)
    assert mail.recipient(client.id) == "office@romashka.ru"
    assert mail.recipient(client.id, plain) == "office@romashka.ru"
    assert mail.recipient(client.id, with_contact) == "anna@romashka.ru"
    bare = create_client(ClientData(name="Без почты")).id
    assert mail.recipient(bare) == ""


def test_logged_email_is_a_done_outgoing_email_linked_to_its_files(db, tmp_path):
    client_id = create_client(ClientData(name="Клиент")).id
    deal_id = create_deal(client_id, "Сделка")
    src = tmp_path / "offer.pdf"
    src.write_bytes(b"offer")
    att_id = attachments.add_file(src, deal_id=deal_id)
    act_id = mail.log_sent_email(client_id, "Предложение", "Текст", deal_id=deal_id, attachment_ids=[att_id])
    act = Activity.get_by_id(act_id)
    assert (act.kind, act.status, act.subject, act.client_id, act.deal_id) == (
        "email", "done", "Предложение", client_id, deal_id)
    assert act.done_at is not None
    assert Attachment.get_by_id(att_id).activity_id == act_id
