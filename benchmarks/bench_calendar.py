"""The calendar with a busy month, and the reminders while idle.

    python benchmarks/bench_calendar.py [--activities 5000] [--idle-seconds 10]

Fills a temporary database with clients and ``--activities`` planned and done
activities in one month (plus weekly series and birthdays), then measures:
- reading the month from the core (``app.calendar.items``);
- the month view: handing it the items, laying out and painting at 1366×768
  (goal: build + paint < 200 ms);
- the whole page refresh (read + views + agenda) and a paint;
- the CPU time of this process while the reminder controller is armed (a reminder an
  hour ahead) and the calendar page and the Today panel are shown, over an idle period
  (``resource.getrusage``; goal: close to zero, no polling).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_NAMES = ["Пётр", "Анна", "Дмитрий", "Ольга", "Игорь", "Мария", "Сергей", "Екатерина"]
LAST_NAMES = ["Иванов", "Смирнова", "Кузнецов", "Петрова", "Соколов", "Морозова", "Волков", "Лебедева"]
KINDS = ["call_out", "call_out", "call_in", "meeting", "task", "email"]


def seed(month: date, count: int, rng: random.Random) -> None:
    from app import recurrence
    from app.activities import ActivityData, log_activity
    from app.clients import ClientData, create_client
    from db.models import Activity, Employee, database_proxy
    owner = Employee.create(name="Андрей Орлов", role="owner").id
    clients = []
    for n in range(300):
        name = "{} {}".format(rng.choice(LAST_NAMES), rng.choice(FIRST_NAMES))
        birthday = date(1970 + n % 30, month.month, 1 + n % 28) if n % 10 == 0 else None
        clients.append(create_client(ClientData(name=name, birthday=birthday, responsible_id=owner)).id)
    rows = []
    for _ in range(count):
        day = month + timedelta(days=rng.randrange(28))
        at = recurrence.to_utc(datetime.combine(day, datetime.min.time()) +
                               timedelta(minutes=rng.randrange(8 * 4, 19 * 4) * 15))
        done = rng.random() < 0.3
        rows.append(dict(kind=rng.choice(KINDS), subject="Звонок по договору", client=rng.choice(clients),
                         status="done" if done else "planned", planned_at=at, done_at=at if done else None,
                         duration_min=rng.choice([15, 30, 60]), responsible=owner))
    with database_proxy.atomic():
        for start in range(0, len(rows), 500):
            Activity.insert_many(rows[start:start + 500]).execute()
    for n in range(20):
        log_activity(ActivityData(kind="call_out", subject="Еженедельный созвон", client_id=clients[n],
                                  status="planned", recurrence="FREQ=WEEKLY",
                                  planned_at=recurrence.to_utc(datetime.combine(month, datetime.min.time())
                                                               + timedelta(hours=9, days=n % 7))))


def measure(fn, repeat: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])

    from app import calendar as core
    from app.activities import ActivityData, log_activity
    from db.connection import open_database
    from db.models import utcnow
    open_database(Path(tempfile.mkdtemp()) / "bench.db")
    month = date.today().replace(day=1)
    started = time.perf_counter()
    seed(month, args.activities, random.Random(1))
    print("seeded {} activities in {:.1f} s".format(args.activities, time.perf_counter() - started))

    from ui.calendar import CalendarPage
    from ui.calendar.common import utc_of_local
    from ui.calendar.month_view import WEEKS, grid_start
    first = grid_start(month)
    end = first + timedelta(days=WEEKS * 7)
    items = core.items(utc_of_local(first), utc_of_local(end))
    print("items in the month grid: {}".format(len(items)))

    page = CalendarPage()
    page.resize(1366, 768)
    page.show()
    app.processEvents()
    page.go_to(month)
    view = page.month_view

    read = measure(lambda: core.items(utc_of_local(first), utc_of_local(end)))
    print("read the month (app.calendar.items): median {:.0f} ms, max {:.0f} ms".format(*read))

    def build_and_paint():
        view.set_items(items)
        view.grab()
    paint = measure(build_and_paint)
    print("month view build + paint (1366x768 page): median {:.0f} ms, max {:.0f} ms  (goal < 200 ms)"
          .format(*paint))

    def refresh_and_paint():
        page.refresh()
        page.grab()
    whole = measure(refresh_and_paint)
    print("whole page refresh (read + month view + agenda) + paint: median {:.0f} ms, max {:.0f} ms"
          .format(*whole))
    page.set_mode(1)
    week = measure(refresh_and_paint)
    print("week view refresh + paint: median {:.0f} ms, max {:.0f} ms".format(*week))
    page.set_mode(0)

    from ui.reminders import ReminderController
    from ui.today_panel import TodayPanel
    log_activity(ActivityData(kind="call_out", subject="Перезвонить", status="planned",
                              planned_at=utcnow() + timedelta(hours=2), reminder_at=utcnow() + timedelta(hours=1)))
    panel = TodayPanel()
    panel.resize(700, 700)
    panel.show()
    controller = ReminderController(page)
    settle = QEventLoop()
    QTimer.singleShot(1000, settle.quit)  # let the first paints and deferred deletions finish
    settle.exec()
    assert controller.timer.isActive()
    loop = QEventLoop()
    QTimer.singleShot(int(args.idle_seconds * 1000), loop.quit)
    before = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    loop.exec()
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print("idle with the reminder timer armed ({:.1f} s wall): {:.3f} CPU seconds ({:.2f} %)"
          .format(time.perf_counter() - wall, cpu, 100 * cpu / args.idle_seconds))
    controller.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
