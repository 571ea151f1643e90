"""The funnel: exact column totals, stuck deals, stage settings, automation rules."""
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from app import activities, automation, deals, funnel, stages
from app.clients import ClientData, create_client
from app.deal_details import InvoiceItem, LineItem, load_deal, save_deal, stage_history
from app.errors import ConflictError, ValidationError
from db.models import Activity, Deal, Stage, utcnow


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="ООО Ромашка", kind="company")).id


def test_column_totals_are_exact_and_weighted_by_probability(client_id):
    st = deals.stages()
    for amount in ("0.10", "0.20", "100000.35"):
        deals.create_deal(client_id, "Сделка", amount, stage_id=st[2].id)   # 20 %
    d = deals.create_deal(client_id, "Своя вероятность", "1000", stage_id=st[2].id, probability=50)
    cols = {c.name: c for c in funnel.columns()}
    col = cols["Запросили оценку"]
    assert col.count == 4
    assert col.amount == Decimal("101000.65")
    assert col.weighted == Decimal("20000.13") + Decimal("500.00")
    assert cols["Холодный"].count == 0 and cols["Холодный"].amount == Decimal("0.00")
    assert [c.stage_id for c in funnel.columns()] == [s.id for s in st]
    assert funnel.column_deal_ids(st[2].id)[-1] == d


def test_cards_show_days_in_stage_next_step_and_stuck(client_id):
    st = deals.stages()
    quiet = deals.create_deal(client_id, "Тихая", 100, stage_id=st[3].id)   # stuck after 7 days
    Activity.delete().execute()  # no automation task, nothing planned
    later = utcnow() + timedelta(days=20)
    cards = {c.id: c for c in funnel.deal_cards([quiet], now=later)}
    assert cards[quiet].days_in_stage == 20
    assert set(cards[quiet].stuck_reasons) == {"over_limit", "nothing_planned"}
    activities.log_activity(activities.ActivityData(kind="call_out", client_id=client_id, status="planned",
                                                    planned_at=later + timedelta(days=1), subject="Звонок"))
    card = funnel.deal_cards([quiet], now=later)[0]
    assert card.next_subject == "Звонок" and card.stuck_reasons == ["over_limit"]
    assert funnel.deal_cards([quiet])[0].stuck_reasons == []


def test_filters_by_responsible_tag_text_and_closed_period(client_id):
    from app.client_bulk import add_tag
    from db.models import Employee
    other = create_client(ClientData(name="Белов Игорь")).id
    boss = Employee.get(Employee.role == "owner").id
    manager = Employee.create(name="Анна", role="manager").id
    st = deals.stages()
    deals.create_deal(client_id, "Поставка", 10, responsible_id=manager)
    deals.create_deal(other, "Кухня", 20, responsible_id=boss)
    add_tag([other], "опт")
    count = lambda **kw: sum(c.count for c in funnel.columns(funnel.FunnelFilter(**kw)))  # noqa: E731
    assert count() == 2
    assert count(responsible_id=manager) == 1
    assert count(tag="опт") == 1
    assert count(text="белов") == 1 and count(text="Постав") == 1
    won = deals.create_deal(other, "Старая победа", 5)
    deals.move_deal(won, st[7].id)
    Deal.update(closed_at=utcnow() - timedelta(days=90)).where(Deal.id == won).execute()
    assert count() == 2                       # closed long ago: off the board by default
    assert count(date_from=date.today() - timedelta(days=120)) == 3


def test_new_lead_and_won_deal_rules_plan_tasks_and_undo_removes_them(client_id):
    st = deals.stages()
    deal = deals.create_deal(client_id, "Заявка с сайта", 100)
    assert [a.subject for a in Activity.select()] == ["Обработать заявку"]
    change = deals.move_deal(deal, st[7].id)
    feedback = Activity.get(Activity.subject == "Собрать отзыв")
    assert feedback.kind == "feedback" and feedback.status == "planned"
    assert (feedback.planned_at.date() - utcnow().date()).days == 15
    deals.undo_move(change)
    assert not Activity.select().where(Activity.subject == "Собрать отзыв").exists()


