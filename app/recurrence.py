"""Repeating activities: a small structured rule, its RRULE text and its occurrences.

A recurring planned activity is ONE row; ``Activity.recurrence`` holds the series as
RFC 5545 style lines (see ``Recurrence``)::

    DTSTART:20260302T100000          first occurrence, local wall-clock time
    RRULE:FREQ=WEEKLY;BYDAY=MO       the rule
    EXDATE:20260316T100000           occurrences taken out of the series (local)

A bare rule (``FREQ=WEEKLY;BYDAY=MO``) is accepted too; the activity services then
anchor it at the activity's planned time.

Occurrences are expanded in LOCAL wall-clock time and only then converted to UTC, so
"every Monday at 10:00" stays at 10:00 local across daylight-saving changes.  A local
time that does not exist (the hour skipped in spring) moves forward by that hour; an
ambiguous one (autumn) takes its first instance.

Month ends: RFC 5545 skips months that have no day 31.  People expect "monthly on
the 31st" to fall on the last day of shorter months, so day 29–31 is written as
``BYMONTHDAY=28,29,30,31;BYSETPOS=-1`` (the last existing day of 28..N): the 31st, or
the 30th, or Feb 28/29.  "The last day of the month" is ``BYMONTHDAY=-1``.  A yearly
rule on Feb 29 falls on Feb 28 in other years the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

from dateutil import rrule as _rr
from dateutil import tz as _tz

from .errors import ValidationError

DAILY, WEEKLY, MONTHLY, YEARLY = "daily", "weekly", "monthly", "yearly"
FREQS = (DAILY, WEEKLY, MONTHLY, YEARLY)
LAST_DAY = -1  # Rule.month_day: the last day of the month
LAST = -1      # Rule.nth: the last <weekday> of the month
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ_CODES = {DAILY: "DAILY", WEEKLY: "WEEKLY", MONTHLY: "MONTHLY", YEARLY: "YEARLY"}
_RR_FREQ = {DAILY: _rr.DAILY, WEEKLY: _rr.WEEKLY, MONTHLY: _rr.MONTHLY, YEARLY: _rr.YEARLY}
_STAMP = "%Y%m%dT%H%M%S"

# -- time zones ---------------------------------------------------------------------

_local_tz: tzinfo | None = None


def set_local_tz(value: tzinfo | None) -> None:
    """Use ``value`` as "local time" everywhere (None: the system's zone again)."""
    global _local_tz
    _local_tz = value


def local_tz() -> tzinfo:
    return _local_tz if _local_tz is not None else _tz.tzlocal()


def to_local(utc: datetime, zone: tzinfo | None = None) -> datetime:
    """Naive UTC → naive local wall-clock time."""
    return utc.replace(tzinfo=_tz.UTC).astimezone(zone or local_tz()).replace(tzinfo=None)


def to_utc(local: datetime, zone: tzinfo | None = None) -> datetime:
    """Naive local wall-clock time → naive UTC (skipped hour: moved forward)."""
    aware = _tz.resolve_imaginary(local.replace(tzinfo=zone or local_tz(), fold=0))
    return aware.astimezone(_tz.UTC).replace(tzinfo=None)


# -- the rule ------------------------------------------------------------------------

def _bad(detail: str) -> ValidationError:
    return ValidationError(field="recurrence", detail=detail)


@dataclass(frozen=True)
class Rule:
    """How an activity repeats.

    ``freq``: daily | weekly | monthly | yearly, every ``interval`` days/weeks/…
    weekly: on ``weekdays`` (0 = Monday … 6 = Sunday; empty: the first one's weekday).
    monthly: on ``month_day`` (1–31, 29–31 fall on the last day of shorter months;
    ``LAST_DAY``), or on the ``nth`` (1–4, ``LAST``) ``weekday``; neither: the first
    one's day.  yearly: on ``month``/``month_day`` (default: the first one's date).
    Ends after ``until`` (a local date, inclusive) or after ``count`` occurrences.
    """

    freq: str = WEEKLY
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    month_day: int | None = None
    nth: int | None = None
    weekday: int | None = None
    month: int | None = None
    until: date | None = None
    count: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "weekdays", tuple(sorted(set(self.weekdays))))
        if self.freq not in FREQS:
            raise _bad(f"unknown frequency {self.freq!r}")
        if not isinstance(self.interval, int) or self.interval < 1:
            raise _bad("the interval must be a whole number from 1")
        if any(d not in range(7) for d in self.weekdays):
            raise _bad("weekdays are 0 (Monday) … 6 (Sunday)")
        if self.month_day is not None and self.month_day not in (*range(1, 32), LAST_DAY):
            raise _bad("the day of the month is 1…31 or the last day")
        if (self.nth is None) != (self.weekday is None):
            raise _bad("'the n-th weekday' needs both the number and the weekday")
        if self.nth is not None and (self.nth not in (1, 2, 3, 4, LAST) or self.weekday not in range(7)):
            raise _bad("the n-th weekday is 1…4 or the last one, weekday 0…6")
        if self.nth is not None and self.month_day is not None:
            raise _bad("choose a day of the month or an n-th weekday, not both")
        if self.month is not None and self.month not in range(1, 13):
            raise _bad("the month is 1…12")
        if self.until is not None and self.count is not None:
            raise _bad("a series ends by a date or after a number of times, not both")
        if self.count is not None and self.count < 1:
            raise _bad("the number of times must be at least 1")

    # RRULE text ----------------------------------------------------------------------
    def to_rrule(self) -> str:
        """The rule as RRULE value text, e.g. ``FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE``."""
        parts = [f"FREQ={_FREQ_CODES[self.freq]}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.weekdays:
            parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in self.weekdays))
        if self.nth is not None:
            parts.append(f"BYDAY={self.nth}{WEEKDAY_CODES[self.weekday]}")
        if self.month is not None:
            parts.append(f"BYMONTH={self.month}")
        if self.month_day is not None:
            if self.month_day >= 29:
                days = ",".join(str(d) for d in range(28, self.month_day + 1))
                parts.append(f"BYMONTHDAY={days};BYSETPOS=-1")
            else:
                parts.append(f"BYMONTHDAY={self.month_day}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}T235959")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    @classmethod
    def from_rrule(cls, text: str) -> Rule:
        """Parse what ``to_rrule`` writes (an ``RRULE:`` prefix is allowed)."""
        text = text.strip()
        if text.upper().startswith("RRULE:"):
            text = text[6:]
        try:
            pairs = dict(p.split("=", 1) for p in text.upper().split(";") if p)
            freq = {v: k for k, v in _FREQ_CODES.items()}[pairs.pop("FREQ")]
            kw: dict = {"freq": freq, "interval": int(pairs.pop("INTERVAL", 1))}
            byday = [d for d in pairs.pop("BYDAY", "").split(",") if d]
            if len(byday) == 1 and len(byday[0]) > 2:
                kw["nth"], kw["weekday"] = int(byday[0][:-2]), WEEKDAY_CODES.index(byday[0][-2:])
            elif byday:
                kw["weekdays"] = tuple(WEEKDAY_CODES.index(d) for d in byday)
            if "BYMONTH" in pairs:
                kw["month"] = int(pairs.pop("BYMONTH"))
            days = [int(d) for d in pairs.pop("BYMONTHDAY", "").split(",") if d]
            setpos = pairs.pop("BYSETPOS", None)
            if len(days) > 1 and setpos == "-1" and days == list(range(28, days[-1] + 1)):
                kw["month_day"] = days[-1]
            elif len(days) == 1 and setpos is None:
                kw["month_day"] = days[0]
            elif days or setpos is not None:
                raise ValueError("unsupported BYMONTHDAY/BYSETPOS")
            if "UNTIL" in pairs:
                kw["until"] = datetime.strptime(pairs.pop("UNTIL")[:8], "%Y%m%d").date()
            if "COUNT" in pairs:
                kw["count"] = int(pairs.pop("COUNT"))
            pairs.pop("WKST", None)
            if pairs:
                raise ValueError("unsupported parts " + ",".join(pairs))
        except ValidationError:
            raise
        except (KeyError, ValueError, IndexError) as exc:
            raise _bad(f"cannot read the rule {text!r} ({exc})") from None
        return cls(**kw)

    def anchored(self, first_local: datetime) -> Rule:
        """The rule with the days it leaves implicit taken from the first occurrence."""
        if self.freq == WEEKLY and not self.weekdays:
            return replace(self, weekdays=(first_local.weekday(),))
        if self.freq == MONTHLY and self.month_day is None and self.nth is None:
            return replace(self, month_day=first_local.day)
        if self.freq == YEARLY and (self.month is None or self.month_day is None):
            return replace(self, month=self.month or first_local.month,
                           month_day=self.month_day or first_local.day)
        return self

    def moved(self, old_local: datetime, new_local: datetime) -> Rule:
        """The rule after one occurrence moved from ``old_local`` to ``new_local``.

        Dragging a weekly Monday series to Tuesday makes it a Tuesday series (every
        chosen weekday shifts by the same number of days); a monthly or yearly one takes
        the new date's day; a daily one is unchanged.
        """
        rule = self.anchored(old_local)
        new = new_local.date()
        if new == old_local.date() or rule.freq == DAILY:
            return rule
        if rule.freq == WEEKLY:
            delta = new.weekday() - old_local.weekday()
            return replace(rule, weekdays=tuple((d + delta) % 7 for d in rule.weekdays))
        if rule.freq == MONTHLY and rule.nth is not None:
            last = (new + timedelta(days=7)).month != new.month
            nth = (new.day - 1) // 7 + 1
            nth = LAST if nth == 5 or (rule.nth == LAST and last) else nth
            return replace(rule, nth=nth, weekday=new.weekday())
        if rule.freq == MONTHLY:
            last = (new + timedelta(days=1)).day == 1
            return replace(rule, month_day=LAST_DAY if rule.month_day == LAST_DAY and last else new.day)
        return replace(rule, month=new.month, month_day=new.day)


