"""Who is working: the current employee (owner by default for a solo user)."""
from __future__ import annotations

from db.models import Employee

_current_id: int | None = None


def set_current_employee(employee_id: int | None) -> None:
    global _current_id
    _current_id = employee_id


def current_employee() -> Employee | None:
    """The signed-in employee, or the first owner when nobody signed in."""
    global _current_id
    if _current_id is not None:
        emp = Employee.get_or_none(Employee.id == _current_id)
        if emp is not None:
            return emp
    emp = (Employee.select().where(Employee.role == "owner", Employee.active == True)  # noqa: E712
           .order_by(Employee.id).first())
    if emp is not None:
        _current_id = emp.id
    return emp


def current_employee_id() -> int | None:
    emp = current_employee()
    return emp.id if emp else None
