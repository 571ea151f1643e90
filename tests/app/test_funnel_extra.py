"""The funnel list's SQL sorting, the deal card's lookups and retiring a pipeline."""
from datetime import timedelta
from decimal import Decimal

import pytest

from app import activities, deal_list, deal_lookups, deals, pipelines, stages
from app.clients import ClientData, ContactItem, create_client
from app.errors import ValidationError
from app.funnel import FunnelFilter
from db.models import Activity, Employee, utcnow


@pytest.fixture
def clients(db):
    return [create_client(ClientData(name=n)).id for n in ("Яковлев Пётр", "Абрамова Анна", "ёлкин Иван")]


def test_deal_ids_sorted_in_sql_with_empty_values_last(clients):
    st = deals.stages()
    Activity.delete().execute()
    anna = Employee.create(name="Анна").id
    a = deals.create_deal(clients[0], "Бета", 300, stage_id=st[2].id, responsible_id=anna)
    b = deals.create_deal(clients[1], "Альфа", 100, stage_id=st[0].id)
    c = deals.create_deal(clients[2], "Гамма", 200, stage_id=st[1].id)
    Activity.delete().execute()  # the automation's tasks
    assert deal_list.deal_ids(sort="stage") == [b, c, a]
    assert deal_list.deal_ids(sort="stage", descending=True) == [a, c, b]
    assert deal_list.deal_ids(sort="amount") == [b, c, a]
    assert deal_list.deal_ids(sort="client") == [b, c, a]   # ё sorts as е
    assert deal_list.deal_ids(sort="title") == [b, a, c]
    soon = utcnow() + timedelta(days=1)
    activities.log_activity(activities.ActivityData(kind="call_out", client_id=clients[2], status="planned",
                                                    planned_at=soon + timedelta(days=3)))
    activities.log_activity(activities.ActivityData(kind="task", client_id=clients[0], deal_id=a,
                                                    status="planned", planned_at=soon))
    assert deal_list.deal_ids(sort="next") == [a, c, b]
    assert deal_list.deal_ids(sort="next", descending=True) == [c, a, b]
    assert deal_list.deal_ids(sort="responsible") == [a, b, c]  # Анна, then the owner
    assert deal_list.deal_ids(sort="responsible", descending=True) == [c, b, a]
    assert deal_list.deal_ids(FunnelFilter(responsible_id=anna)) == [a]
    with pytest.raises(ValueError):
        deal_list.deal_ids(sort="nonsense")


def test_board_ids_match_column_deal_ids(clients):
    from app import funnel
    st = deals.stages()
    for i, cid in enumerate(clients * 3):
        deals.create_deal(cid, "Сделка {}".format(i), 10 * i, stage_id=st[i % 4].id)
    flt = FunnelFilter(text="Сделка 1")
    wanted = [s.id for s in st]
    got = deal_list.board_ids(wanted, flt)
    assert got == {sid: funnel.column_deal_ids(sid, flt) for sid in wanted}
    assert sum(map(len, deal_list.board_ids(wanted).values())) == 9
    assert deal_list.board_ids([]) == {}
    deals.create_deal(clients[0], "Своя", "333.33", stage_id=st[1].id, probability=33)
    totals = deal_list.stage_totals(wanted[:3])
    for col in funnel.columns()[:3]:
        assert totals[col.stage_id] == (col.count, col.amount, col.weighted)
    assert deal_list.stage_totals([st[5].id]) == {st[5].id: (0, Decimal("0.00"), Decimal("0.00"))}


def test_days_in_stage_sorts_by_time_entered(clients):
    st = deals.stages()
    first = deals.create_deal(clients[0], "Давняя", 1, stage_id=st[1].id)
    second = deals.create_deal(clients[1], "Свежая", 1, stage_id=st[1].id)
    from db.models import Deal
    Deal.update(stage_entered_at=utcnow() - timedelta(days=40)).where(Deal.id == first).execute()
    assert deal_list.deal_ids(sort="days") == [second, first]
    assert deal_list.deal_ids(sort="days", descending=True) == [first, second]


def test_lookups_for_the_deal_card(db):
    cid = create_client(ClientData(name="ООО Ромашка", kind="company",
                                   contacts=[ContactItem(name="Петров Олег", position="Закупщик")])).id
    assert deal_lookups.client_name(cid) == "ООО Ромашка"
    (contact,) = deal_lookups.client_contacts(cid)
    assert contact[1:] == ("Петров Олег", "Закупщик")
    assert "Цена" in deal_lookups.lost_reasons()
    d = deals.create_deal(cid, "Поставка", 10)
    activities.log_activity(activities.ActivityData(kind="call_out", client_id=cid, deal_id=d, status="done",
                                                    done_at=utcnow(), subject="Позвонили"))
    found = deal_lookups.deal_activities(d)
    assert [a.status for a in found] == ["planned", "done"]  # the automation's task comes first
    assert found[1].subject == "Позвонили"
    assert deal_lookups.deal_client_id(d) == cid
    assert deal_lookups.deal_stages([d, 999]) == {d: deals.stages()[0].id}
    assert deal_lookups.activity_owners([a.id for a in found]) == ({d}, {cid})
    assert deal_lookups.stage_pipeline(deals.stages()[0].id) == deals.default_pipeline().id


def test_retire_pipeline_refused_with_open_deals(clients):
    new = stages.create_pipeline("Опт")
    first_stage = deals.stages(new)[0]
    d = deals.create_deal(clients[0], "Оптовая", 5, stage_id=first_stage.id)
    with pytest.raises(ValidationError):
        pipelines.retire_pipeline(new)
    lost = [s for s in deals.stages(new) if s.kind == "lost"][0]
    deals.move_deal(d, lost.id, lost_reason="Цена")
    pipelines.retire_pipeline(new)
    assert new not in [p.id for p in stages.pipelines()]
    pipelines.unretire_pipeline(new)
    assert new in [p.id for p in stages.pipelines()]
    with pytest.raises(ValidationError):
        for p in stages.pipelines():
            pipelines.retire_pipeline(p.id)
