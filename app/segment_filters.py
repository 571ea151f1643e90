"""Saved segments as a filter beyond the client list: the funnel, the activity list and
the reports keep only records of clients in the segment (``app.segments`` computes the
members live; a segment deleted or broken since keeps nobody)."""
from __future__ import annotations

from datetime import datetime

from db.models import Client

from .segments import segment_condition


def segment_clients(segment_id: int, now: datetime | None = None):
    """``SELECT id FROM client WHERE <in the segment>``, for ``X.client.in_(…)``."""
    return Client.select(Client.id).where(segment_condition(segment_id, now))


def of_segment(column, segment_id: int | None, now: datetime | None = None) -> list:
    """Conditions keeping the rows whose ``column`` (a client id) is in the segment;
    none without a segment."""
    if segment_id is None:
        return []
    return [column.in_(segment_clients(segment_id, now))]
