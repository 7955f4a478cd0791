"""What the check-in desk asks of the core: plain functions the worker runs (no Qt here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import (
    CheckInRecord,
    CheckInResult,
    Desk,
    Method,
    Outcome,
    undo_needs_reason,
)
from wimc_desktop.domain.errors import DatabaseBusyError
from wimc_desktop.domain.models import Event
from wimc_desktop.services.checkin import (
    admitted_count,
    check_in,
    check_in_guest,
    list_counts,
    recent_admissions,
    undo_checkin,
)
from wimc_desktop.services.search import SearchResult, search_guests

SEARCH_LIMIT = 30
RECENT_LIMIT = 20


@dataclass(frozen=True, slots=True)
class DeskCounts:
    """The live counts of the status bar: admitted on the desk's working day, expected
    on site, and the guests on the list."""

    day: dt.date
    admitted: int
    expected: int
    guests: int


def admit(db: Database, text: str, *, chosen_guest_id: str | None, day: dt.date, desk: Desk,
          event: Event, nonce: str, name_search: bool = False) -> CheckInResult:
    """The Enter rule of the scan field: the text as a badge code first, then the chosen guest.

    A code that some guest holds (or held) decides alone. Only an unknown code falls
    back to the guest the operator had highlighted in the search list, if any.
    `name_search`: the text is a name the live search lists guests for (or is still
    looking up), so, when it is no guest's code, it is no refused scan either.
    """
    result = check_in(db, text, day=day, desk=desk, event=event, nonce=nonce,
                      audit_unknown=not name_search)
    if result.outcome == Outcome.UNKNOWN_CODE and chosen_guest_id:
        return check_in_guest(db, chosen_guest_id, day=day, desk=desk, method=Method.MANUAL,
                              nonce=nonce)
    return result


def is_busy(exc: BaseException) -> bool:
    """True when another program held the database: the same request may simply be tried
    again (the db layer raises DatabaseBusyError for it, classified by error code)."""
    return isinstance(exc, DatabaseBusyError)


def admit_guest(db: Database, guest_id: str, *, day: dt.date, desk: Desk,
                nonce: str) -> CheckInResult:
    """A guest picked from the search list with the mouse."""
    return check_in_guest(db, guest_id, day=day, desk=desk, method=Method.MANUAL, nonce=nonce)


@dataclass(frozen=True)
class SearchFilters:
    """What the desk's live search filters on (None: no filter)."""

    category: str | None = None
    attendance: str | None = None
    checked_in: bool | None = None  # on the working day


def find_guests(db: Database, query: str, day: dt.date,
                filters: SearchFilters | None = None) -> SearchResult:
    f = filters or SearchFilters()
    return search_guests(db, query, limit=SEARCH_LIMIT, day=day, category=f.category,
                         attendance=f.attendance, checked_in=f.checked_in)


def desk_counts(db: Database, day: dt.date,
                list_known: tuple[int, int] | None = None) -> DeskCounts:
    """Admitted on the day; the guests on the list and those expected on site (counted
    again only when `list_known`, the last (guests, expected), is None).

    Counting the list scans the whole guest table (16 ms for 100,000 guests), and only an
    import, a walk-in or an online guest turning up changes it.
    """
    guests, expected = list_counts(db) if list_known is None else list_known
    return DeskCounts(day, admitted_count(db, day), expected, guests)


def recent(db: Database, day: dt.date, desk: Desk) -> list[CheckInResult]:
    return recent_admissions(db, day, desk=desk.name, limit=RECENT_LIMIT)


def undo(db: Database, checkin_id: str, desk: Desk, reason: str) -> CheckInRecord:
    return undo_checkin(db, checkin_id, desk=desk, reason=reason)


def needs_undo_reason(record: CheckInRecord, desk: Desk, now: dt.datetime | None = None) -> bool:
    """The domain's rule, asked before the worker call so the reason dialog comes first."""
    return undo_needs_reason(record, desk, now or dt.datetime.now(dt.UTC))
