"""Query pieces that several services share (no sessions here, only statements)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, exists, select

from wimc_desktop.db.schema import CheckInRow, CheckInUndoRow


def valid_checkins(day: dt.date) -> Select[CheckInRow]:
    """The check-ins of an event day that were not undone."""
    undone = exists().where(CheckInUndoRow.checkin_id == CheckInRow.id)
    return select(CheckInRow).where(CheckInRow.event_day == day, ~undone)


def admitted_guest_ids(day: dt.date) -> Select[str]:
    """The ids of the guests admitted on an event day (an undone check-in does not count)."""
    undone = exists().where(CheckInUndoRow.checkin_id == CheckInRow.id)
    return select(CheckInRow.guest_id).where(CheckInRow.event_day == day, ~undone)
