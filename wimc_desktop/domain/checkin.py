"""Check-in outcomes and records: what a scan at the desk can lead to."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from wimc_desktop.domain.models import Event, Guest

UNDO_GRACE = dt.timedelta(minutes=2)


class Outcome(StrEnum):
    """The result of one scan or one admission attempt."""

    ADMITTED = "admitted"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN_CODE = "unknown_code"
    BADGE_REVOKED = "badge_revoked"
    NOT_EVENT_DAY = "not_event_day"

    @property
    def exit_code(self) -> int:
        return _EXIT_CODES[self]


_EXIT_CODES = {Outcome.ADMITTED: 0, Outcome.ALREADY_CHECKED_IN: 3, Outcome.UNKNOWN_CODE: 4,
               Outcome.BADGE_REVOKED: 5, Outcome.NOT_EVENT_DAY: 6}


class Method(StrEnum):
    """How the guest was admitted."""

    SCAN = "scan"
    MANUAL = "manual"
    WALK_IN = "walkin"


@dataclass(frozen=True, slots=True)
class Desk:
    """Who works where: recorded on every check-in; every audit row records the operator
    and their role too."""

    name: str
    operator: str
    role: str = ""  # domain.roles: "" on an event without operators (an open desk)


@dataclass(frozen=True, slots=True)
class CheckInRecord:
    """One admission as stored."""

    id: str
    guest_id: str
    event_day: dt.date
    at: dt.datetime
    desk: str
    operator: str
    method: str
    session: str = ""

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "at": self.at.isoformat(), "day": self.event_day.isoformat(),
                "desk": self.desk, "operator": self.operator, "method": self.method}


@dataclass(frozen=True, slots=True)
class CheckInResult:
    """What a scan did, with everything the desk needs to show."""

    outcome: Outcome
    code: str
    day: dt.date
    guest: Guest | None = None
    checkin: CheckInRecord | None = None  # the admission made now (ADMITTED)
    first_checkin: CheckInRecord | None = None  # the earlier one (ALREADY_CHECKED_IN)
    replaced_by: str | None = None  # BADGE_REVOKED: the code that replaced this one
    attendance_changed: bool = False  # an online guest who came in person
    # ALREADY_CHECKED_IN on a desk of a hub: when this desk's own admission of the guest
    # that day was made, which the hub found to be a duplicate (it keeps first_checkin)
    duplicate_here_at: dt.datetime | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "outcome": self.outcome.value,
            "code": self.code,
            "day": self.day.isoformat(),
            "guest": self.guest.as_json() if self.guest else None,
            "checkin": self.checkin.as_json() if self.checkin else None,
            "first_checkin": self.first_checkin.as_json() if self.first_checkin else None,
            "replaced_by": self.replaced_by,
            "attendance_changed": self.attendance_changed,
        }


def login_name(fallback: str = "") -> str:
    """The operating-system login name, the default operator of a desk."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a service account, a bare container)
        return fallback


def undo_needs_reason(record: CheckInRecord, desk: Desk, now: dt.datetime) -> bool:
    """Only the operator who admitted, within 2 minutes, may undo without a reason."""
    return record.operator != desk.operator or now - record.at > UNDO_GRACE


def local_day(event: Event, moment: dt.datetime) -> dt.date:
    """The event day a moment falls on, in the event's time zone."""
    return moment.astimezone(ZoneInfo(event.timezone)).date()


def is_event_day(event: Event, day: dt.date) -> bool:
    return event.start_date <= day <= event.end_date
