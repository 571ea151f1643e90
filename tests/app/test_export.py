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


# --- the sheet writer: cell for cell what openpyxl's write-only mode writes ----------------

def _openpyxl_write(path, title, columns, rows):
    """The plain openpyxl way ``write_xlsx`` used to write a table (the reference)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from app.exporter.xlsx import _FORMATS, is_e164_list, safe_text
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    ws.freeze_panes = "A2"
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=safe_text(col.title))
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    styled = {}
    for i, col in enumerate(columns):
        if col.kind in _FORMATS or col.kind == "phone":
            template = WriteOnlyCell(ws)
            if col.kind == "phone":
                template.quotePrefix = True
            else:
                template.number_format = _FORMATS[col.kind]
            styled[i] = template
    count = 0
    for row in rows:
        out = []
        for i, value in enumerate(row):
            if value is None or value == "":
                out.append(None)
                continue
            template, kind = styled.get(i), columns[i].kind
            if kind == "phone" and not is_e164_list(value):
                out.append(safe_text(value))
            elif template is not None and (kind == "phone" or isinstance(value, (int, float, Decimal, date))):
                cell = WriteOnlyCell(ws, value=value)
                cell._style = template._style
                out.append(cell)
            else:
                out.append(safe_text(value))
        ws.append(out)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    wb.save(path)



def _tricky():
    from datetime import time, timedelta

    from app.exporter.xlsx import Column
    columns = [Column("ID", "int", 8), Column("=Текст", "text", 30), Column("Телефоны", "phone", 22),
               Column("Дата", "date", 12), Column("Когда", "datetime", 17), Column("Сумма", "money", 14),
               Column("Ещё", "text", 10)]
    rows = [
        [1, " пробел в начале", "+79161234567", date(2001, 5, 17), datetime(2020, 1, 2, 3, 4, 5, 678901),
         Decimal("12500.50"), "a<b & c>d"],
        [2, "#N/A", "+79161234567, +74951112233", date(1900, 1, 15), datetime(1900, 3, 1), 3.25, "конец \t"],
        [3, "строка\rс переводом\nи табом\tвнутри", "-123", None, "", 0, "=HYPERLINK(\"x\")"],
        [-4, "x" * 40000, "8 916", "не дата", "тоже", "1 500", "@SUM(1)"],
        [5, "#", "+7916 1234567", 43866, 43866.5, True, datetime(2030, 1, 31, 23, 59)],
        [6, "ё", "", date(2030, 1, 31), None, float("nan"), date(1999, 12, 31)],
        [7, "'уже", "+7", datetime(2020, 2, 5), date(2020, 2, 5), -0.5, time(13, 30)],
        [8, "&amp;", None, None, None, Decimal("-1E+3"), timedelta(hours=30)],
        [9, "#DIV/0!", "+", None, None, 10**20, False],
    ]
    return columns, rows


def test_sheet_writer_matches_openpyxl_cell_for_cell(tmp_path):
    from python_calamine import CalamineWorkbook

    from app.exporter.xlsx import write_xlsx
    columns, rows = _tricky()
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    assert write_xlsx(ours, "Клиенты и 'всё'", columns, rows) == len(rows)
    _openpyxl_write(theirs, "Клиенты и 'всё'", columns, rows)
    a, b = load_workbook(ours), load_workbook(theirs)
    assert a.sheetnames == b.sheetnames
    wa, wb = a.active, b.active
    assert (wa.freeze_panes, wa.auto_filter.ref, wa.max_row, wa.max_column) == \
        (wb.freeze_panes, wb.auto_filter.ref, wb.max_row, wb.max_column)
    assert [wa.column_dimensions[c].width for c in "ABCDEFG"] == [wb.column_dimensions[c].width for c in "ABCDEFG"]
    assert a.defined_names.keys() == b.defined_names.keys()
    for ra, rb in zip(wa.iter_rows(), wb.iter_rows()):
        for x, y in zip(ra, rb):
            assert (x.value, x.data_type, x.number_format, x.quotePrefix, x.font.b, x.style_id) == \
                (y.value, y.data_type, y.number_format, y.quotePrefix, y.font.b, y.style_id), x.coordinate
    with_calamine = [CalamineWorkbook.from_path(str(p)).get_sheet_by_index(0).to_python() for p in (ours, theirs)]
    assert with_calamine[0] == with_calamine[1]


def test_sheet_writer_refuses_what_openpyxl_refuses_and_leaves_no_file(tmp_path):
    from openpyxl.utils.exceptions import IllegalCharacterError

    from app.exporter.xlsx import Column, write_xlsx
    path = tmp_path / "bad.xlsx"
    with pytest.raises(IllegalCharacterError):
        write_xlsx(path, "Л", [Column("A")], [["ok"], ["bell \x07"]])
    with pytest.raises(ValueError):
        write_xlsx(path, "Л", [Column("A")], [[object()]])
    assert list(tmp_path.iterdir()) == []


def test_big_export_streams_rows_and_reads_back(tmp_path):
    from python_calamine import CalamineWorkbook

    from app.exporter.xlsx import Column, write_xlsx
    columns = [Column("N", "int"), Column("Имя"), Column("Дата", "datetime")]
    rows = ([i, f"Клиент {i} & <{i}>", datetime(2020, 1, 1, i % 24, 0)] for i in range(30_000))
    ticks = []
    assert write_xlsx(tmp_path / "big.xlsx", "Много", columns, rows, lambda: ticks.append(1)) == 30_000
    assert len(ticks) == 30
    got = CalamineWorkbook.from_path(str(tmp_path / "big.xlsx")).get_sheet_by_index(0).to_python()
    assert len(got) == 30_001 and got[0] == ["N", "Имя", "Дата"]
    assert got[29_999] == [29_998, "Клиент 29998 & <29998>", datetime(2020, 1, 1, 29_998 % 24, 0)]
    ws = load_workbook(tmp_path / "big.xlsx", read_only=True).active
    assert sum(1 for _ in ws.iter_rows(values_only=True)) == 30_001
