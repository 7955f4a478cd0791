"""The hub's side of a desk's amendment or cancellation of a signing: merged field by
field, as an edit of a guest's details is (services.sync.guest_merge), a cancel never
undone.

A desk's event carries, for each field of the signing it changed, the value it replaced
(the signing row's columns; its parties and witnesses, rows of their own, as the lists it
saw, said only when it changed them). The hub applies a field where it still holds that
value (or already the new one); where another desk's or the office's change of that field
reached it first, it keeps that one (first to arrive wins), applies the event's other
fields, and records the event as a `signing_amend_conflict`. A cancellation stands
whatever the order: an amendment arriving after another desk's cancel changes nothing
(the conflict names the fields it would have changed, with `status`); a cancel arriving
after an amendment it did not see is applied and flagged too, so a supervisor looks at
both. Each conflict appends one history row of the hub's (action `conflict`, the signing
as kept), which every desk pulls; the signing row is written either way, so the desk that
lost pulls the hub's values (and its parties and witnesses: the pull replaces them).

An event from a desk of an earlier version without the replaced values (session 7) is
last-writer-wins, as then (a cancel still stands); one of session 8 carried the columns'
values but not the parties': its parties and witnesses (it rewrote them all with every
amendment) are last-writer-wins, its columns merged.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from wimc_desktop.services.sync.receipts import (
    CANCELLED,
    SIGNING_AMEND_CONFLICT,
    Decision,
    OutgoingEvent,
    conflict_reason,
    from_json,
    latest_setter,
    made_on,
    table,
)

# The signing's own columns an amendment merges, and its lists kept in rows of their own.
MERGED_COLUMNS = ("project_zh", "project_en", "sector", "location", "amount_fen", "currency",
                  "ceremony", "signed_at", "notes")
PEOPLE = {"parties": "signing_party", "witnesses": "signing_witness"}
PERSON_KEYS = {"parties": ("name", "role", "country", "guest_id"),
               "witnesses": ("name", "title", "guest_id")}
Lists = dict[str, list[dict[str, Any]]]  # parties and witnesses rows, by field
# The namespace of the ids of the hub's history rows of conflicts (one per event).
CONFLICT_NAMESPACE = uuid.UUID("0c2b51f4-7f0e-4c39-8a47-5d3e2a9b1c66")


def changed_signings(event: OutgoingEvent) -> set[str]:
    """The signings an event amends or cancels (not those it records)."""
    return {str(item["values"]["id"]) for item in event.payload.get("rows", [])
            if item["table"] == "signing" and not item["new"]}


def conflict_history_id(event_id: str) -> str:
    """The id of the hub's history row of an event's conflict."""
    return str(uuid.uuid5(CONFLICT_NAMESPACE, event_id))


def _sent(event: OutgoingEvent, signing_id: str) -> tuple[dict[str, Any] | None, Lists]:
    """The values the event's change of the signing replaced (None: an earlier version's
    event that carried none), and the parties and witnesses rows it wrote."""
    before = None
    people: Lists = {k: [] for k in PEOPLE}
    for item in event.payload.get("rows", []):
        values = item["values"]
        if item["table"] == "signing" and values.get("id") == signing_id:
            before = item.get("before")
        for field, name in PEOPLE.items():
            if item["table"] == name and values.get("signing_id") == signing_id:
                people[field].append(from_json(table(name), values))
    return before, people


def people_of(rows: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    """Parties or witnesses rows as the signing's JSON lists them (in order)."""
    keys = PERSON_KEYS[field]
    return [{k: r[k] for k in keys} for r in sorted(rows, key=lambda r: int(r["position"]))]


def _held_people(conn: Connection, signing_id: str, field: str) -> list[dict[str, Any]]:
    tbl = table(PEOPLE[field])
    return people_of([dict(r) for r in conn.execute(
        select(tbl).where(tbl.c.signing_id == signing_id)).mappings()], field)


def apply_signing_change(conn: Connection, event: OutgoingEvent, values: dict[str, Any],
                         d: Decision) -> None:
    """A desk's amendment or cancellation of a signing, merged into the hub's."""
    s = table("signing")
    current = conn.execute(select(s).where(s.c.id == values["id"])
                           .with_for_update(key_share=True)).mappings().first()
    raw, sent = _sent(event, values["id"])
    if current is None:  # (its recording refused: kept as sent, as before)
        conn.execute(pg_insert(s).values(**values).on_conflict_do_nothing())
        _replace_people(conn, values["id"], {k: v for k, v in sent.items() if v})
        return
    cancelling = values["status"] == CANCELLED
    if current["status"] == CANCELLED and not cancelling:  # (the cancel stands)
        _write(conn, values["id"], {}, {}, current)
        _conflict(conn, event, values["id"], ["status", *_differing(conn, current, values,
                                                                     sent)], current, d)
        return
    changes: dict[str, Any] = {}
    people: Lists = {}
    clashed: list[str] = []
    if cancelling:  # (a cancel changes the status only)
        if current["status"] != CANCELLED:
            changes["status"] = CANCELLED
            seen = (from_json(s, raw) if raw is not None else {}).get("updated_at")
            if seen is not None and seen != current["updated_at"]:
                clashed.append("status")  # (amended since the desk read it: not seen)
    else:
        changes, people, clashed = _merged(conn, values, raw, sent, current)
        if changes or people:
            changes["status"] = values["status"]
    if changes or people:
        changes["updated_at"] = values["updated_at"]
    _write(conn, values["id"], changes, people, current)
    if clashed:
        _conflict(conn, event, values["id"], clashed, current, d)


