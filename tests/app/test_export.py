"""Export to xlsx, csv, vCard and iCalendar; formula injection; re-import round trip."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from app.activities import ActivityData, log_activity
from app.clients import ClientData, ContactItem, PhoneItem, create_client, load_client
from app.deals import create_deal
from app.errors import KartotekaError
from app.exporter import export
from app.importer import import_file
from db.connection import close_database, open_database
from db.models import Activity, Client, CustomField


@pytest.fixture
def sample(db):
    field = CustomField.create(entity="client", name="Размер скидки", order=1)
    rich = create_client(ClientData(
        name='ООО "Вектор"', kind="company", inn="7707083893", city="Москва", address="ул. Тверская, 1",
        phones=[PhoneItem("8 916 123-45-67"), PhoneItem("+7 495 111-22-33")], emails=["info@vector.ru"],
        tags=["опт", "VIP"], custom={field.id: "10%"}, birthday=date(2001, 5, 17), notes="старый клиент",
        contacts=[ContactItem("Иванова Анна", "бухгалтер", phones=[PhoneItem("89031112233")],
                              emails=["anna@vector.ru"])]))
    evil = create_client(ClientData(name="=HYPERLINK(\"http://x\")", notes="@SUM(1)",
                                    phones=[PhoneItem("-123")], city="+Тверь"), strict=False)
    deal = create_deal(rich.id, "Поставка", Decimal("12500.50"), expected_close=date(2030, 1, 31))
    return rich, evil, deal


def _rows(path):
    ws = load_workbook(path).active
    return ws, [list(r) for r in ws.iter_rows(values_only=True)]


def test_clients_xlsx_header_filter_types_and_injection(sample, tmp_path):
    rich, evil, _ = sample
    path = tmp_path / "clients.xlsx"
    assert export("clients", path) == 2
    ws, rows = _rows(path)
    head = rows[0]
    assert ws["A1"].font.b and ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:") and ws.auto_filter.ref.endswith("3")
    assert ws.column_dimensions["C"].width > 20
    by_name = {r[head.index("Наименование")]: r for r in rows[1:]}
    vector = by_name['ООО "Вектор"']
    assert vector[head.index("Телефоны")] == "+79161234567, +74951112233"
    assert vector[head.index("Дата рождения")] == datetime(2001, 5, 17)
    assert vector[head.index("Теги")] == "VIP, опт" and vector[head.index("Размер скидки")] == "10%"
    assert "Иванова Анна (бухгалтер, +79031112233, anna@vector.ru)" == vector[head.index("Контактные лица")]
    phone_cell = ws.cell(row=[r[0] for r in rows].index(rich.id) + 1, column=head.index("Телефоны") + 1)
    assert phone_cell.data_type == "s" and phone_cell.quotePrefix
    bad = by_name["'=HYPERLINK(\"http://x\")"]
    assert bad[head.index("Примечание")] == "'@SUM(1)" and bad[head.index("Город")] == "'+Тверь"
    assert bad[head.index("Телефоны")] == "'-123"


def test_deals_xlsx_money_and_dates_are_numbers(sample, tmp_path):
    path = tmp_path / "deals.xlsx"
    export("deals", path)
    ws, rows = _rows(path)
    head = rows[0]
    amount = ws.cell(row=2, column=head.index("Сумма") + 1)
    assert amount.value == 12500.5 and amount.number_format == "#,##0.00"
    closing = ws.cell(row=2, column=head.index("Ожидаемое закрытие") + 1)
    assert closing.is_date and closing.value == datetime(2030, 1, 31)


def test_csv_is_utf8_bom_semicolons_and_neutralised(sample, tmp_path):
    path = tmp_path / "clients.csv"
    export("clients", path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("ID;Тип;Наименование;")
    assert "'+79161234567, +74951112233" in text and "'=HYPERLINK" in text
    assert "\n=" not in text and ";=" not in text and ";+" not in text and ";@" not in text


def test_export_given_ids_in_given_order(sample, tmp_path):
    rich, evil, _ = sample
    path = tmp_path / "some.csv"
    assert export("clients", path, [evil.id, rich.id]) == 2
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert [ln.split(";")[0] for ln in lines[1:3]] == [str(evil.id), str(rich.id)]
    assert export("clients", path, [rich.id]) == 1


def test_vcard(sample, tmp_path):
    path = tmp_path / "c.vcf"
    export("clients", path)
    text = path.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VCARD") == 2 and "VERSION:3.0" in text
    assert "ORG:ООО \"Вектор\"" in text and "TEL;TYPE=VOICE:+79161234567" in text
    assert "EMAIL;TYPE=INTERNET:info@vector.ru" in text and "BDAY:2001-05-17" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_ics_events_todos_rrule_and_alarm(sample, tmp_path):
    import icalendar
    rich, _, _ = sample
    # Written directly: this test is about the file, not about how services plan series.
    Activity.create(kind="meeting", subject="Встреча", client=rich.id, status="planned",
                    planned_at=datetime(2030, 3, 1, 9, 0), reminder_at=datetime(2030, 3, 1, 8, 45),
                    recurrence="FREQ=WEEKLY;BYDAY=MO")
    Activity.create(kind="task", subject="Счёт", client=rich.id, status="planned",
                    planned_at=datetime(2030, 3, 2, 9, 0))
    log_activity(ActivityData(kind="call_out", subject="Звонок", client_id=rich.id, status="done",
                              done_at=datetime(2020, 1, 1, 9, 0)))
    path = tmp_path / "plan.ics"
    assert export("activities", path) == Activity.select().where(Activity.status == "planned").count()
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    event = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("Встреча"))
    assert str(event["SUMMARY"]) == 'Встреча — ООО "Вектор"'
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2030, 3, 1, 9, 0)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    alarm = event.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER").replace(tzinfo=None) == datetime(2030, 3, 1, 8, 45)
    assert any(str(t["SUMMARY"]).startswith("Счёт") for t in cal.walk("VTODO"))
    assert not any("Звонок" in str(e["SUMMARY"]) for e in cal.walk("VEVENT"))


@pytest.mark.parametrize("entity, name", [("deals", "d.vcf"), ("clients", "c.ics"), ("clients", "c.pdf"),
                                          ("activities", "a.vcf")])
def test_unsupported_combination(sample, tmp_path, entity, name):
    with pytest.raises(KartotekaError, match="cannot be saved as"):
        export(entity, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_exported_xlsx_reimports_into_an_empty_database(sample, tmp_path):
    rich, evil, _ = sample
    before = {c.name: c for c in (load_client(rich.id), load_client(evil.id))}
    path = tmp_path / "roundtrip.xlsx"
    export("clients", path)
    close_database()
    open_database(tmp_path / "empty.db")
    result = import_file(path)
    assert result.created == 2
    assert [w["message"] for w in result.warnings] == ["phone '-123' could not be recognised; kept as typed"]
    for client in Client.select():
        again = load_client(client.id)
        old = before[again.name]
        assert (again.kind, again.inn, again.city, again.address, again.birthday) == \
            (old.kind, old.inn, old.city, old.address, old.birthday)
        assert [p.e164 or p.raw for p in again.phones] == [p.e164 or p.raw for p in old.phones]
        assert again.emails == old.emails and sorted(again.tags) == sorted(old.tags)
        assert old.notes in again.notes
        assert [(c.name, c.position, [p.e164 for p in c.phones], c.emails) for c in again.contacts] == \
            [(c.name, c.position, [p.e164 for p in c.phones], c.emails) for c in old.contacts]
        if old.custom:  # the empty database has no such custom field: the value goes to the notes
            assert "Размер скидки: 10%" in again.notes
