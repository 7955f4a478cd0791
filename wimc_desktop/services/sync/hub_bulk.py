"""The hub's fast path for the events a desk makes most (check-ins, refused scans and
other audit rows): a run of them decided in arrival order and written by one server-side
call, `wimc_receive` (db.hub_receive), instead of six statements an event.

The decisions are those of services.sync.hub one event at a time (the first admission of
a guest for a day admitted, later ones duplicate and undone by the hub, an admission
with a code revoked before it flagged); a run holding anything else, an event the hub
would refuse (an unknown guest) or rows that clash with the hub's are left to that path
(None), with nothing written.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from wimc_desktop.db.outbox import jsonable
from wimc_desktop.services.privacy import PURGED_MARK, scrub_event
from wimc_desktop.services.sync.receipts import DUPLICATE_NAMESPACE, OutgoingEvent, Receipt

BULK_KINDS = frozenset({"checkin", "refused_scan", "audit"})
_RECEIVE = text("SELECT wimc_receive(CAST(:batch AS json))")
# The same, the batch taken scrubbed when the hub's personal data was purged (its mark
# read in the same statement: one round trip still).
_RECEIVE_PURGED = text(
    "SELECT wimc_receive(CASE WHEN EXISTS (SELECT 1 FROM wimc_meta WHERE key = :mark) "
    "THEN CAST(:scrubbed AS json) ELSE CAST(:batch AS json) END)")


def _sent(event: OutgoingEvent) -> dict[str, Any]:
    """An event as the server-side call reads it: its payload as the desk sent it (its
    audit rows' details the very text their hash was made of) and the ids the hub gives
    the undo rows of its check-ins, should they be duplicates."""
    checkins = [str(row["values"]["id"]) for row in event.payload.get("rows", [])
                if row.get("table") == "checkin"]
    return {"id": event.id, "kind": event.kind, "created_at": jsonable(event.created_at),
            "payload": dict(event.payload),
            "dup_ids": {c: str(uuid.uuid5(DUPLICATE_NAMESPACE, c)) for c in checkins}}


def _at(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


def receive_in_bulk(conn: Connection, events: list[OutgoingEvent]) -> list[Receipt] | None:
    """Receipts for a run of BULK_KINDS events (None: leave them to the one-by-one path).
    On a connection in autocommit it is the whole receipt, one round trip; the caller's
    transaction otherwise."""
    batch = json.dumps([_sent(e) for e in events])
    scrubbed = [scrub_event(e) for e in events]
    if any(e is not None for e in scrubbed):  # (personal values in it: as a purged hub takes it)
        got = conn.execute(_RECEIVE_PURGED, {"batch": batch, "mark": PURGED_MARK, "scrubbed":
                                             json.dumps([_sent(s or e) for s, e in
                                                         zip(scrubbed, events, strict=True)])}
                           ).scalar_one()
    else:
        got = conn.execute(_RECEIVE, {"batch": batch}).scalar_one()
    if got is None:
        return None
    return [Receipt.of(r["event"], {**r, "kept_at": _at(r["kept_at"])}) for r in got]
