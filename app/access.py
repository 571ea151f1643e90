"""Who may do what: the role rules, checked by the services (the UI only asks).

* owner - everything;
* manager - creates records; edits and deletes only the clients, deals and activities
  they are responsible for (or that nobody is), and the deals and activities of their
  clients; sees the others' only when the owner allows it (setting
  ``managers_see_all``); may import, export and make a backup; may not restore, change
  settings, stages, custom fields, automation or employees, or empty the trash;
* viewer - reads everything, changes nothing; may export and print.

``can(action, record)`` answers, ``require`` raises ``PermissionDeniedError``,
``visible(model)`` / ``scope(model)`` restrict list queries in SQL (nothing per row).
A record is a Client / Deal / Activity row, or a ``(model or "client"|"deal"|"activity",
id)`` pair.  A solo user is the owner: one primary-key lookup per check, nothing more.
"""
from __future__ import annotations

from db.models import Activity, Client, ContactPerson, Deal, database_proxy

from . import context
from .errors import KartotekaError, PermissionDeniedError

ROLES = ("owner", "manager", "viewer")
SEE_ALL_KEY = "managers_see_all"

# action -> how the refusal reads ("Your role (Manager) does not allow you to …")
ACTIONS = {
    "view": "see this record",
    "create": "create records",
    "edit": "change this record",
    "delete": "delete this record",
    "manage_employees": "manage employees",
    "settings": "change the settings",
    "stages": "change the funnel stages",
    "custom_fields": "change the custom fields",
    "automation": "change the automation rules",
    "import": "import data",
    "export": "export data",
    "print": "print",
    "backup": "make a backup",
    "restore": "restore a backup",
    "purge": "empty the trash",
}
# the refusal of a record action names the record: "edit" + a client -> "change this client"
PHRASES = {f"{action}_{entity}": f"{verb} this {noun}"
           for action, verb in (("view", "open"), ("edit", "change"), ("delete", "delete"))
           for entity, noun in (("client", "client"), ("deal", "deal"), ("activity", "activity"),
                                ("contact", "contact person"))}
ROLE_TITLES = {"owner": "Owner", "manager": "Manager", "viewer": "Viewer"}
READ_ACTIONS = frozenset({"view", "export", "print"})
MANAGER_ACTIONS = frozenset({"view", "create", "edit", "delete", "import", "export", "print", "backup"})
RECORD_ACTIONS = frozenset({"view", "edit", "delete"})
_MODELS = {"client": Client, "deal": Deal, "activity": Activity, "contact": ContactPerson}
_ENTITIES = {model: name for name, model in _MODELS.items()}

_anonymous = False  # the CLI when a login is required and no --user was given
_last: tuple[int | None, str] = (None, "owner")  # role known while the database was open


class SignInRequiredError(KartotekaError):
    code = "sign_in"
    message = "Sign in with --user NAME to {action}."


def set_anonymous(value: bool) -> None:
    """Nobody signed in although the database asks for a login: reading only."""
    global _anonymous
    _anonymous = value


def _db_open() -> bool:
    db = database_proxy.obj
    return db is not None and not db.is_closed()


def role() -> str:
    """"owner", "manager", "viewer" (or "anonymous"): what the current employee may do."""
    global _last
    if _anonymous:
        return "anonymous"
    if not _db_open():  # restoring a backup: the role known when it was still open
        return _last[1] if _last[0] == context._current_id else "owner"
    emp = context.current_employee()
    if emp is None:
        return "owner"  # an empty database: the solo user
    value = emp.role if emp.active and emp.role in ROLES else "viewer"
    _last = (emp.id, value)
    return value


def managers_see_all() -> bool:
    from .settings import get
    return bool(get(SEE_ALL_KEY, False))


def _record_model(record):
    if isinstance(record, tuple):
        model, rid = record
        return (_MODELS[model] if isinstance(model, str) else model), rid
    return type(record), record.id


def _mine(model, me: int):
    """SQL: the rows of ``model`` that employee ``me`` looks after."""
    my_clients = Client.select(Client.id).where(Client.responsible == me)
    if getattr(model, "model", model) is Client:  # also an alias of Client
        return (model.responsible == me) | model.responsible.is_null()
    if model is Deal:
        return (Deal.responsible == me) | Deal.responsible.is_null() | Deal.client.in_(my_clients)
    if model is Activity:
        my_deals = Deal.select(Deal.id).where(Deal.responsible == me)
        # "NULL IN (…)" is NULL, and NOT (… OR NULL) is NULL too: require_all's ~ would
        # then miss a colleague's activity without a client or deal; IS NOT NULL avoids it
        return ((Activity.responsible == me) | Activity.responsible.is_null()
                | (Activity.client.is_null(False) & Activity.client.in_(my_clients))
                | (Activity.deal.is_null(False) & Activity.deal.in_(my_deals)))
    if hasattr(model, "client"):
        return model.client.in_(Client.select(Client.id).where(_mine(Client, me)))
    raise TypeError(f"no access rule for {model.__name__}")


