"""The hub's fast path for the events a desk makes most (check-ins, refused scans and
other audit rows): a run of them decided in arrival order from rows read in one go, and
written with one statement per table, instead of six statements an event.

The decisions are those of services.sync.hub one event at a time (the first admission of
a guest for a day admitted, later ones duplicate and undone by the hub, an admission
with a revoked code flagged); a run holding anything else, or an event the hub would
refuse (an unknown guest), is left to that path (None).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from wimc_desktop.services import audit
from wimc_desktop.services.sync.receipts import (
    ADMITTED,
    DUPLICATE,
    DUPLICATE_ADMISSION,
    DUPLICATE_NAMESPACE,
    REVOKED_CODE_ADMITTED,
    Decision,
    OutgoingEvent,
    Receipt,
    event_rows,
    hub_event_values,
    table,
)

BULK_KINDS = frozenset({"checkin", "refused_scan", "audit"})
Kept = tuple[str, str, dt.datetime]  # desk, operator, at


def _state(conn: Connection, admissions: list[dict[str, Any]]
           ) -> tuple[set[str], dict[tuple[str, dt.date], Kept], dict[str, Kept]] | None:
    g, c, u, r = table("guest"), table("checkin"), table("checkin_undo"), table("revoked_badge")
    ids = sorted({a["guest_id"] for a in admissions})
    if not ids:
        return set(), {}, {}
    present = set(conn.execute(select(g.c.id).where(g.c.id.in_(ids)).order_by(g.c.id)
                               .with_for_update()).scalars())
    if present != set(ids):
        return None  # (an unknown guest: refused, on the one-by-one path)
    kept: dict[tuple[str, dt.date], Kept] = {}
    for row in conn.execute(select(c.c.guest_id, c.c.event_day, c.c.desk, c.c.operator,
                                   c.c.at).where(c.c.guest_id.in_(ids),
                                                 c.c.id.not_in(select(u.c.checkin_id)))
                            .order_by(c.c.at)):
        kept.setdefault((row.guest_id, row.event_day), (row.desk, row.operator, row.at))
    codes = sorted({a["badge_code"] for a in admissions})
    revoked = {row.code: (row.desk, row.operator, row.revoked_at) for row in conn.execute(
        select(r.c.code, r.c.desk, r.c.operator, r.c.revoked_at).where(r.c.code.in_(codes)))}
    return present, kept, revoked


def receive_in_bulk(conn: Connection, events: list[OutgoingEvent]) -> list[Receipt] | None:
    """Receipts for a run of BULK_KINDS events (None: leave them to the one-by-one path)."""
    rows = [list(event_rows(e)) for e in events]
    if any(name not in {"checkin", "guest", "audit"} or (name == "guest" and new)
           or (name == "checkin" and not new) for found in rows for name, new, _ in found):
        return None
    state = _state(conn, [v for found in rows for name, _, v in found if name == "checkin"])
    if state is None:
        return None
    _, kept, revoked = state
    writes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    receipts = []
    for event, found in zip(events, rows, strict=True):
        d = Decision()
        for name, _, values in found:
            if name == "checkin":
                _decide(values, d, kept, revoked, writes)
            elif name == "guest":
                writes["guest"].append({f"v_{k}": values[k] for k in ("id", "attendance",
                                                                     "updated_at")})
            else:
                writes[name].append(values)
        writes["hub_event"].append(hub_event_values(event, d))
        receipts.append(Receipt(event.id, d.outcome, d.reason, d.conflict, d.kept_desk,
                                d.kept_operator, d.kept_at))
    _write(conn, writes)
    return receipts


def _decide(values: dict[str, Any], d: Decision, kept: dict[tuple[str, dt.date], Kept],
            revoked: dict[str, Kept], writes: dict[str, list[dict[str, Any]]]) -> None:
    key = (values["guest_id"], values["event_day"])
    d.guest_id, d.day, d.outcome = values["guest_id"], values["event_day"], ADMITTED
    writes["checkin"].append(values)
    earlier = kept.get(key)
    if earlier is not None:
        d.outcome, d.conflict = DUPLICATE, DUPLICATE_ADMISSION
        d.kept_desk, d.kept_operator, d.kept_at = earlier
        writes["checkin_undo"].append({
            "id": str(uuid.uuid5(DUPLICATE_NAMESPACE, values["id"])),
            "checkin_id": values["id"], "at": dt.datetime.now(dt.UTC), "desk": "hub",
            "operator": "hub", "reason": f"duplicate: admitted before at desk {earlier[0]}",
            "nonce": f"dup:{values['id']}"})
        return
    kept[key] = (values["desk"], values["operator"], values["at"])
    used = revoked.get(values["badge_code"])
    if used is not None and used[2] <= values["at"]:
        d.conflict = REVOKED_CODE_ADMITTED
        d.kept_desk, d.kept_operator, d.kept_at = used


def _write(conn: Connection, writes: dict[str, list[dict[str, Any]]]) -> None:
    """One statement a table (check-ins first: the hub's undo rows name them)."""
    for name in ("checkin", "checkin_undo", "hub_event"):
        if writes.get(name):
            conn.execute(pg_insert(table(name)).on_conflict_do_nothing(), writes[name])
    if writes.get("guest"):
        g = table("guest")
        conn.execute(update(g).where(g.c.id == bindparam("v_id")).values(
            attendance=bindparam("v_attendance"), updated_at=bindparam("v_updated_at")),
            writes["guest"])
    if writes.get("audit"):  # (append-only: desks' rows, each in its own chain, as they are)
        audit.take_rows(conn, writes["audit"])
