"""Keyboard and screen-reader pass over the real windows on a demo database: every icon-only
button says what it does (accessible name and tooltip), every input has an accessible name
(its own, a label's buddy or a placeholder), and every control can be reached with Tab."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QCalendarWidget,
                               QCheckBox, QComboBox, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QTabBar,
                               QTabWidget, QTextEdit, QWidget)

from tests.ui.conftest import type_text

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView)
# composite widgets: their inner parts (a spin box's line edit, a combo's popup) are theirs
COMPOSITES = (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar, QLineEdit, QCalendarWidget)


def _settle(ms: int = 30) -> None:
    QApplication.processEvents()
    QTest.qWait(ms)


def _is_internal(widget: QWidget, window: QWidget) -> bool:
    """Part of a composite control, or one of Qt's own helpers (named qt_…)."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _icon_only(button: QAbstractButton) -> bool:
    """No text a person could read aloud: empty, or only symbols like "×" or "▾"."""
    return not any(ch.isalnum() for ch in button.text())


def _describe(widget: QWidget, window: QWidget) -> str:
    path = []
    parent = widget.parentWidget()
    while parent is not None and parent is not window and len(path) < 3:
        path.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    name = widget.objectName()
    if not name:  # which of its unnamed siblings of the same kind
        siblings = [w for w in (widget.parentWidget() or window).children() if type(w) is type(widget)]
        name = f"#{siblings.index(widget) + 1}"
    hint = ""
    if isinstance(widget, QAbstractButton) and widget.text():
        hint = f" text={widget.text()!r}"
    elif isinstance(widget, QLineEdit) and widget.text():
        hint = f" text={widget.text()[:20]!r}"
    return (f"{window.objectName() or type(window).__name__}: {type(widget).__name__} '{name}'{hint}"
            f" in {' < '.join(path) or 'window'}")


def problems(window: QWidget) -> set[str]:
    """What the visible controls of ``window`` lack, one line per widget and problem."""
    found: set[str] = set()
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or _is_internal(widget, window):
            continue
        is_button = isinstance(widget, QAbstractButton)
        is_input = isinstance(widget, INPUTS) or (isinstance(widget, QCheckBox) and not widget.text())
        if not (is_button or is_input):
            continue
        where = _describe(widget, window)
        if is_button and _icon_only(widget):
            if not widget.accessibleName():
                found.add(f"{where}: icon-only button without an accessible name")
            if not widget.toolTip():
                found.add(f"{where}: icon-only button without a tooltip")
        elif is_input:
            placeholder = getattr(widget, "placeholderText", lambda: "")()
            if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
                placeholder = placeholder or widget.lineEdit().placeholderText()
            if not (widget.accessibleName() or id(widget) in buddies or placeholder):
                found.add(f"{where}: input without an accessible name, buddy label or placeholder")
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            read_only = getattr(widget, "isReadOnly", lambda: False)()
            if not read_only:
                found.add(f"{where}: cannot be reached with Tab")
    return found


def walk(window: QWidget) -> set[str]:
    """``problems`` of the window with every tab of every tab widget shown once."""
    found = problems(window)
    seen: set[int] = set()

    def visit_tabs() -> None:
        for tabs in window.findChildren(QTabWidget):
            if id(tabs) in seen or not tabs.isVisible():
                continue
            seen.add(id(tabs))
            current = tabs.currentIndex()
            for index in range(tabs.count()):
                if not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                    continue
                tabs.setCurrentIndex(index)
                _settle()
                found.update(problems(window))
                visit_tabs()
            tabs.setCurrentIndex(current)

    visit_tabs()
    return found


def report(found: set[str]) -> str:
    return f"{len(found)} accessibility problem(s):\n" + "\n".join(sorted(found))


# ---------------------------------------------------------------- a demo database


@pytest.fixture
def demo(db):
    from app import employees
    from app.client_list import sample_client_id
    from app.demo import generate
    from db.models import Deal
    generate(25, seed=3)
    boss = employees.create_employee("Анна Петрова", login="anna")
    employees.set_password(boss, "secret-1")
    client_id = sample_client_id()
    deal = Deal.select().where(Deal.deleted_at.is_null()).order_by(Deal.id).first()
    return {"client": client_id, "deal": deal.id}


_SHOWN: list[QWidget] = []
"""The windows a test showed: qtbot keeps only weak references, so without these a
dialog would be destroyed whenever Python's collector reached it - possibly in the
middle of a later test's event processing, or before its parent's turn at teardown."""


@pytest.fixture(autouse=True)
def _close_what_was_shown():
    yield
    for widget in reversed(_SHOWN):  # a child dialog before the window it belongs to
        try:
            widget.close()
            widget.deleteLater()
        except RuntimeError:  # deleted with its parent already
            pass
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _SHOWN.clear()


def _shown(qtbot, widget: QWidget, size=None) -> QWidget:
    _SHOWN.append(widget)
    qtbot.addWidget(widget)
    if size:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    _settle()
    return widget


