"""A desk's side of many desks: a full local copy of the hub (join), its outbox pushed in
bounded batches (receipts come back; errors leave every row pending), the hub's feed
pulled after the cursor (rows upserted, the search index refreshed, the change feed told),
and what a desk knows of itself (status) and of conflicts.

Push and pull are independent: a push that fails does not stop the pull, and nothing in
the outbox is ever deleted. Rows pulled are written outside Database.write() (they are
the hub's, not this desk's events) and published with here=False, the change feed's
entry point for changes that arrive from elsewhere.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import Insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from wimc_desktop.db import change_feed
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database, resolve_url
from wimc_desktop.db.hub_feed import REPLICATED
from wimc_desktop.db.migrate import upgrade_to_head
from wimc_desktop.db.outbox import PENDING
from wimc_desktop.domain.changes import Change, ChangeKind, Changes
from wimc_desktop.domain.errors import BadInputError, DeskError, NotFoundError
from wimc_desktop.services import audit
from wimc_desktop.services.privacy import (
    finish_pulled_purge,
    note_pulled_purge,
    note_scrubbed_push,
)
from wimc_desktop.services.sync import hub as hub_side
from wimc_desktop.services.sync import receipts as shared
from wimc_desktop.services.sync.connect import deadline, hub_engine, stored_url
from wimc_desktop.services.sync.hub_bulk import BULK_KINDS, receive_in_bulk
from wimc_desktop.services.sync.signing_merge import PEOPLE, conflict_history_id, people_of

log = logging.getLogger("wimc_desktop.sync")
PUSH_BATCH = 100  # events per hub transaction
PULL_BATCH = 2000  # feed entries per pull round
COPY_CHUNK = 5000  # rows per insert while joining
PUSH_TIMEOUT_S = 10.0
PULL_TIMEOUT_S = 30.0
ALL_OF_SEQ = 2**62  # a cursor id past every entry of its transaction


@dataclass(frozen=True)
class SyncReport:
    """What one sync (or one push) did; `online`: the hub was reached."""

    online: bool
    pushed: int = 0
    pulled: int = 0
    pending: int = 0
    duplicates: int = 0
    rejected: int = 0
    error: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"online": self.online, "pushed": self.pushed, "pulled": self.pulled,
                "pending": self.pending, "duplicates": self.duplicates,
                "rejected": self.rejected}


@dataclass(frozen=True)
class DeskStatus:
    hub: str
    desk: str
    online: bool
    since: dt.datetime
    pending: int
    last_sync: dt.datetime | None
    duplicates: int
    rejected: int
    last_error: str

    def as_json(self) -> dict[str, Any]:
        return {"hub": self.hub, "desk": self.desk, "online": self.online,
                "since": self.since.isoformat(), "pending": self.pending,
                "last_sync": self.last_sync.isoformat() if self.last_sync else None,
                "duplicates": self.duplicates, "rejected": self.rejected,
                "last_error": self.last_error}


# -- join -------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinReport:
    path: Path
    hub: str
    desk: str
    guests: int
    seq: int

    def as_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "hub": self.hub, "desk": self.desk,
                "guests": self.guests, "seq": self.seq}


def join(target: str | os.PathLike[str], hub_url: str, desk: str) -> JoinReport:
    """A new desk file holding a full copy of the hub (one consistent snapshot), with its
    search index built; refuses a file that exists."""
    from wimc_desktop.services.events import _owner_only

    kept_url = stored_url(hub_url)
    if not desk.strip():
        raise BadInputError("a desk needs a name (--desk NAME)")
    path = Path(os.fspath(target)).expanduser()
    if path.exists():
        raise BadInputError("{where}: this file already exists; join makes a new desk file.",
                            where=path)
    hub = hub_engine(hub_url)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    db = Database(resolve_url(path))
    try:
        db.table_names()  # (creates the file, empty, for the permission below)
        _owner_only(path)
        upgrade_to_head(db)
        with db.write_connection() as conn:  # (this desk's audit rows: a chain of its own; the
            audit.start_own_chain(conn)  # hub's and other desks' are copied as they are)
        seq, guests = _copy_hub(db, hub)
        with db.write_connection() as conn:
            now = dt.datetime.now(dt.UTC)
            conn.execute(insert(shared.table("sync_state")).values(
                id=1, hub_url=kept_url, desk=desk.strip(), cursor_seq=seq,
                cursor_id=ALL_OF_SEQ, online=True, since=now, last_sync_at=now,
                last_error=""))
    except BaseException:
        db.dispose()
        hub.dispose()
        for side in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + side).unlink(missing_ok=True)
        raise
    db.dispose()
    hub.dispose()
    return JoinReport(path, kept_url, desk.strip(), guests, seq)


def _copy_hub(db: Database, hub: Engine) -> tuple[int, int]:
    """Every replicated table of the hub, as of one snapshot, into the new desk file."""
    from wimc_desktop.services.search import index_import

    guests = 0
    with hub.connect() as h:
        h = h.execution_options(isolation_level="REPEATABLE READ", stream_results=True)
        with h.begin():
            seq = hub_side.counter(h)
            with db.write_connection() as conn:
                for name in REPLICATED:
                    tbl = shared.table(name)
                    result = h.execute(select(tbl)).mappings().yield_per(COPY_CHUNK)
                    for chunk in result.partitions():
                        if name == "audit":  # (every chain's head here too)
                            audit.take_rows(conn, [dict(r) for r in chunk])
                            continue
                        conn.execute(insert(tbl), [dict(r) for r in chunk])
                        guests += len(chunk) if name == "guest" else 0
                index_import(Session(bind=conn))  # (made and filled in one pass)
    return seq, guests


# -- the desk's state ---------------------------------------------------------------


def sync_state(db: Database) -> s.SyncStateRow:
    with db.read() as session:
        row = session.get(s.SyncStateRow, 1)
        if row is None:
            raise NotFoundError("{where}: this event file is not a desk of a hub (make one "
                                "with join).", where=db.display_name)
        session.expunge(row)
        return row


def joined_as(db: Database) -> str:
    """The desk's name (given to `join`, or changed since in the window); "" for an event
    file that is no desk of a hub. Recorded on what the desk does when no other is said."""
    return sync_state(db).desk if db.is_desk() else ""


def rename(db: Database, name: str) -> None:
    """The desk's name changed (the window's desk dialog)."""
    if not name.strip():
        raise BadInputError("a desk needs a name (--desk NAME)")
    with db.write_connection() as conn:
        t = shared.table("sync_state")
        conn.execute(update(t).where(t.c.id == 1).values(desk=name.strip()))


def _status(conn: Connection) -> DeskStatus:
    """The desk's state and its outbox's counts, read in the caller's transaction."""
    t, o = shared.table("sync_state"), shared.table("sync_outbox")
    state = conn.execute(select(t).where(t.c.id == 1)).one()
    counts = {str(k): int(n) for k, n in conn.execute(
        select(o.c.status, func.count()).group_by(o.c.status))}
    return DeskStatus(state.hub_url, state.desk, bool(state.online), state.since,
                      counts.get(PENDING, 0), state.last_sync_at,
                      counts.get(shared.DUPLICATE, 0), counts.get(shared.REJECTED, 0),
                      state.last_error)


