"""Automation rules as Settings edits them: save, edit, switch off, delete and restore,
the checks on what a rule may say, and that the next deal move obeys the change."""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app import automation, deals, stages
from app.clients import ClientData, create_client
from app.deal_details import InvoiceItem, load_deal, save_deal
from app.errors import ValidationError
from db.models import Activity, utcnow

WON = 7  # «Работа!» in the default funnel


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="ООО Ромашка", kind="company")).id


def planned(subject: str) -> list[Activity]:
    return list(Activity.select().where(Activity.subject == subject, Activity.status == "planned"))


def days_ahead(act: Activity) -> int:
    return (act.planned_at.date() - utcnow().date()).days


def test_the_default_rules_read_in_plain_terms(db):
    first, won = automation.rule_list()
    assert (first.trigger, first.stage.name, first.stage.pipeline, first.stage.live) == \
        ("stage_enter", "Холодный", "Основная", True)
    assert (first.days, first.subject, first.kind, first.action) == (0, "Обработать заявку", "task", "create_task")
    assert (won.trigger, won.stage, won.days, won.kind) == ("deal_won", None, 15, "feedback")
    assert automation.describe(won.id) == won


def test_a_new_stage_rule_plans_its_task_on_the_next_move(client_id):
    st = deals.stages()
    rid = automation.save_rule("stage_enter", "create_task", {"days": 3, "subject": "  Выслать   КП ",
                                                              "kind": "email"}, stage_id=st[3].id)
    info = automation.describe(rid)
    assert (info.subject, info.days, info.kind, info.stage.id, info.active) == ("Выслать КП", 3, "email",
                                                                                st[3].id, True)
    deal = deals.create_deal(client_id, "Кухня", 100, stage_id=st[2].id)
    assert planned("Выслать КП") == []
    deals.move_deal(deal, st[3].id)
    [task] = planned("Выслать КП")
    assert (task.kind, task.deal_id, days_ahead(task)) == ("email", deal, 3)


def test_a_switched_off_rule_does_not_fire_and_fires_again_when_on(client_id):
    st = deals.stages()
    won_rule = next(r for r in automation.rule_list() if r.trigger == "deal_won")
    assert automation.set_active(won_rule.id, False) is True
    assert automation.describe(won_rule.id).active is False
    deal = deals.create_deal(client_id, "Кухня", 100, stage_id=st[5].id)
    deals.move_deal(deal, st[WON].id)
    assert planned("Собрать отзыв") == []
    assert automation.set_active(won_rule.id, True) is False
    other = deals.create_deal(client_id, "Шкаф", 100, stage_id=st[5].id)
    deals.move_deal(other, st[WON].id)
    assert [a.deal_id for a in planned("Собрать отзыв")] == [other]


def test_an_edited_rule_fires_with_its_new_days_and_subject(client_id):
    st = deals.stages()
    won_rule = next(r for r in automation.rule_list() if r.trigger == "deal_won")
    automation.save_rule("deal_won", "create_task", {"days": 30, "subject": "Позвонить за отзывом",
                                                     "kind": "call_out"}, active=True, rule_id=won_rule.id)
    assert len(automation.rule_list()) == 2  # replaced, not added
    deal = deals.create_deal(client_id, "Кухня", 100, stage_id=st[5].id)
    deals.move_deal(deal, st[WON].id)
    assert planned("Собрать отзыв") == []
    [task] = planned("Позвонить за отзывом")
    assert (task.kind, days_ahead(task)) == ("call_out", 30)
    automation.save_info(won_rule)  # back as it was (what undo does)
    assert automation.describe(won_rule.id) == won_rule


def test_delete_and_restore_under_the_same_id(client_id):
    st = deals.stages()
    first = automation.rule_list()[0]
    gone = automation.delete_rule(first.id)
    assert gone == first and [r.id for r in automation.rule_list()] == [first.id + 1]
    deals.create_deal(client_id, "Заявка", 0, stage_id=st[0].id)
    assert planned("Обработать заявку") == []
    assert automation.restore_rule(gone) == first.id
    assert automation.rule_list()[0] == first
    deals.create_deal(client_id, "Ещё заявка", 0, stage_id=st[0].id)
    assert len(planned("Обработать заявку")) == 1


