"""Query pieces that several services share (no sessions here, only statements)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, Executable, Select, exists, select

from wimc_desktop.db.schema import CheckInRow, CheckInUndoRow


def not_undone() -> ColumnElement[bool]:
    """A check-in that was not undone: its undo row probed, for a few check-ins at a time."""
    return ~exists().where(CheckInUndoRow.checkin_id == CheckInRow.id)


def not_undone_many() -> ColumnElement[bool]:
    """The same rule for reading many check-ins (a whole day): the undone ids are read once
    (NOT IN; checkin_undo.checkin_id is never NULL, so it is exact) instead of probed per
    check-in."""
    return CheckInRow.id.not_in(select(CheckInUndoRow.checkin_id))


def valid_checkins(day: dt.date) -> Select[CheckInRow]:
    """The check-ins of an event day that were not undone."""
    return select(CheckInRow).where(CheckInRow.event_day == day, not_undone())


def admitted_guest_ids(day: dt.date) -> Select[str]:
    """The ids of the guests admitted on an event day (an undone check-in does not count)."""
    return select(CheckInRow.guest_id).where(CheckInRow.event_day == day, not_undone())


def driver_rows(conn: Connection, stmt: Executable) -> list[tuple[Any, ...]]:
    """Every row of a statement as the database driver returns it: plain tuples.

    No SQLAlchemy row objects and no type processing, which takes a third off reading
    60,000 check-ins. Only for columns whose driver value is what the caller wants
    (text, numbers; times read with type_coerce(..., String) and parsed by the caller).
    """
    result = conn.execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()