def status(db: Database) -> DeskStatus:
    sync_state(db)  # (not a desk: said as such)
    with db.read_connection() as conn:
        return _status(conn)


def record_contact(db: Database, online: bool, error: str = "", synced: bool = False
                   ) -> DeskStatus:
    """Whether the hub was reached (and since when), noted; the desk's status after it,
    read in the same transaction."""
    now = dt.datetime.now(dt.UTC)
    with db.write_connection() as conn:
        t = shared.table("sync_state")
        was = conn.execute(select(t.c.online).where(t.c.id == 1)).scalar()
        values: dict[str, Any] = {"online": online, "last_error": error}
        if was is None or bool(was) != online:
            values["since"] = now
        if synced:
            values["last_sync_at"] = now
        conn.execute(update(t).where(t.c.id == 1).values(**values))
        return _status(conn)


# -- push ---------------------------------------------------------------------------


def _pending(db: Database, limit: int) -> list[shared.OutgoingEvent]:
    o = shared.table("sync_outbox").c
    with db.read() as session:
        rows = session.execute(select(o.id, o.kind, o.created_at, o.payload)
                               .where(o.status == PENDING).order_by(o.position).limit(limit))
        return [shared.OutgoingEvent(*r) for r in rows]


def push_batch(db: Database, hub: Engine, timeout: float = PUSH_TIMEOUT_S,
               limit: int = PUSH_BATCH) -> list[shared.Receipt]:
    """One bounded batch of pending events sent and receipted (raises on a network or
    hub error: every row then stays pending, to be sent again with the same UUID)."""
    events = _pending(db, limit)
    if not events:
        return []
    receipts = None
    bulk = all(e.kind in BULK_KINDS for e in events)
    if bulk:  # (one round trip, autocommit)
        with hub.connect() as h, deadline(h, timeout):
            receipts = receive_in_bulk(h.execution_options(isolation_level="AUTOCOMMIT"),
                                       events)
    if receipts is None:  # (the server-side call, when asked, answered NULL: not again)
        with hub.connect() as h, deadline(h, timeout), h.begin():
            receipts = hub_side.receive(h, events, bulk=not bulk)
    _note_receipts(db, receipts, events)
    return receipts