def test_every_page_of_the_main_window(demo, main_window):
    found = set()
    for row in range(main_window.stack.count()):
        main_window.show_page(row)
        _settle(60)
        found |= walk(main_window)
    assert not found, report(found)


def test_the_client_card_with_every_tab(demo, qtbot):
    from ui.client_card import open_client_card
    card = open_client_card(None, demo["client"])  # closed by the conftest, unasked
    qtbot.waitExposed(card)
    _settle()
    found = walk(card)
    assert not found, report(found)


def test_the_deal_card(demo, qtbot):
    from ui.deal_card import open_deal_card
    card = open_deal_card(None, demo["deal"])
    qtbot.addWidget(card)
    qtbot.waitExposed(card)
    _settle()
    found = walk(card)
    assert not found, report(found)


def test_the_dialogs(demo, qtbot):
    from ui.documents_dialog import DocumentsDialog
    from ui.export_dialog import ExportDialog
    from ui.import_wizard import ImportWizard
    from ui.login_dialog import LoginDialog
    found = set()
    for make in (lambda: ImportWizard(None, None), lambda: ExportDialog(None, "clients", client_ids=[demo["client"]]),
                 LoginDialog, lambda: DocumentsDialog(demo["client"], demo["deal"])):
        found |= walk(_shown(qtbot, make()))
    assert not found, report(found)


def test_the_smaller_dialogs(demo, qtbot, db_path):
    from ui.automation_rule_dialog import RuleDialog
    from ui.calendar.activity_dialog import ActivityDialog
    from ui.employee_dialogs import EmployeeDialog, HandoverDialog, PasswordDialog
    from ui.funnel.lost_reason_dialog import LostReasonDialog
    from ui.import_wizard import ImportHistoryDialog
    from ui.office_dialog import OfficeDialog
    from ui.reports.plan_dialog import PlanDialog
    from ui.segments.manager import SegmentsManager
    from ui.welcome import WelcomeDialog
    from ui.widgets.complete_dialog import CompleteActivityDialog
    host = _shown(qtbot, QWidget())
    people = [{"id": 1, "name": "Анна Петрова", "active": True}, {"id": 2, "name": "Олег Сидоров", "active": True}]
    found = set()
    for make in (lambda: ActivityDialog(None, client_id=demo["client"], client_name="Клиент"),
                 lambda: WelcomeDialog(str(db_path)), lambda: LostReasonDialog(None, "Кухня", "Упущен"),
                 lambda: PlanDialog(("calls", "meetings", "emails", "tasks"), "2025-03", "ru"),
                 lambda: RuleDialog(host, "Rule", lambda *a: None),
                 lambda: EmployeeDialog(None, "Employee", lambda *a: None),
                 lambda: PasswordDialog(None, "Анна Петрова", lambda *a: None),
                 lambda: HandoverDialog(None, people, lambda *a: None, 1),
                 SegmentsManager, OfficeDialog, lambda: CompleteActivityDialog("Позвонить", "call_out"),
                 ImportHistoryDialog):
        found |= walk(_shown(qtbot, make()))
    assert not found, report(found)


def _tab_walk(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = []
    for _ in range(steps):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


@pytest.fixture
def card(db, qtbot):
    from app.clients import ClientData, PhoneItem, create_client
    from ui.client_card import open_client_card
    client = create_client(ClientData(name="Иванов Иван Петрович", phones=[PhoneItem("+7 900 000-00-01")],
                                      emails=["ivanov@example.ru"]))
    card = open_client_card(None, client.id)  # closed by the conftest, unasked
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    return card


def test_tab_goes_through_the_client_card_in_visual_order(card, qtbot):
    details = card.details
    phone, email = details.phones.rows[0], details.emails.rows[0]
    expected = [details.inn_edit, phone.edit, phone.action, phone.remove, details.phones.add_button,
                email.edit, email.action, email.remove, details.emails.add_button,
                details.status_combo, details.responsible_combo, details.next_contact.check]
    walked = _tab_walk(qtbot, details.name_edit, len(expected))
    assert [_describe(w, card) for w in walked] == [_describe(w, card) for w in expected]


def test_a_phone_added_later_is_reached_where_it_shows(card, qtbot):
    phones = card.details.phones
    qtbot.mouseClick(phones.add_button, Qt.MouseButton.LeftButton)
    new = phones.rows[-1]
    assert len(phones.rows) == 2 and new.edit.hasFocus()
    qtbot.waitUntil(new.edit.isVisible)  # a widget added to a shown layout shows a moment later
    type_text(new.edit, "+7 900 000-00-02")
    phones.on_row_editingFinished(new)  # the call button is enabled once there is a number
    expected = [new.edit, new.action, new.remove, phones.add_button, card.details.emails.rows[0].edit]
    walked = _tab_walk(qtbot, phones.rows[0].remove, len(expected))
    assert [_describe(w, card) for w in walked] == [_describe(w, card) for w in expected]


def test_the_date_box_of_a_form_row_is_what_its_label_focuses(card):
    picker = card.details.next_contact
    assert picker.focusProxy() is picker.check
    assert picker.check.accessibleName() == "Next contact: set"
    assert picker.editor.accessibleName() == "Next contact"
