"""Employees: who works in Kartoteka, their role, login and password, and signing in.

Only the owner manages employees (anyone may change their own password).  The database
always keeps at least one active owner.  Every change is audited (entity "employee"),
never with a password or its hash.  A ``ValidationError`` carries a ``rule`` parameter
(name_required, unknown_role, login_taken, owner_needed, password_short, in_use) so the
UI can say each refusal in the user's language.

A solo user never signs in: ``login_required()`` turns true only once the owner has a
password, or an active employee has one and at least two employees are active.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta

from db.models import (Activity, AuditLog, Client, Deal, Employee, StageChange, database_proxy,
                       utcnow)

from . import audit, context
from .errors import KartotekaError, NotFoundError, PermissionDeniedError, ValidationError
from .events import publish
from .passwords import MIN_LENGTH, hash_password, verify_password, waste_time

ROLES = Employee.ROLES
MAX_FAILURES = 5
LOCK_MINUTES = 5
_UNCHANGED = object()


class LoginError(KartotekaError):
    code = "login_failed"
    message = "The name or the password is wrong."


class AccountLockedError(KartotekaError):
    code = "account_locked"
    message = "Too many wrong passwords: signing in is locked for {minutes} min. Try again later."


# ----------------------------------------------------------------------- permission

def require_manage() -> None:
    try:
        from . import access
    except ImportError:
        access = None
    require = getattr(access, "require", None)
    if require is not None:
        require("manage_employees")
        return
    emp = context.current_employee()
    if emp is None or emp.role != "owner":
        raise PermissionDeniedError(action="manage employees")


def can_manage() -> bool:
    """May the current employee add, change and hand over employees?"""
    try:
        require_manage()
    except PermissionDeniedError:
        return False
    return True


# ----------------------------------------------------------------------- reading

def _info(e: Employee) -> dict:
    return dict(id=e.id, name=e.name, role=e.role, login=e.login, active=bool(e.active),
                has_password=bool(e.password_hash))


def list_employees(include_left: bool = False) -> list[dict]:
    """Employees by name (active first when the ones who left are included)."""
    q = Employee.select()
    if not include_left:
        q = q.where(Employee.active == True)  # noqa: E712
    return [_info(e) for e in q.order_by(Employee.active.desc(), Employee.name, Employee.id)]


def get_employee(emp_id: int) -> dict:
    return _info(get_row(emp_id))


def get_row(emp_id: int) -> Employee:
    emp = Employee.get_or_none(Employee.id == emp_id)
    if emp is None:
        raise NotFoundError(entity="employee", id=emp_id)
    return emp


# ----------------------------------------------------------------------- checks

def _clean_name(name) -> str:
    text = " ".join(str(name or "").split())
    if not text:
        raise ValidationError(field="name", detail="an employee needs a name", rule="name_required")
    return text


def _clean_role(role) -> str:
    if role not in ROLES:
        raise ValidationError(field="role", detail=f"unknown role {role!r}", rule="unknown_role")
    return role


def _clean_login(login, emp_id: int | None) -> str | None:
    text = str(login or "").strip()
    if not text:
        return None
    for other_id, other_login, other_name in Employee.select(Employee.id, Employee.login, Employee.name).where(
            Employee.login.is_null(False)).tuples():
        if other_id != emp_id and other_login.casefold() == text.casefold():
            raise ValidationError(field="login", detail=f"{text!r} is already the login of {other_name}",
                                  rule="login_taken", login=text, name=other_name)
    return text


def _check_owner_left(changing: int, role: str, active: bool) -> None:
    """Refuse a change that would leave no active owner."""
    if role == "owner" and active:
        return
    others = Employee.select().where(Employee.role == "owner", Employee.active == True,  # noqa: E712
                                     Employee.id != changing).exists()
    if not others:
        raise ValidationError(field="role", detail="Kartoteka needs at least one active owner; "
                              "make another employee an owner first", rule="owner_needed")


# ----------------------------------------------------------------------- changes

def create_employee(name, role: str = "manager", login=None) -> int:
    require_manage()
    name, role = _clean_name(name), _clean_role(role)
    with database_proxy.atomic():
        login = _clean_login(login, None)
        emp = Employee.create(name=name, role=role, login=login, active=True)
        audit.record("employee", emp.id, "create", {"name": [None, name], "role": [None, role],
                                                    "login": [None, login]})
    publish("employee", "create", [emp.id])
    return emp.id


def update_employee(emp_id: int, *, name=_UNCHANGED, role=_UNCHANGED, login=_UNCHANGED,
                    active=_UNCHANGED) -> dict:
    """Change what is given; returns the previous values of what changed (for undo)."""
    require_manage()
    with database_proxy.atomic():
        emp = get_row(emp_id)
        old = dict(name=emp.name, role=emp.role, login=emp.login, active=bool(emp.active))
        new = dict(old)
        if name is not _UNCHANGED:
            new["name"] = _clean_name(name)
        if role is not _UNCHANGED:
            new["role"] = _clean_role(role)
        if login is not _UNCHANGED:
            new["login"] = _clean_login(login, emp_id)
        if active is not _UNCHANGED:
            new["active"] = bool(active)
        changes = audit.diff(old, new)
        if not changes:
            return {}
        if old["role"] == "owner" and old["active"]:
            _check_owner_left(emp_id, new["role"], new["active"])
        Employee.update(**{k: new[k] for k in changes}).where(Employee.id == emp_id).execute()
        audit.record("employee", emp_id, "update", changes)
    publish("employee", "update", [emp_id])
    return {k: old[k] for k in changes}


def set_password(emp_id: int, password: str | None) -> None:
    """Set (or, with None or "", remove) a password; anyone may change their own."""
    if emp_id != context.current_employee_id():
        require_manage()
    if password and len(password) < MIN_LENGTH:
        raise ValidationError(field="password", detail=f"at least {MIN_LENGTH} characters",
                              rule="password_short", minimum=MIN_LENGTH)
    value = hash_password(password) if password else None
    with database_proxy.atomic():
        get_row(emp_id)
        Employee.update(password_hash=value, failed_logins=0, locked_until=None).where(
            Employee.id == emp_id).execute()
        audit.record("employee", emp_id, "password", {"password": [None, "changed" if value else "removed"]})
    publish("employee", "update", [emp_id])


def delete_employee(emp_id: int) -> None:
    """Delete an employee nobody refers to yet (the undo of "Add"); others are marked left."""
    require_manage()
    with database_proxy.atomic():
        emp = get_row(emp_id)
        used = any(model.select().where(column == emp_id).exists() for model, column in (
            (Client, Client.responsible), (Deal, Deal.responsible), (Activity, Activity.responsible),
            (Activity, Activity.created_by), (StageChange, StageChange.employee),
            (AuditLog, AuditLog.employee)))
        if used:
            raise ValidationError(field="name", detail=f"{emp.name} already has work in Kartoteka; "
                                  "mark the employee as left instead", rule="in_use", name=emp.name)
        if emp.role == "owner" and emp.active:
            _check_owner_left(emp_id, "manager", False)
        emp.delete_instance()
        audit.record("employee", emp_id, "delete", {"name": [emp.name, None]})
    publish("employee", "delete", [emp_id])


# ----------------------------------------------------------------------- signing in

def login_required() -> bool:
    active = Employee.select().where(Employee.active == True)  # noqa: E712
    with_password = active.where(Employee.password_hash.is_null(False))
    if with_password.where(Employee.role == "owner").exists():
        return True
    return with_password.exists() and active.count() >= 2


def _candidates(login_or_name: str) -> list[Employee]:
    key = " ".join((login_or_name or "").split()).casefold()
    if not key:
        return []
    active = list(Employee.select().where(Employee.active == True).order_by(Employee.id))  # noqa: E712
    by_login = [e for e in active if (e.login or "").strip().casefold() == key]
    return by_login or [e for e in active if e.name.casefold() == key]


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds() / 60))


def authenticate(login_or_name: str, password: str, *, now: datetime | None = None) -> int:
    """The id of the employee whose login (or name) and password match.

    An employee without a password signs in with an empty one.  ``MAX_FAILURES`` wrong
    passwords in a row lock the account for ``LOCK_MINUTES``; a success resets the count.
    """
    now = now or utcnow()
    candidates = _candidates(login_or_name)
    if not candidates:
        waste_time(password or "")
        raise LoginError()
    locked = []
    for emp in candidates:
        if emp.locked_until is not None and emp.locked_until > now:
            locked.append(emp)
            continue
        ok = (verify_password(password or "", emp.password_hash) if emp.password_hash
              else not password)
        with database_proxy.atomic():
            if ok:
                Employee.update(failed_logins=0, locked_until=None).where(Employee.id == emp.id).execute()
                return emp.id
            failures = emp.failed_logins + 1  # the count restarts when a lock is set
            until = now + timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None
            Employee.update(failed_logins=0 if until else failures, locked_until=until).where(
                Employee.id == emp.id).execute()
        if until is not None and len(candidates) == 1:
            raise AccountLockedError(minutes=LOCK_MINUTES)
    if locked and len(locked) == len(candidates):
        raise AccountLockedError(minutes=_minutes_left(min(e.locked_until for e in locked), now))
    raise LoginError()