def _note_receipts(db: Database, receipts: list[shared.Receipt],
                   events: list[shared.OutgoingEvent]) -> None:
    with db.write_connection() as conn:
        _receipted(conn, [(r.event_id, r.outcome, r.reason) for r in receipts], pushed=True)
        note_scrubbed_push(conn, events)


def _receipted(conn: Connection, answers: list[tuple[str, str, str]], *, pushed: bool
               ) -> None:
    """The outbox rows still pending that the hub answered (event, outcome, reason) leave
    "pending"; `pushed`: the answer to this desk's push (an attempt counted)."""
    if not answers:
        return
    o = shared.table("sync_outbox")
    values: dict[str, Any] = {"status": bindparam("r_status"), "reason": bindparam("r_reason"),
                              "receipted_at": dt.datetime.now(dt.UTC)}
    if pushed:
        values["attempts"] = o.c.attempts + 1
    conn.execute(update(o).where(o.c.id == bindparam("r_id"), o.c.status == PENDING)
                 .values(**values),
                 [{"r_id": e, "r_status": outcome, "r_reason": reason}
                  for e, outcome, reason in answers])


def push(db: Database, hub: Engine, timeout: float = PUSH_TIMEOUT_S,
         max_batches: int = 1000) -> list[shared.Receipt]:
    """Every pending event, batch after batch (raises as push_batch does)."""
    receipts: list[shared.Receipt] = []
    for _ in range(max_batches):
        batch = push_batch(db, hub, timeout)
        receipts += batch
        if len(batch) < PUSH_BATCH:
            break
    return receipts


# -- pull ---------------------------------------------------------------------------


def pull(db: Database, hub: Engine, timeout: float = PULL_TIMEOUT_S) -> int:
    """The hub's rows after the cursor, batch after batch, into the desk file; each batch
    one local transaction with its cursor, then published to the change feed. A purge of
    personal data pulled (now or by an earlier pull that did not finish it) is then
    finished in the file (services.privacy.finish_pulled_purge)."""
    pulled = _pull_batches(db, hub, timeout)
    try:
        finish_pulled_purge(db)
    except DeskError as exc:  # (the file busy or full: the debt stays, the next pull tries)
        log.warning("the purge's clean-up of the desk file is not done yet: %s", exc)
    return pulled


def _pull_batches(db: Database, hub: Engine, timeout: float) -> int:
    state = sync_state(db)
    after = hub_side.FeedEntry(state.cursor_seq, state.cursor_id, "", "")
    pulled = 0
    while True:
        with hub.connect() as h, deadline(h, timeout):
            h = h.execution_options(isolation_level="REPEATABLE READ")
            with h.begin():
                entries = hub_side.feed_after(h, after.seq, after.id, PULL_BATCH)
                ids: dict[str, list[str]] = defaultdict(list)
                for e in entries:
                    ids[e.table].append(e.row_id)
                rows = {name: hub_side.rows_of(h, name, sorted(set(keys)))
                        for name, keys in ids.items() if name in REPLICATED}
                signings = sorted(r["id"] for r in rows.get("signing", []))
                people = {name: hub_side.rows_of(h, name, signings, by="signing_id")
                          for name in hub_side.PEOPLE_TABLES} if signings else {}
        if not entries:
            return pulled
        after = entries[-1]
        changes = _apply_pulled(db, rows, after, people)
        db.changes.publish(changes, here=False)
        pulled += sum(len(v) for v in rows.values())
        if len(entries) < PULL_BATCH:
            return pulled


