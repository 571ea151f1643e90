"""Roles in the services that came later: files, campaigns, segments, documents, e-mail,
requisites, plans, the deal card, reports and exports.  Each forbidden action is refused
with the role and the action named, and nothing is written; a manager's reports count
only their own work unless the owner lets managers see everything."""
from __future__ import annotations

from datetime import date

import pytest

from app import access, attachments, campaigns, deals, mail, requisites, segments, settings
from app.campaigns import CampaignData
from app.deal_details import load_deal
from app.errors import PermissionDeniedError
from app.reports import build_report
from app.reports.base import Filters
from db.models import Activity, Attachment, Campaign, Client, Plan, Segment, Stage
from tests.app.test_access import as_, denied, office  # noqa: F401 - the office fixture


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "договор.txt"
    path.write_text("договор поставки", encoding="utf-8")
    return path


def test_the_refusal_names_the_role_and_what_was_refused(office, tmp_path):
    from app.backup_restore import restore_backup
    as_(office["anna"])
    with pytest.raises(PermissionDeniedError) as refused:
        restore_backup(tmp_path / "any.kbak", tmp_path / "test.db")
    assert str(refused.value) == "Your role (Manager) does not allow you to restore a backup. Ask the owner."
    assert refused.value.params["what"] == "restore" and refused.value.params["role_code"] == "manager"
    from app.clients import ClientData, update_client
    other = Client.get_by_id(office["c_boris"])
    with pytest.raises(PermissionDeniedError, match=r"^Your role \(Manager\) does not allow you to change this client"):
        update_client(ClientData(id=other.id, name="Чужой", version=other.version))
    as_(office["viewer"])
    with pytest.raises(PermissionDeniedError) as refused:
        deals.move_deal(office["d_boris"], Stage.select().where(Stage.kind == "won").first().id)
    assert str(refused.value) == "Your role (Viewer) does not allow you to change this deal. Ask the owner."


def test_files_are_attached_and_removed_only_by_who_may_change_the_record(office, a_file):
    theirs = attachments.add_file(a_file, client_id=office["c_boris"])
    as_(office["viewer"])
    denied(attachments.add_file, a_file, client_id=office["c_owner"])
    denied(attachments.delete, theirs)
    as_(office["anna"])
    assert attachments.add_file(a_file, client_id=office["c_anna"])  # her own client: fine
    denied(attachments.add_file, a_file, deal_id=office["d_boris"])
    denied(attachments.delete, theirs)
    as_(office["owner"])
    attachments.delete(theirs)
    as_(office["anna"])
    denied(attachments.restore, theirs)
    denied(attachments.purge_deleted)
    assert Attachment.get_by_id(theirs).deleted_at is not None  # still in the trash, not purged
    assert Attachment.select().where(Attachment.client == office["c_owner"]).count() == 0


def test_campaigns_are_the_owners_and_a_manager_tags_only_own_clients(office):
    fair = campaigns.create_campaign(CampaignData(name="Выставка", cost=100))
    for who in ("anna", "viewer"):
        as_(office[who])
        denied(campaigns.create_campaign, CampaignData(name="Своя кампания"))
        denied(campaigns.update_campaign, CampaignData(name="Переименована", id=fair))
        denied(campaigns.delete_campaign, fair)
    assert [c.name for c in campaigns.list_campaigns()] == ["Выставка"]
    as_(office["anna"])
    campaigns.set_client_campaign([office["c_anna"]], fair)
    denied(campaigns.set_client_campaign, [office["c_anna"], office["c_boris"]], None)
    assert Client.get_by_id(office["c_anna"]).campaign_id == fair  # nothing of the refused call
    assert Client.get_by_id(office["c_boris"]).campaign_id is None


def test_segments_are_anyone_s_but_a_viewer_s(office):
    as_(office["anna"])
    mine = segments.save_segment("Москва", {"place": "Москва"})
    segments.update_segment(mine, name="Москва и область")
    as_(office["viewer"])
    denied(segments.save_segment, "Тверь", {"place": "Тверь"})
    denied(segments.update_segment, mine, name="Переименован")
    denied(segments.delete_segment, mine)
    assert [s.name for s in Segment.select()] == ["Москва и область"]
    as_(office["anna"])
    segments.delete_segment(mine)
    assert Segment.select().count() == 0


