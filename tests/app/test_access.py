"""Roles enforced by the services: every forbidden action refused for a manager and a
viewer (and nothing written), the allowed ones working, and lists showing a manager
only their own records unless the owner allows more."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app import (access, activities, automation, client_bulk, clients, context, custom_fields,
                 deals, settings, stages)
from app.activities import ActivityData
from app.backup_restore import restore_backup
from app.clients import ClientData
from app.errors import PermissionDeniedError
from db.models import Activity, Client, Deal, Employee, Stage, utcnow


@pytest.fixture
def office(db):
    """The owner's data, a manager (Anna) with one client, a second manager (Boris) with
    one client and a deal, a viewer, and an unassigned client."""
    owner = Employee.get(Employee.role == "owner").id
    anna = Employee.create(name="Анна", role="manager").id
    boris = Employee.create(name="Борис", role="manager").id
    viewer = Employee.create(name="Вера", role="viewer").id
    ids = {"owner": owner, "anna": anna, "boris": boris, "viewer": viewer}
    ids["c_owner"] = clients.create_client(ClientData(name="Клиент владельца")).id
    ids["c_anna"] = clients.create_client(ClientData(name="Клиент Анны", responsible_id=anna)).id
    ids["c_boris"] = clients.create_client(ClientData(name="Клиент Бориса", responsible_id=boris)).id
    ids["c_free"] = clients.create_client(ClientData(name="Ничей клиент")).id
    Client.update(responsible=None).where(Client.id == ids["c_free"]).execute()
    ids["d_boris"] = deals.create_deal(ids["c_boris"], "Сделка Бориса", 1000, responsible_id=boris)
    ids["d_on_anna"] = deals.create_deal(ids["c_anna"], "Сделка Бориса у клиента Анны", 500,
                                         responsible_id=boris)
    ids["a_boris"] = activities.log_activity(ActivityData(kind="call_out", client_id=ids["c_boris"],
                                                          responsible_id=boris, result="звонок"))
    ids["a_on_anna"] = activities.log_activity(ActivityData(kind="task", client_id=ids["c_anna"],
                                                            responsible_id=boris, status="planned",
                                                            planned_at=utcnow() - timedelta(hours=1)))
    yield ids
    access.set_anonymous(False)


def as_(who: int) -> None:
    context.set_current_employee(who)


def denied(call, *args, **kw):
    with pytest.raises(PermissionDeniedError):
        call(*args, **kw)


def test_the_solo_owner_may_do_everything(office):
    assert access.role() == "owner"
    assert all(access.can(action) for action in access.ACTIONS)
    assert access.visible(Client) is True and access.scope(Deal) == []


def test_a_viewer_reads_everything_and_changes_nothing(office, tmp_path):
    as_(office["viewer"])
    assert access.role() == "viewer"
    from app.client_list import client_ids
    assert len(client_ids()) == 4
    before = clients.load_client(office["c_boris"])  # reading is fine
    denied(clients.create_client, ClientData(name="Новый"))
    before.name = "Переименован"
    denied(clients.update_client, before)
    denied(client_bulk.trash_clients, [office["c_owner"]])
    denied(client_bulk.set_status, [office["c_owner"]], "active")
    denied(client_bulk.add_tag, [office["c_owner"]], "VIP")
    denied(deals.create_deal, office["c_owner"], "Ещё сделка")
    stage = Stage.select().where(Stage.kind == "open").order_by(Stage.order.desc()).first()
    denied(deals.move_deal, office["d_boris"], stage.id)
    denied(activities.log_activity, ActivityData(kind="note", client_id=office["c_owner"]))
    denied(activities.quick_log, office["c_owner"], "call_out", "говорили")
    denied(activities.trash_activities, [office["a_boris"]])
    denied(settings.put, "company_name", "ООО Ромашка")
    denied(stages.add_stage, stage.pipeline_id, "Новый этап")
    denied(custom_fields.add_field, "client", "Размер", "text")
    denied(automation.set_active, automation.rule_list()[0].id, False)
    denied(restore_backup, tmp_path / "any.kbak", tmp_path / "test.db")
    denied(client_bulk.purge_clients, [office["c_owner"]])
    assert Client.get_by_id(office["c_boris"]).name == "Клиент Бориса"
    assert Client.select().count() == 4 and settings.get("company_name") == ""
    assert access.can("export") and access.can("print") and not access.can("import")
    from app.exporter import export
    assert export("clients", tmp_path / "all.csv") == 4


def test_a_manager_changes_only_their_own_records(office):
    as_(office["anna"])
    mine = clients.load_client(office["c_anna"])
    mine.notes = "моя заметка"
    assert clients.update_client(mine).notes == "моя заметка"
    free = clients.load_client(office["c_free"])  # unassigned: anyone's to take
    free.city = "Тверь"
    clients.update_client(free)
    new = clients.create_client(ClientData(name="Новый клиент Анны"))
    assert new.responsible_id == office["anna"]
    # a colleague's deal and task on Anna's client are hers to handle as well
    stage = Stage.select().where(Stage.kind == "open").order_by(Stage.order.desc()).first()
    deals.move_deal(office["d_on_anna"], stage.id)
    activities.complete_activity(office["a_on_anna"], "сделано")
    activities.quick_log(office["c_anna"], "call_out", "договорились")

    other = Client.get_by_id(office["c_boris"])
    denied(clients.update_client, ClientData(id=other.id, name="Чужой", version=other.version))
    denied(client_bulk.trash_clients, [office["c_anna"], office["c_boris"]])
    denied(client_bulk.set_field, [office["c_boris"]], "responsible_id", office["anna"])
    denied(client_bulk.set_status, [office["c_anna"], office["c_owner"]], "archived")
    denied(deals.move_deal, office["d_boris"], stage.id)
    denied(deals.create_deal, office["c_boris"], "Переманить")
    denied(activities.log_activity, ActivityData(kind="note", client_id=office["c_boris"]))
    denied(activities.quick_log, office["c_boris"], "call_out", "позвонила")
    denied(activities.trash_activities, [office["a_boris"]])
    denied(activities.complete_activity, office["a_boris"], "чужое")
    # nothing of the refused bulk actions happened, not even to her own client
    assert Client.get_by_id(office["c_anna"]).deleted_at is None
    assert Client.get_by_id(office["c_anna"]).status == "lead"
    assert Client.get_by_id(office["c_boris"]).responsible_id == office["boris"]
    assert Deal.get_by_id(office["d_boris"]).stage_id != stage.id


def test_a_manager_may_not_change_the_company_setup(office, tmp_path):
    as_(office["anna"])
    pipeline = Stage.select().first().pipeline_id
    denied(settings.put, access.SEE_ALL_KEY, True)
    denied(stages.add_stage, pipeline, "Мой этап")
    denied(stages.create_pipeline, "Моя воронка")
    denied(custom_fields.add_field, "client", "Размер", "text")
    denied(automation.save_rule, "deal_won", "create_task", {"days": 1, "subject": "x", "kind": "task"})
    denied(client_bulk.purge_clients, [office["c_anna"]])
    denied(restore_backup, tmp_path / "any.kbak", tmp_path / "test.db")
    from app.employees import create_employee
    denied(create_employee, "Друг Анны")
    assert access.can("backup") and access.can("import") and access.can("export")
    assert not access.can("restore") and not access.can("settings")


def test_a_manager_sees_only_their_own_unless_the_owner_allows(office):
    from app.client_list import client_ids
    from app.deal_list import deal_ids
    from app.activity_list import activity_ids
    from app.search import search_clients
    as_(office["anna"])
    names = {Client.get_by_id(i).name for i in client_ids()}
    assert names == {"Клиент Анны", "Ничей клиент"}
    assert [h.name for h in search_clients("Клиент Бориса")] == []
    assert set(deal_ids()) == {office["d_on_anna"]}  # Boris's deal, but on Anna's client
    assert office["a_boris"] not in activity_ids() and office["a_on_anna"] in activity_ids()
    denied(clients.load_client, office["c_boris"])

    as_(office["owner"])
    settings.put(access.SEE_ALL_KEY, True)
    as_(office["anna"])
    assert len(client_ids()) == 4
    assert [h.name for h in search_clients("Клиент Бориса")] == ["Клиент Бориса"]
    assert clients.load_client(office["c_boris"]).name == "Клиент Бориса"
    assert not access.can("edit", Client.get_by_id(office["c_boris"]))  # seeing is not editing
    denied(client_bulk.set_status, [office["c_boris"]], "archived")


def test_reports_today_and_calendar_count_a_managers_own_work(office):
    from app import calendar, today
    from app.reports.base import Filters
    from app.reports.common import client_conditions, deal_conditions
    as_(office["boris"])
    shown = {c for (c,) in Client.select(Client.id).where(*client_conditions(Filters())).tuples()}
    assert shown == {office["c_boris"], office["c_free"]}
    dealt = {d for (d,) in Deal.select(Deal.id).where(*deal_conditions(Filters())).tuples()}
    assert dealt == {office["d_boris"], office["d_on_anna"]}
    assert [a.activity_id for a in today.today().overdue] == [office["a_on_anna"]]  # his task
    as_(office["anna"])
    assert [a.activity_id for a in today.today().overdue] == [office["a_on_anna"]]  # her client
    assert [m.client_id for m in today.today().missed_contacts] == []
    now = utcnow()
    items = calendar.items(now - timedelta(days=1), now + timedelta(days=1))
    on_hers = {a for (a,) in Activity.select(Activity.id).where(Activity.client == office["c_anna"]).tuples()}
    assert office["a_on_anna"] in on_hers  # and the task the funnel planned for the deal
    assert {i.activity_id for i in items if i.activity_id} == on_hers


def test_a_manager_imports_own_data_and_undoes_only_own_imports(office, tmp_path):
    from app.importer import import_file, undo_import
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Название;Телефон\nООО Новые;+7 916 555-00-11\n", encoding="utf-8")
    as_(office["owner"])
    owners = import_file(sheet)
    as_(office["anna"])
    denied(undo_import, owners.batch)
    sheet.write_text("Название;Телефон\nООО Свежие;+7 916 555-00-22\n", encoding="utf-8")
    result = import_file(sheet, on_duplicate="create")
    assert Client.get_by_id(result.created_ids[0]).responsible_id == office["anna"]
    assert undo_import(result.batch)["removed"] == 1
    # merging into a colleague's client would change it: refused, nothing written
    sheet.write_text("Название;Город\nКлиент Бориса;Казань\n", encoding="utf-8")
    denied(import_file, sheet, on_duplicate="merge")
    assert Client.get_by_id(office["c_boris"]).city == ""
    as_(office["viewer"])
    denied(import_file, sheet)


def test_undo_of_a_hand_over_by_a_manager_is_allowed_only_for_what_was_hers(office):
    as_(office["anna"])
    previous = client_bulk.set_field([office["c_anna"]], "responsible_id", office["boris"])
    assert Client.get_by_id(office["c_anna"]).responsible_id == office["boris"]
    client_bulk.restore_field("responsible_id", previous)  # undo: it was hers
    assert Client.get_by_id(office["c_anna"]).responsible_id == office["anna"]
    denied(client_bulk.restore_field, "responsible_id", {office["c_boris"]: office["boris"]})


def test_signing_in_is_required_to_change_data_when_nobody_signed_in(office):
    access.set_anonymous(True)
    with pytest.raises(access.SignInRequiredError, match="--user NAME"):
        clients.create_client(ClientData(name="Аноним"))
    assert access.can("view") and not access.can("edit")


def test_an_employee_who_left_changes_nothing(office):
    Employee.update(active=False).where(Employee.id == office["anna"]).execute()
    as_(office["anna"])
    assert access.role() == "viewer"
    denied(clients.create_client, ClientData(name="Ушедший"))
    denied(activities.trash_activities, [office["a_boris"]])
    assert Activity.get_by_id(office["a_boris"]).deleted_at is None


def test_reminders_ring_only_for_who_may_act_on_them(office):
    from app.reminders import ReminderScheduler
    soon = utcnow() - timedelta(minutes=1)
    Activity.update(reminder_at=soon).where(Activity.status == "planned").execute()
    everyone = {r.activity_id for r in ReminderScheduler().due()}
    assert office["a_on_anna"] in everyone  # the owner: all of them
    as_(office["boris"])
    assert office["a_on_anna"] in {r.activity_id for r in ReminderScheduler().due()}  # his task
    as_(office["viewer"])
    assert ReminderScheduler().due() == []  # a viewer could not snooze or complete them
