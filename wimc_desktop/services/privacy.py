"""Personal data after the event: the purge of mobiles, e-mails, ID numbers and notes.

Kept: names, organisations, titles, categories, badge codes, check-ins, signings and so
every figure of the reports. Deleted: every guest's mobile, e-mail, resident ID number
(its keyed hash and masked form), notes and the extra columns of the imported lists, and
the search index's copies of them (rebuilt). On SQLite the purge runs with secure_delete
on, then VACUUM and a truncating WAL checkpoint: no byte of a deleted value is left in the
file or its -wal. On PostgreSQL the old row versions are unreadable through SQL at once;
VACUUM FULL on the server (its administrator's) returns their space and overwrites them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select, text, update

from wimc_desktop.db.engine import Database, connect_sqlite, sqlite_path
from wimc_desktop.db.schema import GuestRow, guest_table
from wimc_desktop.domain.checkin import Desk, local_day
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.domain.guest_record import field_names
from wimc_desktop.domain.roles import Permission, require
from wimc_desktop.services import audit
from wimc_desktop.services.events import get_event

PURGED = "personal_data_purged"  # the audit action
PERSONAL_FIELDS = field_names(lambda f: f.personal)  # mobile, e-mail, dietary, notes
DELETED_FIELDS = (*PERSONAL_FIELDS, "id_number", "extra")
KEPT_FIELDS = ("name", "name_en", "organization", "title", "category", "badge_code",
               "checkins", "signings", "reports")


class PurgeTooEarlyError(DeskError):
    """The purge is offered only after the event's last day (exit 6)."""

    exit_code = 6


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """What the purge did: guests whose personal data it deleted, out of all guests."""

    guests: int
    purged: int
    vacuumed: bool  # SQLite: the file rewritten (no trace left); PostgreSQL: VACUUM FULL due

    def as_json(self) -> dict[str, object]:
        return {"outcome": "purged", "guests": self.guests, "purged": self.purged,
                "deleted": list(DELETED_FIELDS), "kept": list(KEPT_FIELDS),
                "vacuumed": self.vacuumed}


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
        session.execute(
            update(GuestRow).values({**dict.fromkeys(PERSONAL_FIELDS, ""), "phone_digits": "",
                                     "id_number_hash": "", "id_number_masked": "",
                                     "extra": {}, "updated_at": now})
            .execution_options(synchronize_session=False))
        index_rebuild(session)  # (its documents held the phone digits and e-mails)
        audit.record(session, desk, PURGED, now=now, guests=guests, purged=purged,
                     deleted=list(DELETED_FIELDS))
    vacuumed = _vacuum(db)
    return PurgeResult(int(guests), int(purged), vacuumed)


def _vacuum(db: Database) -> bool:
    """SQLite: the file rewritten without its free pages, the -wal emptied. PostgreSQL:
    nothing here (VACUUM FULL is the server administrator's)."""
    path = sqlite_path(db.url)
    if path is None:
        return False
    db.dispose()  # (no pooled connection keeps an old snapshot the checkpoint must wait for)
    conn = connect_sqlite(path)
    try:
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return True
