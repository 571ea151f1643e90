"""``--screenshot DIR``: open the main views one by one and save a PNG of each."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from app.client_list import sample_client_id
from app.clients import load_client

from .client_card import open_client_card

PAGE_NAMES = ("clients", "funnel", "calendar", "activities", "reports", "settings", "trash")


def settle(ms: int = 120) -> None:
    """Let layouts, timers and paints finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_idle(page: QWidget, limit_ms: int = 10_000) -> None:
    """Wait for a page that works in the background (the reports) to show its result."""
    busy = getattr(page, "busy", None)
    if busy is None:
        return
    waited = 0
    while busy() and waited < limit_ms:
        settle(50)
        waited += 50
    settle(300)  # the chart is drawn again for its final size


def _save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    print(path)
    return path


def _save_with_popup(window: QWidget, popup: QWidget, path: Path) -> Path:
    """The window with a popup drawn where it shows on the screen."""
    picture = window.grab()
    if popup.isVisible():
        painter = QPainter(picture)
        painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
        painter.end()
    picture.save(str(path))
    print(path)
    return path


def _report_shots(window, folder: Path, number: int) -> int:
    """Every report, over this year (a month of demo data can be thin)."""
    from app.reports import definitions
    window.show_page(window.REPORTS)
    page = window.stack.currentWidget()
    panel = page.filters
    panel.period_combo.setCurrentIndex(max(0, panel.period_combo.findData("this_year")))
    panel.on_period_combo_activated()
    for definition in definitions():
        page.select_report(definition.name)
        settle()
        wait_idle(page)
        _save(window, folder / f"{number:02d}-report-{definition.name}.png")
        number += 1
    return number


def take_screenshots(window, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1366, 768)
    window.show()
    window.today_dock.hide()  # each page on its own; the Today panel gets its own picture
    settle(300)
    number = 1
    for index, name in enumerate(PAGE_NAMES):
        window.show_page(index)
        settle()
        wait_idle(window.stack.currentWidget())
        _save(window, folder / f"{number:02d}-{name}.png")
        number += 1

    number = _report_shots(window, folder, number)

    window.show_page(window.CLIENTS)
    window.today_dock.show()
    settle(300)
    _save(window, folder / f"{number:02d}-today.png")
    window.today_dock.hide()
    number += 1

    from db.models import Deal, Stage
    deal = (Deal.select().join(Stage).where(Deal.deleted_at.is_null(), Stage.kind == "open")
            .order_by(Deal.amount.desc()).first())
    if deal is not None:
        from .deal_card import open_deal_card
        deal_card = open_deal_card(window, deal.id)
        settle(300)
        _save(deal_card, folder / f"{number:02d}-deal-card.png")
        deal_card.close()
        number += 1

    client_id = sample_client_id()
    if client_id is not None:
        name = load_client(client_id).name
        window.search_box.setFocus()
        window.search_box.setText(name.split()[0][:6])
        window.search_box.search_now()
        settle()
        _save_with_popup(window, window.search_box.popup, folder / f"{number:02d}-search.png")
        window.search_box.hide_popup()
        number += 1

        card = open_client_card(window, client_id)
        card.resize(max(card.width(), 1000), max(card.height(), 720))
        settle(300)
        _save(card, folder / f"{number:02d}-client-card.png")
        card.close()
        number += 1
    else:
        print("kartoteka: no clients in this database; the card was not shown", file=sys.stderr)

    new_card = open_client_card(window, None)
    settle(300)
    _save(new_card, folder / f"{number:02d}-new-client.png")
    new_card.close()
    window.close()
    return 0
