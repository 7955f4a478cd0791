"""The hub's two ways of receiving desks' events decide the same: the same events from
three offline desks (overlapping admissions of one guest on one day at two desks and at
the hub itself, one guest on two days, a code the hub revoked by a reissue admitted by a
desk that had not heard of it, refused scans, an undo and a re-admission, a walk-in,
retries of batches already receipted) received once as a desk's push does (check-ins,
refused scans and audit rows by the server-side call `wimc_receive`, the rest by
services.sync.hub.receive) and once one event at a time by the Python path give the same
receipts and the same hub rows, apart from the hub's clock.

Both runs start from the same hub: each is one transaction on it, every push a savepoint
of its own (as each push is a transaction of its own), rolled back at the end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Text, cast, select
from sqlalchemy.engine import Connection

from tests.sync.conftest import DAY, MakeDesk, codes
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.services.badges import reissue_badge
from wimc_desktop.services.checkin import check_in, undo_checkin
from wimc_desktop.services.sync import hub as hub_side
from wimc_desktop.services.sync.hub_bulk import BULK_KINDS, receive_in_bulk
from wimc_desktop.services.sync.receipts import OutgoingEvent, Receipt, table
from wimc_desktop.services.walkin import register_walk_in

pytestmark = pytest.mark.postgres
ANN, BOB, CAT = Desk("A", "ann"), Desk("B", "bob"), Desk("C", "cat")
OFFICE = Desk("office", "olga")
DAY2 = DAY + dt.timedelta(days=1)
State = dict[str, list[tuple[Any, ...]]]
Batch = list[OutgoingEvent]
Path = Callable[[Connection, Batch], list[Receipt]]


@dataclass(frozen=True)
class OfflineDay:
    """The hub before any push, and each desk's events in its outbox's order."""

    hub: Database
    events: dict[str, list[OutgoingEvent]]
    hub_code: str  # admitted at the hub itself
    revoked: str  # revoked by a reissue at the hub, admitted at desk C


def _outbox(db: Database) -> list[OutgoingEvent]:
    o = s.OutboxRow
    with db.read() as session:
        return [OutgoingEvent(*r) for r in session.execute(
            select(o.id, o.kind, o.created_at, o.payload).order_by(o.position))]


def _admit(db: Database, code: str, desk: Desk, day: dt.date = DAY) -> str:
    got = check_in(db, code, day=day, desk=desk)
    assert got.outcome is Outcome.ADMITTED and got.checkin is not None
    return got.checkin.id


@pytest.fixture
def offline_day(hub_url: str, make_desk: MakeDesk) -> Iterator[OfflineDay]:
    a, proxy_a = make_desk("A")
    b, proxy_b = make_desk("B")
    c, proxy_c = make_desk("C")
    code = codes(a)
    for proxy in (proxy_a, proxy_b, proxy_c):
        proxy.drop()
    hub = Database(hub_url)
    _admit(hub, code[0], OFFICE)  # (the hub's own admission: desks' become duplicates)
    revoked = code[20]
    reissue_badge(hub, revoked, reason="lost", desk=OFFICE)
    for one in (code[0], *code[1:6]):
        _admit(a, one, ANN)
    _admit(a, code[1], ANN, DAY2)
    assert check_in(a, "WIMC-NOSUCH1", day=DAY, desk=ANN).outcome is Outcome.UNKNOWN_CODE
    undo_checkin(a, _admit(a, code[10], ANN), desk=ANN, reason="wrong guest")
    _admit(a, code[10], ANN)  # (admitted again after the undo)
    for one in (code[3], *code[4:9], code[0], code[10]):
        _admit(b, one, BOB)
    _admit(b, code[1], BOB, DAY2)
    assert register_walk_in(b, name="张宇航", day=DAY, desk=BOB).outcome is Outcome.ADMITTED
    before = DAY - dt.timedelta(days=1)
    assert check_in(b, code[9], day=before, desk=BOB).outcome is Outcome.NOT_EVENT_DAY
    _admit(c, revoked, CAT)  # (C never heard of the reissue)
    for one in (code[5], code[8], code[11]):
        _admit(c, one, CAT)
    _admit(c, code[8], CAT, DAY2 + dt.timedelta(days=1))
    assert check_in(c, "WIMC-NOSUCH2", day=DAY, desk=CAT).outcome is Outcome.UNKNOWN_CODE
    try:
        yield OfflineDay(hub, {"A": _outbox(a), "B": _outbox(b), "C": _outbox(c)},
                         code[0], revoked)
    finally:
        hub.dispose()


# -- the two paths ------------------------------------------------------------------


def as_pushed(answered: list[bool]) -> Path:
    """A desk's push (services.sync.desk.push_batch): a batch of the bulk kinds by the
    server-side call, the rest (or what it leaves) by hub.receive, which takes runs of
    the bulk kinds to the call too. `answered` notes, per batch, whether the call did."""

    def push(conn: Connection, batch: Batch) -> list[Receipt]:
        if all(e.kind in BULK_KINDS for e in batch):
            got = receive_in_bulk(conn, batch)
            answered.append(got is not None)
            if got is not None:
                return got
        return hub_side.receive(conn, batch)

    return push


def one_by_one(conn: Connection, batch: Batch) -> list[Receipt]:
    """The Python path alone: earlier receipts, then each fresh event decided and
    written one at a time (services.sync.hub._receive_carefully)."""
    earlier = hub_side._earlier_receipts(conn, [e.id for e in batch])
    return [earlier.get(e.id) or hub_side._receive_carefully(conn, e) for e in batch]


_HUB_CLOCK = {"hub_event": ("hub_at",)}
_ORDER = ("guest", "revoked_badge", "checkin", "checkin_undo", "hub_event", "audit")


def hub_state(conn: Connection) -> State:
    """Every row the receipt of events writes, in a stable order, the hub's clock left
    out (hub_event.hub_at; the `at` of the undo rows the hub makes for duplicates)."""
    state: State = {}
    for name in _ORDER:
        tbl = table(name)
        columns: list[Any] = [col for col in tbl.columns if col.key not in _HUB_CLOCK.get(name, ())]
        if name == "audit":  # (the very text the hash was made of, too)
            columns.append(cast(tbl.c.details, Text).label("details_text"))
        rows = [dict(r) for r in conn.execute(select(*columns)).mappings()]
        if name == "checkin_undo":
            rows = [r | {"at": None} if r["desk"] == "hub" else r for r in rows]
        state[name] = sorted((tuple(sorted(r.items(), key=lambda kv: kv[0])) for r in rows),
                             key=repr)
    m = table("wimc_meta")
    state["audit_heads"] = sorted(tuple(r) for r in conn.execute(
        select(m.c.key, m.c.value).where(m.c.key.like("audit_head%"))))
    return state


@dataclass(frozen=True)
class Run:
    receipts: list[list[Receipt]]
    states: list[State]  # the hub after each batch in `snap_after`, then at the end
    hub_at_missing: int


def receive_all(hub: Database, batches: list[Batch], path: Path,
                snap_after: tuple[int, ...] = ()) -> Run:
    """The batches received in order on the hub, each in a savepoint of one transaction
    that is rolled back: the hub is as it was after."""
    receipts: list[list[Receipt]] = []
    states: list[State] = []
    with hub.engine.connect() as conn:
        outer = conn.begin()
        try:
            for i, batch in enumerate(batches):
                with conn.begin_nested():
                    receipts.append(path(conn, batch))
                if i in snap_after:
                    states.append(hub_state(conn))
            states.append(hub_state(conn))
            h = table("hub_event")
            missing = len(conn.execute(select(h.c.id).where(h.c.hub_at.is_(None))).all())
        finally:
            outer.rollback()
    return Run(receipts, states, missing)


def _batches(events: list[OutgoingEvent], size: int) -> list[Batch]:
    return [events[i:i + size] for i in range(0, len(events), size)]


def _assert_agree(day: OfflineDay, batches: list[Batch], snap_after: tuple[int, ...] = ()
                  ) -> tuple[Run, list[bool]]:
    answered: list[bool] = []
    bulk = receive_all(day.hub, batches, as_pushed(answered), snap_after)
    single = receive_all(day.hub, batches, one_by_one, snap_after)
    assert len(bulk.receipts) == len(batches)
    for sent, got_bulk, got_single in zip(batches, bulk.receipts, single.receipts,
                                          strict=True):
        assert [r.event_id for r in got_bulk] == [e.id for e in sent]
        assert got_bulk == got_single, [e.kind for e in sent]
    for state_bulk, state_single in zip(bulk.states, single.states, strict=True):
        for name in state_bulk:
            assert state_bulk[name] == state_single[name], name
    assert bulk.hub_at_missing == single.hub_at_missing == 0
    return bulk, answered


# -- the tests ----------------------------------------------------------------------


@pytest.mark.parametrize("size", [3, 100])
def test_three_offline_desks_pushed_in_turn_decide_the_same_both_ways(
        offline_day: OfflineDay, size: int) -> None:
    per_desk = {name: _batches(events, size) for name, events in offline_day.events.items()}
    pushes: list[Batch] = []
    for turn in range(max(len(b) for b in per_desk.values())):
        pushes += [b[turn] for b in per_desk.values() if turn < len(b)]
    sent = len(pushes)
    later = offline_day.events["B"][-2:]
    # retries of pushes whose receipts never reached their desk: A's first, all of C's,
    # the last two of B's
    retries = [per_desk["A"][0], offline_day.events["C"], later]
    batches = pushes + retries
    bulk, answered = _assert_agree(offline_day, batches, snap_after=(sent - 1,))

    # the server-side call did answer the desks' pushes of check-ins and scans
    bulk_batches = [b for b in batches if all(e.kind in BULK_KINDS for e in b)]
    assert len(answered) == len(bulk_batches) >= sent // 2 and all(answered)
    # a retry gets the earlier receipts and changes nothing
    first = {r.event_id: r for rs in bulk.receipts[:sent] for r in rs}
    for batch, got in zip(retries, bulk.receipts[sent:], strict=True):
        assert got == [first[e.id] for e in batch]
    assert bulk.states[0] == bulk.states[1]

    # what was decided (the same both ways, as asserted above)
    final = bulk.states[-1]
    assert not [r for r in first.values() if r.outcome == "rejected"]
    dup = [r for r in first.values() if r.outcome == "duplicate"]
    assert all(r.conflict == "duplicate_admission" for r in dup)
    office = [r for r in dup if r.kept_desk == "office"]
    assert len(office) == 2 and {r.kept_operator for r in office} == {"olga"}
    flagged = [r for r in first.values() if r.conflict == "revoked_code_admitted"]
    assert len(flagged) == 1 and flagged[0].outcome == "admitted"
    assert (flagged[0].kept_desk, flagged[0].kept_operator) == ("office", "olga")
    valid: set[tuple[Any, Any]] = set()
    undone = {dict(r)["checkin_id"] for r in final["checkin_undo"]}
    for row in final["checkin"]:
        values = dict(row)
        if values["id"] not in undone:
            key = (values["guest_id"], values["event_day"])
            assert key not in valid  # one valid admission of a guest a day
            valid.add(key)
    assert {dict(r)["desk"] for r in final["checkin_undo"]} == {"hub", "A"}
    events = {e.id: e for es in offline_day.events.values() for e in es}
    stored = {dict(r)["id"]: dict(r) for r in final["hub_event"]}
    assert set(stored) == set(events)  # every event stored once
    for event_id, kept in stored.items():  # the desk's clock kept, the payload as sent
        assert kept["device_at"] == events[event_id].created_at
        assert kept["payload"] == dict(events[event_id].payload)
    assert len(final["audit"]) >= len(events) // 2


@st.composite
def _arrivals(draw: st.DrawFn, events: dict[str, list[OutgoingEvent]]) -> list[Batch]:
    """Each desk's events cut into pushes of random sizes, the desks' pushes interleaved
    at random (each desk's in its order), and some pushes sent again later (whole, or
    with the desk's next push: a retry before the receipts arrived)."""
    per_desk: dict[str, list[Batch]] = {}
    for name, mine in events.items():
        cut: list[Batch] = []
        i = 0
        while i < len(mine):
            size = draw(st.integers(1, 6))
            cut.append(mine[i:i + size])
            i += size
        per_desk[name] = cut
    order = draw(st.permutations([n for n, b in per_desk.items() for _ in b]))
    taken = dict.fromkeys(per_desk, 0)
    batches: list[Batch] = []
    for name in order:
        push = per_desk[name][taken[name]]
        taken[name] += 1
        if taken[name] > 1 and draw(st.integers(0, 4)) == 0:
            push = per_desk[name][taken[name] - 2] + push  # (its receipts were lost)
        batches.append(push)
    for _ in range(draw(st.integers(0, 2))):
        batches.append(draw(st.sampled_from(batches)))
    return batches


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_arrival_order_decides_the_same_both_ways(offline_day: OfflineDay,
                                                      data: st.DataObject) -> None:
    batches = data.draw(_arrivals(offline_day.events))
    bulk, answered = _assert_agree(offline_day, batches)
    assert answered and all(answered)  # (nothing in these events is left to the Python path)
    decided = {r.event_id: r for rs in bulk.receipts for r in rs}
    assert sum(r.conflict == "revoked_code_admitted" for r in decided.values()) == 1
    assert sorted(r.outcome for r in decided.values()).count("admitted") >= 12
