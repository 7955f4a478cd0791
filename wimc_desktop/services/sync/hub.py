"""The hub's side of many desks (PostgreSQL): desks' events received once and decided in
arrival order, and the feed desks pull.

An event is stored under the UUID its desk made (hub_event's primary key): a retry finds
the earlier receipt and changes nothing. Each receiving transaction first locks the
guests its events concern (in one statement, in the order of their ids, so two pushes
never hold one each while waiting for the other's), then looks for earlier receipts, so
the events of one guest are decided one transaction at a time, in the order they arrive;
the hub's number (db.hub_feed) is taken at commit, the last lock of every writer. The
first admission of a guest for a day is
`admitted`; a later one is stored too, as `duplicate` (undone at once by the hub, with
both desks, times and operators kept), and is never decided again. An admission with a
code that a reissue had revoked, or a reissue of a code already used to admit after it
was revoked, is kept and flagged as a conflict. A desk's edit of a guest's details, and
its amendment or cancellation of a signing, are merged field by field
(services.sync.guest_merge, signing_merge): a field another desk or the office changed
first keeps that value, and the event is flagged as a conflict; a cancel is never undone.
Once the hub's personal data was purged, every event is taken scrubbed (services.privacy:
nothing personal is stored again, a late event of a desk offline through the purge too).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from wimc_desktop.db.hub_feed import REPLICATED
from wimc_desktop.services import audit
from wimc_desktop.services.privacy import is_purged, scrub_event
from wimc_desktop.services.sync.guest_merge import apply_guest_change
from wimc_desktop.services.sync.hub_bulk import BULK_KINDS, receive_in_bulk
from wimc_desktop.services.sync.receipts import (
    ADMITTED,
    DUPLICATE,
    DUPLICATE_ADMISSION,
    DUPLICATE_NAMESPACE,
    REJECTED,
    REVOKED_CODE_ADMITTED,
    Decision,
    OutgoingEvent,
    Receipt,
    event_rows,
    hub_event_values,
    table,
)
from wimc_desktop.services.sync.signing_merge import (
    PEOPLE,
    apply_signing_change,
    changed_signings,
)


def receive(conn: Connection, events: list[OutgoingEvent], *, bulk: bool = True
            ) -> list[Receipt]:
    """Receipts for a batch of events, in one transaction of the caller (commit after).

    The batch is first applied whole under one savepoint (about six statements an event);
    when an event is refused or clashes with the hub's rows, that savepoint is rolled back
    and the batch applied again one savepoint per event, so the refused one is stored as
    `rejected` with none of its rows and the others as before. `bulk=False`: the caller's
    server-side call already answered NULL for these events (not asked again)."""
    _lock_guests(conn, events)
    _lock_signings(conn, events)
    if is_purged(conn):  # (after the locks: a purge under way has committed by then)
        events = [scrub_event(e) or e for e in events]
    earlier = _earlier_receipts(conn, [e.id for e in events])
    fresh = [e for e in events if e.id not in earlier]
    got: dict[str, Receipt] = {}
    try:
        with conn.begin_nested():
            for run in _runs(fresh, BULK_KINDS):
                receipts = (receive_in_bulk(conn, run)
                            if bulk and run[0].kind in BULK_KINDS else None)
                if receipts is None:
                    receipts = [_receive_one(conn, e) for e in run]
                got.update((r.event_id, r) for r in receipts)
    except (_Rejected, IntegrityError):
        got = {e.id: _receive_carefully(conn, e) for e in fresh}
    return [earlier.get(e.id) or got[e.id] for e in events]


def _lock_guests(conn: Connection, events: list[OutgoingEvent]) -> None:
    """FOR NO KEY UPDATE on every guest the events admit, undo, reissue or change (it
    waits for a check-in made on the hub itself, which locks its guest FOR UPDATE; rows
    that merely name a guest, FOR KEY SHARE, go on)."""
    ids: set[str] = set()
    undone: list[str] = []
    for event in events:
        for name, new, values in event_rows(event):
            if name in ("checkin", "revoked_badge") and new:
                ids.add(values["guest_id"])
            elif name == "guest" and not new:
                ids.add(values["id"])
            elif name == "checkin_undo":
                undone.append(values["checkin_id"])
    if undone:
        c = table("checkin")
        ids.update(conn.execute(select(c.c.guest_id).where(c.c.id.in_(undone))).scalars())
    if ids:
        g = table("guest")
        conn.execute(select(g.c.id).where(g.c.id.in_(sorted(ids))).order_by(g.c.id)
                     .with_for_update(key_share=True)).all()


def _lock_signings(conn: Connection, events: list[OutgoingEvent]) -> None:
    """FOR NO KEY UPDATE on every signing the events amend or cancel, in the order of their
    ids (two pushes changing the same two signings never hold one each)."""
    ids = sorted(set().union(*(changed_signings(e) for e in events)))
    if ids:
        t = table("signing")
        conn.execute(select(t.c.id).where(t.c.id.in_(ids)).order_by(t.c.id)
                     .with_for_update(key_share=True)).all()


def _runs(events: list[OutgoingEvent], bulk: frozenset[str]) -> list[list[OutgoingEvent]]:
    """The events in order, in runs: consecutive ones of the bulk kinds together, every
    other one alone."""
    runs: list[list[OutgoingEvent]] = []
    for event in events:
        if runs and event.kind in bulk and runs[-1][0].kind in bulk:
            runs[-1].append(event)
        else:
            runs.append([event])
    return runs


def _earlier_receipts(conn: Connection, ids: list[str]) -> dict[str, Receipt]:
    h = table("hub_event")
    rows = conn.execute(select(h.c.id, h.c.outcome, h.c.reason, h.c.conflict, h.c.kept_desk,
                               h.c.kept_operator, h.c.kept_at).where(h.c.id.in_(ids))
                        ).mappings()
    return {r["id"]: Receipt.of(r["id"], r) for r in rows}


def _receipt(event: OutgoingEvent, d: Decision) -> Receipt:
    return Receipt.of(event.id, vars(d))


def _receive_one(conn: Connection, event: OutgoingEvent) -> Receipt:
    decision = _apply(conn, event)
    _store(conn, event, decision)
    return _receipt(event, decision)


def _receive_carefully(conn: Connection, event: OutgoingEvent) -> Receipt:
    try:
        with conn.begin_nested():
            decision = _apply(conn, event)
            _store(conn, event, decision)
    except _Rejected as refused:  # (nothing of it applied: the savepoint rolled back)
        decision = refused.decision
        _store(conn, event, decision)
        _keep_audit_rows(conn, event)
    except IntegrityError as exc:  # (the event's rows clash with the hub's: kept, refused)
        sqlstate = getattr(exc.orig, "sqlstate", "") or ""
        decision = Decision(REJECTED, f"conflicts with the hub's data (SQLSTATE {sqlstate})")
        _store(conn, event, decision)
        _keep_audit_rows(conn, event)
    return _receipt(event, decision)


def _keep_audit_rows(conn: Connection, event: OutgoingEvent) -> None:
    """A refused event's audit rows are kept all the same: they record what was done at
    the desk, and its chain would break without them (one naming a guest the hub does
    not hold too: the audit row's guest is no foreign key, migration 0014)."""
    rows = [values for name, _, values in event_rows(event) if name == "audit"]
    if not rows:
        return
    try:
        with conn.begin_nested():
            audit.take_rows(conn, rows)
    except IntegrityError:
        pass


def _store(conn: Connection, event: OutgoingEvent, d: Decision) -> None:
    conn.execute(pg_insert(table("hub_event")).values(**hub_event_values(event, d))
                 .on_conflict_do_nothing())


def _apply(conn: Connection, event: OutgoingEvent) -> Decision:
    decision = Decision()
    changed = changed_signings(event)
    for name, new, values in event_rows(event):
        if name == "checkin" and new:
            _admission(conn, values, decision)
        elif name == "revoked_badge" and new:
            _reissue(conn, values, decision)
        elif name == "checkin_undo":
            _undo(conn, values, decision)
        elif name == "guest" and new:
            conn.execute(pg_insert(table("guest")).values(**values).on_conflict_do_nothing())
        elif name == "guest":
            apply_guest_change(conn, event, values, decision)
        elif name == "signing" and not new:
            apply_signing_change(conn, event, values, decision)
        elif name in PEOPLE_TABLES and values["signing_id"] in changed:
            continue  # (merged with their signing's change, above)
        else:
            _upsert(conn, name, values)
        if decision.outcome == REJECTED:
            raise _Rejected(decision)
    return decision


PEOPLE_TABLES = frozenset(PEOPLE.values())


class _Rejected(Exception):
    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


def _upsert(conn: Connection, name: str, values: dict[str, Any]) -> None:
    if name == "audit":  # (append-only: a desk's rows, in its own chain, as they are)
        audit.take_rows(conn, [values])
        return
    tbl = table(name)
    key = REPLICATED[name]
    stmt = pg_insert(tbl).values(**values)
    rest = {k: stmt.excluded[k] for k in values if k != key}
    conn.execute(stmt.on_conflict_do_update(index_elements=[key], set_=rest) if rest
                 else stmt.on_conflict_do_nothing())


def _admission(conn: Connection, values: dict[str, Any], d: Decision) -> None:
    c, u, g = table("checkin"), table("checkin_undo"), table("guest")
    guest = conn.execute(select(g.c.id).where(g.c.id == values["guest_id"])).first()
    d.guest_id, d.day = values["guest_id"], values["event_day"]
    if guest is None:
        d.outcome, d.reason = REJECTED, "unknown guest"
        return
    kept = conn.execute(select(c.c.id, c.c.desk, c.c.operator, c.c.at).where(
        c.c.guest_id == values["guest_id"], c.c.event_day == values["event_day"],
        c.c.id.not_in(select(u.c.checkin_id))).order_by(c.c.at).limit(1)).first()
    conn.execute(pg_insert(c).values(**values).on_conflict_do_nothing())
    d.outcome = ADMITTED
    if kept is not None:
        d.outcome, d.conflict = DUPLICATE, DUPLICATE_ADMISSION
        d.kept_desk, d.kept_operator, d.kept_at = kept.desk, kept.operator, kept.at
        conn.execute(pg_insert(u).values(
            id=str(uuid.uuid5(DUPLICATE_NAMESPACE, values["id"])), checkin_id=values["id"],
            at=dt.datetime.now(dt.UTC), desk="hub", operator="hub",
            reason=f"duplicate: admitted before at desk {kept.desk}",
            nonce=f"dup:{values['id']}").on_conflict_do_nothing())
        return
    r = table("revoked_badge")
    revoked = conn.execute(select(r.c.desk, r.c.operator, r.c.revoked_at).where(
        r.c.code == values["badge_code"], r.c.revoked_at <= values["at"])).first()
    if revoked is not None:
        d.conflict = REVOKED_CODE_ADMITTED
        d.kept_desk, d.kept_operator, d.kept_at = revoked.desk, revoked.operator, \
            revoked.revoked_at


def _reissue(conn: Connection, values: dict[str, Any], d: Decision) -> None:
    r, c = table("revoked_badge"), table("checkin")
    d.guest_id = values["guest_id"]
    if conn.execute(select(r.c.code).where(r.c.code == values["code"])).first() is not None:
        d.outcome, d.reason = REJECTED, "this badge was already reissued at another desk"
        return
    conn.execute(pg_insert(r).values(**values))
    used = conn.execute(select(c.c.desk, c.c.operator, c.c.at, c.c.event_day).where(
        c.c.badge_code == values["code"], c.c.at >= values["revoked_at"])
        .order_by(c.c.at).limit(1)).first()
    if used is not None:
        d.conflict, d.day = REVOKED_CODE_ADMITTED, used.event_day
        d.kept_desk, d.kept_operator, d.kept_at = used.desk, used.operator, used.at


def _undo(conn: Connection, values: dict[str, Any], d: Decision) -> None:
    u = table("checkin_undo")
    done = conn.execute(select(u.c.id).where(u.c.checkin_id == values["checkin_id"])).first()
    if done is not None:
        d.outcome, d.reason = REJECTED, "this admission was already undone"
        return
    conn.execute(pg_insert(u).values(**values).on_conflict_do_nothing())


# -- the feed desks pull ------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    id: int
    table: str
    row_id: str


def feed_after(conn: Connection, seq: int, entry_id: int, limit: int) -> list[FeedEntry]:
    """The feed's next entries after the cursor (seq, id), in commit order."""
    f = table("hub_feed")
    rows = conn.execute(select(f.c.seq, f.c.id, f.c.tbl, f.c.row_id).where(
        (f.c.seq > seq) | ((f.c.seq == seq) & (f.c.id > entry_id)))
        .order_by(f.c.seq, f.c.id).limit(limit)).all()
    return [FeedEntry(int(a), int(b), str(t), str(r)) for a, b, t, r in rows]


def rows_of(conn: Connection, name: str, ids: list[str], by: str = "") -> list[dict[str, Any]]:
    """The current rows of a replicated table with those keys (or those values of the
    column `by`)."""
    tbl = table(name)
    key = tbl.c[by or REPLICATED[name]]
    return [dict(r) for r in conn.execute(select(tbl).where(key.in_(ids))).mappings()]


def counter(conn: Connection) -> int:
    return int(conn.execute(select(table("hub_counter").c.value)).scalar_one())
