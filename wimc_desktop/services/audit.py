"""The audit log: the one writer of its rows, its list, its heads and its verification.

`record` appends one row in the caller's transaction (the change and its record commit
together, or neither) to this database's own chain: "" for an event file and the hub, a
desk's own id (wimc_meta "audit_chain", made at join) for a desk of a hub. Appends are
serialised: on SQLite by the write transaction's BEGIN IMMEDIATE, on PostgreSQL by the
chain head's row in wimc_meta, locked FOR UPDATE before the next sequence number is taken.
Rows of other chains (a desk's, pushed to the hub or pulled by another desk) are taken as
they are by `take_rows`: inserted, never updated, and their chain's head here moved on.
`verify_chains` checks every chain.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT, AuditRow, GuestRow, Meta
from wimc_desktop.domain.audit_chain import (
    GENESIS,
    AuditEntry,
    ChainBreak,
    ChainCheck,
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

HEAD_KEY = "audit_head"  # wimc_meta: "ROWS:HASH" of chain ""'s last row (others: head_key)
CHAIN_KEY = "audit_chain"  # wimc_meta: this database's own chain, when not "" (a desk's)
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
        return {"seq": e.seq, "chain": e.chain, "id": e.id, "at": e.at.isoformat(),
                "operator": e.operator, "role": e.role, "desk": e.desk, "action": e.action,
                "guest": self.guest_code, "reason": e.reason, "details": e.details,
                "hash": e.hash}


def _parse_head(text: str) -> ChainHead:
    count, _, digest = text.partition(":")
    return ChainHead(int(count), digest)


def head_key(chain: str) -> str:
    """The wimc_meta key of a chain's head."""
    return f"{HEAD_KEY}:{chain}" if chain else HEAD_KEY


def own_chain(session: Session | Connection) -> str:
    """The chain this database appends to ("" unless it is a desk of a hub)."""
    return session.execute(select(Meta.value).where(Meta.key == CHAIN_KEY)).scalar() or ""


def start_own_chain(conn: Connection) -> str:
    """Give a new desk file its own chain (at join): a stable id, not the desk's name,
    which can change."""
    chain = str(uuid.uuid4())
    conn.execute(insert(Meta).values(key=CHAIN_KEY, value=chain))
    return chain


def _locked_head(session: Session, chain: str) -> Meta:
    stmt = select(Meta).where(Meta.key == head_key(chain)).with_for_update()
    meta = session.execute(stmt).scalar_one_or_none()
    if meta is None:  # (a desk's first row; a database made before 0010 adds it)
        meta = Meta(key=head_key(chain), value=f"0:{GENESIS}")
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
    chain = own_chain(session)
    head = _locked_head(session, chain)
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
    session.add(AuditRow(id=id_, chain=chain, seq=seq, at=at, desk=desk.name,
                         operator=desk.operator, role=desk.role, action=action,
                         guest_id=guest_id, reason=reason, details=data,
                         prev_hash=last.hash, hash=digest))
    head.value = f"{seq}:{digest}"
    return AuditEntry(seq, id_, at, desk.operator, desk.role, desk.name, action, guest_id,
                      reason, data, last.hash, digest, chain)


