"""Realistic demo data: Russian people and companies with contact persons, phones typed
in every usual way, e-mails, a funnel full of deals with their stage history, a year of
calls, meetings and notes, and the calls and tasks planned for the coming weeks.

Fast enough for 100 000 clients: rows are built in memory a chunk of clients at a
time with precomputed ids and written with ``executemany`` (``app.demo_rows``), all in one transaction;
plain indexes are dropped for the load and rebuilt once, the search index is built
once at the end.  The same seed gives the same data, whatever the time of day.
"""
from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta

from peewee import SqliteDatabase

from db.models import (Activity, Client, ClientTag, ContactPerson, Deal, Email, Employee, LostReason,
                       Phone, Stage, StageChange, Tag, database_proxy, utcnow)
from db.search_index import index_client_range
from db.sql import reset_sequences
from db.text import fold

from . import settings
from .deals import default_pipeline
from .demo_campaigns import add_campaigns
from .demo_rows import Rows, drop_indexes, max_id, ts
from .demo_words import (CITIES, CITY_WEIGHTS, COMPANY_SEGMENTS, COMPETITORS, CONTACT_KINDS,
                         DEAL_TITLES, DONE_KINDS, DONE_TEXT, DONE_WEIGHTS, FEMALE, INN_REGIONS,
                         MAIL_DOMAINS, MALE, MANAGERS, MOBILE_CODES, NOTES, PERSON_SEGMENTS,
                         PLANNED, POSITIONS, REFUSALS, SOURCES, SOURCE_WEIGHTS, STREETS,
                         SURNAMES, TAGS, TRANSLIT, WORD_A, WORD_B)
from .phones import normalize
from .validation import email_is_valid, inn_with_checksum

CHUNK = 5000


def make_inn(rng: random.Random, length: int) -> str:
    """A random INN with a correct checksum (10 digits: organisation, 12: person)."""
    body = rng.choice(INN_REGIONS) + "".join(str(rng.randrange(10)) for _ in range(length - 4 + (length == 10)))
    return inn_with_checksum(body)


def translit(text: str) -> str:
    return "".join(TRANSLIT.get(ch, ch) for ch in text.lower()).replace("_", "")


