"""What the window needs of an event database, gathered on the worker in one go (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.models import Event
from wimc_desktop.services.checkin import list_counts
from wimc_desktop.services.events import create_event, get_event, open_event_database
from wimc_desktop.services.operators import has_operators
from wimc_desktop.services.sync.desk import joined_as


@dataclass(frozen=True)
class OpenedEvent:
    """An open event database with the event it holds, its guest count (and how many of
    them are expected on site), whether it has operators (then the window starts with a
    login), and, for a desk of a hub, its name."""

    db: Database
    event: Event
    guest_count: int
    expected: int
    has_operators: bool = False
    hub_desk: str = ""  # a desk of a hub: its name (given to join); "" for any other file


@dataclass(frozen=True)
class NewEventInput:
    """What the New event dialog asks for."""

    path: str
    name_zh: str
    name_en: str
    venue: str
    city: str
    start: dt.date
    end: dt.date
    timezone: str


def describe(db: Database) -> OpenedEvent:
    """Read the event and count its guests; closes the database if that fails.

    The change feed's cursor is set first: whatever another process or desk changes
    after it reaches the window (at its first poll), so the window's live counts can
    start from these counts without counting the list again."""
    try:
        db.poll_changes()  # (the first poll only sets the cursor)
        guests, expected = list_counts(db)
        return OpenedEvent(db, get_event(db), guests, expected, has_operators(db),
                           joined_as(db))
    except Exception:
        db.dispose()
        raise


def open_event(target: str) -> OpenedEvent:
    return describe(open_event_database(target))


def create_new_event(values: NewEventInput) -> OpenedEvent:
    db = create_event(values.path, name_zh=values.name_zh, name_en=values.name_en,
                      venue=values.venue, city=values.city, start=values.start,
                      end=values.end, timezone=values.timezone)
    return describe(db)


def create_demo(target: str, count: int,
                progress: Callable[[int, int], None] | None = None) -> OpenedEvent:
    from wimc_desktop.services.demo import create_demo_event

    return describe(create_demo_event(target, count, progress=progress))
