"""Hand-over: a leaver's work moves to a colleague in one step.

All clients (not in the trash), open deals and planned activities of one employee get
another responsible in one transaction.  The past keeps its responsible (done
activities, won and lost deals), so reports per employee still count who did what.
``handover`` returns a token that ``undo_handover`` uses to put back exactly the rows it
moved, whatever else changed meanwhile.
"""
from __future__ import annotations

from db.models import Activity, Client, Deal, Stage, database_proxy, utcnow

from . import audit
from .employees import get_row, require_manage
from .errors import ValidationError
from .events import publish

_MODELS = {"client": Client, "deal": Deal, "activity": Activity}
_KEYS = {"client": "clients", "deal": "deals", "activity": "activities"}


def _chunks(ids, size=500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _ids(entity: str, emp_id: int) -> list[int]:
    if entity == "client":
        q = Client.select(Client.id).where(Client.responsible == emp_id, Client.deleted_at.is_null())
    elif entity == "deal":
        q = (Deal.select(Deal.id).join(Stage, on=(Deal.stage == Stage.id))
             .where(Deal.responsible == emp_id, Deal.deleted_at.is_null(), Deal.closed_at.is_null(),
                    Stage.kind.not_in(("won", "lost"))))
    else:
        q = Activity.select(Activity.id).where(Activity.responsible == emp_id, Activity.status == "planned",
                                               Activity.deleted_at.is_null())
    return [i for (i,) in q.tuples()]


def preview(from_id: int) -> dict[str, int]:
    """How many clients, open deals and planned activities would move."""
    return {key: len(_ids(entity, from_id)) for entity, key in _KEYS.items()}


def _move(entity: str, ids, to_id: int, only_from: int | None = None) -> None:
    model = _MODELS[entity]
    for chunk in _chunks(ids):
        q = model.update(responsible=to_id, updated_at=utcnow(), version=model.version + 1).where(
            model.id.in_(chunk))
        if only_from is not None:
            q = q.where(model.responsible == only_from)
        q.execute()


def handover(from_id: int, to_id: int) -> dict:
    """Move the work of ``from_id`` to ``to_id``; returns the counts and the undo ``token``."""
    require_manage()
    if from_id == to_id:
        raise ValidationError(field="responsible", detail="choose another employee to hand over to",
                              rule="same_employee")
    with database_proxy.atomic():
        get_row(from_id)
        target = get_row(to_id)
        if not target.active:
            raise ValidationError(field="responsible", detail=f"{target.name} has left",
                                  rule="target_left", name=target.name)
        token = {"from_id": from_id, "to_id": to_id}
        for entity, key in _KEYS.items():
            ids = _ids(entity, from_id)
            _move(entity, ids, to_id)
            audit.record_many(entity, ids, "handover", {"responsible_id": [from_id, to_id]})
            token[key] = ids
    for entity, key in _KEYS.items():
        if token[key]:
            publish(entity, "bulk", token[key])
    publish("employee", "handover", [from_id, to_id])
    return dict({key: len(token[key]) for key in _KEYS.values()}, from_id=from_id, to_id=to_id, token=token)


def undo_handover(token: dict) -> dict[str, int]:
    """Give the moved rows back to their former responsible (rows someone has given to a
    third employee meanwhile stay where they are); returns how many went back."""
    require_manage()
    from_id, to_id = token["from_id"], token["to_id"]
    back: dict[str, int] = {}
    with database_proxy.atomic():
        for entity, key in _KEYS.items():
            model = _MODELS[entity]
            still = [i for chunk in _chunks(token[key]) for (i,) in model.select(model.id).where(
                model.id.in_(chunk), model.responsible == to_id).tuples()]
            _move(entity, still, from_id, only_from=to_id)
            audit.record_many(entity, still, "handover_undo", {"responsible_id": [to_id, from_id]})
            back[key] = len(still)
    for entity, key in _KEYS.items():
        if token[key]:
            publish(entity, "bulk", token[key])
    publish("employee", "handover", [from_id, to_id])
    return back
