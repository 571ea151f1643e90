"""Reading files, finding the table, guessing columns and cleaning values."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.clients import load_client
from app.importer import import_file, problem_rows, read_table, write_problems_xlsx
from app.importer.values import parse_date
from app.importer.mapping import guess_mapping, header_target
from db.models import Client

DATA = Path(__file__).resolve().parents[1] / "data"


def _xlsx(path, sheets: dict):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_header_below_title_blank_and_totals_rows_are_skipped(db, tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", {"Пусто": [], "Клиенты": [
        ["Отчёт по клиентам за 2020 год"], [], [None, "ФИО", "Тел.", "Сумма"],
        [None, "Иванов Иван", "+7 916 000-00-01", 100], [], [None, "Петров Пётр", "89160000002", 200],
        [None, "Итого:", None, 300]]})
    table = read_table(path)
    assert table.sheet == "Клиенты" and table.header_row == 3
    assert [r for r, _ in table.rows] == [4, 6]
    assert table.ignored == [(7, "a totals row")]
    result = import_file(path)
    assert result.created == 2 and result.rows == 2


@pytest.mark.parametrize("encoding, delimiter", [("cp1251", ";"), ("utf-8-sig", ","), ("utf-8", "\t")])
def test_csv_encodings_and_delimiters(db, tmp_path, encoding, delimiter):
    text = delimiter.join(["Наименование", "ИНН", "Телефоны", "Эл. почта"]) + "\r\n" + \
        delimiter.join(['"ООО ""Вектор"""', "7707083893", '"8 495 111-22-33, 8 916 222-33-44"', "v@v.ru"])
    path = tmp_path / "c.csv"
    path.write_bytes(text.encode(encoding))
    import_file(path)
    client = load_client(Client.get().id)
    assert client.name == 'ООО "Вектор"' and client.kind == "company" and client.inn == "7707083893"
    assert [p.e164 for p in client.phones] == ["+74951112233", "+79162223344"]
    assert client.emails == ["v@v.ru"]


def test_vcard_quoted_printable_folded_lines_and_v4(db):
    result = import_file(DATA / "contacts_qp.vcf")
    assert result.created == 2
    maria = load_client(Client.get(Client.name == "Кузнецова Мария").id)
    assert [p.e164 for p in maria.phones] == ["+79165554433", "+74951112233"]
    assert maria.emails == ["kuz@example.ru"] and maria.birthday == date(1985, 3, 14)
    assert "переносится на следующую строку по правилам" in maria.notes
    assert "Организация: ООО Ромашка" in maria.notes and "Должность: бухгалтер" in maria.notes
    oleg = load_client(Client.get(Client.name == "Олег Сидоров").id)
    assert [p.e164 for p in oleg.phones] == ["+79031234567"] and "Казань" in oleg.address


def test_columns_guessed_from_data_when_there_is_no_header(db, tmp_path):
    path = _xlsx(tmp_path / "n.xlsx", {"Лист1": [["Анна Лес", "anna@les.ru", "8 916 123-45-67"],
                                                 ["Борис Дуб", "boris@dub.ru", "+7 903 765-43-21"]]})
    mapping = guess_mapping(read_table(path))
    assert [c.target for c in mapping.columns] == ["name", "email", "phone"]
    assert mapping.columns[1].samples == ["anna@les.ru", "boris@dub.ru"]
    assert import_file(path).created == 2


@pytest.mark.parametrize("header, target", [
    ("ФИО", "name"), ("Наименование", "name"), ("Клиент", "name"), ("Контактное лицо", "contact"),
    ("Телефоны", "phone"), ("Тел.", "phone"), ("Моб. телефон", "phone"), ("E-mail", "email"),
    ("Эл. почта", "email"), ("Почта", "email"), ("Адрес электронной почты", "email"),
    ("Организация", "company"), ("Компания", "company"), ("ИНН", "inn"), ("Город", "city"),
    ("Адрес", "address"), ("Статус", "status"), ("Этап", "stage"), ("Дата", "last_contact"),
    ("Дата рождения", "birthday"), ("Последний контакт", "last_contact"), ("Комментарий", "notes"),
    ("Примечание", "notes"), ("Сумма сделки", "amount"), ("Phone", "phone"), ("Full name", "name"),
    ("Что-то своё", ""),
])
def test_header_names(header, target):
    assert header_target(header) == target


@pytest.mark.parametrize("value, expected", [
    ("05.02.2020", date(2020, 2, 5)), ("5.2.20", date(2020, 2, 5)), ("5 февраля 2020", date(2020, 2, 5)),
    ("2020-02-05", date(2020, 2, 5)), (43866, date(2020, 2, 5)), ("43866", date(2020, 2, 5)),
    (datetime(2020, 2, 5, 14, 30), date(2020, 2, 5)), ("", None), ("01.02.85", date(1985, 2, 1)),
])
def test_dates(value, expected):
    assert parse_date(value) == expected


def test_bad_date_inn_and_names_become_warnings_not_losses(db, tmp_path):
    path = _xlsx(tmp_path / "w.xlsx", {"Л": [["ФИО", "ИНН", "Дата рождения", "Телефон"],
                                            ["ИВАНОВ ИВАН", "1234567890", "вчера", ""],
                                            ["ИП Смирнов", "", "", "89161234567"],
                                            ["", "", "", ""], ["", "", "31.02.2020", ""]]})
    result = import_file(path)
    ivanov = Client.get(Client.name == "Иванов Иван")
    assert ivanov.inn == "1234567890" and ivanov.kind == "company"  # 10-digit INN: an organisation
    assert "Дата рождения: вчера" in ivanov.notes
    assert Client.get(Client.name == "ИП Смирнов").kind == "company"
    messages = {(w["row"], w["message"].split(" ")[0]) for w in result.warnings}
    assert (2, "INN") in messages and (2, "Дата") in messages
    assert (5, "skipped:") in messages and result.skipped == 1


def test_problems_report(db, tmp_path):
    samples = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"
    result = import_file(samples / "shop_clients.xlsx")
    assert [row for row, _, _ in problem_rows(result)] == [7]
    out = tmp_path / "problems.xlsx"
    assert write_problems_xlsx(result, out) == 1
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[0][:4] == ["Строка", "Что сделано", "Причина", "Клиент"]
    assert rows[1][0] == 7 and "12345" in rows[1][2] and rows[1][3] == "Зайцев"
