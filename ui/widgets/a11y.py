"""Small accessibility helpers: names for screen readers, tooltips, and Tab reaching
controls that Qt leaves out of the focus chain."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QWidget


def describe(widget: QWidget, name: str, tip: str | None = None) -> QWidget:
    """Give ``widget`` an accessible name (read by screen readers) and, for a control that
    is not obvious (an icon or a symbol), a tooltip saying what it does."""
    widget.setAccessibleName(name)
    if tip is not None:
        widget.setToolTip(tip)
    return widget


def tab_chain(*widgets: QWidget) -> None:
    """Tab goes through ``widgets`` in this order (Qt's default is the order of creation)."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


def tab_reachable(toolbar: QToolBar) -> None:
    """Qt's toolbar buttons take no keyboard focus; let Tab reach them (call once the
    actions are added)."""
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
