"""The demo's advertising campaigns: the paid sources of the demo clients become
campaigns with a period and a cost, so the campaigns report has something to show."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from peewee import fn

from db.models import Campaign, Client

# (source of the demo clients, campaign name, channel, cost of one lead in roubles)
CAMPAIGNS = [
    ("Яндекс.Директ", "Яндекс.Директ: поиск", "ads", 12_000),
    ("Выставка", "Выставка «Стройэкспо»", "exhibition", 45_000),
    ("Социальные сети", "Реклама ВКонтакте", "ads", 9_000),
    ("Холодный звонок", "Обзвон базы 2ГИС", "calls", 4_000),
]


def add_campaigns(first_client: int, last_client: int, now: datetime) -> int:
    """Campaigns for the demo clients ``first_client``..``last_client``; returns how many
    clients got one.  Existing campaigns of the same name are reused."""
    linked = 0
    for source, name, channel, per_lead in CAMPAIGNS:
        clients = Client.select(Client.id).where(Client.id.between(first_client, last_client),
                                                 Client.source == source)
        count = clients.count()
        if not count:
            continue
        first = (Client.select(fn.MIN(Client.created_at)).where(Client.id.in_(clients)).scalar()
                 or now - timedelta(days=365))
        campaign, _ = Campaign.get_or_create(name=name, defaults={
            "channel": channel, "starts_on": first.date(), "ends_on": now.date(),
            "cost": Decimal(per_lead * count)})
        linked += (Client.update(campaign=campaign.id)
                   .where(Client.id.between(first_client, last_client), Client.source == source).execute())
    return linked