def _rrule(rule: Rule, first_local: datetime) -> _rr.rrule:
    rule = rule.anchored(first_local)
    kw: dict = {"dtstart": first_local.replace(microsecond=0), "interval": rule.interval,
                "wkst": _rr.MO}
    if rule.weekdays:
        kw["byweekday"] = rule.weekdays
    if rule.nth is not None:
        kw["byweekday"] = _rr.weekday(rule.weekday, rule.nth)
    if rule.month is not None:
        kw["bymonth"] = rule.month
    if rule.month_day is not None:
        if rule.month_day >= 29:
            kw["bymonthday"], kw["bysetpos"] = tuple(range(28, rule.month_day + 1)), -1
        else:
            kw["bymonthday"] = rule.month_day
    if rule.until is not None:
        kw["until"] = datetime.combine(rule.until, time(23, 59, 59))
    if rule.count is not None:
        kw["count"] = rule.count
    return _rr.rrule(_RR_FREQ[rule.freq], **kw)


def occurrences(rule: Rule, first_local: datetime, start_utc: datetime, end_utc: datetime,
                tz: tzinfo | None = None, *, exdates=()) -> list[datetime]:
    """Occurrences in ``[start_utc, end_utc)`` as naive UTC, soonest first.

    ``first_local`` is the first occurrence (DTSTART) in local wall-clock time;
    ``exdates`` are local wall-clock occurrences taken out of the series.
    """
    zone = tz or local_tz()
    skip = set(exdates)
    lo = to_local(start_utc, zone) - timedelta(days=1)
    hi = to_local(end_utc, zone) + timedelta(days=1)
    out = []
    for local in _rrule(rule, first_local).between(lo, hi, inc=True):
        if local in skip:
            continue
        utc = to_utc(local, zone)
        if start_utc <= utc < end_utc:
            out.append(utc)
    return out


