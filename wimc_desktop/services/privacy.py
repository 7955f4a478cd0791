"""Personal data after the event: the purge of mobiles, e-mails, ID numbers and notes.

Kept: names, organisations, titles, categories, badge codes, check-ins, signings and so
every figure of the reports. Deleted: every guest's mobile, e-mail, resident ID number
(its keyed hash and masked form), notes and the extra columns of the imported lists, the
search index's copies of them (rebuilt), and the copies of guest rows that desks' events
carry (hub_event.payload on the hub and every desk, a desk's receipted outbox rows): their
personal columns blanked the same way. On SQLite the purge runs with secure_delete on, then
VACUUM and a truncating WAL checkpoint: no byte of a deleted value is left in the file or
its -wal. On PostgreSQL the old row versions are unreadable through SQL at once; VACUUM
FULL on the server (its administrator's) returns their space and overwrites them.

Many desks: the purge is made on the hub (refused on a desk). Its rows reach every desk by
the pull (the scrubbed hub_event rows too: an UPDATE is a feed entry like any write); a
desk that pulls the purge's audit row notes that its file owes a clean-up, and after the
pull does it (finish_pulled_purge: its own outbox scrubbed, its search index rebuilt,
VACUUM and a truncating checkpoint), until done.

After the purge: the hub notes it (wimc_meta PURGED_MARK, in the purge's transaction), and
every desk's event it receives from then on is taken scrubbed (scrub_event: services.sync
hub and hub_bulk), so an event made before the purge that reaches the hub only after it (a
desk offline through it) brings no personal value back: its guest rows are written and
its payload stored blanked. A desk notes the purge it pulls the same way; when the hub
then receipts an event of the desk's that held personal values, the desk owes the
clean-up again (note_scrubbed_push), so its own receipted copy is scrubbed too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Text,
    bindparam,
    cast,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database, connect_sqlite, sqlite_path
from wimc_desktop.db.outbox import PENDING
from wimc_desktop.db.schema import Base, GuestRow, Meta, guest_table
from wimc_desktop.domain.checkin import Desk, local_day
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.domain.guest_record import field_names
from wimc_desktop.domain.roles import Permission, require
from wimc_desktop.services import audit
from wimc_desktop.services.events import get_event
from wimc_desktop.services.sync.receipts import OutgoingEvent

PURGED = "personal_data_purged"  # the audit action
PERSONAL_FIELDS = field_names(lambda f: f.personal)  # mobile, e-mail, dietary, notes
DELETED_FIELDS = (*PERSONAL_FIELDS, "id_number", "extra")
KEPT_FIELDS = ("name", "name_en", "organization", "title", "category", "badge_code",
               "checkins", "signings", "reports")
# A guest row's columns as the purge leaves them: the personal fields, the phone's digits
# (a search key), the ID number's hash and masked form, and the extra columns.
BLANKED: dict[str, Any] = {**dict.fromkeys((*PERSONAL_FIELDS, "phone_digits", "id_number_hash",
                                            "id_number_masked"), ""), "extra": {}}
SCRUB_BATCH = 1000  # stored events read and rewritten at a time
# wimc_meta on a desk: the id of the hub's purge (its audit row) that the desk pulled and
# whose clean-up of the file is not done yet.
CLEANUP_DUE = "purge_cleanup_due"
# wimc_meta on the hub, and on a desk that pulled its purge: the id of the purge (its audit
# row); from then on desks' events are received scrubbed.
PURGED_MARK = "personal_data_purged"


class PurgeTooEarlyError(DeskError):
    """The purge is offered only after the event's last day (exit 6)."""

    exit_code = 6


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """What the purge did: guests whose personal data it deleted, out of all guests."""

    guests: int
    purged: int
    vacuumed: bool  # SQLite: the file rewritten (no trace left); PostgreSQL: VACUUM FULL due
    events: int = 0  # stored desk events whose guest rows were scrubbed (scrub_stored_events)

    def as_json(self) -> dict[str, object]:
        return {"outcome": "purged", "guests": self.guests, "purged": self.purged,
                "deleted": list(DELETED_FIELDS), "kept": list(KEPT_FIELDS),
                "vacuumed": self.vacuumed, "events_scrubbed": self.events}


