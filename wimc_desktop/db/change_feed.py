"""The change feed: what each write transaction changed, logged and handed to subscribers.

One mechanism, no call for a service to forget. Database.write() gives each write
transaction a ChangeCollector that sees
- every ORM row the session flushes (after_flush): a check-in, an undo, a badge print, a
  revoked code, a signing and its parties, a guest's new code or attendance... each
  becomes a Change with its ids and event day;
- every other INSERT/UPDATE/DELETE statement the connection runs (after_cursor_execute),
  the bulk ones of the import and a walk-in included: a watched table written that way
  becomes a "many" change of its kind (so nothing goes unsaid), unless the service
  declared that kind's change itself;
- changes a service declares itself (declare()), for ids a statement does not show.
Before the commit the changes are written to change_log in the same transaction; after
it they go to the handle's subscribers (plain callables, on the writing thread).

Other processes' and desks' changes come in by Database.poll_changes() (change_log rows
after the cursor, written by another handle); changes that arrive by other means (the
many-desks sync) enter through ChangeFeed.publish(changes, here=False). Both reach the
same subscribers as this process's own writes.

The cursor follows commits, not ids. SQLite has one writer at a time and its ids follow
the commits (AUTOINCREMENT, rolled back with their transaction): the rows after the last
id read. PostgreSQL hands out ids before commit, so a row may commit after a larger id
was read; each row carries its transaction's id (`txid`, a column default), and the
cursor is the snapshot of the last poll (PgCursor): a poll reads, in one statement, its
own snapshot and exactly the rows of the transactions the last one did not see (those
from its xmax on, and those it found in progress). Nothing is read twice, nothing late
is skipped, whatever the delay between an id and its commit.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, event, func, insert, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from wimc_desktop.db import schema as s
from wimc_desktop.domain.changes import Change, ChangeKind, Changes, coalesced

log = logging.getLogger("wimc_desktop.db")

Subscriber = Callable[[Changes], None]
COLLECTOR_KEY = "wimc_changes"
# change_log keeps about this many rows: a cursor older than the oldest row left means
# changes were missed, which a reader hears as "everything may have changed".
KEEP_ROWS = 20_000
PRUNE_EVERY = 500  # the prune runs when a new row's id is a multiple of this
POLL_LIMIT = 500  # rows read per poll at most (SQLite: the rest at the next)

# Which kind of change a write to each watched table is; other tables (the search index,
# wimc_meta, change_log itself) are derived or bookkeeping and make no change.
TABLE_KINDS: dict[str, ChangeKind] = {
    "guest": ChangeKind.GUEST,
    "checkin": ChangeKind.CHECKIN, "checkin_undo": ChangeKind.CHECKIN,
    "revoked_badge": ChangeKind.BADGE, "badge_print": ChangeKind.BADGE,
    "signing": ChangeKind.SIGNING, "signing_party": ChangeKind.SIGNING,
    "signing_witness": ChangeKind.SIGNING, "signing_history": ChangeKind.SIGNING,
    "event": ChangeKind.EVENT, "category": ChangeKind.EVENT,
    "import_batch": ChangeKind.IMPORT,
    "audit": ChangeKind.AUDIT,
}
_WRITE = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|'
                    r'DELETE\s+FROM)\s+["`\[]?(?:\w+["`\]]?\.["`\[]?)?(\w+)', re.IGNORECASE)
CHANGE_LOG = cast(Table, s.ChangeLogRow.__table__)
_statement_tables: dict[str, str | None] = {}  # statement text -> the table it writes


def written_table(statement: str) -> str | None:
    """The table an INSERT, UPDATE or DELETE statement writes (None: not a write)."""
    try:
        return _statement_tables[statement]
    except KeyError:
        pass
    found = _WRITE.match(statement)
    table = found.group(1).lower() if found else None
    if len(_statement_tables) < 4096:  # (statements repeat: a few hundred distinct ones)
        _statement_tables[statement] = table
    return table


@dataclass
class ChangeCollector:
    """The changes of one write transaction as it goes."""

    changes: list[Change] = field(default_factory=list)
    declared: set[ChangeKind] = field(default_factory=set)  # kinds a service declared
    written: set[str] = field(default_factory=set)  # watched tables written outside flushes
    flushing: bool = False  # the ORM's own statements (its rows say what they change)
    # ORM rows flushed, each with whether it was new then (a desk's outbox: db.outbox)
    rows: list[tuple[object, bool]] = field(default_factory=list)
    # the values an updated row held when the transaction first changed them, by id(row)
    # (a desk's edit carries them: the hub applies a field only where it still holds them)
    before: dict[int, dict[str, Any]] = field(default_factory=dict)

    def clear(self) -> None:
        self.changes.clear()
        self.declared.clear()
        self.rows.clear()
        self.before.clear()
        self.written.clear()

    def result(self) -> Changes:
        """Everything said, plus a "many" change for each watched table a statement wrote
        outside the ORM's flushes (a bulk insert, an UPDATE ... WHERE) that no declared
        change of its kind accounts for."""
        unsaid = [Change(TABLE_KINDS[t]) for t in sorted(self.written)
                  if TABLE_KINDS[t] not in self.declared]
        return coalesced([*self.changes, *unsaid])


def declare(session: Session, *changes: Change) -> None:
    """Say what a write changed where its rows do not show it (a bulk insert's ids)."""
    collector = session.info.get(COLLECTOR_KEY)
    if collector is not None:
        collector.changes.extend(changes)
        collector.declared.update(c.kind for c in changes)


def declare_replaced(session: Session, row: object, values: dict[str, Any]) -> None:
    """Say what a write replaced that is not one of `row`'s columns (a signing's parties,
    rows of their own rewritten whole), as it was before the transaction: it travels in
    the row's `before` like its columns' (db.outbox; the first value said is kept)."""
    collector = session.info.get(COLLECTOR_KEY)
    if collector is not None:
        held = collector.before.setdefault(id(row), {})
        for key, value in values.items():
            held.setdefault(key, value)


def _row_change(session: Session, row: object) -> Change | None:
    """The change one flushed ORM row makes."""
    if isinstance(row, s.GuestRow):
        return Change(ChangeKind.GUEST, frozenset((row.id,)))
    if isinstance(row, s.CheckInRow):
        return Change(ChangeKind.CHECKIN, frozenset((row.guest_id,)), row.event_day)
    if isinstance(row, s.CheckInUndoRow):
        undone = session.identity_map.get(identity_key(s.CheckInRow, row.checkin_id))
        if isinstance(undone, s.CheckInRow):
            return Change(ChangeKind.CHECKIN, frozenset((undone.guest_id,)), undone.event_day)
        return Change(ChangeKind.CHECKIN)
    if isinstance(row, (s.RevokedBadgeRow, s.BadgePrintRow)):
        return Change(ChangeKind.BADGE, frozenset((row.guest_id,)))
    if isinstance(row, s.SigningRow):
        return Change(ChangeKind.SIGNING, frozenset((row.id,)))
    if isinstance(row, (s.SigningPartyRow, s.SigningWitnessRow, s.SigningHistoryRow)):
        return Change(ChangeKind.SIGNING, frozenset((row.signing_id,)))
    if isinstance(row, (s.EventRow, s.CategoryRow)):
        return Change(ChangeKind.EVENT)
    if isinstance(row, s.ImportBatchRow):
        return Change(ChangeKind.IMPORT)
    if isinstance(row, s.AuditRow):
        return Change(ChangeKind.AUDIT, frozenset((row.guest_id,)) if row.guest_id else
                      frozenset())
    return None


def _on_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    collector = session.info.get(COLLECTOR_KEY)
    if collector is not None:
        collector.flushing = True


def _on_after_flush(session: Session, _context: Any) -> None:
    collector = session.info.get(COLLECTOR_KEY)
    if collector is None:
        return
    rows = [*session.new, *session.deleted,
            *(r for r in session.dirty if session.is_modified(r))]
    new = session.new
    collector.rows.extend((r, r in new) for r in rows if r not in session.deleted)
    for row in session.dirty:
        if row not in new and row not in session.deleted:
            _note_before(collector, row)
    for row in rows:
        change = _row_change(session, row)
        if change is not None:
            collector.changes.append(change)


def _note_before(collector: ChangeCollector, row: object) -> None:
    """The values of `row`'s changed columns before this transaction changed them (the
    first flush that changed a column says it; later flushes keep that)."""
    held = collector.before.setdefault(id(row), {})
    state = inspect(row)
    for attr in state.mapper.column_attrs:
        if attr.key not in held:
            replaced = state.attrs[attr.key].history.deleted  # (never loads the value)
            if replaced:
                held[attr.key] = replaced[0]


def _on_after_flush_postexec(session: Session, _context: Any) -> None:
    collector = session.info.get(COLLECTOR_KEY)
    if collector is not None:
        collector.flushing = False


def _on_after_rollback(session: Session) -> None:
    collector = session.info.get(COLLECTOR_KEY)
    if collector is not None:
        collector.clear()  # (a dry run rolls back: nothing it did is a change)


def _on_after_cursor_execute(conn: Connection, _cursor: Any, statement: str,
                             _parameters: Any, _context: Any, _executemany: bool) -> None:
    collector = conn.info.get(COLLECTOR_KEY)
    if collector is None or collector.flushing:
        return
    table = written_table(statement)
    if table in TABLE_KINDS:
        collector.written.add(table)


class WriteSession(Session):
    """The session of Database.write(): its flushes are watched for changes."""


def watch(engine: Engine) -> None:
    """Watch the statements of an engine's write transactions (each Database has its own
    engine, watched once, when made)."""
    event.listen(engine, "after_cursor_execute", _on_after_cursor_execute)


event.listen(WriteSession, "before_flush", _on_before_flush)
event.listen(WriteSession, "after_flush", _on_after_flush)
event.listen(WriteSession, "after_flush_postexec", _on_after_flush_postexec)
event.listen(WriteSession, "after_rollback", _on_after_rollback)


def begin_collecting(session: Session, conn: Connection) -> ChangeCollector:
    collector = ChangeCollector()
    session.info[COLLECTOR_KEY] = collector
    conn.info[COLLECTOR_KEY] = collector
    return collector


def stop_collecting(conn: Connection) -> None:
    if not conn.closed:
        conn.info.pop(COLLECTOR_KEY, None)


def _ids_text(change: Change) -> str:
    return " ".join(sorted(change.ids))


def log_changes(session: Session, writer: str, changes: Changes) -> None:
    """The changes as change_log rows, in the writing transaction (pruned now and then)."""
    if not changes:
        return
    now = dt.datetime.now(dt.UTC)
    conn = session.connection()
    rows = [{"at": now, "writer": writer, "kind": c.kind.value, "day": c.day,
             "ids": _ids_text(c)} for c in changes]
    table = CHANGE_LOG
    last = None
    for row in rows:  # (one by one: each id is needed only for the prune's test)
        last = conn.execute(insert(table).values(row)).inserted_primary_key
    newest = int(last[0]) if last else 0
    if newest % PRUNE_EVERY < len(rows):
        conn.execute(delete(table).where(table.c.id <= newest - KEEP_ROWS))


def change_from_row(kind: str, day: dt.date | None, ids: str) -> Change | None:
    try:
        known = ChangeKind(kind)
    except ValueError:
        return None  # (a newer version's kind: nothing this one shows)
    return Change(known, frozenset(ids.split()) if ids else frozenset(), day, here=False)


@dataclass(frozen=True)
class PgCursor:
    """PostgreSQL: what the last poll's snapshot saw, as pg_current_snapshot() gives it:
    every transaction below `xmax` had ended, but those in `running`."""

    xmax: int
    running: tuple[int, ...]

    @classmethod
    def parse(cls, snapshot: str) -> PgCursor:
        """From the text of a pg_snapshot ("xmin:xmax:xip,xip,...")."""
        _xmin, xmax, running = snapshot.split(":")
        return cls(int(xmax), tuple(int(x) for x in running.split(",") if x))


# The rows of the transactions a snapshot did not see, with the poll's own snapshot (one
# statement: one snapshot, whatever the isolation). The LEFT JOIN gives the snapshot when
# there is no row. Read by the txid index: the rows since the last poll, nothing more.
_PG_NEWS = text(
    "SELECT CAST(pg_current_snapshot() AS text) AS snapshot, c.id, c.writer, c.kind, c.day,"
    " c.ids FROM (SELECT 1) AS one LEFT JOIN change_log AS c"
    " ON (c.txid >= :xmax OR c.txid = ANY(CAST(:running AS bigint[])))"
    " AND c.writer <> :writer ORDER BY c.id LIMIT :limit")


class ChangeFeed:
    """A database handle's changes: its own writes' and (by poll) other processes'."""

    def __init__(self, db_url: str, sqlite_file: Path | None) -> None:
        self.writer = uuid.uuid4().hex
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        self._cursor: int | None = None  # SQLite: the last id read
        self._pg_cursor: PgCursor | None = None  # PostgreSQL: the last poll's snapshot
        self.rows_read = 0  # change_log rows the polls read in all (tests: none twice)
        self._sqlite_file = sqlite_file
        self._probe: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._is_postgres = db_url.startswith("postgresql")

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call `subscriber(changes)` after every batch of changes; returns the unsubscribe.
        It is called on the thread that wrote or polled: it must only hand the batch on."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)
        return unsubscribe

    def publish(self, changes: Iterable[Change], *, here: bool = True) -> Changes:
        """Hand changes to every subscriber. The entry point for changes that arrive from
        elsewhere too (here=False), such as the many-desks sync's pulled rows."""
        batch = coalesced(c if c.here == here else replace(c, here=here) for c in changes)
        if not batch:
            return batch
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(batch)
            except Exception:  # (a subscriber's bug must not undo a committed write)
                log.exception("a change subscriber failed")
        return batch

    # -- other processes' changes ----------------------------------------------------

    def start_cursor(self, conn: Connection) -> None:
        """From now on: changes logged before this are not news."""
        if self._is_postgres:
            snapshot = conn.execute(text("SELECT CAST(pg_current_snapshot() AS text)")).scalar()
            self._pg_cursor = PgCursor.parse(str(snapshot))
            return
        self._cursor = int(conn.execute(select(func.max(CHANGE_LOG.c.id))).scalar() or 0)

    def nothing_new(self) -> bool:
        """SQLite: PRAGMA data_version on a connection of the feed's own says cheaply
        whether any other connection committed since the last look (False: look)."""
        if self._sqlite_file is None:
            return False
        try:
            if self._probe is None:
                self._probe = sqlite3.connect(self._sqlite_file.absolute().as_uri() + "?mode=ro",
                                              uri=True, timeout=0, check_same_thread=False)
            version = int(self._probe.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            self._close_probe()
            return False
        unchanged, self._data_version = version == self._data_version, version
        return unchanged

    def _close_probe(self) -> None:
        if self._probe is not None:
            self._probe.close()
            self._probe = None

    def read_news(self, conn: Connection) -> Changes:
        """Changes other handles logged since the cursor (moved past them; this handle's
        own rows were published at their commit)."""
        if self._is_postgres:
            return self._read_pg_news(conn)
        if self._cursor is None:
            self.start_cursor(conn)
            return ()
        table = CHANGE_LOG
        rows = conn.execute(select(table.c.id, table.c.writer, table.c.kind, table.c.day,
                                   table.c.ids).where(table.c.id > self._cursor)
                            .order_by(table.c.id).limit(POLL_LIMIT)).all()
        self.rows_read += len(rows)
        # Rows pruned past the cursor (a handle that slept through 20,000 changes): what
        # changed is not known, so everything may have (an import says so). SQLite's ids
        # have no gaps otherwise (AUTOINCREMENT, one writer at a time, rolled back with it).
        missed = bool(rows) and self._cursor > 0 and rows[0][0] > self._cursor + 1
        news: list[Change] = [Change(ChangeKind.IMPORT, here=False)] if missed else []
        for row_id, writer, kind, day, ids in rows:
            self._cursor = max(self._cursor, row_id)
            if writer != self.writer:
                change = change_from_row(kind, day, ids)
                if change is not None:
                    news.append(change)
        return coalesced(news)

    def _read_pg_news(self, conn: Connection) -> Changes:
        """PostgreSQL: the rows of the transactions the last poll's snapshot did not see,
        other handles' only; the cursor moves to this poll's snapshot. More than
        POLL_LIMIT of them (a handle that slept long): everything may have changed."""
        cursor = self._pg_cursor
        if cursor is None:
            self.start_cursor(conn)
            return ()
        rows = conn.execute(_PG_NEWS, {"xmax": cursor.xmax, "running": list(cursor.running),
                                       "writer": self.writer, "limit": POLL_LIMIT + 1}).all()
        self._pg_cursor = PgCursor.parse(str(rows[0][0]))
        found = [r for r in rows if r[1] is not None]
        self.rows_read += len(found)
        if len(found) > POLL_LIMIT:
            return (Change(ChangeKind.IMPORT, here=False),)
        news = (change_from_row(kind, day, ids) for _s, _id, _w, kind, day, ids in found)
        return coalesced(c for c in news if c is not None)

    def close(self) -> None:
        self._close_probe()