def next_after(rule: Rule, first_local: datetime, after_utc: datetime, tz: tzinfo | None = None,
               *, exdates=()) -> datetime | None:
    """The first occurrence strictly after ``after_utc`` (naive UTC), or None when ended."""
    zone = tz or local_tz()
    skip = set(exdates)
    for local in _rrule(rule, first_local).xafter(to_local(after_utc, zone) - timedelta(days=1),
                                                   inc=True):
        if local in skip:
            continue
        utc = to_utc(local, zone)
        if utc > after_utc:
            return utc
    return None


def count_before(rule: Rule, first_local: datetime, before_local: datetime) -> int:
    """How many occurrences of the rule (exdates included) come before ``before_local``."""
    n = 0
    for local in _rrule(rule, first_local):
        if local >= before_local:
            break
        n += 1
    return n


# -- the stored series ---------------------------------------------------------------

@dataclass(frozen=True)
class Recurrence:
    """What ``Activity.recurrence`` holds: rule, first occurrence, skipped occurrences.

    ``start`` and ``exdates`` are naive LOCAL wall-clock times (RFC 5545 "floating"
    times), so the series keeps its local hour whatever the UTC offset is.
    """

    rule: Rule
    start: datetime | None = None
    exdates: tuple[datetime, ...] = field(default=())

    def __post_init__(self):
        object.__setattr__(self, "exdates", tuple(sorted(set(self.exdates))))

    def to_text(self) -> str:
        if self.start is None and not self.exdates:
            return self.rule.to_rrule()
        lines = []
        if self.start is not None:
            lines.append(f"DTSTART:{self.start:{_STAMP}}")
        lines.append("RRULE:" + self.rule.to_rrule())
        if self.exdates:
            lines.append("EXDATE:" + ",".join(f"{d:{_STAMP}}" for d in self.exdates))
        return "\n".join(lines)

    @classmethod
    def from_text(cls, text: str) -> Recurrence | None:
        """Parse the column text; None for an empty one (not recurring)."""
        if not text or not text.strip():
            return None
        start, exdates, rule = None, [], None
        try:
            for line in text.strip().splitlines():
                line = line.strip()
                key = line.split(":", 1)[0].upper() if ":" in line else ""
                if key == "DTSTART":
                    start = datetime.strptime(line[8:].rstrip("Zz"), _STAMP)
                elif key == "EXDATE":
                    exdates += [datetime.strptime(v.strip().rstrip("Zz"), _STAMP)
                                for v in line[7:].split(",") if v.strip()]
                elif line:
                    rule = Rule.from_rrule(line)
        except ValueError as exc:
            raise _bad(f"cannot read {text!r} ({exc})") from None
        if rule is None:
            raise _bad(f"no rule in {text!r}")
        return cls(rule, start, tuple(exdates))

    def occurrences(self, start_utc: datetime, end_utc: datetime, tz: tzinfo | None = None):
        return occurrences(self.rule, self.start, start_utc, end_utc, tz, exdates=self.exdates)

    def next_after(self, after_utc: datetime, tz: tzinfo | None = None) -> datetime | None:
        return next_after(self.rule, self.start, after_utc, tz, exdates=self.exdates)

    def first(self, tz: tzinfo | None = None) -> datetime | None:
        """The first occurrence that is not skipped, as naive UTC."""
        return self.next_after(to_utc(self.start, tz) - timedelta(seconds=1), tz)