def purge_allowed_from(db: Database) -> dt.date:
    """The first day the purge may run: the day after the event's last."""
    return get_event(db).end_date + dt.timedelta(days=1)


def _holds_personal_data() -> ColumnElement[bool]:
    return or_(*(guest_table.c[name] != "" for name in PERSONAL_FIELDS),
               GuestRow.id_number_hash != "")


def purge_personal_data(db: Database, desk: Desk, *, now: dt.datetime | None = None
                        ) -> PurgeResult:
    """Delete every guest's personal data (see the module), audited, once the event is
    over; PurgeTooEarlyError before, NotPermittedError for a role below admin."""
    require(desk, Permission.PURGE, "purge-personal-data")
    event = get_event(db)
    now = now or dt.datetime.now(dt.UTC)
    if local_day(event, now) <= event.end_date:
        raise PurgeTooEarlyError(
            "personal data can be purged only after the event: its last day is {end}; "
            "from {first} on. Nothing was deleted.", end=event.end_date.isoformat(),
            first=(event.end_date + dt.timedelta(days=1)).isoformat())
    from wimc_desktop.services.search import index_rebuild

    with db.write() as session:
        if db.is_sqlite:  # freed pages zeroed, not left holding the values
            session.execute(text("PRAGMA secure_delete=ON"))
        guests = session.scalar(select(func.count()).select_from(GuestRow)) or 0
        purged = session.scalar(select(func.count()).select_from(GuestRow)
                                .where(_holds_personal_data())) or 0
        session.execute(update(GuestRow).values({**BLANKED, "updated_at": now})
                        .execution_options(synchronize_session=False))
        events = scrub_stored_events(session.connection())
        index_rebuild(session)  # (its documents held the phone digits and e-mails)
        row = audit.record(session, desk, PURGED, now=now, guests=guests, purged=purged,
                           deleted=list(DELETED_FIELDS))
        _mark(session.connection(), PURGED_MARK, str(row.id))
    path = sqlite_path(db.url)
    if path is not None:
        db.dispose()  # (no pooled connection keeps an old snapshot the checkpoint waits for)
        vacuum_file(path)
    return PurgeResult(int(guests), int(purged), path is not None, events)


def scrub_payload(payload: Mapping[str, Any]) -> dict[str, Any] | None:
    """A stored event's payload with the personal columns of the guest rows it carries
    (their values, and the values an edit replaced) blanked as the purge blanks the guest;
    None when it holds none. The keys stay: which fields an edit changed is kept."""
    changed = False
    rows = []
    for item in payload.get("rows", []):
        if item.get("table") == "guest":
            item = dict(item)
            for part in ("values", "before"):
                if isinstance(item.get(part), dict):
                    held = {k: v for k, v in item[part].items() if k in BLANKED and v != BLANKED[k]}
                    if held:
                        item[part] = {**item[part], **{k: BLANKED[k] for k in held}}
                        changed = True
        rows.append(item)
    return {**payload, "rows": rows} if changed else None


def scrub_event(event: OutgoingEvent) -> OutgoingEvent | None:
    """A desk's event as a purged hub takes it (its payload scrubbed); None when it holds
    no personal value."""
    payload = scrub_payload(event.payload)
    return None if payload is None else replace(event, payload=payload)


def is_purged(conn: Connection) -> bool:
    """Whether this database's personal data was purged (the hub), or the desk pulled the
    hub's purge: its PURGED_MARK."""
    return conn.execute(select(Meta.key).where(Meta.key == PURGED_MARK)).first() is not None


