"""Reading the guest list: counts, sorted ids, and guests fetched by id."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import GuestRow, RevokedBadgeRow
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.models import Attendance, Guest

SORTABLE = ("name", "name_en", "gender", "organization", "title", "category", "attendance",
            "country", "mobile", "email", "badge_code", "external_id", "source")
_CHUNK = 500


def guest_from_row(row: Any) -> Guest:
    """A Guest from a GuestRow (or any row with the same attributes)."""
    return Guest(
        id=row.id, name=row.name, name_en=row.name_en, gender=row.gender,
        organization=row.organization, title=row.title, category=row.category,
        attendance=Attendance(row.attendance), country=row.country, mobile=row.mobile,
        email=row.email, badge_code=row.badge_code, external_id=row.external_id,
        notes=row.notes, source=row.source, extra=dict(row.extra or {}),
    )


def count_guests(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(GuestRow)).scalar_one())


def guest_ids(db: Database, sort: str = "name", descending: bool = False) -> list[str]:
    """Every guest's id in the order of one field (ties broken by badge code)."""
    if sort not in SORTABLE:
        raise BadInputError("cannot sort guests by {sort!r}", sort=sort)
    # Names sort as a Chinese list does: by pinyin, syllable by syllable (Latin names
    # fall in by their letters).
    columns = [GuestRow.name_sort, GuestRow.name] if sort == "name" else [getattr(GuestRow,
                                                                               sort)]
    order = [c.desc() if descending else c.asc() for c in columns]
    with db.read() as session:
        stmt = select(GuestRow.id).order_by(*order, GuestRow.badge_code)
        return list(session.execute(stmt).scalars())


def guests_by_ids(db: Database, ids: list[str]) -> list[Guest]:
    """The guests with these ids, in the same order (unknown ids are left out)."""
    found: dict[str, Guest] = {}
    with db.read() as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            rows = session.execute(select(GuestRow).where(GuestRow.id.in_(chunk))).scalars()
            found.update((r.id, guest_from_row(r)) for r in rows)
    return [found[i] for i in ids if i in found]


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
