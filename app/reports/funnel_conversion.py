"""Funnel conversion: how many deals created in the period reached each stage of a
pipeline, the conversion between stages and the average days spent in each.

"Reached" comes from the StageChange history, not from the deal's current stage.  A
deal that reached a stage counts as having reached every earlier *open* stage of the
pipeline too (deals skip stages).  The rows are the pipeline's open and won stages in
their order; lost stages are not a step of the funnel and are summed up in a note.
A retired stage is shown only when some deal of the period actually entered it.

Days in a stage are the time between consecutive stage changes, added up per deal (a
deal may come back to a stage) and averaged over the deals that entered the stage.  A
deal still sitting in an open stage counts up to now (up to the end of ``today`` when
the report is built for another day).  Won stages have no duration.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from db.models import Deal, Pipeline, Stage, StageChange, database_proxy, utcnow

from ..deals import default_pipeline
from ..errors import NotFoundError
from ..recurrence import to_utc
from .base import Chart, Column, Filters, Report, ReportDef, Series
from .common import deal_conditions, filter_lines, in_period, t
from .document import format_value
from .sales import percent


def _reference_time(today: date | None) -> datetime:
    if today is None or today == date.today():
        return utcnow()
    return to_utc(datetime.combine(today + timedelta(days=1), time.min))


def _as_datetime(value):
    """A stored time as a datetime (what peewee's DateTimeField would give)."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def _histories(flt: Filters) -> dict[int, list[tuple[int, datetime]]]:
    """{deal id: [(stage id, entered at), …] in time order} of the deals created in the period."""
    deals = Deal.select(Deal.id).where(*deal_conditions(flt), *in_period(Deal.created_at, flt))
    out: dict[int, list] = {did: [] for (did,) in database_proxy.execute(deals)}
    changes = (StageChange.select(StageChange.deal, StageChange.to_stage, StageChange.changed_at)
               .where(StageChange.deal.in_(deals))
               .order_by(StageChange.deal, StageChange.changed_at, StageChange.id).tuples())
    # hundreds of thousands of rows: read them raw and parse the times here (peewee's
    # per-value conversion is most of the report's time otherwise)
    rows = database_proxy.execute(changes).fetchall()
    try:
        parse = datetime.fromisoformat
        for did, stage_id, when in rows:
            out[did].append((stage_id, parse(when)))
    except (TypeError, ValueError):  # not the usual text: value by value
        for entries in out.values():
            entries.clear()
        for did, stage_id, when in rows:
            out[did].append((stage_id, _as_datetime(when)))
    missing = [did for did, entries in out.items() if not entries]
    if missing:  # no history (an old import): the deal entered its current stage when created
        for did, stage_id, created in Deal.select(Deal.id, Deal.stage, Deal.created_at).where(
                Deal.id.in_(missing)).tuples():
            out[did] = [(stage_id, created)]
    return out


def _seconds_in_stages(entries: list, kinds: dict[int, str], now: datetime) -> dict[int, float]:
    """{open stage id: seconds} one deal spent there (a stage it still sits in: up to ``now``)."""
    spent: dict[int, float] = {}
    for i, (stage_id, entered) in enumerate(entries):
        if kinds.get(stage_id) != "open":
            continue
        left = entries[i + 1][1] if i + 1 < len(entries) else now
        spent[stage_id] = spent.get(stage_id, 0) + max(0.0, (left - entered).total_seconds())
    return spent


def build(filters: Filters, lang: str = "ru", today: date | None = None) -> Report:
    pipe = Pipeline.get_or_none(Pipeline.id == filters.pipeline_id) if filters.pipeline_id else default_pipeline()
    if pipe is None:
        raise NotFoundError(entity="pipeline", id=filters.pipeline_id)
    flt = filters.with_(pipeline_id=pipe.id)
    now = _reference_time(today)
    all_stages = list(Stage.select().where(Stage.pipeline == pipe.id).order_by(Stage.order, Stage.id))
    kinds = {s.id: s.kind for s in all_stages}
    histories = _histories(flt)
    entered = {stage_id for entries in histories.values() for stage_id, _ in entries}
    stages = [s for s in all_stages if s.kind != "lost" and (s.retired_at is None or s.id in entered)]
    position = {s.id: i for i, s in enumerate(stages)}

    reached = [0] * len(stages)
    seconds = [0.0] * len(stages)
    visitors = [0] * len(stages)
    lost = 0
    for did, entries in histories.items():
        actual = {position[s] for s, _ in entries if s in position}
        if actual:
            top = max(actual)
            for i in actual | {i for i in range(top) if stages[i].kind == "open"}:
                reached[i] += 1
        for stage_id, spent in _seconds_in_stages(entries, kinds, now).items():
            if stage_id in position:
                seconds[position[stage_id]] += spent
                visitors[position[stage_id]] += 1
        lost += kinds.get(entries[-1][0]) == "lost"

    rows = []
    for i, stage in enumerate(stages):
        days = None
        if visitors[i]:
            days = (Decimal(str(seconds[i])) / visitors[i] / 86400).quantize(Decimal("0.1"), ROUND_HALF_UP)
        rows.append([stage.name, reached[i], percent(reached[i], reached[i - 1]) if i else None,
                     percent(reached[i], reached[0]), days])
    count = len(histories)
    count_text = format_value(count, "int", lang)
    notes = [t(lang, f"Deals created in the period: {count_text}, pipeline \u00ab{pipe.name}\u00bb. "
                     "A deal that skipped stages counts as having passed them.",
               f"Сделки, созданные за период: {count_text}, воронка \u00ab{pipe.name}\u00bb. "
               "Сделка, перескочившая этапы, считается прошедшей их.")]
    if count:
        notes.append(t(lang, "Average days: the time between stage changes; a deal still in a stage counts "
                             "up to today.",
                       "Среднее число дней — время между сменами этапа; сделка, которая ещё на этапе, "
                       "считается по сегодняшний день."))
        lost_text = f"{format_value(lost, 'int', lang)} ({format_value(percent(lost, count), 'percent', lang)})"
        notes.append(t(lang, f"Lost: {lost_text}.", f"Упущено: {lost_text}."))
    else:
        rows = []
        notes.append(t(lang, "No deals were created in the period.", "За период не создано ни одной сделки."))
    shown = stages if rows else []
    columns = [Column("stage", t(lang, "Stage", "Этап"), "text", 24),
               Column("reached", t(lang, "Reached", "Дошли"), "int", 8),
               Column("from_previous", t(lang, "From previous, %", "От предыдущего, %"), "percent", 12),
               Column("from_first", t(lang, "From first, %", "От первого, %"), "percent", 12),
               Column("days", t(lang, "Average days", "Среднее, дней"), "days", 10)]
    chart = Chart("funnel", [s.name for s in shown], [Series(t(lang, "Deals", "Сделки"), [float(r[1]) for r in rows])],
                  "int", colors=[s.color for s in shown])
    return Report(name="funnel", title=DEFINITION.title(lang), filter_lines=filter_lines(flt, lang),
                  columns=columns, rows=rows, chart=chart, refs=[None] * len(rows), notes=notes)


DEFINITION = ReportDef(name="funnel", titles={"en": "Funnel conversion", "ru": "Конверсия воронки"}, build=build)