def _apply_pulled(db: Database, rows: dict[str, list[dict[str, Any]]],
                  last: hub_side.FeedEntry,
                  people: dict[str, list[dict[str, Any]]] | None = None) -> Changes:
    """The pulled rows written; `people`: the parties and witnesses the hub holds for the
    signings pulled, which replace this desk's (the hub's merge of an amendment may
    have kept others than the desk wrote; deletions are not in the feed)."""
    from wimc_desktop.services.search import index_write

    people = people or {}
    with db.write_connection() as conn:
        for name in REPLICATED:
            if name in people:
                tbl = shared.table(name)
                conn.execute(delete(tbl).where(tbl.c.signing_id.in_(
                    [r["id"] for r in rows["signing"]])))
                rows[name] = list({r["id"]: r for r in [*rows.get(name, []),
                                                        *people[name]]}.values())
            if rows.get(name):
                _upsert_local(conn, name, rows[name])
        changes = _pulled_changes(conn, rows)
        t = shared.table("sync_state")
        conn.execute(update(t).where(t.c.id == 1).values(cursor_seq=last.seq,
                                                          cursor_id=last.id))
        _receipts_from_hub(conn, rows.get("hub_event", []))
        note_pulled_purge(conn, rows.get("audit", []))
        session = Session(bind=conn)
        guests = sorted({g["id"] for g in rows.get("guest", [])})
        if guests:
            index_write(session, guests)
        change_feed.log_changes(session, db.changes.writer, changes)
        session.flush()
    return changes


def _upsert_local(conn: Connection, name: str, rows: list[dict[str, Any]]) -> None:
    if name == "audit":  # (append-only: rows of other chains taken as they are)
        audit.take_rows(conn, rows)
        return
    tbl = shared.table(name)
    if name == "checkin_undo":  # the hub's undo wins over one this desk made of the same
        u = tbl.c
        for row in rows:
            conn.execute(delete(tbl).where(u.checkin_id == row["checkin_id"], u.id != row["id"]))
    conn.execute(_upsert(name), rows)


@functools.cache
def _upsert(name: str) -> Insert:
    """The insert-or-update of a replicated table's rows, made once: building it (its
    `excluded` columns) cost more than running it, on the sync thread of a window whose
    scans share the CPU and the GIL with it at every pull."""
    tbl, key = shared.table(name), REPLICATED[name]
    stmt = sqlite_insert(tbl)
    rest = {c.key: stmt.excluded[c.key] for c in tbl.columns if c.key != key}
    return stmt.on_conflict_do_update(index_elements=[key], set_=rest)


