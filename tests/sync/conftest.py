"""Fixtures of the many-desks tests: a hub on the test PostgreSQL with the 120 guests of
a sample list, and desks joined to it through proxies the test can pause and drop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url, select

from tests.conftest import POSTGRES_URL, SHARED_DATA, reset_postgres
from tests.sync.proxy import Proxy
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.services.events import create_event, open_event_database
from wimc_desktop.services.importing import import_file
from wimc_desktop.services.sync.desk import sync

DAY = dt.date(2020, 11, 26)
MakeDesk = Callable[[str], tuple[Database, Proxy]]


@pytest.fixture
def hub_url(monkeypatch: pytest.MonkeyPatch) -> str:
    """The hub: the test PostgreSQL, emptied, with an event and 120 guests. Desks find
    its password in PGPASSWORD, as libpq does."""
    if not POSTGRES_URL:
        pytest.skip("WIMC_TEST_POSTGRES_URL is not set")
    reset_postgres(POSTGRES_URL)
    db = create_event(POSTGRES_URL, name_zh="同步测试", start=DAY, end=dt.date(2020, 11, 28))
    try:
        assert import_file(db, SHARED_DATA / "guests_utf8_bom.csv").added == 120
    finally:
        db.dispose()
    password = make_url(POSTGRES_URL).password
    if password:
        monkeypatch.setenv("PGPASSWORD", password)
    return POSTGRES_URL


@pytest.fixture
def make_desk(hub_url: str, tmp_path: Path) -> Iterator[MakeDesk]:
    from wimc_desktop.services.sync.desk import join

    made: list[tuple[Database, Proxy]] = []
    url = make_url(hub_url)

    def make(name: str) -> tuple[Database, Proxy]:
        proxy = Proxy(url.host or "127.0.0.1", url.port or 5432)
        path = tmp_path / f"{name}.wimc"
        join(path, proxy.url(hub_url), name)
        db = open_event_database(path)
        made.append((db, proxy))
        return db, proxy

    yield make
    for db, proxy in made:
        db.dispose()
        proxy.close()


def codes(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.execute(select(s.GuestRow.badge_code)
                                    .order_by(s.GuestRow.badge_code)).scalars())


def admissions(db: Database) -> dict[tuple[str, dt.date], str]:
    """The valid (not undone) admissions: (guest, day) -> check-in id; fails on two."""
    found: dict[tuple[str, dt.date], str] = {}
    with db.read() as session:
        undone = select(s.CheckInUndoRow.checkin_id)
        rows = session.execute(select(s.CheckInRow.guest_id, s.CheckInRow.event_day,
                                      s.CheckInRow.id).where(s.CheckInRow.id.not_in(undone)))
        for guest_id, day, checkin_id in rows:
            assert (guest_id, day) not in found, f"two valid admissions of {guest_id} {day}"
            found[(guest_id, day)] = checkin_id
    return found


def all_checkins(db: Database) -> set[str]:
    with db.read() as session:
        return set(session.execute(select(s.CheckInRow.id)).scalars())


def hub_events(db: Database) -> dict[str, str]:
    with db.read() as session:
        return dict(session.execute(select(s.HubEventRow.id, s.HubEventRow.outcome)).all())


def outbox(db: Database) -> dict[str, tuple[str, str]]:
    with db.read() as session:
        return {i: (k, st) for i, k, st in session.execute(
            select(s.OutboxRow.id, s.OutboxRow.kind, s.OutboxRow.status))}


def network_step(action: str, proxy: Proxy, db: Database) -> None:
    """A property test's step of the network: "cut" the desk off, "mend" its line, or
    "sync" it once with short time limits (any other action: nothing)."""
    if action == "cut":
        proxy.drop()
    elif action == "mend":
        proxy.restore()
    elif action == "sync":
        sync(db, push_timeout=2, pull_timeout=2)


def reconnect_all(proxies: list[Proxy], desks: list[Database]) -> None:
    """Every line mended and every desk synced twice (what one pushed reaches the others)."""
    for proxy in proxies:
        proxy.restore()
    for _ in range(2):
        for db in desks:
            assert sync(db).online