def _merged(conn: Connection, values: dict[str, Any], raw: dict[str, Any] | None,
            sent: Lists, current: Any) -> tuple[dict[str, Any], Lists, list[str]]:
    """The columns and lists the event changes where the hub still holds what it replaced,
    and the fields changed first by someone else (kept)."""
    changes: dict[str, Any] = {}
    people: Lists = {}
    clashed: list[str] = []
    before = from_json(table("signing"), raw) if raw is not None else None
    for column in MERGED_COLUMNS:
        if before is None:  # (an earlier version's event: last writer wins)
            if current[column] != values[column]:
                changes[column] = values[column]
        elif column in before and current[column] != values[column]:
            if current[column] == before[column]:
                changes[column] = values[column]
            else:
                clashed.append(column)
    for field in PEOPLE:
        if raw is not None and field in raw:
            held = _held_people(conn, values["id"], field)
            if held == people_of(sent[field], field):
                continue
            if held == raw[field]:
                people[field] = sent[field]
            else:
                clashed.append(field)
        elif sent[field]:  # (an earlier version rewrote them all: last writer wins)
            people[field] = sent[field]
    return changes, people, clashed


def _differing(conn: Connection, current: Any, values: dict[str, Any],
               sent: Lists) -> list[str]:
    """The fields where an amendment not applied (the signing was cancelled first) says
    other than the hub."""
    return [c for c in MERGED_COLUMNS if current[c] != values[c]] + [
        f for f in PEOPLE if sent[f] and people_of(sent[f], f) != _held_people(
            conn, values["id"], f)]


def _write(conn: Connection, signing_id: str, changes: dict[str, Any], people: Lists,
           current: Any) -> None:
    """The signing row written (unchanged, if nothing applies: every desk then pulls the
    hub's, with its parties and witnesses) and the lists replaced."""
    s = table("signing")
    conn.execute(update(s).where(s.c.id == signing_id).values(
        **(changes or {"updated_at": current["updated_at"]})))
    _replace_people(conn, signing_id, people)


def _replace_people(conn: Connection, signing_id: str, people: Lists) -> None:
    for field, rows in people.items():
        tbl = table(PEOPLE[field])
        conn.execute(delete(tbl).where(tbl.c.signing_id == signing_id))
        if rows:
            conn.execute(pg_insert(tbl).on_conflict_do_nothing(), rows)


def _conflict(conn: Connection, event: OutgoingEvent, signing_id: str, clashed: list[str],
              current: Any, d: Decision) -> None:
    """The event flagged: the fields it could not change (or, a cancel, the amendment it
    did not see), who set the values kept, the day it was made on; and the hub's history
    row of it, the signing as kept."""
    from wimc_desktop.services.signings import signing_snapshot

    d.conflict, d.reason = SIGNING_AMEND_CONFLICT, conflict_reason(clashed)
    d.kept_desk, d.kept_operator, d.kept_at = _kept_by(conn, event, signing_id, clashed,
                                                       current)
    d.day = made_on(conn, event)
    with Session(bind=conn) as session:
        snapshot = signing_snapshot(session, signing_id)
    conn.execute(pg_insert(table("signing_history")).values(
        id=conflict_history_id(event.id), signing_id=signing_id, at=dt.datetime.now(dt.UTC),
        operator="hub", action="conflict", reason=d.reason, snapshot=snapshot,
    ).on_conflict_do_nothing())


def _kept_by(conn: Connection, event: OutgoingEvent, signing_id: str, clashed: list[str],
             current: Any) -> tuple[str, str, dt.datetime]:
    """Who set what was kept: the latest other desk's event on the signing that did (an
    amendment not applied: the cancel; a cancel that had not seen an amendment: that
    amendment; else one that changed a field that clashed); else the office, on the hub."""
    cancelling = _status(event.payload, signing_id) == CANCELLED

    def set_kept(item: dict[str, Any]) -> bool:
        status = item["values"]["status"]
        if cancelling:
            return bool(status != CANCELLED)
        if "status" in clashed:
            return bool(status == CANCELLED)
        before = item.get("before")
        return before is None or bool(set(clashed) & set(before))

    h = table("hub_event")
    return latest_setter(
        conn, [h.c.kind == "signing", h.c.id != event.id],
        lambda item: (item["table"] == "signing" and item["values"].get("id") == signing_id
                      and not item["new"] and set_kept(item))
    ) or ("hub", "", current["updated_at"])


def _status(payload: Any, signing_id: str) -> str:
    """The status an event's change gave the signing."""
    for item in payload.get("rows", []):
        if item["table"] == "signing" and item["values"].get("id") == signing_id:
            return str(item["values"]["status"])
    return ""
