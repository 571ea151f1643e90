"""Change events: every write publishes what it changed; the UI bridges them to one Qt
signal and views refresh only what changed."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Change:
    entity: str  # client | deal | activity | stage | employee | setting | ...
    action: str  # create | update | delete | restore | bulk
    ids: tuple[int, ...] = field(default_factory=tuple)


_listeners: list[Callable[[Change], None]] = []
_lock = threading.Lock()


def subscribe(listener: Callable[[Change], None]) -> Callable[[], None]:
    """Register a listener; returns a function that unsubscribes it."""
    with _lock:
        _listeners.append(listener)

    def unsubscribe() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)
    return unsubscribe


def publish(entity: str, action: str, ids=()) -> Change:
    change = Change(entity, action, tuple(ids))
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(change)
    return change