@pytest.mark.parametrize("params, stage, rule", [
    ({"days": 366, "subject": "X"}, True, "days_range"),
    ({"days": -1, "subject": "X"}, True, "days_range"),
    ({"days": "soon", "subject": "X"}, True, "days_range"),
    ({"days": 2, "subject": "   "}, True, "subject_required"),
    ({"days": 2, "subject": "X", "kind": "party"}, True, "unknown_kind"),
    ({"days": 2, "subject": "X"}, False, "stage_required"),
])
def test_task_rules_are_checked(client_id, params, stage, rule):
    st = deals.stages()
    before = automation.rule_list()
    with pytest.raises(ValidationError) as err:
        automation.save_rule("stage_enter", "create_task", params, stage_id=st[1].id if stage else None)
    assert err.value.params["rule"] == rule
    assert automation.rule_list() == before


def test_the_boundaries_of_days_are_allowed(client_id):
    st = deals.stages()
    for days in (0, 365):
        rid = automation.save_rule("stage_enter", "create_task", {"days": days, "subject": "X"},
                                   stage_id=st[1].id)
        assert automation.describe(rid).days == days


def test_trigger_action_and_retired_stages_are_checked(client_id):
    st = deals.stages()
    pid = st[0].pipeline_id
    production = stages.add_stage(pid, "Производство", position=7)
    with pytest.raises(ValidationError) as err:
        automation.save_rule("someday", "create_task", {"days": 1, "subject": "X"})
    assert err.value.params["rule"] == "unknown_trigger"
    with pytest.raises(ValidationError) as err:
        automation.save_rule("deal_won", "move_stage", {"stage_id": production})
    assert err.value.params["rule"] == "wrong_action"
    with pytest.raises(ValidationError) as err:
        automation.save_rule("invoice_paid", "move_stage", {})
    assert err.value.params["rule"] == "target_required"
    with pytest.raises(ValidationError) as err:
        automation.save_rule("invoice_paid", "move_stage", {"stage_id": 99999})
    assert err.value.params["rule"] == "target_required"
    stages.retire_stage(production)
    with pytest.raises(ValidationError) as err:
        automation.save_rule("invoice_paid", "move_stage", {"stage_id": production})
    assert err.value.params["rule"] == "target_retired"
    with pytest.raises(ValidationError) as err:
        automation.save_rule("stage_enter", "create_task", {"days": 1, "subject": "X"}, stage_id=production)
    assert err.value.params["rule"] == "stage_retired"
    assert production not in [s.id for s in automation.stage_choices()]


def test_stage_choices_name_the_pipeline_and_invoice_rules_stay_in_their_pipeline(client_id):
    other = stages.create_pipeline("Опт")
    choices = automation.stage_choices()
    assert len(choices) == 18 and {c.pipeline for c in choices} == {"Основная", "Опт"}
    assert [c.name for c in choices if c.pipeline == "Опт"][WON] == "Работа!"
    main_won = deals.stages()[WON].id
    other_won = deals.stages(other)[WON].id
    rid = automation.save_rule("invoice_paid", "move_stage", {"stage_id": other_won})
    target = automation.describe(rid).target
    assert (target.name, target.pipeline) == ("Работа!", "Опт")
    deal = deals.create_deal(client_id, "Кухня", 100, stage_id=deals.stages()[6].id)
    data = load_deal(deal)
    data.invoices = [InvoiceItem("1", Decimal("100"), date.today(), date.today() + timedelta(days=5),
                                 paid_on=date.today())]
    assert save_deal(data).stage_id == deals.stages()[6].id  # another pipeline's stage: not moved
    automation.save_rule("invoice_paid", "move_stage", {"stage_id": main_won}, rule_id=rid)
    data = load_deal(deal)
    data.invoices.append(InvoiceItem("2", Decimal("50"), date.today(), date.today(), paid_on=date.today()))
    assert save_deal(data).stage_id == main_won
