"""Hand-over: a leaver's clients, open deals and planned activities move in one step;
the past keeps its responsible; undo gives back exactly what moved."""
from __future__ import annotations

import pytest

from app import context, employees, handover
from app.errors import PermissionDeniedError, ValidationError
from db.models import Activity, AuditLog, Client, Deal, Employee, Pipeline, Stage, utcnow


@pytest.fixture
def office(db):
    leaver = employees.create_employee("Уходящий Иван")
    newcomer = employees.create_employee("Новая Мария")
    pipeline = Pipeline.select().first()
    stage = {kind: Stage.get(Stage.pipeline == pipeline, Stage.kind == kind) for kind in ("open", "won", "lost")}

    def client(name, **kw):
        return Client.create(name=name, name_fold=name.casefold(), responsible=kw.pop("responsible", leaver), **kw)

    c1, c2 = client("ООО Альфа"), client("ООО Бета")
    trashed = client("ООО Корзина", deleted_at=utcnow())
    others = client("ООО Чужой", responsible=newcomer)

    def deal(title, kind="open", **kw):
        return Deal.create(client=c1, pipeline=pipeline, stage=stage[kind], title=title,
                           responsible=kw.pop("responsible", leaver), **kw)

    open_deal = deal("Поставка")
    won = deal("Выиграна", "won", closed_at=utcnow())
    lost = deal("Упущена", "lost", closed_at=utcnow())

    def activity(subject, status, **kw):
        return Activity.create(client=c2, kind="call_out", subject=subject, status=status,
                               responsible=kw.pop("responsible", leaver), **kw)

    planned = activity("Перезвонить", "planned", planned_at=utcnow())
    done = activity("Позвонил", "done", done_at=utcnow())
    return dict(leaver=leaver, newcomer=newcomer, moving={"clients": {c1.id, c2.id}, "deals": {open_deal.id},
                "activities": {planned.id}}, staying={"clients": {trashed.id}, "deals": {won.id, lost.id},
                "activities": {done.id}}, others=others.id)


def responsible(model, ids) -> set:
    return {r.responsible_id for r in model.select().where(model.id.in_(list(ids)))}


MODELS = {"clients": Client, "deals": Deal, "activities": Activity}


def test_preview_and_handover_move_only_current_work(office):
    leaver, newcomer = office["leaver"], office["newcomer"]
    assert handover.preview(leaver) == {"clients": 2, "deals": 1, "activities": 1}
    versions = {c.id: c.version for c in Client.select()}
    result = handover.handover(leaver, newcomer)
    assert {k: result[k] for k in MODELS} == {"clients": 2, "deals": 1, "activities": 1}
    for key, model in MODELS.items():
        assert responsible(model, office["moving"][key]) == {newcomer}
        assert responsible(model, office["staying"][key]) == {leaver}  # the past keeps its author
    # an open card of a moved client would see a newer version (no lost update)
    assert all(Client.get_by_id(i).version == versions[i] + 1 for i in office["moving"]["clients"])
    audit = AuditLog.select().where(AuditLog.action == "handover")
    assert {(a.entity, a.entity_id) for a in audit} == (
        {("client", i) for i in office["moving"]["clients"]} | {("deal", i) for i in office["moving"]["deals"]}
        | {("activity", i) for i in office["moving"]["activities"]})
    assert handover.preview(leaver) == {"clients": 0, "deals": 0, "activities": 0}


def test_undo_puts_back_exactly_what_moved(office):
    leaver, newcomer = office["leaver"], office["newcomer"]
    result = handover.handover(leaver, newcomer)
    kept = min(office["moving"]["clients"])
    third = employees.create_employee("Третий")
    Client.update(responsible=third).where(Client.id == kept).execute()  # changed meanwhile
    back = handover.undo_handover(result["token"])
    assert back == {"clients": 1, "deals": 1, "activities": 1}
    assert responsible(Client, office["moving"]["clients"] - {kept}) == {leaver}
    assert Client.get_by_id(kept).responsible_id == third
    assert responsible(Deal, office["moving"]["deals"]) == {leaver}
    assert responsible(Activity, office["moving"]["activities"]) == {leaver}
    assert Client.get_by_id(office["others"]).responsible_id == newcomer  # was always hers


def test_refusals_change_nothing(office):
    leaver, newcomer = office["leaver"], office["newcomer"]
    with pytest.raises(ValidationError) as same:
        handover.handover(leaver, leaver)
    assert same.value.params["rule"] == "same_employee"
    employees.update_employee(newcomer, active=False)
    with pytest.raises(ValidationError) as left:
        handover.handover(leaver, newcomer)
    assert left.value.params["rule"] == "target_left"
    employees.update_employee(newcomer, active=True)
    context.set_current_employee(newcomer)  # a manager may not hand over
    with pytest.raises(PermissionDeniedError):
        handover.handover(leaver, newcomer)
    assert responsible(Client, office["moving"]["clients"]) == {leaver}
    assert Employee.get_by_id(leaver).active
