"""Two people on one database: what another process saves shows up here within a poll."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from app.clients import ClientData, create_client, load_client
from tests.elsewhere import elsewhere
from tests.ui.conftest import type_text, when_modal
from tests.ui.test_client_card import gui, new_card  # noqa: F401 - fixture

FAST_MS = 40

RENAME_ELSEWHERE = """
from app.clients import load_client, update_client
client = load_client({id})
client.{field} = {value!r}
update_client(client)
"""


def _change_elsewhere(db_path, client_id: int, field: str, value: str) -> None:
    elsewhere(db_path, RENAME_ELSEWHERE.format(id=client_id, field=field, value=value))


def _names(window) -> list[str]:
    model = window.client_page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_client_added_elsewhere_appears_and_the_selection_stays(main_window, db_path, qtbot):
    for name in ("Алексеев", "Борисов", "Васильев"):
        create_client(ClientData(name=name))
    page = main_window.client_page
    page.refresh()
    page.view.selectRow(1)
    chosen = page.current_id()
    main_window.change_refresh.timer.setInterval(FAST_MS)

    elsewhere(db_path, "from app.clients import ClientData, create_client\n"
                       "create_client(ClientData(name='Аникеев'))")
    qtbot.waitUntil(lambda: "Аникеев" in _names(main_window), timeout=3000)
    assert page.current_id() == chosen and page.selected_ids() == [chosen]
    qtbot.waitUntil(lambda: "4" in main_window.count_label.text(), timeout=2000)


def test_funnel_today_panel_and_a_stale_page_catch_up(main_window, db_path, qtbot):
    from app import deals
    client = create_client(ClientData(name="Ромашка"))
    stage = deals.stages()[1]
    main_window.show_page(main_window.ACTIVITIES)
    activities = main_window.activities_page
    main_window.show_page(main_window.FUNNEL)
    funnel = main_window.funnel_page
    main_window.change_refresh.timer.setInterval(FAST_MS)

    elsewhere(db_path, f"""
        from datetime import timedelta
        from app import deals
        from app.activities import ActivityData, log_activity
        from db.models import utcnow
        deals.create_deal({client.id}, "Сделка из другого окна", 700, stage_id={stage.id})
        log_activity(ActivityData(kind="call_out", subject="Перезвонить", client_id={client.id},
                                  status="planned", planned_at=utcnow() - timedelta(hours=3)))
    """)
    qtbot.waitUntil(lambda: len(funnel.board.columns[stage.id].model.ids()) == 1, timeout=3000)
    qtbot.waitUntil(lambda: main_window.today_panel.overdue.model.rowCount() == 1, timeout=3000)
    main_window.show_page(main_window.ACTIVITIES)  # was hidden: refreshes when shown
    qtbot.waitUntil(lambda: activities.model.total() == 1, timeout=3000)


def test_polling_pauses_while_hidden_or_behind_a_modal_dialog(main_window, db_path, qtbot):
    refresher = main_window.change_refresh
    refresher.timer.stop()
    elsewhere(db_path, "from app.clients import ClientData, create_client\n"
                       "create_client(ClientData(name='Пока скрыто'))")
    main_window.hide()
    assert refresher.poll() is None
    main_window.show()
    modal = QDialog(main_window)
    modal.setModal(True)
    modal.show()
    qtbot.waitUntil(lambda: modal.isVisible())
    assert refresher.poll() is None
    modal.close()
    changes = refresher.poll()
    assert changes is not None and "client" in changes  # nothing was lost while paused
    main_window.client_page.refresh()
    assert "Пока скрыто" in _names(main_window)


def test_an_open_clean_card_offers_to_reload(db, db_path, gui):
    client = create_client(ClientData(name="Общий", city="Москва"))
    card = new_card(gui, client.id)
    from ui.change_refresh import ChangeRefresher
    refresher = ChangeRefresher(card, interval_ms=FAST_MS)
    _change_elsewhere(db_path, client.id, "city", "Тверь")
    gui.waitUntil(card.changed_banner.isVisible, timeout=3000)
    assert "someone else" in card.changed_banner.label.text()
    assert card.details.city_edit.text() == "Москва"  # not changed under the user's eyes
    card.changed_banner.reload_button.click()
    assert card.details.city_edit.text() == "Тверь"
    assert not card.changed_banner.isVisible() and not card.is_dirty()
    refresher.timer.stop()


def test_a_card_with_edits_keeps_them_and_saving_goes_through_the_conflict_dialog(db, db_path, gui):
    client = create_client(ClientData(name="Общий", city="Москва"))
    card = new_card(gui, client.id)
    from ui.change_refresh import ChangeRefresher
    refresher = ChangeRefresher(card, interval_ms=FAST_MS)
    card.details.city_edit.selectAll()
    type_text(card.details.city_edit, "Казань")
    _change_elsewhere(db_path, client.id, "city", "Тверь")
    gui.waitUntil(card.changed_banner.isVisible, timeout=3000)
    refresher.timer.stop()
    assert "Your edits are kept" in card.changed_banner.label.text()
    assert card.details.city_edit.text() == "Казань" and card.is_dirty()

    def keep_mine(dialog):
        dialog.keep_mine_button.click()
        dialog.save_button.click()
    shown = when_modal(keep_mine)
    card.save_button.click()
    assert shown  # never a silent overwrite of theirs, never a lost edit of mine
    assert load_client(client.id).city == "Казань"
    gui.waitUntil(lambda: not card.changed_banner.isVisible(), timeout=2000)


def test_reload_over_edits_asks_first(db, db_path, gui):
    client = create_client(ClientData(name="Общий", city="Москва"))
    card = new_card(gui, client.id)
    card.details.city_edit.selectAll()
    type_text(card.details.city_edit, "Казань")
    _change_elsewhere(db_path, client.id, "city", "Тверь")
    card.changed_banner.check()
    assert card.changed_banner.isVisible()
    shown = when_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())  # keep my edits
    card.changed_banner.reload_button.click()
    assert shown and card.details.city_edit.text() == "Казань"
    shown = when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    card.changed_banner.reload_button.click()
    assert shown and card.details.city_edit.text() == "Тверь" and not card.is_dirty()


def test_the_window_does_not_wait_while_the_big_tables_are_measured(main_window, db_path, qtbot, monkeypatch):
    """After a commit elsewhere the fingerprints (a scan of 100 000s of rows) are read in a
    worker: the poll returns at once and the change still reaches the list."""
    import threading
    import time

    from ui import change_refresh
    refresher = main_window.change_refresh
    refresher.timer.stop()
    refresher.poll()  # the first reading
    threads, real_fingerprints = [], change_refresh.fingerprints

    def slow_fingerprints():
        threads.append(threading.current_thread())
        time.sleep(0.4)
        return real_fingerprints()
    monkeypatch.setattr(change_refresh, "fingerprints", slow_fingerprints)
    elsewhere(db_path, "from app.clients import ClientData, create_client\n"
                       "create_client(ClientData(name='Измерен в фоне'))")
    started = time.perf_counter()
    refresher.poll_in_background()
    assert time.perf_counter() - started < 0.2
    qtbot.waitUntil(lambda: "Измерен в фоне" in _names(main_window), timeout=3000)
    assert threads and threads[0] is not threading.main_thread()