def test_a_viewer_cannot_make_documents_or_log_e_mails(office, tmp_path, monkeypatch):
    from app import paths
    from app.documents.generate import generate
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    as_(office["viewer"])
    denied(generate, "builtin:proposal", client_id=office["c_owner"], out_dir=tmp_path / "docs")
    denied(mail.log_sent_email, office["c_owner"], "Счёт", "Добрый день")
    as_(office["anna"])
    denied(generate, "builtin:proposal", deal_id=office["d_boris"], out_dir=tmp_path / "docs")
    denied(mail.log_sent_email, office["c_boris"], "Предложение", "Переманиваю")
    assert not (tmp_path / "docs").exists() or not any((tmp_path / "docs").iterdir())
    assert Activity.select().where(Activity.kind == "email").count() == 0
    assert mail.log_sent_email(office["c_anna"], "Счёт", "Высылаю счёт")  # her own client


def test_requisites_and_plans_are_the_owners(office):
    as_(office["anna"])
    denied(requisites.save_requisites, {"name": "ООО Анна"})
    from app.reports.plans import set_plan
    denied(set_plan, office["anna"], "2026-11", "calls", 100)
    assert Plan.select().count() == 0 and requisites.get_requisites()["name"] == ""


def test_a_manager_opens_a_colleagues_deal_only_when_the_owner_allows(office):
    as_(office["anna"])
    assert load_deal(office["d_on_anna"]).title  # on her client
    with pytest.raises(PermissionDeniedError, match="open this deal"):
        load_deal(office["d_boris"])
    as_(office["owner"])
    settings.put(access.SEE_ALL_KEY, True)
    as_(office["anna"])
    assert load_deal(office["d_boris"]).title == "Сделка Бориса"


@pytest.fixture
def sales(office):
    """A campaign both Anna's and Boris's clients came from; every deal won."""
    fair = campaigns.create_campaign(CampaignData(name="Выставка", cost=100))
    campaigns.set_client_campaign([office["c_anna"], office["c_boris"]], fair)
    won = Stage.select().where(Stage.kind == "won").first().id
    office["d_anna"] = deals.create_deal(office["c_anna"], "Сделка Анны", 300, responsible_id=office["anna"])
    for deal in ("d_boris", "d_on_anna", "d_anna"):
        deals.move_deal(office[deal], won)
    return office


def test_a_managers_reports_and_abc_segment_count_only_own_work(sales):
    def figures():
        abc = build_report("abc", Filters(), lang="en")
        fair = build_report("campaigns", Filters(), lang="en")
        return ({r[0]: r[2] for r in abc.rows}, [(r[0], r[2], r[5]) for r in fair.rows],
                set(segments.member_ids({"abc_a": True})))
    revenue, fair, a_class = figures()  # the owner: everything
    assert revenue == {"Клиент Бориса": 1000, "Клиент Анны": 800}
    assert fair == [("Выставка", 2, 1800)]
    assert a_class == {sales["c_anna"], sales["c_boris"]}
    as_(sales["anna"])
    revenue, fair, a_class = figures()
    assert revenue == {"Клиент Анны": 800}  # Boris's deal on her client counts: it is hers to see
    assert fair == [("Выставка", 1, 800)]
    assert a_class == {sales["c_anna"]}
    as_(sales["owner"])
    settings.put(access.SEE_ALL_KEY, True)
    as_(sales["anna"])
    assert figures()[0] == {"Клиент Бориса": 1000, "Клиент Анны": 800}


def test_the_activity_report_shows_a_manager_only_her_own_plan(office):
    from app.reports.plans import month_of, set_plan
    today = date.today()
    for who in ("anna", "boris"):
        set_plan(office[who], month_of(today), "calls", 10)
    month = Filters(date_from=today.replace(day=1), date_to=today, option="manager")
    assert {r[0] for r in build_report("activity", month, lang="en").rows} >= {"Анна", "Борис"}
    as_(office["anna"])
    assert [(r[0], r[2]) for r in build_report("activity", month, lang="en").rows] == [("Анна", 10)]


def test_an_export_of_chosen_ids_writes_only_what_the_manager_may_see(office, tmp_path):
    from app.exporter import export
    as_(office["anna"])
    target = tmp_path / "segment.csv"
    assert export("clients", target, [office["c_boris"], office["c_anna"]]) == 1
    text = target.read_text(encoding="utf-8-sig")
    assert "Клиент Анны" in text and "Клиент Бориса" not in text
    assert Campaign.select().count() == 0
