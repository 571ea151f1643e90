"""Manager activity: done calls, meetings, e-mails and tasks in the period, per manager
(against the calls and meetings plans) or per day / week.

An activity counts when it is done, its done time (local day) is in the period, its
responsible is the filter's, and its client passes the client filters (activities
without a client count only when no region, source or tag is chosen).  With a
pipeline chosen, an activity counts when its deal is in that pipeline, or when it has
no deal and its client has a deal there.  Plans are monthly: the plan of a period is
the sum of the plans of every month the period touches.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from peewee import fn

from db.models import Activity, Client, Deal, Employee
from db.sql import hour_text

from .. import access
from ..recurrence import to_local
from .base import Chart, Column, Filters, Report, ReportDef, Series
from .common import client_conditions, filter_lines, format_day, in_period, t, unindexed
from .plans import month_label, percent, period_months, plan_totals
from .sales import choose_option

GROUPS = {"calls": ("call_in", "call_out"), "meetings": ("meeting",), "emails": ("email",),
          "tasks": ("task",)}
KIND_GROUP = {kind: group for group, kinds in GROUPS.items() for kind in kinds}
_TITLES = {"calls": ("Calls", "Звонки"), "meetings": ("Meetings", "Встречи"),
           "emails": ("E-mails", "Письма"), "tasks": ("Tasks", "Задачи")}
_MAX_FILLED_DAYS = 400


def has_client_filter(flt: Filters) -> bool:
    return bool(flt.region.strip() or flt.source.strip() or flt.tag_id or flt.segment_id is not None)


def activity_conditions(flt: Filters) -> list:
    """Responsible, client and pipeline conditions on activities (not the period)."""
    conds = [Activity.deleted_at.is_null(), *access.scope(Activity)]
    if flt.responsible_id:
        conds.append(Activity.responsible == flt.responsible_id)
    if has_client_filter(flt):
        conds.append(Activity.client.in_(Client.select(Client.id).where(*client_conditions(flt))))
    else:  # only the clients in the trash are left out (they are few; the period's index is walked)
        trashed = Client.select(Client.id).where(Client.deleted_at.is_null(False))
        conds.append(unindexed(Activity.client).is_null() | unindexed(Activity.client).not_in(trashed))
    if flt.pipeline_id:
        live = Deal.select(Deal.id).where(Deal.pipeline == flt.pipeline_id, Deal.deleted_at.is_null())
        with_deals = Deal.select(Deal.client).where(Deal.pipeline == flt.pipeline_id, Deal.deleted_at.is_null())
        conds.append(Activity.deal.in_(live) | (Activity.deal.is_null() & Activity.client.in_(with_deals)))
    return conds


def _done_query(flt: Filters, *fields):
    """The counted activities: done, of a counted kind, in the period, passing the filters."""
    return Activity.select(*fields).where(
        Activity.status == "done", Activity.done_at.is_null(False), Activity.kind.in_(list(KIND_GROUP)),
        *activity_conditions(flt), *in_period(Activity.done_at, flt))


def _per_manager(flt: Filters) -> list[tuple]:
    """(group, count, responsible id, None) of the counted activities."""
    query = _done_query(flt, Activity.kind, fn.COUNT(Activity.id), Activity.responsible).group_by(
        Activity.kind, Activity.responsible)
    return [(KIND_GROUP[k], n, emp, None) for k, n, emp in query.tuples()]  # names: _by_manager


def _per_day(flt: Filters) -> list[tuple]:
    """(group, count, local day) of the counted activities.  Counted per UTC hour in SQL; an
    hour that holds a local midnight (zones off by a part of an hour) is read row by row."""
    hour = hour_text(Activity.done_at)
    out, split = [], set()
    days: dict[str, tuple[date, date]] = {}
    for kind, text, n in _done_query(flt, Activity.kind, hour, fn.COUNT(Activity.id)).group_by(
            hour, Activity.kind).tuples():
        if text not in days:
            start = datetime.fromisoformat(text + ":00")
            days[text] = (to_local(start).date(), to_local(start + timedelta(hours=1, microseconds=-1)).date())
        first, last = days[text]
        if first == last:
            out.append((KIND_GROUP[kind], n, first))
        else:
            split.add(text)
    if split:
        for kind, at in _done_query(flt, Activity.kind, Activity.done_at).where(hour.in_(sorted(split))).tuples():
            out.append((KIND_GROUP[kind], 1, to_local(at).date()))
    return out


def _counts_row(counts: Counter) -> list[int]:
    values = [counts[g] for g in GROUPS]
    return values + [sum(values)]


def _count_columns(lang: str) -> list[Column]:
    return [Column(g, t(lang, *_TITLES[g]), "int", 9) for g in GROUPS] + [
        Column("total", t(lang, "Total", "Всего"), "int", 9)]


def _by_manager(flt: Filters, lang: str, done: list[tuple]) -> tuple[list, list, list]:
    month_from, month_to = period_months(flt.date_from, flt.date_to)
    plan = {m: plan_totals(month_from, month_to, m, flt.responsible_id) for m in ("calls", "meetings")}
    if access.scope(Activity):  # a manager who sees only their own records: only their own plan
        me = access.context.current_employee_id()
        plan = {m: {e: v for e, v in by.items() if e == me} for m, by in plan.items()}
    counts: dict[int | None, Counter] = {}
    names: dict[int | None, str] = {}
    for group, n, emp, name in done:
        counts.setdefault(emp, Counter())[group] += n
        names[emp] = name or ""
    planned = {e for m in plan.values() for e, v in m.items() if v > 0}
    for emp in planned - set(counts):
        counts[emp] = Counter()
    for emp_id, name in Employee.select(Employee.id, Employee.name).where(
            Employee.id.in_([e for e in counts if e is not None])).tuples():
        names[emp_id] = name
    order = sorted(counts, key=lambda e: (e is None, names.get(e, "").lower(), e or 0))
    columns = [Column("manager", t(lang, "Manager", "Менеджер"), "text", 22)]
    rows, totals = [], None
    for emp in order:
        c = counts[emp]
        calls_plan = plan["calls"].get(emp, 0) if emp is not None else 0
        meet_plan = plan["meetings"].get(emp, 0) if emp is not None else 0
        name = names.get(emp) or t(lang, "No responsible", "Без ответственного")
        rows.append([name, c["calls"], int(calls_plan), percent(c["calls"], calls_plan),
                     c["meetings"], int(meet_plan), percent(c["meetings"], meet_plan),
                     c["emails"], c["tasks"], sum(c[g] for g in GROUPS)])
    columns += [Column("calls", t(lang, "Calls", "Звонки"), "int", 9),
                Column("calls_plan", t(lang, "Calls plan", "План звонков"), "int", 9),
                Column("calls_pct", t(lang, "Calls, % of plan", "Звонки, % плана"), "percent", 9),
                Column("meetings", t(lang, "Meetings", "Встречи"), "int", 9),
                Column("meetings_plan", t(lang, "Meetings plan", "План встреч"), "int", 9),
                Column("meetings_pct", t(lang, "Meetings, % of plan", "Встречи, % плана"), "percent", 9),
                Column("emails", t(lang, "E-mails", "Письма"), "int", 9),
                Column("tasks", t(lang, "Tasks", "Задачи"), "int", 9),
                Column("total", t(lang, "Total", "Всего"), "int", 9)]
    if rows:
        sums = [None if c.kind == "percent" else sum(r[i] for r in rows) for i, c in enumerate(columns) if i]
        sums[2], sums[5] = percent(sums[0], sums[1]), percent(sums[3], sums[4])
        totals = [t(lang, "Total", "Итого")] + sums
    return columns, rows, totals


def _by_period(flt: Filters, lang: str, done: list[tuple], weekly: bool) -> tuple[list, list, list]:
    def key(day: date) -> date:  # a week from its Monday, the first one from the period's start
        if not weekly:
            return day
        monday = day - timedelta(days=day.weekday())
        return max(monday, flt.date_from) if flt.date_from else monday

    counts: dict[date, Counter] = {}
    for group, n, day in done:
        counts.setdefault(key(day), Counter())[group] += n
    if counts and flt.date_from and flt.date_to and (flt.date_to - flt.date_from).days <= _MAX_FILLED_DAYS:
        day, step = flt.date_from, timedelta(days=7 if weekly else 1)
        if weekly:
            day -= timedelta(days=day.weekday())
        while day <= flt.date_to:
            counts.setdefault(key(day), Counter())
            day += step
    title = t(lang, "Week from", "Неделя с") if weekly else t(lang, "Day", "День")
    columns = [Column("week" if weekly else "day", title, "date", 12)] + _count_columns(lang)
    rows = [[day] + _counts_row(counts[day]) for day in sorted(counts)]
    totals = [t(lang, "Total", "Итого")] + [sum(r[i] for r in rows) for i in range(1, 6)] if rows else None
    return columns, rows, totals


def _partial_months(flt: Filters) -> bool:
    if not (flt.date_from and flt.date_to):
        return False
    return flt.date_from.day != 1 or (flt.date_to + timedelta(days=1)).day != 1


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    option = choose_option(filters, DEFINITION.options)
    if option == "manager":
        columns, rows, totals = _by_manager(filters, lang, _per_manager(filters))
        labels = [str(r[0]) for r in rows]
    else:
        columns, rows, totals = _by_period(filters, lang, _per_day(filters), weekly=option == "week")
        labels = [format_day(r[0]) for r in rows]
    notes = []
    if not rows:
        notes.append(t(lang, "No done activities for the chosen filters.",
                       "Нет выполненных дел по выбранным условиям."))
    elif option == "manager" and _partial_months(filters):
        month_from, month_to = period_months(filters.date_from, filters.date_to)
        span = month_label(month_from, lang) if month_from == month_to else \
            f"{month_label(month_from, lang)} – {month_label(month_to, lang)}"
        notes.append(t(lang, f"Plans are monthly: the plan shown is for the whole of {span}.",
                       f"Планы месячные: показан план за {span.lower()} целиком."))
    chart = None
    if rows:
        idx = {c.key: i for i, c in enumerate(columns)}
        chart = Chart("stacked", labels,
                      [Series(t(lang, *_TITLES[g]), [float(r[idx[g]]) for r in rows]) for g in GROUPS],
                      value_format="int", y_label=t(lang, "Activities", "Дела"))
    option_title = DEFINITION.option_titles[option]["en" if lang == "en" else "ru"]
    return Report(DEFINITION.name, DEFINITION.title(lang),
                  filter_lines(filters, lang, option_title),
                  columns, rows, totals, chart, [None] * len(rows), notes)


DEFINITION = ReportDef(
    name="activity",
    titles={"en": "Manager activity", "ru": "Активность менеджеров"},
    build=build,
    options=("manager", "day", "week"),
    option_titles={"manager": {"en": "By manager", "ru": "По менеджерам"},
                   "day": {"en": "By day", "ru": "По дням"},
                   "week": {"en": "By week", "ru": "По неделям"}},
)
