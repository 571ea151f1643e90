"""Employees: validation, the last owner, passwords, login required, signing in, lockout."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from app import context
from app import employees as svc
from app.errors import PermissionDeniedError, ValidationError
from db.models import AuditLog, Employee, utcnow


def owner_id() -> int:
    return Employee.get(Employee.role == "owner").id


def rule_of(excinfo) -> str:
    return excinfo.value.params.get("rule")


def test_create_list_and_update(db):
    anna = svc.create_employee("  Анна   Петрова ", "manager", login="anna")
    svc.create_employee("Борис", "viewer")
    rows = {r["name"]: r for r in svc.list_employees()}
    assert rows["Анна Петрова"] == dict(id=anna, name="Анна Петрова", role="manager", login="anna",
                                        active=True, has_password=False)
    assert rows["Борис"]["login"] is None and rows["Борис"]["role"] == "viewer"

    previous = svc.update_employee(anna, active=False, login="")
    assert previous == {"active": True, "login": "anna"}
    assert "Анна Петрова" not in {r["name"] for r in svc.list_employees()}
    left = {r["name"]: r for r in svc.list_employees(include_left=True)}["Анна Петрова"]
    assert left["active"] is False and left["login"] is None
    assert svc.update_employee(anna, name="Анна Петрова") == {}  # nothing changed


@pytest.mark.parametrize("call, rule", [
    (lambda: svc.create_employee("   "), "name_required"),
    (lambda: svc.create_employee("Вера", role="boss"), "unknown_role"),
    (lambda: svc.create_employee("Вера", login="ANNA"), "login_taken"),
])
def test_bad_input_is_refused_and_nothing_is_stored(db, call, rule):
    svc.create_employee("Анна", login="anna")
    count = Employee.select().count()
    with pytest.raises(ValidationError) as excinfo:
        call()
    assert rule_of(excinfo) == rule
    assert Employee.select().count() == count


def test_login_of_another_employee_cannot_be_taken_by_update(db):
    svc.create_employee("Анна", login="anna")
    boris = svc.create_employee("Борис", login="boris")
    with pytest.raises(ValidationError) as excinfo:
        svc.update_employee(boris, login=" Anna ")
    assert rule_of(excinfo) == "login_taken" and excinfo.value.params["name"] == "Анна"
    assert svc.update_employee(boris, login="Boris") == {"login": "boris"}  # own login, other case


def test_the_last_active_owner_cannot_go(db):
    owner = owner_id()
    for change in ({"role": "manager"}, {"active": False}):
        with pytest.raises(ValidationError) as excinfo:
            svc.update_employee(owner, **change)
        assert rule_of(excinfo) == "owner_needed"
    assert Employee.get_by_id(owner).role == "owner" and Employee.get_by_id(owner).active
    second = svc.create_employee("Совладелец", role="owner")
    svc.update_employee(owner, active=False)  # another owner remains
    context.set_current_employee(second)  # the one who left manages nothing any more
    with pytest.raises(ValidationError):
        svc.update_employee(second, role="viewer")


def test_only_the_owner_manages_employees(db):
    manager = svc.create_employee("Анна", "manager")
    other = svc.create_employee("Борис", "manager")
    context.set_current_employee(manager)
    for call in (lambda: svc.create_employee("Вера"), lambda: svc.update_employee(other, name="Б."),
                 lambda: svc.set_password(other, "secret1")):
        with pytest.raises(PermissionDeniedError):
            call()
    assert not svc.can_manage()
    svc.set_password(manager, "my own secret")  # one's own password is allowed
    assert svc.authenticate("Анна", "my own secret") == manager


def test_password_is_hashed_with_scrypt_and_checked(db):
    anna = svc.create_employee("Анна", login="anna")
    with pytest.raises(ValidationError) as excinfo:
        svc.set_password(anna, "12345")
    assert rule_of(excinfo) == "password_short"
    svc.set_password(anna, "пароль-123")
    stored = Employee.get_by_id(anna).password_hash
    scheme, n, r, p, salt, digest = stored.split("$")
    assert scheme == "scrypt" and int(n) >= 2 ** 14 and "пароль" not in stored
    svc.set_password(anna, "пароль-123")
    assert Employee.get_by_id(anna).password_hash != stored  # a new random salt
    assert svc.authenticate("anna", "пароль-123") == anna
    assert {r["name"]: r["has_password"] for r in svc.list_employees()} == {"Анна": True, "Владелец": False}
    svc.set_password(anna, None)
    assert Employee.get_by_id(anna).password_hash is None


def test_audit_records_changes_but_never_the_password(db):
    anna = svc.create_employee("Анна", login="anna")
    svc.update_employee(anna, role="viewer")
    svc.set_password(anna, "secret-word")
    rows = list(AuditLog.select().where(AuditLog.entity == "employee", AuditLog.entity_id == anna)
                .order_by(AuditLog.id))
    assert [r.action for r in rows] == ["create", "update", "password"]
    assert json.loads(rows[1].changes) == {"role": ["manager", "viewer"]}
    assert rows[1].employee_id == owner_id()
    text = " ".join(r.changes for r in rows)
    assert "secret-word" not in text and "scrypt" not in text


def test_login_required_only_for_a_team_with_passwords(db):
    assert not svc.login_required()  # the solo user
    anna = svc.create_employee("Анна")
    assert not svc.login_required()  # two employees, no passwords
    svc.set_password(anna, "secret1")
    assert svc.login_required()
    svc.update_employee(anna, active=False)  # the only one with a password left
    assert not svc.login_required()
    svc.set_password(owner_id(), "owner-secret")
    assert svc.login_required()  # the owner locked the laptop


def test_authenticate_by_login_or_name_and_no_hint_which_was_wrong(db):
    anna = svc.create_employee("Анна Петрова", login="anna")
    svc.set_password(anna, "secret1")
    assert svc.authenticate("ANNA", "secret1") == anna
    assert svc.authenticate(" анна  петрова ", "secret1") == anna
    with pytest.raises(svc.LoginError) as wrong_password:
        svc.authenticate("anna", "secret2")
    with pytest.raises(svc.LoginError) as wrong_name:
        svc.authenticate("nobody", "secret1")
    assert str(wrong_password.value) == str(wrong_name.value)
    assert wrong_password.value.code == "login_failed"
    svc.update_employee(anna, active=False)
    with pytest.raises(svc.LoginError):
        svc.authenticate("anna", "secret1")  # a leaver cannot sign in


def test_employee_without_password_signs_in_with_an_empty_one(db):
    assert svc.authenticate("Владелец", "") == owner_id()
    with pytest.raises(svc.LoginError):
        svc.authenticate("Владелец", "guess")


def test_five_failures_lock_for_five_minutes_and_success_resets(db):
    anna = svc.create_employee("Анна", login="anna")
    svc.set_password(anna, "secret1")
    start = utcnow()
    for _ in range(4):
        with pytest.raises(svc.LoginError):
            svc.authenticate("anna", "wrong!", now=start)
    assert svc.authenticate("anna", "secret1", now=start) == anna  # resets the count
    for _ in range(4):
        with pytest.raises(svc.LoginError):
            svc.authenticate("anna", "wrong!", now=start)
    with pytest.raises(svc.AccountLockedError) as locked:
        svc.authenticate("anna", "wrong!", now=start)
    assert locked.value.code == "account_locked" and locked.value.params["minutes"] == 5
    with pytest.raises(svc.AccountLockedError) as still:
        svc.authenticate("anna", "secret1", now=start + timedelta(minutes=3, seconds=10))
    assert still.value.params["minutes"] == 2  # even the right password waits
    assert svc.authenticate("anna", "secret1", now=start + timedelta(minutes=5, seconds=1)) == anna
    with pytest.raises(svc.LoginError):  # a fresh count after the lock
        svc.authenticate("anna", "wrong!", now=start + timedelta(minutes=6))


def test_delete_only_an_unused_employee(db):
    from app.clients import ClientData, create_client
    anna = svc.create_employee("Анна")
    svc.delete_employee(anna)
    assert Employee.get_or_none(Employee.id == anna) is None
    boris = svc.create_employee("Борис")
    create_client(ClientData(name="ООО Ромашка", responsible_id=boris))
    with pytest.raises(ValidationError) as excinfo:
        svc.delete_employee(boris)
    assert rule_of(excinfo) == "in_use"