def test_invoice_paid_rule_moves_the_deal(client_id):
    st = deals.stages()
    production = stages.add_stage(st[0].pipeline_id, "Производство", "#8d6e63", 100, position=7)
    automation.save_rule("invoice_paid", "move_stage", {"stage_id": production})
    deal = deals.create_deal(client_id, "Кухня", 0, stage_id=st[6].id)
    data = load_deal(deal)
    data.lines = [LineItem("Фасад", Decimal("2"), Decimal("15000.50")), LineItem("Монтаж", Decimal("1"),
                                                                                  Decimal("5000"))]
    data.invoices = [InvoiceItem("1", Decimal("35001.00"), date.today(), date.today() + timedelta(days=5))]
    data = save_deal(data)
    assert data.amount == Decimal("35001.00") and data.stage_id == st[6].id
    assert [i.overdue(date.today() + timedelta(days=6)) for i in data.unpaid()] == [True]
    data.invoices[0].paid_on = date.today()
    data = save_deal(data)
    assert data.stage_id == production and data.unpaid() == []
    assert [h["to_stage"] for h in stage_history(deal)][-1] == "Производство"


def test_stale_deal_save_is_a_conflict(client_id):
    deal = deals.create_deal(client_id, "Кухня", 10)
    a, b = load_deal(deal), load_deal(deal)
    a.title = "Кухня угловая"
    save_deal(a)
    b.amount = Decimal("20")
    with pytest.raises(ConflictError):
        save_deal(b)


def test_stage_editor_services(db):
    pipe = deals.default_pipeline().id
    st = deals.stages()
    old = stages.update_stage(st[0].id, name="Новый лид", color="#112233", probability=7, stuck_days=3)
    assert old["name"] == "Холодный"
    assert Stage.get_by_id(st[0].id).color == "#112233"
    with pytest.raises(ValidationError):
        stages.update_stage(st[0].id, color="red")
    with pytest.raises(ValidationError):
        stages.update_stage(st[0].id, probability=130)
    reordered = [s.id for s in st]
    reordered[0], reordered[1] = reordered[1], reordered[0]
    previous = stages.reorder_stages(pipe, reordered)
    assert [s.id for s in deals.stages()] == reordered
    stages.reorder_stages(pipe, previous)
    assert [s.id for s in deals.stages()] == [s.id for s in st]


def test_retiring_a_stage_keeps_history_but_not_with_open_deals(client_id):
    st = deals.stages()
    deal = deals.create_deal(client_id, "Кухня", 10, stage_id=st[1].id)
    with pytest.raises(ValidationError):
        stages.retire_stage(st[1].id)
    deals.move_deal(deal, st[2].id)
    stages.retire_stage(st[1].id)
    assert st[1].id not in [s.id for s in deals.stages()]
    assert [h["to_stage"] for h in stage_history(deal)] == ["Интересуется", "Запросили оценку"]


def test_second_pipeline_has_its_own_stages(db):
    wholesale = stages.create_pipeline("Опт")
    assert len(deals.stages(wholesale)) == 9
    assert {s.id for s in deals.stages(wholesale)}.isdisjoint({s.id for s in deals.stages()})


def test_client_colour_is_its_most_advanced_open_deal_else_status(client_id):
    st = deals.stages()
    lonely = create_client(ClientData(name="Без сделок", status="active")).id
    deals.create_deal(client_id, "a", 1, stage_id=st[1].id)
    deals.create_deal(client_id, "b", 1, stage_id=st[4].id)
    colors = funnel.client_colors([client_id, lonely])
    assert colors == {client_id: st[4].color, lonely: funnel.STATUS_COLORS["active"]}


def test_negative_feedback_marks_the_client_until_resolved(client_id):
    fid = activities.log_activity(activities.ActivityData(kind="feedback", sentiment="negative",
                                                          result="Долго везли", client_id=client_id))
    assert activities.clients_with_open_complaints([client_id]) == {client_id}
    activities.resolve_feedback(fid)
    assert activities.clients_with_open_complaints([client_id]) == set()