def parse(text: str) -> Recurrence | None:
    """``Recurrence.from_text``: the series stored in ``Activity.recurrence``."""
    return Recurrence.from_text(text)



# -- plain words ---------------------------------------------------------------------

_RU_DAY = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
_RU_DAYS_DAT = ("понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам",
                "воскресеньям")
_RU_GENDER = "mmfmffn"
_RU_EACH = {"m": "каждый", "f": "каждую", "n": "каждое"}
_RU_NTH = {"m": {1: "первый", 2: "второй", 3: "третий", 4: "четвёртый", LAST: "последний"},
           "f": {1: "первую", 2: "вторую", 3: "третью", 4: "четвёртую", LAST: "последнюю"},
           "n": {1: "первое", 2: "второе", 3: "третье", 4: "четвёртое", LAST: "последнее"}}
_RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
_EN_DAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_NTH = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", LAST: "last"}
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_WORKDAYS = (0, 1, 2, 3, 4)


def _ru_plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _ru_every(n: int, forms: tuple[str, str, str], one_word: str) -> str:
    if n == 1:
        return one_word
    word = _ru_plural(n, *forms)
    return f"{'каждый' if word == forms[0] else 'каждые'} {n} {word}"


def _ru_in(word: str) -> str:
    return ("во " if word.startswith("вт") else "в ") + word