def take_rows(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows written by other databases (a desk's, pushed to the hub or pulled from it), as
    they are: inserted, a row whose id is already here left alone (never updated: the
    triggers refuse it, and the row is the same); another row in the same place of its
    chain is refused (IntegrityError). Each other chain's head here moves on to its newest
    row, the end a verification must then reach."""
    if not rows:
        return
    tbl: Table = AuditRow.__table__  # type: ignore[assignment]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(tbl).on_conflict_do_nothing(index_elements=["id"]),
                 [dict(r) for r in rows])
    mine = own_chain(conn)
    for chain in sorted({str(r.get("chain", "")) for r in rows} - {mine}):
        last = conn.execute(select(AuditRow.seq, AuditRow.hash).where(AuditRow.chain == chain)
                            .order_by(AuditRow.seq.desc()).limit(1)).first()
        if last is None:
            continue
        key, value = head_key(chain), f"{last.seq}:{last.hash}"
        held = conn.execute(select(Meta.value).where(Meta.key == key)).scalar()
        if held is None:
            conn.execute(insert(Meta).values(key=key, value=value))
        elif _parse_head(held).count < last.seq:
            conn.execute(update(Meta).where(Meta.key == key).values(value=value))


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.seq, row.id, row.at, row.operator, row.role, row.desk, row.action,
                      row.guest_id, row.reason, dict(row.details), row.prev_hash, row.hash,
                      row.chain)


def chain_head(db: Database) -> ChainHead:
    """This database's own chain's head as recorded: rows and the newest hash (shown on
    the dashboard, printed in every daily report)."""
    with db.read() as session:
        key = head_key(own_chain(session))
        return _recorded(session.execute(select(Meta.value).where(Meta.key == key)).scalar())


_COLUMNS = (AuditRow.seq, AuditRow.id, AuditRow.at, AuditRow.operator,
            AuditRow.role, AuditRow.desk, AuditRow.action, AuditRow.guest_id, AuditRow.reason,
            AuditRow.details, AuditRow.prev_hash, AuditRow.hash, AuditRow.chain)
_RAW = ("SELECT seq, id, at, operator, role, desk, action, guest_id, reason, details, "
        "prev_hash, hash, chain FROM audit ORDER BY chain, seq")
_HEADS = f"SELECT key, value FROM wimc_meta WHERE key = '{HEAD_KEY}' OR key LIKE '{HEAD_KEY}:%'"
# A ChainRow with its chain last (the check reads the first twelve: no copy a row).
ChainedRow = tuple[int, str, str, str, str, str, str, "str | None", str, str, str, str, str]


_RAW_SQLITE = _RAW.replace(
    " at,", " CASE WHEN length(at) = 26 THEN replace(at, ' ', 'T') || 'Z' ELSE at END,")


def _sqlite_rows(cur: Any) -> Iterator[ChainedRow]:
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


def _typed_rows(session: Session) -> Iterator[ChainedRow]:
    result = session.execute(select(*_COLUMNS).order_by(AuditRow.chain, AuditRow.seq)
                             .execution_options(yield_per=_BATCH))
    for r in result:
        yield (r[0], r[1], stamp(r[2]), r[3], r[4], r[5], r[6], r[7], r[8],
               details_text(r[9]), r[10], r[11], r[12])


def _checks(rows: Iterable[ChainedRow], heads: Iterable[tuple[str, str]], mine: str
            ) -> list[ChainCheck]:
    """Each chain walked (its rows come ordered by chain, then seq) to its recorded head;
    a chain with a head but no rows left is checked too. This database's own first."""
    recorded = {("" if key == HEAD_KEY else key[len(HEAD_KEY) + 1:]): _parse_head(value)
                for key, value in heads}
    checks = []
    for chain, group in itertools.groupby(rows, key=lambda r: r[12]):
        walk = cast(Iterator[ChainRow], group)
        head = recorded.pop(chain, ChainHead(0, GENESIS))
        checks.append(ChainCheck(chain, *first_break(walk, head, chain)))
    for chain, head in recorded.items():
        checks.append(ChainCheck(chain, *first_break((), head, chain)))
    return sorted(checks, key=lambda c: (c.chain != mine, c.chain))


def verify_chains(db: Database) -> list[ChainCheck]:
    """Recompute every row's hash and link, chain by chain, in one read: each chain's head
    reached and its first break (None when it holds, and ends at its head recorded). This
    database's own chain comes first (always present)."""
    if db.is_sqlite:
        with db.read_raw() as raw:
            cur = raw.cursor()
            cur.execute(_HEADS)
            heads = cur.fetchall()
            cur.execute("SELECT value FROM wimc_meta WHERE key = ?", (CHAIN_KEY,))
            found = cur.fetchone()
            mine = found[0] if found else ""
            checks = _checks(_sqlite_rows(cur), heads, mine)
    else:
        with db.read() as session:
            heads = [(k, v) for k, v in session.execute(select(Meta.key, Meta.value).where(
                (Meta.key == HEAD_KEY) | Meta.key.startswith(f"{HEAD_KEY}:")))]
            mine = own_chain(session)
            checks = _checks(_typed_rows(session), heads, mine)
    if not checks or checks[0].chain != mine:
        checks.insert(0, ChainCheck(mine, ChainHead(0, GENESIS), None))
    return checks


def verify_chain(db: Database) -> tuple[ChainHead, ChainBreak | None]:
    """Every chain verified: this database's own head reached and the first break of any
    chain (None when every chain holds)."""
    checks = verify_chains(db)
    return checks[0].head, next((c.broken for c in checks if c.broken), None)


def _recorded(text: str | None) -> ChainHead:
    return _parse_head(text) if text else ChainHead(0, GENESIS)


def check_chain(db: Database) -> ChainHead:
    """The head, or AuditChainBrokenError naming the first broken row."""
    head, broken = verify_chain(db)
    if broken is not None:
        raise chain_broken(broken)
    return head


def chain_broken(broken: ChainBreak) -> AuditChainBrokenError:
    """The error naming a broken row (and its chain, when not this database's "")."""
    if broken.chain:
        return AuditChainBrokenError(
            "the audit log was changed outside the app: row {seq} ({id}) of chain {chain} "
            "{reason}", seq=broken.seq, id=broken.id or "-", chain=broken.chain,
            reason=BREAK_TEXT[broken.reason])
    return AuditChainBrokenError(
        "the audit log was changed outside the app: row {seq} ({id}) {reason}",
        seq=broken.seq, id=broken.id or "-", reason=BREAK_TEXT[broken.reason])


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
        .outerjoin(GuestRow, GuestRow.id == AuditRow.guest_id)
        .order_by(AuditRow.at, AuditRow.chain, AuditRow.seq))
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
