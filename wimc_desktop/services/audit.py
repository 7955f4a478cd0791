"""The audit log: the one writer of its rows, its list, its head and its verification.

`record` appends one row in the caller's transaction (the change and its record commit
together, or neither). Appends are serialised: on SQLite by the write transaction's BEGIN
IMMEDIATE, on PostgreSQL by the chain head's row in wimc_meta, locked FOR UPDATE before
the next sequence number is taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT, AuditRow, GuestRow, Meta
from wimc_desktop.domain.audit_chain import (
    GENESIS,
    AuditEntry,
    ChainBreak,
    ChainHead,
    ChainRow,
    details_text,
    entry_hash,
    first_break,
    sorted_details,
    stamp,
)
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import DeskError, Message
from wimc_desktop.domain.ids import new_id

HEAD_KEY = "audit_head"  # wimc_meta: "ROWS:HASH" of the chain's last row
_BATCH = 5000  # rows read at a time by a verification


class AuditChainBrokenError(DeskError):
    """The audit log was changed by another tool: a row edited, deleted or inserted."""

    exit_code = 9


@dataclass(frozen=True, slots=True)
class AuditListing:
    """One row of `audit list`: the entry and its guest's badge code."""

    entry: AuditEntry
    guest_code: str | None

    def as_json(self) -> dict[str, object]:
        e = self.entry
        return {"seq": e.seq, "id": e.id, "at": e.at.isoformat(), "operator": e.operator,
                "role": e.role, "desk": e.desk, "action": e.action, "guest": self.guest_code,
                "reason": e.reason, "details": e.details, "hash": e.hash}


def _parse_head(text: str) -> ChainHead:
    count, _, digest = text.partition(":")
    return ChainHead(int(count), digest)


def _locked_head(session: Session) -> Meta:
    stmt = select(Meta).where(Meta.key == HEAD_KEY).with_for_update()
    meta = session.execute(stmt).scalar_one_or_none()
    if meta is None:  # (a database made before the chain: migration 0007 adds it)
        meta = Meta(key=HEAD_KEY, value=f"0:{GENESIS}")
        session.add(meta)
    return meta


def record(session: Session, desk: Desk, action: str, *, guest_id: str | None = None,
           reason: str = "", now: dt.datetime | None = None,
           before: dict[str, object] | None = None, after: dict[str, object] | None = None,
           **details: object) -> AuditEntry:
    """Append one audit row, chained to the last, in the caller's transaction: who
    (`desk`: its name, operator and role), what (`action`), which guest, why (`reason`),
    the values a change replaced (`before`) and put (`after`), anything else (`details`).
    Personal data (mobiles, e-mails, ID numbers) is never put in a row."""
    head = _locked_head(session)
    last = _parse_head(head.value)
    data: dict[str, object] = dict(details)
    if before is not None:
        data["before"] = before
    if after is not None:
        data["after"] = after
    data = sorted_details(data)  # (stored as its canonical text: see details_text)
    at = now or dt.datetime.now(dt.UTC)
    seq, id_ = last.count + 1, new_id()
    digest = entry_hash(seq, id_, at, desk.operator, desk.role, desk.name, action, guest_id,
                        reason, data, last.hash)
    session.add(AuditRow(id=id_, seq=seq, at=at, desk=desk.name, operator=desk.operator,
                         role=desk.role, action=action, guest_id=guest_id, reason=reason,
                         details=data, prev_hash=last.hash, hash=digest))
    head.value = f"{seq}:{digest}"
    return AuditEntry(seq, id_, at, desk.operator, desk.role, desk.name, action, guest_id,
                      reason, data, last.hash, digest)


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.seq, row.id, row.at, row.operator, row.role, row.desk, row.action,
                      row.guest_id, row.reason, dict(row.details), row.prev_hash, row.hash)


def chain_head(db: Database) -> ChainHead:
    """The head as recorded: rows and the newest hash (shown on the dashboard, printed in
    every daily report)."""
    with db.read() as session:
        return _recorded(session.execute(select(Meta.value).where(Meta.key == HEAD_KEY))
                         .scalar())


_COLUMNS = (AuditRow.seq, AuditRow.id, AuditRow.at, AuditRow.operator, AuditRow.role,
            AuditRow.desk, AuditRow.action, AuditRow.guest_id, AuditRow.reason,
            AuditRow.details, AuditRow.prev_hash, AuditRow.hash)
