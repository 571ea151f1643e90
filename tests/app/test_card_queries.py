"""Read helpers of the client card and the activity list, and contacts that come back on undo."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.activities import ActivityData, log_activity, trash_activities
from app.activity_list import (ActivityFilter, ActivityPages, activity_count, activity_ids,
                               activity_rows)
from app.card_lookups import active_employees, custom_fields, employee_names, tag_names
from app.client_bulk import trash_clients
from app.clients import ClientData, ContactItem, create_client, load_client, update_client
from db.models import Activity, CustomField, Employee, utcnow


def test_activity_list_filters_sorts_and_marks_overdue(db):
    a = create_client(ClientData(name="Анна"))
    b = create_client(ClientData(name="Борис"))
    now = utcnow()
    late = log_activity(ActivityData(kind="call_out", client_id=a.id, status="planned",
                                     planned_at=now - timedelta(hours=1)))
    soon = log_activity(ActivityData(kind="meeting", client_id=b.id, status="planned",
                                     planned_at=now + timedelta(hours=1)))
    done = log_activity(ActivityData(kind="email", client_id=b.id, done_at=now - timedelta(days=1)))
    gone = log_activity(ActivityData(kind="note", client_id=a.id))
    trash_activities([gone])
    assert activity_ids() == [soon, late, done]
    assert activity_ids(sort="when", descending=False) == [done, late, soon]
    assert activity_ids(ActivityFilter(status="overdue")) == [late]
    assert activity_ids(ActivityFilter(status="planned")) == [soon, late]
    assert activity_ids(ActivityFilter(kinds=("email",))) == [done]
    assert activity_ids(ActivityFilter(client_text="БОР")) == [soon, done]
    assert activity_ids(ActivityFilter(start=now - timedelta(hours=2), end=now)) == [late]
    assert activity_ids(sort="client", descending=False)[-1] in (soon, done)
    rows = activity_rows([late, soon])
    assert rows[late].status == "overdue" and rows[soon].status == "planned"
    assert rows[late].client_name == "Анна" and rows[late].responsible_name
    trash_clients([a.id])
    assert activity_ids() == [soon, done]


def test_activity_list_in_chunks_is_the_whole_list_and_the_count_matches(db):
    a = create_client(ClientData(name="Анна"))
    b = create_client(ClientData(name="Борис"))
    gone = create_client(ClientData(name="Ушедший"))
    now = utcnow()
    kinds = ("call_out", "email", "task")
    for n in range(23):
        client = (a, b, gone, None)[n % 4]
        if n % 3 == 0:  # planned, some overdue
            data = ActivityData(kind=kinds[n % 3], status="planned", planned_at=now + timedelta(hours=n - 12),
                                client_id=client.id if client else None)
        else:  # same moment for several, so the tie (id) decides
            data = ActivityData(kind=kinds[n % 3], done_at=now - timedelta(days=n % 5),
                                client_id=client.id if client else None)
        log_activity(data)
    trash_activities([activity_ids()[4]])
    trash_clients([gone.id])
    filters = [ActivityFilter(), ActivityFilter(status="planned"), ActivityFilter(status="overdue"),
               ActivityFilter(status="done"), ActivityFilter(kinds=("email",)),
               ActivityFilter(client_text="бор"), ActivityFilter(kinds=("task",), status="planned"),
               ActivityFilter(start=now - timedelta(days=2), end=now + timedelta(hours=1))]
    for flt in filters:
        for sort in ("when", "kind", "client"):
            for descending in (True, False):
                whole = activity_ids(flt, sort, descending, now=now)
                pages = ActivityPages(flt, sort, descending, now=now)
                read = []
                while pages.more:
                    read += pages.next_ids(4)
                assert read == whole, (flt, sort, descending)
                assert pages.count() == activity_count(flt, now) == len(whole)
    assert len(activity_ids(now=now)) == 23 - 1 - 6  # one in the trash, the trashed client's six


@pytest.mark.sqlite_only
def test_activity_list_walks_the_indexes_of_migration_4(db, monkeypatch):
    real = db.execute_sql

    def plan(pages):
        pages.next_ids(2)  # the second chunk starts after the first one's last row
        seen = []
        monkeypatch.setattr(db, "execute_sql", lambda sql, params=None, *a: seen.append((sql, params))
                            or real(sql, params, *a))
        pages.next_ids(2)
        monkeypatch.undo()
        sql, params = seen[-1]
        return " | ".join(row[-1] for row in real("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    client = create_client(ClientData(name="Анна"))
    for n in range(6):
        log_activity(ActivityData(kind="call_out", client_id=client.id, status="planned",
                                  planned_at=utcnow() - timedelta(hours=n)))
    newest_first = plan(ActivityPages())
    assert "activity_alive_when (<expr><?)" in newest_first and "TEMP B-TREE" not in newest_first
    assert "activity_alive_when (<expr>>?)" in plan(ActivityPages(descending=False))
    assert "activity_alive_status_when (status=?" in plan(ActivityPages(ActivityFilter(status="overdue")))
    assert "activity_alive_kind_when (kind=?" in plan(ActivityPages(ActivityFilter(kinds=("call_out",))))
    assert Activity.select().count() == 6


def test_card_lookups(db):
    Employee.create(name="Бывший", active=False)
    boris = Employee.create(name="Борис")
    assert "Бывший" not in [n for _i, n in active_employees()]
    assert employee_names([boris.id, None]) == {boris.id: "Борис"}
    create_client(ClientData(name="X", tags=["опт", "VIP"]))
    assert tag_names() == ["VIP", "опт"]
    CustomField.create(name="Размер", kind="choice", choices='["S", "M"]', order=2)
    CustomField.create(name="Сайт", kind="text", order=1)
    CustomField.create(name="Сделка", kind="text", entity="deal")
    fields = custom_fields("client")
    assert [(f.name, f.kind, f.choices) for f in fields] == [("Сайт", "text", []),
                                                            ("Размер", "choice", ["S", "M"])]


def test_saving_a_removed_contact_again_brings_it_back(db):
    client = create_client(ClientData(name="ООО", kind="company", contacts=[ContactItem("Анна")]))
    before = load_client(client.id)
    edited = load_client(client.id)
    edited.contacts = []
    after = update_client(edited)
    assert after.contacts == []
    before.version = after.version  # what the card's undo does
    assert [c.name for c in update_client(before).contacts] == ["Анна"]