def _owns(record, me: int) -> bool:
    if isinstance(record, Client):
        return record.responsible_id in (None, me)
    model, rid = _record_model(record)
    if rid is None:
        return True
    return model.select(model.id).where(model.id == rid, _mine(model, me)).exists()


def can(action: str, record=None) -> bool:
    """May the current employee do ``action`` (on ``record`` when given)?"""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    who = role()
    if who == "owner":
        return True
    if who in ("viewer", "anonymous"):
        return action in READ_ACTIONS
    if action not in MANAGER_ACTIONS:
        return False
    if record is None or action not in RECORD_ACTIONS:
        return True
    if action == "view" and managers_see_all():
        return True
    return _owns(record, context.current_employee_id())


def _what(action: str, record=None) -> str:
    """The refused action with what it was about: "edit_client", "restore"…"""
    if action in RECORD_ACTIONS and record is not None:
        model = record if isinstance(record, type) else _record_model(record)[0]
        entity = _ENTITIES.get(getattr(model, "model", model))
        if entity:
            return f"{action}_{entity}"
    return action


def _refuse(action: str, record=None):
    who = role()
    if who == "anonymous" and action not in READ_ACTIONS:
        return SignInRequiredError(action=ACTIONS[action])
    what = _what(action, record)
    return PermissionDeniedError(action=PHRASES.get(what, ACTIONS[action]), what=what, role=ROLE_TITLES.get(who, who),
                                 role_code=who)


def require(action: str, record=None) -> None:
    """Raise ``PermissionDeniedError`` unless ``can(action, record)``."""
    if not can(action, record):
        raise _refuse(action, record)


def deny(action: str, record=None):
    """Refuse ``action`` the way ``require`` does."""
    raise _refuse(action, record)


def require_all(action: str, model, ids) -> None:
    """``require`` for many rows of ``model`` at once (one query, not one per row)."""
    if role() != "manager" or action not in RECORD_ACTIONS:
        require(action)
        return
    if action == "view" and managers_see_all():
        return
    ids = list(ids)
    me = context.current_employee_id()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        if model.select(model.id).where(model.id.in_(chunk), ~_mine(model, me)).exists():
            raise _refuse(action, model)


def require_attach(client_id: int | None = None, deal_id: int | None = None) -> None:
    """Creating a deal or an activity: allowed to create, and (a manager) on a client or a
    deal they may change - a manager does not log calls on a colleague's client."""
    require("create")
    if role() != "manager" or (client_id is None and deal_id is None):
        return
    if deal_id is not None and can("edit", ("deal", deal_id)):
        return
    if client_id is not None and can("edit", ("client", client_id)):
        return
    deny("edit", ("deal", deal_id) if deal_id is not None else ("client", client_id))


def visible(model):
    """A condition to AND into a query of ``model``: True when everything is visible."""
    if role() != "manager" or managers_see_all():
        return True
    return _mine(model, context.current_employee_id())


def editable(model):
    """A condition on ``model``: the rows the current employee may change (True: all)."""
    who = role()
    if who == "owner":
        return True
    if who == "manager":
        return _mine(model, context.current_employee_id())
    return model.id.is_null()  # nothing


def visible_ids(entity: str) -> list[int] | None:
    """The ids of the live clients / deals / activities the current employee may see, or
    None when they may see them all (then the caller reads every row its own way)."""
    model = {"clients": Client, "deals": Deal, "activities": Activity}[entity]
    cond = visible(model)
    if cond is True:
        return None
    order = (Client.name_fold, Client.id) if model is Client else (model.id,)
    return [i for (i,) in model.select(model.id).where(cond, model.deleted_at.is_null())
            .order_by(*order).tuples()]


def scope(model) -> list:
    """``visible(model)`` as a list of conditions (empty when nothing is hidden)."""
    cond = visible(model)
    return [] if cond is True else [cond]


def is_read_only(record=None) -> bool:
    """For the UI: the record (or, without one, the data in general) cannot be changed."""
    return not can("edit", record)