class _Maker:
    def __init__(self, rng: random.Random, now: datetime, ids: dict, refs: dict):
        self.rng, self.now, self.ids, self.refs = rng, now, ids, refs
        self.rnd = rng.random  # every draw below goes through it: same seed, same data
        self.today = datetime(now.year, now.month, now.day)
        self.region = settings.phone_region()
        self.counts = dict.fromkeys(("clients", "contacts", "phones", "emails", "deals", "activities"), 0)

    def _int(self, low: int, high: int) -> int:
        return low + int(self.rnd() * (high - low + 1))

    def _pick(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def _weighted(self, seq, weights):
        x = self.rnd() * sum(weights)
        for item, weight in zip(seq, weights):
            x -= weight
            if x < 0:
                return item
        return seq[-1]

    def _next(self, key: str) -> int:
        self.ids[key] += 1
        return self.ids[key]

    def _day_time(self, day: int) -> datetime:
        """A working-hours moment (Moscow 9–18 = UTC 6–15) ``day`` days from today."""
        return self.today + timedelta(days=day, hours=self._int(6, 14), minutes=5 * self._int(0, 11))

    # --- names and contacts ---------------------------------------------------------
    def person(self) -> tuple[str, str, str]:
        """(full name "Фамилия Имя Отчество", first name, surname) with the gender agreed."""
        surname = self._pick(SURNAMES)
        father = self._pick(MALE)
        if self.rnd() < 0.5:
            first, _, _ = self._pick(MALE)
            patronymic = father[1]
        else:
            first, patronymic = self._pick(FEMALE), father[2]
            if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
                surname += "а"
            elif surname.endswith(("ский", "цкий", "кий")):
                surname = surname[:-2] + "ая"
            elif surname.endswith("ой"):
                surname = surname[:-2] + "ая"
        return f"{surname} {first} {patronymic}", first, surname

    def phone_text(self, code: str | None = None) -> str:
        """A number typed the way people type them: mobile, or a city number with its code."""
        if code is None:
            d = self._pick(MOBILE_CODES) + f"{self._int(0, 10 ** 7 - 1):07d}"
            a, b, c, e = d[:3], d[3:6], d[6:8], d[8:]
            shape = self._int(0, 7)
            text = (f"8 ({a}) {b}-{c}-{e}", f"+7 {a} {b}{c}{e}", f"8{d}", f"+7 ({a}) {b}-{c}-{e}",
                    f"8-{a}-{b}-{c}-{e}", d, f"+7{d}", f"8 {a} {b} {c} {e}")[shape]
            if self.rnd() < 0.004:  # a digit lost while typing: kept as typed, flagged
                text = text[:-1]
            return text
        width = 9 - len(code)  # the local number and the code make ten digits
        local = f"{self._int(2, 9)}{self._int(0, 10 ** width - 1):0{width}d}"
        head = local[:-4]
        tail = f"{head}-{local[-4:-2]}-{local[-2:]}"
        shape = self._int(0, 3)
        text = (f"({code}) {tail}", f"8 ({code}) {tail}", f"+7 ({code}) {tail}", f"8 {code} {local}")[shape]
        if self.rnd() < 0.1:
            text += f" доб. {self._int(100, 499)}"
        return text

    def add_phone(self, rows: Rows, client_id: int, contact_id, text: str, order: int, label: str = "") -> None:
        p = normalize(text, self.region)
        rows.rows[Phone].append((client_id, contact_id, p.raw, p.e164, p.digits, p.digits[::-1],
                                 p.valid, label, order))
        self.counts["phones"] += 1

    def add_email(self, rows: Rows, client_id: int, contact_id, address: str, order: int) -> None:
        rows.rows[Email].append((client_id, contact_id, address, fold(address), email_is_valid(address), order))
        self.counts["emails"] += 1

    def personal_email(self, first: str, surname: str) -> str:
        f, s = translit(first), translit(surname)
        local = self._pick((f"{f}.{s}", f"{f[0]}.{s}", f"{s}{self._int(1, 99)}", f"{f}{s[:3]}{self._int(70, 99)}",
                            f"{s}.{f[0]}"))
        return f"{local}@{self._pick(MAIL_DOMAINS)}"

    # --- one client with everything that belongs to it ----------------------------------
    def client(self, rows: Rows) -> None:
        cid = self._next("client")
        self.counts["clients"] += 1
        city, region, code = self._weighted(CITIES, CITY_WEIGHTS)
        status = self._weighted(("lead", "active", "refused", "archived"), (35, 45, 10, 10))
        responsible = self._pick(self.refs["employees"])
        created = self._day_time(-self._int(1, 730))
        contacts: list[int] = []
        birthday, inn, kpp = None, "", ""
        if self.rnd() < 0.7:
            kind = "person"
            name, first, surname = self.person()
            for order in range(1 + (self.rnd() < 0.15)):
                self.add_phone(rows, cid, None, self.phone_text(code if order else None), order,
                               "домашний" if order else "")
            if self.rnd() < 0.5:
                self.add_email(rows, cid, None, self.personal_email(first, surname), 0)
            if self.rnd() < 0.12:
                birthday = date(self._int(1955, 2003), self._int(1, 12), self._int(1, 28))
            address = f"ул. {self._pick(STREETS)}, д. {self._int(1, 120)}, кв. {self._int(1, 300)}"
            segment = self._pick(PERSON_SEGMENTS)
        else:
            kind = "company"
            form = self._weighted(("ООО", "ИП", "АО"), (70, 22, 8))
            word = self._pick(WORD_A) + self._pick(WORD_B)
            if form == "ИП":
                owner, first, surname = self.person()
                name, inn = f"ИП {owner}", make_inn(self.rng, 12)
                domain = f"{translit(surname)}-{translit(word)}.ru"
            else:
                name, inn = f"{form} «{word}»", make_inn(self.rng, 10)
                kpp = inn[:4] + "01001"
                domain = f"{translit(word)}{self._int(1, 999) if self.rnd() < 0.5 else ''}.ru"
            self.add_phone(rows, cid, None, self.phone_text(code), 0, "офис")
            self.add_email(rows, cid, None, f"{self._pick(('info', 'office', 'zakaz', 'sales'))}@{domain}", 0)
            for order in range(self._weighted((1, 2, 3), (50, 35, 15))):
                contact_id = self._next("contact")
                contacts.append(contact_id)
                cname, first, surname = self.person()
                position = "Директор" if form == "ИП" and order == 0 else self._pick(POSITIONS)
                cbirth = date(self._int(1960, 2000), self._int(1, 12), self._int(1, 28)) \
                    if self.rnd() < 0.1 else None
                rows.rows[ContactPerson].append((contact_id, cid, cname, position, ts(cbirth), order, ts(created)))
                self.counts["contacts"] += 1
                if self.rnd() < 0.9:
                    self.add_phone(rows, cid, contact_id, self.phone_text(), 0, "мобильный")
                if self.rnd() < 0.6:
                    self.add_email(rows, cid, contact_id, f"{translit(first)}.{translit(surname)}@{domain}", 0)
            address = (f"г. {city}, ул. {self._pick(STREETS)}, д. {self._int(1, 120)}, "
                       f"оф. {self._int(1, 450)}")
            segment = self._pick(COMPANY_SEGMENTS)
        source = self._weighted(SOURCES, SOURCE_WEIGHTS)
        for tag_id in {self._pick(self.refs["tags"]) for _ in range(self._weighted((0, 1, 2), (65, 28, 7)))}:
            rows.rows[ClientTag].append((cid, tag_id))
        deals = self.deals(rows, cid, status, created, contacts, responsible, source)
        last_contact, next_contact = self.activities(rows, cid, status, created, contacts, deals, responsible)
        refusal = self._pick(REFUSALS) if status == "refused" else ""
        notes = self._pick(NOTES) if self.rnd() < 0.2 else ""
        updated = max(x for x in (created, last_contact) if x is not None)
        rows.rows[Client].append((cid, kind, name, fold(name), inn, kpp, address, city, region, source, segment,
                                  status, refusal, responsible, ts(next_contact), ts(last_contact),
                                  ts(birthday), notes, ts(created), ts(updated), 1))

    def deals(self, rows, cid, status, created, contacts, responsible, source) -> list[tuple[int, datetime]]:
        """Deals walking the funnel in order; returns [(deal id, created at)] of open ones."""
        now = self.now
        count = {"lead": self.rnd() < 0.3, "active": self._weighted((1, 2, 3), (60, 30, 10)),
                 "refused": self.rnd() < 0.7, "archived": 1}[status]
        open_stages, won, lost = self.refs["open"], self.refs["won"], self.refs["lost"]
        open_deals = []
        for _ in range(int(count)):
            deal_id = self._next("deal")
            if status == "lead":
                outcome = "open"
            elif status in ("refused", "archived"):
                outcome = "lost" if status == "refused" or self.rnd() < 0.4 else "won"
            else:
                outcome = self._weighted(("open", "won", "lost"), (45, 40, 15))
            if outcome == "open":
                top = 3 if status == "lead" else len(open_stages)
                path = open_stages[:self._int(1, top)]
            elif outcome == "won":
                path = open_stages + [won]
            else:
                path = open_stages[:self._int(1, len(open_stages) - 1)] + [lost]
            span = max(1, (now - created).days)
            start = created + timedelta(days=self._int(0, span // 3), minutes=self._int(0, 300))
            end = now - timedelta(days=self._int(0, 20), minutes=self._int(1, 600))
            if outcome != "open":
                # closed over the client's whole life, so reports show months, not one spike
                life = max(0, (now - start).days)
                end = now - timedelta(days=self._int(0, life * 9 // 10), minutes=self._int(1, 600))
            if outcome == "open" and self.rnd() < 0.8:
                # most open deals are alive: they reached their stage in the last days
                end = now - timedelta(days=self._int(0, 9), minutes=self._int(1, 600))
                start = max(created, end - timedelta(days=self._int(0, 60) * (len(path) > 1)))
            if end <= start:
                end = start + timedelta(minutes=1)
            minutes = int((end - start).total_seconds()) // 60
            inner = sorted(self._int(1, minutes) for _ in path[1:-1])
            moments = ([start] + [start + timedelta(minutes=m) for m in inner] + [end])[-len(path):] \
                if len(path) > 1 else [start]
            previous = None
            for stage_id, moment in zip(path, moments):
                rows.rows[StageChange].append((deal_id, previous, stage_id, ts(moment), responsible))
                previous = stage_id
            last = moments[-1]
            closed = last if outcome != "open" else None
            amount = self._pick((5, 10, 15, 20, 30, 45, 60, 80, 120, 150, 250, 400, 750, 1200)) * 1000 \
                + 100 * self._int(0, 9)
            expected = (now + timedelta(days=self._int(7, 90))).date() if closed is None else last.date()
            reason = self._pick(self.refs["lost_reasons"]) if outcome == "lost" else ""
            competitor = self._pick(COMPETITORS) if outcome == "lost" and (reason == "Конкурент" or self.rnd() < 0.3) \
                else ""
            rows.rows[Deal].append((deal_id, cid, self._pick(contacts) if contacts else None, self.refs["pipeline"],
                                    path[-1], self._pick(DEAL_TITLES), f"{amount}.00", ts(expected), responsible,
                                    source, reason, competitor, ts(last), ts(closed), ts(start), ts(last), 1))
            self.counts["deals"] += 1
            if outcome == "open":
                open_deals.append((deal_id, start))
        return open_deals

    def activities(self, rows, cid, status, created, contacts, open_deals, responsible):
        """A year of done activities and the planned next steps; returns (last contact, next contact)."""
        now = self.now
        low, high = {"lead": (0, 3), "active": (2, 10), "refused": (1, 4), "archived": (1, 5)}[status]
        first_day = max(-365, (created - self.today).days + 1)
        last_contact = next_contact = None
        out = rows.rows[Activity]
        before = len(out)
        for _ in range(self._int(low, high)) if first_day < 0 else ():
            kind = self._weighted(DONE_KINDS, DONE_WEIGHTS)
            subjects, results = DONE_TEXT[kind]
            at = self._day_time(self._int(first_day, -1))
            duration = (self._int(1, 25) if kind.startswith("call")
                        else self._pick((30, 60, 90)) if kind == "meeting" else None)
            contact = self._pick(contacts) if contacts and kind != "note" else None
            out.append((kind, self._pick(subjects), self._pick(results), cid, contact, None, "done", None, ts(at),
                        duration, None, responsible, responsible, ts(at), ts(at), 1))
            if kind in CONTACT_KINDS and (last_contact is None or at > last_contact):
                last_contact = at
        planned = 0
        if status in ("lead", "active"):
            planned = self._weighted((0, 1, 2), (35, 55, 10))
        for _ in range(planned):
            kind, subject = self._pick(PLANNED)
            overdue = first_day <= -2 and self.rnd() < 0.12
            at = self._day_time(self._int(max(first_day, -10), -1) if overdue else self._int(0, 28))
            if at <= now < at + timedelta(hours=1):
                at += timedelta(hours=1)
            deal = self._pick(open_deals)[0] if open_deals and kind == "task" else None
            reminder = at - timedelta(minutes=15) if kind != "task" else None
            booked = min(now, max(created, at - timedelta(days=self._int(1, 14))))
            out.append((kind, subject, "", cid, self._pick(contacts) if contacts else None, deal, "planned", ts(at),
                        None, 60 if kind == "meeting" else None, ts(reminder), responsible, responsible,
                        ts(booked), ts(booked), 1))
            if next_contact is None or at < next_contact:
                next_contact = at
        self.counts["activities"] += len(out) - before
        return last_contact, next_contact


def _references() -> dict:
    pipeline = default_pipeline()
    stages = list(Stage.select().where(Stage.pipeline == pipeline, Stage.retired_at.is_null())
                  .order_by(Stage.order, Stage.id))
    employees = [e.id for e in Employee.select().where(Employee.active == True).order_by(Employee.id)]  # noqa: E712
    for name in MANAGERS:
        emp, made = Employee.get_or_create(name=name, defaults={"role": "manager"})
        if made:
            employees.append(emp.id)
    tags = [Tag.get_or_create(name=name, defaults={"color": color})[0].id for name, color in TAGS]
    reasons = [r.name for r in LostReason.select().where(LostReason.active == True)]  # noqa: E712
    return {"pipeline": pipeline.id, "open": [s.id for s in stages if s.kind == "open"],
            "won": next(s.id for s in stages if s.kind == "won"),
            "lost": next(s.id for s in stages if s.kind == "lost"),
            "employees": sorted(set(employees)), "tags": tags, "lost_reasons": reasons or ["Другое"]}


def generate(n_clients: int, *, seed: int = 1, progress=None, now: datetime | None = None) -> dict:
    """Add ``n_clients`` demo clients (with everything around them) to the bound database.

    Returns counts of what was created and the seconds it took.  ``now`` pins the
    moment the dates are built around (default: the current time).
    """
    started = time.perf_counter()
    now = (now or utcnow()).replace(microsecond=0)
    db = database_proxy
    sqlite = isinstance(db.obj, SqliteDatabase)
    saved = {}
    if sqlite:  # a bulk load: no fsync per chunk, a bigger page cache; restored below
        saved = {name: db.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in ("synchronous", "cache_size")}
        db.execute_sql("PRAGMA synchronous = OFF")
        db.execute_sql("PRAGMA cache_size = -200000")
    try:
        with db.atomic():  # all or nothing: an interrupted load leaves the database as it was
            ids = {"client": max_id(Client), "contact": max_id(ContactPerson), "deal": max_id(Deal)}
            first_client = ids["client"] + 1
            maker = _Maker(random.Random(seed), now, ids, _references())
            indexes = drop_indexes() if sqlite and n_clients > 0 else []
            done = 0
            while done < n_clients:
                count = min(CHUNK, n_clients - done)
                rows = Rows()
                for _ in range(count):
                    maker.client(rows)
                rows.flush()
                done += count
                if progress:
                    progress(f"clients: {done}/{n_clients}")
            if progress:
                progress("building the indexes")
            for sql in indexes:
                db.execute_sql(sql)
            index_client_range(first_client, first_client + n_clients - 1)
            maker.counts["clients in campaigns"] = add_campaigns(first_client, first_client + n_clients - 1, now)
            reset_sequences(model for model, _ in Rows.TABLES)  # PostgreSQL: ids were given
        if n_clients > 0:
            db.execute_sql("ANALYZE")  # fresh statistics, so the planner picks the right indexes
    finally:
        if sqlite:
            for name, value in saved.items():
                db.execute_sql(f"PRAGMA {name} = {int(value)}")
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stats = dict(maker.counts)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats
