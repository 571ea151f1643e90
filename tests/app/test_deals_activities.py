"""Deals move through the funnel with history; activities keep the client's contact dates."""
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from app import activities, deals
from app.clients import ClientData, create_client, load_client
from app.errors import ValidationError
from db.models import Activity, Deal, StageChange, utcnow


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="Белов Игорь")).id


def test_default_funnel_has_nine_coloured_stages(db):
    stages = deals.stages()
    assert [s.name for s in stages] == ["Холодный", "Интересуется", "Запросили оценку", "Сделали оценку",
                                        "Обсуждаем задачу", "Обсуждаем условия", "Заключаем контракт",
                                        "Работа!", "Упущен"]
    assert stages[-2].kind == "won" and stages[-1].kind == "lost"
    assert len({s.color for s in stages}) == 9


def test_moving_a_deal_writes_history_and_undo_takes_it_back(client_id):
    stages = deals.stages()
    deal_id = deals.create_deal(client_id, "Кухня под заказ", "125000.50")
    assert Deal.get_by_id(deal_id).amount == Decimal("125000.50")
    change = deals.move_deal(deal_id, stages[2].id)
    assert Deal.get_by_id(deal_id).stage_id == stages[2].id
    assert [(c.from_stage_id, c.to_stage_id) for c in StageChange.select().order_by(StageChange.id)] == [
        (None, stages[0].id), (stages[0].id, stages[2].id)]
    deals.undo_move(change)
    assert Deal.get_by_id(deal_id).stage_id == stages[0].id
    assert StageChange.select().count() == 1


def test_a_lost_deal_must_say_why(client_id):
    lost = deals.stages()[-1]
    deal_id = deals.create_deal(client_id, "Шкаф", 1000)
    with pytest.raises(ValidationError):
        deals.move_deal(deal_id, lost.id)
    deals.move_deal(deal_id, lost.id, lost_reason="Цена", competitor="Мебель-Сити")
    deal = Deal.get_by_id(deal_id)
    assert (deal.lost_reason, deal.competitor) == ("Цена", "Мебель-Сити") and deal.closed_at is not None


def test_quick_log_records_the_call_and_plans_the_next_one(client_id):
    next_at = utcnow() + timedelta(days=2)
    done_id, planned_id = activities.quick_log(client_id, "call_out", "Договорились о замере", next_at=next_at)
    card = load_client(client_id)
    assert card.next_contact_at == next_at and card.last_contact_at is not None
    planned = Activity.get_by_id(planned_id)
    assert planned.status == "planned" and planned.planned_at == next_at
    line = activities.timeline(client_id)
    assert [a.id for a in line] == [planned_id, done_id]


def test_completing_a_planned_call_with_the_next_step(client_id):
    when = datetime(2026, 1, 10, 9, 0)
    planned = activities.log_activity(activities.ActivityData(kind="call_out", client_id=client_id,
                                                              status="planned", planned_at=when))
    next_id = activities.complete_activity(planned, "Перезвонить после праздников",
                                           next_at=datetime(2026, 1, 20, 9, 0))
    done = Activity.get_by_id(planned)
    assert done.status == "done" and done.result == "Перезвонить после праздников"
    assert Activity.get_by_id(next_id).planned_at == datetime(2026, 1, 20, 9, 0)
    assert load_client(client_id).next_contact_at == datetime(2026, 1, 20, 9, 0)


def test_planned_activity_needs_a_date(client_id):
    with pytest.raises(ValidationError):
        activities.log_activity(activities.ActivityData(kind="task", client_id=client_id, status="planned"))