def _pulled_changes(conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> Changes:
    out: list[Change] = []
    if rows.get("guest"):
        out.append(Change(ChangeKind.GUEST, frozenset(r["id"] for r in rows["guest"])))
    checkins = list(rows.get("checkin", []))
    undone = [r["checkin_id"] for r in rows.get("checkin_undo", [])]
    if undone:
        c = shared.table("checkin")
        checkins += [dict(r) for r in conn.execute(select(c.c.guest_id, c.c.event_day)
                                                   .where(c.c.id.in_(undone))).mappings()]
    checkins += [{"guest_id": r["guest_id"], "event_day": r["day"]}
                 for r in rows.get("hub_event", []) if r["guest_id"] and r["day"]]
    by_day: dict[dt.date, set[str]] = defaultdict(set)
    for r in checkins:
        by_day[r["event_day"]].add(r["guest_id"])
    out += [Change(ChangeKind.CHECKIN, frozenset(ids), day) for day, ids in by_day.items()]
    for name, kind in (("revoked_badge", ChangeKind.BADGE), ("badge_print", ChangeKind.BADGE)):
        if rows.get(name):
            out.append(Change(kind, frozenset(r["guest_id"] for r in rows[name])))
    if any(rows.get(n) for n in ("signing", "signing_party", "signing_witness",
                                 "signing_history")):
        out.append(Change(ChangeKind.SIGNING))
    if rows.get("event") or rows.get("category"):
        out.append(Change(ChangeKind.EVENT))
    if rows.get("audit"):
        out.append(Change(ChangeKind.AUDIT))
    if rows.get("import_batch"):
        out.append(Change(ChangeKind.IMPORT))
    return tuple(out)


def _receipts_from_hub(conn: Connection, events: list[dict[str, Any]]) -> None:
    """An event the hub holds is receipted here too (a desk killed after the hub's commit
    and before its own learns the receipt from the pull)."""
    _receipted(conn, [(e["id"], e["outcome"], e["reason"]) for e in events], pushed=False)


# -- sync ---------------------------------------------------------------------------


Failures = tuple[type[BaseException], ...]
UNREACHED: Failures = (DBAPIError, OSError)  # the hub not reached, or lost on the way


def exchange(db: Database, hub: Engine, *, push_only: bool = False,
             push_timeout: float = PUSH_TIMEOUT_S, pull_timeout: float = PULL_TIMEOUT_S,
             tolerated: Failures = UNREACHED,
             save_contact: Callable[[bool, str], bool] | None = None
             ) -> tuple[SyncReport, DeskStatus]:
    """One round: every pending event pushed, then the hub's rows pulled (a failed push
    does not stop the pull), the contact noted; the report and the desk's status after
    it. The one sequence of a sync, the CLI's and the window's (services.sync.runner).
    `save_contact(online, error)`: whether to note the contact this time (default: always;
    when not, the status is only read)."""
    receipts: list[shared.Receipt] = []
    pulled, online, errors = 0, False, []
    try:
        receipts = push(db, hub, push_timeout)
        online = True
    except tolerated as exc:
        errors.append(_error_text(exc))
    if not push_only:
        try:
            pulled = pull(db, hub, pull_timeout)
            online = True
        except tolerated as exc:
            errors.append(_error_text(exc))
    error = "; ".join(errors)
    if save_contact is None or save_contact(online, error):
        state = record_contact(db, online, error, synced=not errors)
    else:
        state = status(db)
    return SyncReport(online, len(receipts), pulled, state.pending,
                      sum(r.outcome == shared.DUPLICATE for r in receipts),
                      sum(r.outcome == shared.REJECTED for r in receipts), error), state


def sync(db: Database, *, push_only: bool = False, push_timeout: float = PUSH_TIMEOUT_S,
         pull_timeout: float = PULL_TIMEOUT_S) -> SyncReport:
    """Push every pending event, then pull, once (see exchange)."""
    hub = hub_engine(sync_state(db).hub_url)
    try:
        return exchange(db, hub, push_only=push_only, push_timeout=push_timeout,
                        pull_timeout=pull_timeout)[0]
    finally:
        hub.dispose()


def _error_text(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300] \
        if str(exc).strip() else type(exc).__name__


def try_push(db: Database, timeout: float = 2.0) -> bool:
    """After a command's local commit on a desk: one short push. True when the hub
    receipted everything pending (False: offline or still pending, nothing lost)."""
    try:
        report = sync(db, push_only=True, push_timeout=timeout)
    except DeskError:
        return False
    return report.online and report.pending == 0


# -- conflicts ----------------------------------------------------------------------


def conflicts(db: Database, day: dt.date | None = None) -> list[dict[str, Any]]:
    """Duplicates and other conflicts the hub recorded (on the hub, or a desk's copy); a
    signing's also name the signing, the fields, and the values kept and not."""
    h, g = s.HubEventRow, s.GuestRow
    stmt = (select(h, g).join(g, g.id == h.guest_id, isouter=True)
            .where(h.conflict != "").order_by(h.hub_at))
    if day is not None:
        stmt = stmt.where(h.day == day)
    with db.read() as session:
        found = [({"kind": e.conflict,
                   "guest": ({"id": guest.id, "name": guest.name,
                              "badge_code": guest.badge_code,
                              "organization": guest.organization} if guest
                             else {"id": e.guest_id}),
                   "day": e.day.isoformat() if e.day else None,
                   "kept": {"desk": e.kept_desk, "operator": e.kept_operator,
                            "at": e.kept_at.isoformat() if e.kept_at else None},
                   "duplicate": {"desk": e.desk, "operator": e.operator,
                                 "at": e.device_at.isoformat()},
                   "event": e.id, "hub_at": e.hub_at.isoformat(), "reason": e.reason}, e)
                 for e, guest in session.execute(stmt).all()]
        for entry, e in found:
            if e.conflict == shared.SIGNING_AMEND_CONFLICT:
                _signing_conflict(session, entry, e)
    return [entry for entry, _ in found]


def _signing_conflict(session: Session, entry: dict[str, Any], e: s.HubEventRow) -> None:
    """A signing's conflict told in full: which signing (as it stands), what the event did
    (amended / cancelled), the fields, the values kept (the hub's history row of the
    conflict) and the event's (its payload)."""
    rows = cast(list[dict[str, Any]], e.payload.get("rows", []))
    sent = shared.changed_signing(e.payload)
    if sent is None:  # (no signing changed: nothing more to tell)
        return
    fields = list(shared.conflict_fields(e.reason))
    signing = session.get(s.SigningRow, sent["id"])
    kept = session.get(s.SigningHistoryRow, conflict_history_id(e.id))
    snapshot = dict(kept.snapshot) if kept is not None else {}
    other = {f: people_of([r["values"] for r in rows if r["table"] == PEOPLE[f]], f)
             if f in PEOPLE else sent.get(f) for f in fields}
    entry["signing"] = {
        "id": sent["id"], "project_zh": signing.project_zh if signing else "",
        "amount_fen": signing.amount_fen if signing else None,
        "status": signing.status if signing else None,
        "action": shared.signing_action(sent),
        "fields": fields}
    entry["kept"]["values"] = {f: snapshot.get(f) for f in fields}
    entry["duplicate"]["values"] = other
