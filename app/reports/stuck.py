"""Stuck deals and missed contacts: what needs a manager's attention now.

``stuck`` (default): open deals that are stuck by the funnel's rule
(``app.funnel.deal_cards``, read in bulk by ``stuck_cards``: over the stage's limit, or
nothing planned), among the deals passing the filters and created in the period.
``missed``: clients whose next contact day passed without a contact, and planned
activities that are overdue (``app.today``), whose planned day is in the period.

The report is "as of" ``today``: now when ``today`` is the current day (or None),
otherwise the end of that local day.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time

from db.models import Activity, Client, Deal, Stage, database_proxy, utcnow

from .. import today as today_panel
from ..recurrence import to_local, to_utc
from . import stuck_cards
from .activity import activity_conditions
from .base import Chart, Column, Filters, Report, ReportDef, Series, money
from .common import client_conditions, deal_conditions, filter_lines, format_day, in_period, t
from .sales import choose_option

_KIND_TITLES = {"call_in": ("Incoming call", "Входящий звонок"), "call_out": ("Call", "Звонок"),
                "email": ("E-mail", "Письмо"), "meeting": ("Meeting", "Встреча"), "task": ("Task", "Задача"),
                "note": ("Note", "Заметка"), "feedback": ("Feedback", "Отзыв")}
_ALL = 10 ** 9


def moment(today: date | None) -> datetime:
    """The UTC time the report is as of (see the module docstring)."""
    now = utcnow()
    if today is None or today == to_local(now).date():
        return now
    return to_utc(datetime.combine(today, time.max))


def _no_one(lang: str) -> str:
    return t(lang, "No responsible", "Без ответственного")


def _stuck(flt: Filters, lang: str, now: datetime):
    query = Deal.select(Deal.id).join(Stage).where(Stage.kind == "open", *deal_conditions(flt))
    stuck = [c for c in stuck_cards.deal_cards(query.order_by(Deal.stage_entered_at, Deal.id), now) if c.stuck]
    period = in_period(Deal.created_at, flt)
    shown = {i for (i,) in database_proxy.execute(query.where(*period))} if period else {c.id for c in stuck}
    cards = [c for c in stuck if c.id in shown]
    stages = {s.id: s for s in Stage.select().where(Stage.id.in_({c.stage_id for c in cards}))}
    none = t(lang, "none", "нет")
    columns = [Column("deal", t(lang, "Deal", "Сделка"), "text", 24),
               Column("client", t(lang, "Client", "Клиент"), "text", 24),
               Column("stage", t(lang, "Stage", "Этап"), "text", 16),
               Column("days", t(lang, "Days in stage", "Дней на этапе"), "days", 8),
               Column("limit", t(lang, "Stage limit, days", "Лимит этапа, дней"), "days", 8),
               Column("next_step", t(lang, "Next step", "След. шаг"), "text", 11),
               Column("responsible", t(lang, "Responsible", "Ответственный"), "text", 18),
               Column("amount", t(lang, "Amount", "Сумма"), "money", 14)]
    rows, refs = [], []
    next_days: dict[datetime, str] = {}  # many deals share a time: the zone look-up once each
    for c in cards:
        stage = stages[c.stage_id]
        if c.next_at and c.next_at not in next_days:
            next_days[c.next_at] = format_day(to_local(c.next_at).date())
        rows.append([c.title, c.client_name, stage.name, c.days_in_stage, stage.stuck_days,
                     next_days[c.next_at] if c.next_at else none, c.responsible or _no_one(lang),
                     money(c.amount)])
        refs.append(("deal", c.id))
    totals = None
    if rows:
        totals = [t(lang, f"Total: {len(rows)}", f"Итого: {len(rows)}")] + [None] * 6 + [
            sum((r[7] for r in rows), money(0))]
    return columns, rows, refs, totals, [r[6] for r in rows], len(stuck) - len(cards)


def _allowed_clients(flt: Filters) -> set[int]:
    query = Client.select(Client.id).where(*client_conditions(flt))
    if flt.pipeline_id:
        query = query.where(Client.id.in_(Deal.select(Deal.client).where(
            Deal.pipeline == flt.pipeline_id, Deal.deleted_at.is_null())))
    return {i for (i,) in database_proxy.execute(query)}  # raw: up to every client


def _in_days(flt: Filters, local_day: date) -> bool:
    return (flt.date_from is None or local_day >= flt.date_from) and \
        (flt.date_to is None or local_day <= flt.date_to)


def _missed(flt: Filters, lang: str, now: datetime):
    panel = today_panel.today(now, responsible_id=flt.responsible_id, limit=_ALL)
    day = to_local(now).date()
    clients = _allowed_clients(flt)
    found, hidden = [], 0  # (days overdue, planned day, client id, client, what, responsible)
    for m in panel.missed_contacts:
        planned = to_local(m.next_contact_at).date()
        hidden += m.client_id in clients and not _in_days(flt, planned)
        if m.client_id in clients and _in_days(flt, planned):
            found.append((m.days_overdue, planned, m.client_id, m.client_name,
                          t(lang, "Next contact", "Следующий контакт"), m.responsible_name))
    ids = [a.activity_id for a in panel.overdue]
    passing = {i for (i,) in database_proxy.execute(Activity.select(Activity.id).where(
        Activity.id.in_(ids), *activity_conditions(flt)))} if ids else set()
    for a in panel.overdue:
        planned = to_local(a.planned_at).date()
        hidden += a.activity_id in passing and not _in_days(flt, planned)
        if a.activity_id in passing and _in_days(flt, planned):
            kind = t(lang, *_KIND_TITLES.get(a.kind, (a.kind, a.kind)))
            what = f"{kind}: {a.subject}" if a.subject else kind
            found.append(((day - planned).days, planned, a.client_id, a.client_name, what,
                          a.responsible_name))
    found.sort(key=lambda f: (-f[0], f[3].lower(), f[4]))
    columns = [Column("client", t(lang, "Client", "Клиент"), "text", 26),
               Column("what", t(lang, "What", "Что"), "text", 26),
               Column("planned", t(lang, "Due", "Срок"), "date", 11),
               Column("days", t(lang, "Days overdue", "Дней просрочки"), "days", 10),
               Column("responsible", t(lang, "Responsible", "Ответственный"), "text", 18)]
    rows = [[f[3] or "—", f[4], f[1], f[0], f[5] or _no_one(lang)] for f in found]
    refs = [("client", f[2]) if f[2] else None for f in found]
    totals = [t(lang, f"Total: {len(rows)}", f"Итого: {len(rows)}"), None, None, None, None] if rows else None
    return columns, rows, refs, totals, [r[4] for r in rows], hidden


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    option = choose_option(filters, DEFINITION.options)
    now = moment(today)
    maker = _stuck if option == "stuck" else _missed
    columns, rows, refs, totals, owners, hidden = maker(filters, lang, now)
    notes, chart = [], None
    if hidden and option == "stuck":
        notes.append(t(lang, f"{hidden} more stuck deals were created outside the period.",
                       f"Ещё зависших сделок, созданных вне периода: {hidden}."))
    elif hidden:
        notes.append(t(lang, f"{hidden} more missed contacts were planned outside the period.",
                       f"Ещё пропущенных контактов, запланированных вне периода: {hidden}."))
    if not rows:
        notes.append(t(lang, "No stuck deals for the chosen filters.", "Зависших сделок нет.") if option == "stuck"
                     else t(lang, "No missed contacts for the chosen filters.", "Пропущенных контактов нет."))
    else:
        counts = Counter(owners)
        names = sorted(counts, key=lambda n: (-counts[n], n.lower()))
        chart = Chart("barh", names, [Series(t(lang, "Count", "Количество"), [float(counts[n]) for n in names])],
                      value_format="int", x_label=t(lang, "Count", "Количество"))
    option_title = DEFINITION.option_titles[option]["en" if lang == "en" else "ru"]
    lines = filter_lines(filters, lang, option_title)
    if today is not None:
        lines.append(f"{t(lang, 'As of', 'На дату')}: {today:%d.%m.%Y}")
    return Report(DEFINITION.name, DEFINITION.title(lang), lines, columns, rows, totals, chart, refs, notes)


DEFINITION = ReportDef(
    name="stuck",
    titles={"en": "Stuck deals and missed contacts", "ru": "Зависшие сделки и пропущенные контакты"},
    build=build,
    options=("stuck", "missed"),
    option_titles={"stuck": {"en": "Stuck deals", "ru": "Зависшие сделки"},
                   "missed": {"en": "Missed contacts", "ru": "Пропущенные контакты"}},
)