_RAW = ("SELECT seq, id, at, operator, role, desk, action, guest_id, reason, details, "
        "prev_hash, hash FROM audit ORDER BY seq")


_RAW_SQLITE = _RAW.replace(
    " at,", " CASE WHEN length(at) = 26 THEN replace(at, ' ', 'T') || 'Z' ELSE at END,")


def _sqlite_rows(cur: Any) -> Iterator[ChainRow]:
    """The rows as the driver reads them, in batches: SQLAlchemy's date and JSON
    processing of 100,000 rows costs several times the hashing. The details are hashed
    as the text stored (audit_chain.details_text). SQLite holds `at` as
    "2020-11-26 01:00:00.000000" (naive UTC, always with microseconds: SQLITE_DATETIME_
    FORMAT), which the query turns into stamp()'s text; a time another tool wrote
    otherwise is read here."""
    cur.execute(_RAW_SQLITE)
    while batch := cur.fetchmany(_BATCH):
        for r in batch:
            if r[2][-1:] == "Z":
                yield r
            else:
                at = _sqlite_text(r[2])
                yield (r[0], r[1], at.replace(" ", "T") + "Z", *r[3:])


def _sqlite_text(at: str) -> str:
    """A stored time in SQLAlchemy's own form (one written by another tool may lack the
    microseconds)."""
    return dt.datetime.fromisoformat(at).strftime(SQLITE_DATETIME_FORMAT)


def _typed_rows(session: Session) -> Iterator[ChainRow]:
    result = session.execute(select(*_COLUMNS).order_by(AuditRow.seq).execution_options(
        yield_per=_BATCH))
    for r in result:
        yield (r[0], r[1], stamp(r[2]), r[3], r[4], r[5], r[6], r[7], r[8],
               details_text(r[9]), r[10], r[11])


def verify_chain(db: Database) -> tuple[ChainHead, ChainBreak | None]:
    """Recompute every row's hash and link, in one read: the head reached and the first
    break (None when the chain holds, and ends at the head recorded)."""
    if db.is_sqlite:
        with db.read_raw() as raw:
            cur = raw.cursor()
            cur.execute("SELECT value FROM wimc_meta WHERE key = ?", (HEAD_KEY,))
            found = cur.fetchone()
            return first_break(_sqlite_rows(cur), _recorded(found[0] if found else None))
    with db.read() as session:
        text = session.execute(select(Meta.value).where(Meta.key == HEAD_KEY)).scalar()
        return first_break(_typed_rows(session), _recorded(text))


def _recorded(text: str | None) -> ChainHead:
    return _parse_head(text) if text else ChainHead(0, GENESIS)


def check_chain(db: Database) -> ChainHead:
    """The head, or AuditChainBrokenError naming the first broken row."""
    head, broken = verify_chain(db)
    if broken is not None:
        raise AuditChainBrokenError(
            "the audit log was changed outside the app: row {seq} ({id}) {reason}",
            seq=broken.seq, id=broken.id or "-", reason=BREAK_TEXT[broken.reason])
    return head


BREAK_TEXT = {  # why a row breaks the chain (domain.audit_chain.ChainBreak.reason)
    "edited": Message("does not match its hash (edited)"),
    "inserted or deleted before it": Message("does not follow the row before it (a row was "
                                             "inserted or deleted)"),
    "out of order": Message("is out of sequence (a row was inserted or deleted)"),
    "head": Message("is the last, but the chain's recorded head is elsewhere (rows deleted "
                    "at the end, or the head rewritten)"),
}


def list_audit(db: Database, *, day: dt.date | None = None, timezone: str = "UTC",
               operator: str | None = None, action: str | None = None
               ) -> list[AuditListing]:
    """The rows, oldest first, filtered by the event's local day, operator and action
    (an action ending in ':' or '*' matches every action it begins)."""
    stmt = (
        select(AuditRow, GuestRow.badge_code)
        .outerjoin(GuestRow, GuestRow.id == AuditRow.guest_id).order_by(AuditRow.seq))
    if operator is not None:
        stmt = stmt.where(AuditRow.operator == operator)
    if action is not None:
        stmt = (stmt.where(AuditRow.action.startswith(action.rstrip("*")))
                if action.endswith(("*", ":")) else stmt.where(AuditRow.action == action))
    if day is not None:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(timezone)
        start = dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)
        stmt = stmt.where(AuditRow.at >= start, AuditRow.at < start + dt.timedelta(days=1))
    with db.read() as session:
        return [AuditListing(_entry(row), code) for row, code in session.execute(stmt)]
