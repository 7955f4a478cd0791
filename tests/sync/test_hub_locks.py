"""The hub's locks: the counter is taken at commit, every writer's last lock, so a desk's
push and a check-in made on the hub itself never deadlock; the feed's numbers stay
gapless and in commit order with many writers at once, rollbacks and savepoints."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from tests.sync.conftest import DAY, MakeDesk, admissions, codes, hub_events
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.sync.connect import hub_engine
from wimc_desktop.services.sync.desk import push_batch, sync, sync_state

pytestmark = pytest.mark.postgres


def _waiting_for_a_lock(engine: Engine, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    with engine.connect() as conn:
        while time.monotonic() < deadline:
            if conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE "
                                 "wait_event_type = 'Lock' AND datname = current_database()")
                            ).scalar_one():
                return True
            conn.rollback()
            time.sleep(0.02)
    return False


def _feed_numbers(engine: Engine) -> tuple[list[int], int, int]:
    """The feed's distinct numbers, the counter, and the marks left."""
    with engine.connect() as conn:
        seqs = list(conn.execute(text("SELECT DISTINCT seq FROM hub_feed ORDER BY seq"))
                    .scalars())
        counter = conn.execute(text("SELECT value FROM hub_counter")).scalar_one()
        marks = conn.execute(text("SELECT count(*) FROM hub_tx_mark")).scalar_one()
    return seqs, counter, marks


def test_a_push_behind_a_hub_checkin_of_its_guest_waits_and_both_commit(
        hub_url: str, make_desk: MakeDesk) -> None:
    """A check-in made on the hub locks its guest, then writes (its feed rows, its audit
    row's chain head). A desk's push of the same guest arriving meanwhile waits for the
    guest; the hub's check-in then writes and commits, and the push goes on (before
    session 8 the push held the counter while it waited, the check-in's first write
    waited for the counter, and PostgreSQL broke the deadlock by failing one)."""
    a, proxy = make_desk("A")
    code = codes(a)[7]
    proxy.drop()
    mine = check_in(a, code, day=DAY, desk=Desk("A", "ann"))
    proxy.restore()
    raw = create_engine(hub_url)
    desk_hub = hub_engine(sync_state(a).hub_url)
    got: dict[str, Any] = {}

    def push() -> None:
        try:
            got["receipts"] = push_batch(a, desk_hub)
        except Exception as exc:  # (reported below)
            got["error"] = exc

    try:
        with raw.connect() as conn:
            conn.execute(text("SET lock_timeout = '20s'"))
            guest_id = conn.execute(text("SELECT id FROM guest WHERE badge_code = :c "
                                         "FOR UPDATE"), {"c": code}).scalar_one()
            thread = threading.Thread(target=push)
            thread.start()
            assert _waiting_for_a_lock(raw), "the push did not wait for the guest"
            conn.execute(text("UPDATE guest SET updated_at = now() WHERE id = :g"),
                         {"g": guest_id})  # (a replicated write: its feed rows)
            conn.commit()
        thread.join(30)
        assert "error" not in got, got.get("error")
        assert [r.outcome for r in got["receipts"]] == ["admitted"]
    finally:
        desk_hub.dispose()
        raw.dispose()
    hub = open_event_database(hub_url)
    try:
        assert mine.checkin is not None
        assert mine.checkin.id in admissions(hub).values()
    finally:
        hub.dispose()
    raw = create_engine(hub_url)
    try:
        seqs, counter, marks = _feed_numbers(raw)
    finally:
        raw.dispose()
    assert seqs == list(range(1, counter + 1)) and marks == 0


def test_numbers_stay_gapless_with_pushes_hub_checkins_and_rollbacks_at_once(
        hub_url: str, make_desk: MakeDesk) -> None:
    desks = [make_desk(name)[0] for name in ("A", "B", "C")]
    every = codes(desks[0])
    hub = open_event_database(hub_url)
    raw = create_engine(hub_url)
    errors: list[BaseException] = []

    def desk_work(i: int) -> None:
        try:
            for code in every[i * 20:(i + 1) * 20]:
                check_in(desks[i], code, day=DAY, desk=Desk(f"D{i}", "op"))
                sync(desks[i], push_only=True)
        except BaseException as exc:  # (reported below)
            errors.append(exc)

    def hub_work() -> None:  # the same guests, admitted on the hub itself
        try:
            for code in every[10:70]:
                check_in(hub, code, day=DAY, desk=Desk("hub desk", "op"))
        except BaseException as exc:
            errors.append(exc)

    def rollbacks() -> None:  # writers that give their number back, whole or in part
        try:
            for _ in range(20):
                with raw.connect() as conn:
                    conn.execute(text("UPDATE event SET name_zh = name_zh"))
                    conn.rollback()
                    conn.execute(text("SAVEPOINT s"))
                    conn.execute(text("UPDATE event SET name_zh = name_zh"))
                    conn.execute(text("ROLLBACK TO SAVEPOINT s"))
                    conn.execute(text("UPDATE event SET name_zh = name_zh"))
                    conn.commit()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=desk_work, args=(i,)) for i in range(3)]
    threads += [threading.Thread(target=hub_work), threading.Thread(target=rollbacks)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(240)
        assert not errors, errors
        for desk in desks:
            assert sync(desk).pending == 0
        events = hub_events(hub)
        assert len(events) == 60 and set(events.values()) <= {"admitted", "duplicate"}
        kept = admissions(hub)  # (fails on two valid admissions of a guest)
        assert len(kept) == 70
        for desk in desks:
            assert admissions(desk) == kept
        seqs, counter, marks = _feed_numbers(raw)
        assert seqs == list(range(1, counter + 1)) and marks == 0
    finally:
        hub.dispose()
        raw.dispose()
