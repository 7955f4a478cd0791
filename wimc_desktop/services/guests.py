"""Reading the guest list: counts, sorted ids, guests fetched by id (with their check-in
on a day), and the audit record of showing their contact details in full."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import case, func, select, union_all
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.queries import admitted_guest_ids
from wimc_desktop.db.schema import CheckInRow, GuestRow, RevokedBadgeRow
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.guest_record import Kind, field_names
from wimc_desktop.domain.models import Guest
from wimc_desktop.services import audit

# Every field of the guest record but free text with line breaks (notes), and the check-in.
SORTABLE = (*field_names(lambda f: f.kind is not Kind.LONG_TEXT), "checked_in")
_CHUNK = 500
CONTACT_REVEALED = "contact_revealed"  # the audit action of showing phones and e-mails whole


@dataclass(frozen=True, slots=True)
class GuestPage:
    """Some guests, and which of them were admitted on the day asked about."""

    guests: list[Guest]
    admitted: frozenset[str]


def guest_from_row(row: Any) -> Guest:
    """A Guest from a GuestRow (or any row with the same attributes)."""
    return Guest.from_fields(row.id, partial(getattr, row), row.extra)


def count_guests(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(GuestRow)).scalar_one())


def guest_ids(db: Database, sort: str = "name", descending: bool = False,
              day: dt.date | None = None) -> list[str]:
    """Every guest's id in the order of one field (ties broken by badge code); "checked_in"
    sorts by admission on `day` (then by name)."""
    if sort not in SORTABLE or (sort == "checked_in" and day is None):
        raise BadInputError("cannot sort guests by {sort!r}", sort=sort)
    # Names sort as a Chinese list does: by pinyin, syllable by syllable (Latin names
    # fall in by their letters).
    names: list[Any] = [GuestRow.name_sort, GuestRow.name]
    if sort == "checked_in" and day is not None:
        admitted = case((GuestRow.id.in_(admitted_guest_ids(day)), 1), else_=0)
        columns = [admitted, *names]
    else:
        columns = names if sort == "name" else [getattr(GuestRow, sort)]
    order = [c.desc() if descending else c.asc() for c in columns]
    with db.read() as session:
        stmt = select(GuestRow.id).order_by(*order, GuestRow.badge_code)
        return list(session.execute(stmt).scalars())


def _guests_in(session: Session, ids: list[str]) -> list[Guest]:
    found: dict[str, Guest] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        rows = session.execute(select(GuestRow).where(GuestRow.id.in_(chunk))).scalars()
        found.update((r.id, guest_from_row(r)) for r in rows)
    return [found[i] for i in ids if i in found]


def guests_by_ids(db: Database, ids: list[str]) -> list[Guest]:
    """The guests with these ids, in the same order (unknown ids are left out)."""
    with db.read() as session:
        return _guests_in(session, ids)


def guest_page(db: Database, ids: list[str], day: dt.date) -> GuestPage:
    """The guests with these ids (as guests_by_ids), and those of them admitted on `day`,
    read in one transaction."""
    admitted: set[str] = set()
    with db.read() as session:
        guests = _guests_in(session, ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            stmt = admitted_guest_ids(day).where(CheckInRow.guest_id.in_(chunk))
            admitted.update(session.execute(stmt).scalars())
    return GuestPage(guests, frozenset(admitted))


def record_contact_revealed(db: Database, desk: Desk, where: str,
                            now: dt.datetime | None = None) -> None:
    """Audit: `desk` (its operator) chose to see full mobile numbers and e-mails."""
    with db.write() as session:
        audit.record(session, desk, CONTACT_REVEALED, now=now, where=where,
                     fields="mobile,email")


def list_guests(db: Database) -> list[Guest]:
    """The whole list, ordered by the pinyin of the name, then badge code."""
    with db.read() as session:
        rows = session.execute(select(GuestRow).order_by(GuestRow.name_sort, GuestRow.name,
                                                         GuestRow.badge_code))
        return [guest_from_row(r) for r in rows.scalars()]


def code_in_use(session: Session, code: str) -> bool:
    """True when a code is some guest's current badge or a revoked one (never reused)."""
    current = select(GuestRow.badge_code).where(GuestRow.badge_code == code)
    revoked = select(RevokedBadgeRow.code).where(RevokedBadgeRow.code == code)
    return session.execute(union_all(current, revoked).limit(1)).first() is not None


def all_codes(session: Session) -> set[str]:
    """Every code ever issued: current and revoked."""
    codes = set(session.execute(select(GuestRow.badge_code)).scalars())
    codes.update(session.execute(select(RevokedBadgeRow.code)).scalars())
    return codes