def scrub_stored_events(conn: Connection) -> int:
    """Every stored copy of a desk's event blanked as scrub_payload says: the hub's events
    (hub_event, the hub's own and each desk's copy) and a desk's outbox rows the hub has
    receipted (a pending one is still to be sent as it was made). The number rewritten."""
    done = 0
    hub_events, outbox = (Base.metadata.tables[n] for n in ("hub_event", "sync_outbox"))
    for tbl, where in ((hub_events, None), (outbox, outbox.c.status != PENDING)):
        last = ""
        while True:  # (in key order, a batch at a time: a long event is read once)
            stmt = (select(tbl.c.id, tbl.c.payload)
                    .where(tbl.c.id > last, cast(tbl.c.payload, Text).like('%"guest"%'))
                    .order_by(tbl.c.id).limit(SCRUB_BATCH))
            found = conn.execute(stmt if where is None else stmt.where(where)).all()
            if not found:
                break
            last = found[-1].id
            scrubbed = [{"k": key, "p": new} for key, payload in found
                        if (new := scrub_payload(payload)) is not None]
            if scrubbed:
                conn.execute(update(tbl).where(tbl.c.id == bindparam("k"))
                             .values(payload=bindparam("p")), scrubbed)
            done += len(scrubbed)
    return done


def vacuum_file(path: Path) -> bool:
    """An event file rewritten without its free pages (secure_delete on) and its -wal
    emptied; False when another connection's read kept the checkpoint from emptying it
    (the file is rewritten all the same; the -wal's old frames are still there)."""
    conn = connect_sqlite(path)
    try:
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("VACUUM")
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    return not busy


# -- a desk that pulls the hub's purge -------------------------------------------------


def note_pulled_purge(conn: Connection, audit_rows: list[dict[str, Any]]) -> None:
    """In a pull's transaction on a desk: when the rows pulled hold the hub's purge (its
    audit row, the last row of the purge's transaction), the file owes the clean-up."""
    purges = [str(r["id"]) for r in audit_rows if r.get("action") == PURGED]
    if purges:
        _mark(conn, CLEANUP_DUE, purges[-1])
        _mark(conn, PURGED_MARK, purges[-1])


def note_scrubbed_push(conn: Connection, events: list[OutgoingEvent]) -> None:
    """In the transaction noting the hub's receipts on a desk that pulled the hub's purge:
    when an event receipted held personal values (the hub took it scrubbed), the file owes
    the clean-up again (its receipted outbox row scrubbed at the next pull's end)."""
    if any(scrub_payload(e.payload) is not None for e in events) and is_purged(conn):
        held = conn.execute(select(Meta.value).where(Meta.key == PURGED_MARK)).scalar()
        _mark(conn, CLEANUP_DUE, str(held))


def _mark(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(Meta).where(Meta.key == key))
    conn.execute(insert(Meta).values(key=key, value=value))


def finish_pulled_purge(db: Database) -> bool:
    """On a desk, after a pull: when the file owes a purge's clean-up, the purged values'
    other traces removed (stored events scrubbed, the search index rebuilt, with
    secure_delete on), then the file vacuumed and its -wal emptied; the debt cleared only
    when all that is done (else the next pull tries again). Whether it ran to its end.

    The VACUUM holds the file's write lock while it rewrites the file (a scan waits for
    it, as for any write: see README); a purge is allowed only after the event."""
    from wimc_desktop.services.search import index_rebuild

    path = sqlite_path(db.url)
    if path is None:
        return False
    with db.read_connection() as conn:
        due = conn.execute(select(Meta.value).where(Meta.key == CLEANUP_DUE)).scalar()
    if due is None:
        return False
    with db.write_connection() as conn:
        conn.exec_driver_sql("PRAGMA secure_delete=ON")
        try:
            scrub_stored_events(conn)
            index_rebuild(Session(bind=conn))
        finally:
            conn.exec_driver_sql("PRAGMA secure_delete=OFF")
    with db.translated():
        if not vacuum_file(path):
            return False
    with db.write_connection() as conn:
        conn.execute(delete(Meta).where(Meta.key == CLEANUP_DUE, Meta.value == due))
    return True
