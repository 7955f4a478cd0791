"""A desk's outbox: every local write of a desk (a copy of a hub) becomes one event, in the
same transaction, made and numbered on the desk before any network call.

Database.write() calls record() before its commit with the rows the transaction flushed
(db.change_feed collects them) and the guests its changes name (a walk-in writes its guest
with a Core insert). The event's UUID is made here and is the key the hub stores it under,
so every retry of its push is the same event. An import is refused on a desk: guest lists
are imported into the hub, whose guests every desk pulls.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from wimc_desktop.db import schema as s
from wimc_desktop.db.change_feed import ChangeCollector
from wimc_desktop.domain.changes import ChangeKind, Changes
from wimc_desktop.domain.errors import BadInputError

# The tables a desk's event carries to the hub (the hub decides on the check-ins).
SENT_TABLES = ("guest", "revoked_badge", "checkin", "checkin_undo", "audit", "badge_print",
               "signing", "signing_party", "signing_witness", "signing_history")
PENDING = "pending"
# A guest's columns whose changes the hub decides by its own rules (an admission of an
# online guest, a reissue); a desk's change to any other is an edit ("guest_edit").
DECIDED_GUEST_COLUMNS = ("attendance", "badge_code", "updated_at")
Row = tuple[str, bool, dict[str, Any], dict[str, Any]]  # table, new, values, before


def is_desk(session: Session) -> bool:
    """Whether the database is a desk's copy of a hub (a sync_state row)."""
    try:
        return session.execute(select(s.SyncStateRow.id)).first() is not None
    except DatabaseError:  # (SQLite: a database from before the table; nothing aborted)
        return False


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_values(table: Table, row: object) -> dict[str, Any]:
    return {c.key: jsonable(getattr(row, c.key)) for c in table.columns}


def _event_kind(rows: list[Row]) -> str:
    new = {t for t, is_new, _, _ in rows if is_new}
    if any(t == "guest" and set(before) - set(DECIDED_GUEST_COLUMNS)
           for t, _, _, before in rows):
        return "guest_edit"
    if "guest" in new and "checkin" in new:
        return "walkin"
    for table, kind in (("checkin", "checkin"), ("checkin_undo", "undo"),
                        ("revoked_badge", "reissue"), ("badge_print", "badge_print"),
                        ("signing_history", "signing"), ("signing", "signing")):
        if table in new or (kind == "signing" and table in {t for t, _, _, _ in rows}):
            return kind
    audits = [v for t, _, v, _ in rows if t == "audit"]
    if audits and all(str(v["action"]).startswith("refused:") for v in audits):
        return "refused_scan"
    return "audit" if audits else "guest"


def _rows(session: Session, collector: ChangeCollector, changes: Changes) -> list[Row]:
    seen: dict[int, tuple[str, bool, object]] = {}
    for row, new in collector.rows:
        table = getattr(getattr(row, "__table__", None), "name", "")  # (GuestRow: no
        # __tablename__, its table is built from the guest record)
        if table in SENT_TABLES:
            was_new = seen[id(row)][1] if id(row) in seen else False
            seen[id(row)] = (table, new or was_new, row)
    if any(c.kind is ChangeKind.IMPORT for c in changes):
        raise BadInputError("this event file is a desk of a hub: guest lists are imported "
                            "into the hub (every desk then pulls them); nothing was imported.")
    if any(c.kind is ChangeKind.GUEST and c.is_many for c in changes):  # (the purge)
        raise BadInputError("this event file is a desk of a hub: a change of every guest at "
                            "once (the purge of personal data) is made on the hub, and every "
                            "desk then pulls it; nothing was changed.")
    held = {cast(s.GuestRow, r).id for t, _, r in seen.values() if t == "guest"}
    for change in changes:  # (a walk-in's guest, written by a Core insert)
        if change.kind is ChangeKind.GUEST:
            for guest_id in sorted(change.ids - held):
                guest = session.get(s.GuestRow, guest_id)
                if guest is not None:
                    seen[id(guest)] = ("guest", True, guest)
    order = {t: i for i, t in enumerate(SENT_TABLES)}
    return sorted(((t, new, row_values(cast(Table, type(r).__table__), r),  # type: ignore[attr-defined]
                    {} if new else _before(collector, r)) for t, new, r in seen.values()),
                  key=lambda x: order[x[0]])


def _before(collector: ChangeCollector, row: object) -> dict[str, Any]:
    """An updated row's changed columns as they were before the write (a guest's: the
    hub applies each edited field only where it still holds that value)."""
    return {k: jsonable(v) for k, v in collector.before.get(id(row), {}).items()}


def record(session: Session, collector: ChangeCollector, changes: Changes) -> None:
    """The transaction's rows as one pending outbox event (nothing when none is sent)."""
    rows = _rows(session, collector, changes)
    if not rows:
        return
    now = dt.datetime.now(dt.UTC)
    first = next((v for _, _, v, _ in rows if "desk" in v), {})
    position = session.execute(select(func.coalesce(func.max(s.OutboxRow.position), 0))
                               ).scalar_one() + 1
    session.add(s.OutboxRow(
        id=str(uuid.uuid4()), position=position, kind=_event_kind(rows), created_at=now,
        status=PENDING, reason="", attempts=0, receipted_at=None,
        payload={"desk": first.get("desk", ""), "operator": first.get("operator", ""),
                 "rows": [{"table": t, "new": new, "values": v, **({"before": b} if b else {})}
                          for t, new, v, b in rows]}))
    session.flush()
