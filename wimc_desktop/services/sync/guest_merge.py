"""The hub's side of a desk's change to a guest it holds: an edit of the guest's details
merged field by field, the columns the hub decides by its own rules (attendance, badge
code) as the desk set them.

A desk's edit carries, for each column it changed, the value it replaced. The hub applies
a field only where it still holds that value (nobody changed it since the desk read it),
or where it already holds the new one. Where another desk's edit or the office's reached
the hub first and changed that field, the hub keeps its value (first to arrive wins, as
for admissions), applies the edit's other fields, and records the event as a
`guest_edit_conflict` naming the fields, the desk whose value was kept and the desk whose
was not; the guest's row is written either way, so the losing desk pulls the value kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from wimc_desktop.db.outbox import DECIDED_GUEST_COLUMNS  # (the hub's rules decide them)
from wimc_desktop.services.sync.receipts import (
    GUEST_EDIT_CONFLICT,
    Decision,
    OutgoingEvent,
    conflict_reason,
    from_json,
    latest_setter,
    made_on,
    table,
)

KEYED_ON = ("name", "name_en", "mobile")  # the fields the derived search keys come from


def sent_before(event: OutgoingEvent, guest_id: str) -> dict[str, Any] | None:
    """The values the event's change of this guest replaced (None: a desk's event from
    before edits carried them)."""
    for item in event.payload.get("rows", []):
        if item["table"] == "guest" and item["values"].get("id") == guest_id:
            before = item.get("before")
            return None if before is None else from_json(table("guest"), before)
    return None


def apply_guest_change(conn: Connection, event: OutgoingEvent, values: dict[str, Any],
                       d: Decision) -> None:
    """A desk's change of a guest the hub may hold (none held: nothing to change)."""
    from wimc_desktop.services.importing.writer import DERIVED_COLUMNS, derived_keys

    g = table("guest")
    before = sent_before(event, values["id"])
    if before is None:  # (all the columns the hub decides, as the desk had them)
        decided = {k: values[k] for k in DECIDED_GUEST_COLUMNS if k in values}
        conn.execute(update(g).where(g.c.id == values["id"]).values(**decided))
        return
    changes = {k: values[k] for k in DECIDED_GUEST_COLUMNS if k in before}
    edited = [k for k in before if k not in DECIDED_GUEST_COLUMNS and k not in DERIVED_COLUMNS]
    current = conn.execute(select(g).where(g.c.id == values["id"]).with_for_update()
                           ).mappings().first()
    if current is None:
        return
    d.guest_id = values["id"]
    clashed = []
    for column in edited:
        if current[column] == values[column]:
            continue
        if current[column] == before[column]:
            changes[column] = values[column]
        else:
            clashed.append(column)
    if set(KEYED_ON) & set(changes):
        changes.update(derived_keys({k: changes.get(k, current[k]) for k in KEYED_ON}))
    changes.setdefault("updated_at", values["updated_at"])  # (written: every desk pulls it)
    conn.execute(update(g).where(g.c.id == values["id"]).values(**changes))
    if clashed:
        _conflict(conn, event, values["id"], clashed, current["updated_at"], d)


def _conflict(conn: Connection, event: OutgoingEvent, guest_id: str, clashed: list[str],
              changed_at: dt.datetime, d: Decision) -> None:
    """The event flagged: the fields it could not change, who set the values kept (the
    latest desk's edit of the guest that changed one of them; else the office, on the
    hub), and the event day it was made on."""
    h = table("hub_event")
    d.conflict, d.reason = GUEST_EDIT_CONFLICT, conflict_reason(clashed)
    d.kept_desk, d.kept_operator, d.kept_at = latest_setter(
        conn, [h.c.guest_id == guest_id, h.c.kind == "guest_edit", h.c.id != event.id],
        lambda item: item["table"] == "guest" and bool(set(clashed) & set(
            item.get("before", {})))) or ("hub", "", changed_at)
    d.day = made_on(conn, event)
