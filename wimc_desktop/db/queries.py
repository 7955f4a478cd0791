"""Query pieces that several services share (no sessions here, only statements)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Executable, Select, exists, select

from wimc_desktop.db.schema import CheckInRow, CheckInUndoRow


def valid_checkins(day: dt.date) -> Select[CheckInRow]:
    """The check-ins of an event day that were not undone."""
    undone = exists().where(CheckInUndoRow.checkin_id == CheckInRow.id)
    return select(CheckInRow).where(CheckInRow.event_day == day, ~undone)


def admitted_guest_ids(day: dt.date) -> Select[str]:
    """The ids of the guests admitted on an event day (an undone check-in does not count)."""
    undone = exists().where(CheckInUndoRow.checkin_id == CheckInRow.id)
    return select(CheckInRow.guest_id).where(CheckInRow.event_day == day, ~undone)


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
