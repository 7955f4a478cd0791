"""What a desk sends the hub and what the hub answers: events, receipts, decisions, and
the rows an event carries (shared by services.sync.hub and its fast path, hub_bulk)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Date, Table, select
from sqlalchemy.engine import Connection

from wimc_desktop.db.hub_feed import REPLICATED
from wimc_desktop.db.schema import Base, UTCDateTime
from wimc_desktop.domain.signings import SigningStatus
from wimc_desktop.services.events import DEFAULT_TIMEZONE

ADMITTED, DUPLICATE, APPLIED, REJECTED = "admitted", "duplicate", "applied", "rejected"
DUPLICATE_ADMISSION = "duplicate_admission"
REVOKED_CODE_ADMITTED = "revoked_code_admitted"
GUEST_EDIT_CONFLICT = "guest_edit_conflict"  # services.sync.guest_merge
SIGNING_AMEND_CONFLICT = "signing_amend_conflict"  # services.sync.signing_merge
FIELDS_PREFIX = "fields: "  # a merge conflict's reason: the fields it clashed on
CANCELLED = SigningStatus.CANCELLED.value
# The namespace of the ids the hub gives the undo rows of duplicates (one per event).
DUPLICATE_NAMESPACE = uuid.UUID("6f1e2f1c-9d7a-4f53-9a39-3c1f0b3f5a10")


def table(name: str) -> Table:
    return Base.metadata.tables[name]


# -- the conflicts of two desks' edits (services.sync.guest_merge, signing_merge) ------


def conflict_reason(fields: list[str]) -> str:
    """A merge conflict's reason as the hub stores it: the fields it clashed on."""
    return FIELDS_PREFIX + ", ".join(fields)


def conflict_fields(reason: str) -> tuple[str, ...]:
    """The fields a merge conflict's reason names (none for any other reason)."""
    if not reason.startswith(FIELDS_PREFIX):
        return ()
    return tuple(f.strip() for f in reason.removeprefix(FIELDS_PREFIX).split(",")
                 if f.strip())


def changed_signing(payload: Mapping[str, Any]) -> dict[str, Any] | None:
    """The values of the signing an event amends or cancels, as sent (None: it changes
    none)."""
    return next((item["values"] for item in payload.get("rows", [])
                 if item["table"] == "signing" and not item["new"]), None)


def signing_action(values: Mapping[str, Any]) -> str:
    """What a desk's change of a signing did: "cancelled" or "amended"."""
    return "cancelled" if values.get("status") == CANCELLED else "amended"


def made_on(conn: Connection, event: OutgoingEvent) -> dt.date:
    """The event day a desk's event was made on, by its own clock, in the event's zone."""
    zone = conn.execute(select(table("event").c.timezone).limit(1)).scalar()
    return event.created_at.astimezone(ZoneInfo(zone or DEFAULT_TIMEZONE)).date()


def latest_setter(conn: Connection, where: list[ColumnElement[bool]],
                  sets: Callable[[dict[str, Any]], bool]
                  ) -> tuple[str, str, dt.datetime] | None:
    """The desk, operator and time of the latest stored event (of those `where` picks)
    one of whose rows `sets` says set the values a conflict kept; None: none did."""
    h = table("hub_event")
    for desk, operator, at, payload in conn.execute(
            select(h.c.desk, h.c.operator, h.c.device_at, h.c.payload).where(*where)
            .order_by(h.c.hub_at.desc())):
        if any(sets(item) for item in payload.get("rows", [])):
            return desk, operator, at
    return None


@dataclass(frozen=True)
class Receipt:
    """The hub's answer to one event, the same at every retry."""

    event_id: str
    outcome: str
    reason: str = ""
    conflict: str = ""
    kept_desk: str = ""
    kept_operator: str = ""
    kept_at: dt.datetime | None = None

    @classmethod
    def of(cls, event_id: str, decided: Mapping[Any, Any]) -> Receipt:
        """The receipt of an event from what was decided (a Decision's fields, a hub_event
        row, the server-side call's answer), by name."""
        return cls(event_id, decided["outcome"], decided["reason"], decided["conflict"],
                   decided["kept_desk"], decided["kept_operator"], decided["kept_at"])

    def as_json(self) -> dict[str, Any]:
        return {"event": self.event_id, "outcome": self.outcome, "reason": self.reason,
                "conflict": self.conflict, "kept": {
                    "desk": self.kept_desk, "operator": self.kept_operator,
                    "at": self.kept_at.isoformat() if self.kept_at else None}}


@dataclass(frozen=True)
class OutgoingEvent:
    """An event as a desk sends it (its outbox row)."""

    id: str
    kind: str
    created_at: dt.datetime
    payload: Mapping[str, Any]


@dataclass
class Decision:
    """What the hub decided about one event, as it is being decided."""

    outcome: str = APPLIED
    reason: str = ""
    guest_id: str | None = None
    day: dt.date | None = None
    conflict: str = ""
    kept_desk: str = ""
    kept_operator: str = ""
    kept_at: dt.datetime | None = None


def from_json(tbl: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """A row's values as sent in JSON, back to Python values of the table's columns."""
    out: dict[str, Any] = {}
    for column in tbl.columns:
        if column.key not in values:
            continue
        value = values[column.key]
        if value is not None and isinstance(column.type, UTCDateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = dt.date.fromisoformat(value)
        out[column.key] = value
    return out


def event_rows(event: OutgoingEvent) -> Iterator[tuple[str, bool, dict[str, Any]]]:
    """The rows an event carries, as (table, new, values), for the tables the hub keeps."""
    for item in event.payload.get("rows", []):
        name = str(item["table"])
        if name in REPLICATED and name != "hub_event":
            yield name, bool(item["new"]), from_json(table(name), item["values"])


def hub_event_values(event: OutgoingEvent, d: Decision) -> dict[str, Any]:
    """The hub_event row of an event and its decision."""
    payload = event.payload
    return {"id": event.id, "desk": str(payload.get("desk", "")),
            "operator": str(payload.get("operator", "")), "kind": event.kind,
            "device_at": event.created_at, "hub_at": dt.datetime.now(dt.UTC),
            "outcome": d.outcome, "reason": d.reason, "guest_id": d.guest_id, "day": d.day,
            "conflict": d.conflict, "kept_desk": d.kept_desk,
            "kept_operator": d.kept_operator, "kept_at": d.kept_at, "payload": dict(payload)}
