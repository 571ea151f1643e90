"""Demo data: realistic, consistent, searchable, and the same for the same seed."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.demo import generate
from app.search import search_clients
from app.validation import inn_is_valid
from db.connection import close_database, open_database
from db.models import (Activity, Client, ContactPerson, Deal, Email, Employee, Phone, Stage, StageChange,
                       database_proxy, utcnow)
from db.search_index import FTS_TABLE, _documents
from db.text import fold

ROOT = Path(__file__).resolve().parents[2]
N = 300


@pytest.fixture
def demo(db):
    """A fresh database with N demo clients; yields the stats and the moment used as "now"."""
    now = utcnow().replace(microsecond=0)
    stats = generate(N, seed=7, now=now)
    return stats, now


def test_counts_are_as_asked(demo):
    stats, _ = demo
    assert stats["clients"] == N == Client.select().count()
    assert stats["contacts"] == ContactPerson.select().count()
    assert stats["phones"] == Phone.select().count()
    assert stats["emails"] == Email.select().count()
    assert stats["deals"] == Deal.select().count()
    assert stats["activities"] == Activity.select().count()
    persons = Client.select().where(Client.kind == "person").count()
    assert 0.6 * N < persons < 0.8 * N
    contacts_per_company = defaultdict(int)
    for (cid,) in ContactPerson.select(ContactPerson.client).tuples():
        contacts_per_company[cid] += 1
    companies = {c for (c,) in Client.select(Client.id).where(Client.kind == "company").tuples()}
    assert set(contacts_per_company) == companies
    assert set(contacts_per_company.values()) <= {1, 2, 3}
    # the owner plus the managers, and clients are shared between them
    assert Employee.select().count() >= 6
    assert Client.select(Client.responsible).distinct().count() >= 5
    assert all(name_fold == fold(name) for name, name_fold in Client.select(Client.name, Client.name_fold).tuples())


def _index_names() -> set[str]:
    from db.sql import is_postgres
    sql = ("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'" if is_postgres()
           else "SELECT name FROM sqlite_master WHERE type = 'index'")
    return {r[0] for r in database_proxy.execute_sql(sql).fetchall()}


@pytest.mark.sqlite_only
def test_bulk_load_restores_indexes_and_durable_writes(db):
    before = _index_names()
    generate(40, seed=2)
    assert _index_names() == before
    assert database_proxy.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_failed_load_leaves_the_database_as_it_was(db, monkeypatch):
    import app.demo as demo_module
    generate(20, seed=2)
    before = (Client.select().count(), Phone.select().count(), _index_names())

    def broken(*args):
        raise RuntimeError("disk full")
    monkeypatch.setattr(demo_module, "index_client_range", broken)
    with pytest.raises(RuntimeError):
        generate(30, seed=3)
    assert (Client.select().count(), Phone.select().count(), _index_names()) == before


def _snapshot() -> dict:
    return {
        "clients": list(Client.select(Client.name, Client.kind, Client.inn, Client.city, Client.status,
                                      Client.source).order_by(Client.id).tuples()),
        "phones": [r for (r,) in Phone.select(Phone.raw).order_by(Phone.id).tuples()],
        "emails": [r for (r,) in Email.select(Email.address).order_by(Email.id).tuples()],
        "deals": list(Deal.select(Deal.client, Deal.title, Deal.amount, Deal.stage).order_by(Deal.id).tuples()),
        "activities": list(Activity.select(Activity.kind, Activity.subject, Activity.client, Activity.status)
                           .order_by(Activity.id).tuples()),
    }


def test_same_seed_gives_same_data(tmp_path):
    snapshots = []
    for name, seed, now in (("a", 3, datetime(2025, 5, 5, 8)), ("b", 3, datetime(2025, 5, 5, 20, 30)),
                            ("c", 4, datetime(2025, 5, 5, 8))):
        open_database(tmp_path / f"{name}.db")
        try:
            generate(60, seed=seed, now=now)
            snapshots.append(_snapshot())
        finally:
            close_database()
    assert snapshots[0] == snapshots[1]  # another hour of the day: the same clients
    assert snapshots[0]["clients"] != snapshots[2]["clients"]


def test_every_phone_is_found_by_its_last_seven_digits(demo):
    phones = list(Phone.select(Phone.client, Phone.digits, Phone.raw, Phone.e164).tuples())
    raws = [raw for _, _, raw, _ in phones]
    for looks_like in (lambda r: r.startswith("8 ("), lambda r: r.startswith("+7 "), str.isdigit,
                       lambda r: r.startswith("("), lambda r: "доб." in r):
        assert any(looks_like(r) for r in raws)  # typed in the mixed ways people type them
    for client_id, digits, raw, _ in phones:
        typed = f"{digits[-7:-4]}-{digits[-4:-2]}-{digits[-2:]}"
        assert client_id in [h.id for h in search_clients(typed)], (raw, typed)


def test_a_stored_mobile_is_found_in_another_format(demo):
    digits = Phone.select(Phone.digits).where(Phone.e164.startswith("+79")).scalar()
    typed = f"8({digits[1:4]}){digits[4:7]}-{digits[7:9]}-{digits[9:]}"
    owners = {c for (c,) in Phone.select(Phone.client).where(Phone.digits == digits).tuples()}
    assert owners <= {h.id for h in search_clients(typed)}


def test_companies_have_valid_inns(demo):
    companies = list(Client.select(Client.name, Client.inn).where(Client.kind == "company").tuples())
    assert companies
    for name, inn in companies:
        assert inn_is_valid(inn), (name, inn)
        assert len(inn) == (12 if name.startswith("ИП ") else 10)


def test_deal_history_walks_the_funnel_to_the_current_stage(demo):
    _, now = demo
    stages = {s.id: s for s in Stage.select()}
    changes = defaultdict(list)
    for ch in StageChange.select().order_by(StageChange.changed_at, StageChange.id):
        changes[ch.deal_id].append(ch)
    kinds = defaultdict(int)
    for deal in Deal.select():
        history = changes[deal.id]
        assert history and history[0].from_stage_id is None
        for before, after in zip(history, history[1:]):
            assert after.from_stage_id == before.to_stage_id
            assert stages[after.to_stage_id].order > stages[before.to_stage_id].order
        assert history[-1].to_stage_id == deal.stage_id
        assert history[-1].changed_at == deal.stage_entered_at <= now
        assert deal.created_at == history[0].changed_at
        kind = stages[deal.stage_id].kind
        kinds[kind] += 1
        assert (deal.closed_at is None) == (kind == "open")
        if kind == "lost":
            assert deal.lost_reason
        else:
            assert not deal.lost_reason and not deal.competitor
    assert kinds["open"] and kinds["won"] and kinds["lost"]


def test_planned_work_ahead_and_client_dates_agree_with_activities(demo):
    _, now = demo
    planned = list(Activity.select().where(Activity.status == "planned"))
    assert any(a.planned_at > now for a in planned)
    assert any(a.planned_at > now + timedelta(days=7) for a in planned)
    assert any(a.planned_at < now for a in planned)  # some are overdue
    assert Activity.select().where(Activity.status == "done", Activity.done_at < now - timedelta(days=180)).exists()
    assert not Activity.select().where(Activity.status == "done", Activity.done_at > now).exists()
    next_at, last_at = {}, {}
    for a in Activity.select():
        if a.status == "planned":
            next_at[a.client_id] = min(next_at.get(a.client_id, a.planned_at), a.planned_at)
        elif a.kind in ("call_in", "call_out", "email", "meeting"):
            last_at[a.client_id] = max(last_at.get(a.client_id, a.done_at), a.done_at)
    for c in Client.select():
        assert c.next_contact_at == next_at.get(c.id)
        assert c.last_contact_at == last_at.get(c.id)


def test_search_index_holds_contacts_and_emails(demo):
    ids = [i for (i,) in Client.select(Client.id).order_by(Client.id).tuples()]
    stored = dict(database_proxy.execute_sql(f"SELECT rowid, body FROM {FTS_TABLE}").fetchall())
    assert stored == _documents(Client.id.in_(ids), ContactPerson.client.in_(ids), Email.client.in_(ids))
    contact = ContactPerson.select().first()
    assert contact.client_id in [h.id for h in search_clients(contact.name, limit=500)]
    email = Email.select().first()
    assert email.client_id in [h.id for h in search_clients(email.address)]


def test_cli_demo_prints_json_stats(tmp_path):
    target = tmp_path / "cli.db"
    out = subprocess.run([sys.executable, "-m", "app", "--db", str(target), "demo", "--clients", "50"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["clients"] == 50 and stats["deals"] > 0 and stats["activities"] > 0
    open_database(target)
    try:
        assert Client.select().count() == 50
    finally:
        close_database()


def test_paid_sources_become_campaigns_the_report_can_show(demo):
    from app.demo_campaigns import CAMPAIGNS
    from app.reports import build_report
    from app.reports.base import Filters
    from db.models import Campaign
    campaigns = {c.name: c for c in Campaign.select()}
    assert len(campaigns) >= 3
    for campaign in campaigns.values():
        members = Client.select().where(Client.campaign == campaign.id)
        assert members.count() > 0 and campaign.cost > 0
        assert {c.source for c in members} == {next(s for s, n, _, _ in CAMPAIGNS if n == campaign.name)}
    _, now = demo
    report = build_report("campaigns", Filters(date_from=now.date() - timedelta(days=800), date_to=now.date()))
    assert len([row for row in report.rows if row[0] in campaigns]) == len(campaigns)