def _ru_join(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " и " + words[-1]


def _describe_ru(rule: Rule, start: datetime | None) -> str:
    n = rule.interval
    if rule.freq == DAILY:
        text = _ru_every(n, ("день", "дня", "дней"), "каждый день")
    elif rule.freq == WEEKLY:
        days = rule.weekdays
        if n == 1 and len(days) == 1:
            text = f"{_RU_EACH[_RU_GENDER[days[0]]]} {_RU_DAY[days[0]]}"
        elif n == 1 and days == _WORKDAYS:
            text = "по будням"
        elif n == 1 and len(days) == 7:
            text = "каждый день"
        else:
            text = _ru_every(n, ("неделю", "недели", "недель"), "каждую неделю")
            if len(days) == 1:
                text += " " + _ru_in(_RU_DAY[days[0]])
            elif days:
                text += " по " + _ru_join(_RU_DAYS_DAT[d] for d in days)
    elif rule.freq == MONTHLY:
        text = _ru_every(n, ("месяц", "месяца", "месяцев"), "каждый месяц")
        if rule.month_day == LAST_DAY:
            text += " в последний день"
        elif rule.month_day is not None:
            text += f" {rule.month_day}-го числа"
            if rule.month_day >= 29:
                text += " (в коротких месяцах — в последний день)"
        elif rule.nth is not None:
            g = _RU_GENDER[rule.weekday]
            text += " " + _ru_in(f"{_RU_NTH[g][rule.nth]} {_RU_DAY[rule.weekday]}")
    else:
        text = _ru_every(n, ("год", "года", "лет"), "каждый год")
        if rule.month is not None and rule.month_day not in (None, LAST_DAY):
            text += f" {rule.month_day} {_RU_MONTHS[rule.month - 1]}"
    if start is not None:
        text += f" в {start:%H:%M}"
    if rule.until is not None:
        text += f", до {rule.until:%d.%m.%Y}"
    if rule.count is not None:
        text += f", {rule.count} {_ru_plural(rule.count, 'раз', 'раза', 'раз')}"
    return text


def _en_every(n: int, unit: str) -> str:
    return f"every {unit}" if n == 1 else f"every {n} {unit}s"


def _en_ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _describe_en(rule: Rule, start: datetime | None) -> str:
    n = rule.interval
    if rule.freq == DAILY:
        text = _en_every(n, "day")
    elif rule.freq == WEEKLY:
        days = rule.weekdays
        if n == 1 and len(days) == 1:
            text = f"every {_EN_DAY[days[0]]}"
        elif n == 1 and days == _WORKDAYS:
            text = "every weekday"
        elif n == 1 and len(days) == 7:
            text = "every day"
        else:
            text = _en_every(n, "week")
            if len(days) == 1:
                text += f" on {_EN_DAY[days[0]]}"
            elif days:
                text += " on " + ", ".join(_EN_DAY[d][:3] for d in days)
    elif rule.freq == MONTHLY:
        text = _en_every(n, "month")
        if rule.month_day == LAST_DAY:
            text += " on the last day"
        elif rule.month_day is not None:
            text += f" on the {_en_ordinal(rule.month_day)}"
            if rule.month_day >= 29:
                text += " (the last day in shorter months)"
        elif rule.nth is not None:
            text += f" on the {_EN_NTH[rule.nth]} {_EN_DAY[rule.weekday]}"
    else:
        text = _en_every(n, "year")
        if rule.month is not None and rule.month_day not in (None, LAST_DAY):
            text += f" on {_EN_MONTHS[rule.month - 1]} {rule.month_day}"
    if start is not None:
        text += f" at {start:%H:%M}"
    if rule.until is not None:
        text += f", until {rule.until:%Y-%m-%d}"
    if rule.count is not None:
        text += ", once" if rule.count == 1 else f", {rule.count} times"
    return text


def describe(rule: Rule, lang: str = "ru", *, start: datetime | None = None) -> str:
    """The rule in plain words: "каждый понедельник в 10:00", "every 2 weeks on Mon, Wed".

    ``start`` (the first occurrence, local time) adds the time of day and fills in the
    days the rule leaves implicit (the weekday of a weekly rule, the date of a yearly one).
    """
    if start is not None:
        rule = rule.anchored(start)
    return _describe_en(rule, start) if lang == "en" else _describe_ru(rule, start)
