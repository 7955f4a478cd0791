"""Checking guests in: scans, manual admissions, undo, walk-ins, the desk's recent list.

Every admission is one write transaction begun with BEGIN IMMEDIATE, so two desks on
one file can never both admit the same guest for the same day; a nonce makes a retried
request (a double Enter, a replay after a crash) admit once.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.queries import admitted_guest_ids, valid_checkins
from wimc_desktop.db.schema import (
    AuditRow,
    CheckInRow,
    CheckInUndoRow,
    GuestRow,
    HubEventRow,
    RevokedBadgeRow,
)
from wimc_desktop.domain.badge_codes import code_forms, normalize_code
from wimc_desktop.domain.checkin import (
    CheckInRecord,
    CheckInResult,
    Desk,
    Method,
    Outcome,
    is_event_day,
    undo_needs_reason,
)
from wimc_desktop.domain.errors import BadInputError, NotFoundError, NotPermittedError
from wimc_desktop.domain.id_numbers import mask_id_number, normalize_id_number
from wimc_desktop.domain.models import Attendance, Event
from wimc_desktop.domain.roles import Permission, allowed, needed_role
from wimc_desktop.services import audit
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import guest_from_row
from wimc_desktop.services.id_numbers import guest_by_id_number
from wimc_desktop.services.search import index_write

ATTENDANCE_CHANGED = "attendance_changed"
ATTENDANCE_RESTORED = "attendance_restored"


def _record(row: CheckInRow) -> CheckInRecord:
    return CheckInRecord(row.id, row.guest_id, row.event_day, row.at, row.desk, row.operator,
                         row.method, row.session)


def first_checkin(session: Session, guest_id: str, day: dt.date) -> CheckInRow | None:
    """The guest's valid (not undone) check-in on that day, if any."""
    stmt = valid_checkins(day).where(CheckInRow.guest_id == guest_id).order_by(CheckInRow.at)
    return session.execute(stmt.limit(1)).scalar_one_or_none()


def _admit(session: Session, guest: GuestRow, day: dt.date, desk: Desk, method: Method,
           nonce: str, now: dt.datetime, session_name: str = "") -> CheckInResult:
    earlier = first_checkin(session, guest.id, day)
    if earlier is not None:
        audit.record(session, desk, "refused:already_checked_in", guest_id=guest.id,
                     now=now, code=guest.badge_code, day=day.isoformat())
        return CheckInResult(Outcome.ALREADY_CHECKED_IN, guest.badge_code, day,
                             guest_from_row(guest), first_checkin=_record(earlier),
                             duplicate_here_at=_duplicate_here(session, guest.id, day, desk))
    row = CheckInRow(id=str(uuid.uuid4()), guest_id=guest.id, event_day=day,
                     session=session_name, at=now, desk=desk.name, operator=desk.operator,
                     method=method.value, badge_code=guest.badge_code, nonce=nonce)
    session.add(row)
    audit.record(session, desk, "checked_in", guest_id=guest.id, now=now,
                 day=day.isoformat(), checkin=row.id, method=method.value)
    changed = guest.attendance == Attendance.ONLINE.value
    if changed:  # an online-only guest came in person: record it, count them on site
        guest.attendance = Attendance.ONSITE.value
        guest.updated_at = now
        audit.record(session, desk, ATTENDANCE_CHANGED, guest_id=guest.id, now=now,
                     before={"attendance": Attendance.ONLINE.value},
                     after={"attendance": Attendance.ONSITE.value}, day=day.isoformat(),
                     checkin=row.id)
    session.flush()
    if changed:
        index_write(session, [guest.id])  # (the attendance filter of the search)
    return CheckInResult(Outcome.ADMITTED, guest.badge_code, day, guest_from_row(guest),
                         checkin=_record(row), attendance_changed=changed)


def _duplicate_here(session: Session, guest_id: str, day: dt.date,
                    desk: Desk) -> dt.datetime | None:
    """On a desk of a hub: when this desk admitted the guest that day in an admission the
    hub found to be a duplicate (the hub's receipts, pulled into hub_event), if it did."""
    stmt = select(HubEventRow.device_at).where(
        HubEventRow.conflict == "duplicate_admission", HubEventRow.day == day,
        HubEventRow.guest_id == guest_id, HubEventRow.desk == desk.name)
    return session.execute(stmt.order_by(HubEventRow.device_at.desc()).limit(1)).scalar()


def _replayed(session: Session, nonce: str) -> CheckInResult | None:
    row = session.execute(select(CheckInRow).where(CheckInRow.nonce == nonce)).scalar()
    if row is None:
        return None
    guest = session.get_one(GuestRow, row.guest_id)
    return CheckInResult(Outcome.ADMITTED, row.badge_code, row.event_day,
                         guest_from_row(guest), checkin=_record(row))


def _refused(session: Session, desk: Desk, outcome: Outcome, code: str, day: dt.date,
             now: dt.datetime, guest: GuestRow | None = None,
             replaced_by: str | None = None) -> CheckInResult:
    # (an ID card number that matched no one is kept masked: the log is never purged)
    number = normalize_id_number(code)
    audit.record(session, desk, f"refused:{outcome.value}",
                 guest_id=guest.id if guest else None, now=now,
                 code=code if number is None else mask_id_number(number),
                 day=day.isoformat())
    return CheckInResult(outcome, code, day, guest_from_row(guest) if guest else None,
                         replaced_by=replaced_by)


def code_holder(session: Session, forms: tuple[str, ...], *, lock: bool = False
                ) -> tuple[str, GuestRow, RevokedBadgeRow | None] | None:
    """Who a typed code belongs to: for each of its forms in turn (domain.badge_codes.
    code_forms: as typed first), the guest holding it now, else the guest whose revoked
    code it is. (The code found, the guest, the revocation if revoked), or None.

    `lock`: FOR UPDATE on the guest row, which serialises two desks admitting one guest on
    PostgreSQL; SQLite has no such clause and needs none (BEGIN IMMEDIATE already holds
    the file's lock)."""
    for form in forms:
        stmt = select(GuestRow).where(GuestRow.badge_code == form)
        guest = session.execute(stmt.with_for_update() if lock else stmt).scalar()
        if guest is not None:
            return form, guest, None
        revoked = session.get(RevokedBadgeRow, form)
        if revoked is not None:
            return form, session.get_one(GuestRow, revoked.guest_id), revoked
    return None


def check_in(db: Database, code: str, *, day: dt.date, desk: Desk,
             method: Method = Method.SCAN, nonce: str | None = None,
             now: dt.datetime | None = None, event: Event | None = None,
             audit_unknown: bool = True) -> CheckInResult:
    """Admit the holder of a badge code on an event day (one transaction). A code typed
    without the event's prefix (E445BT8) is the prefixed one (WIMC-E445BT8) when no guest
    holds it as typed. `audit_unknown=False`: a text that is no guest's code is not kept
    as a refused scan (a name typed at the desk, tried as a code first, is no scan)."""
    event = event or get_event(db)
    now = now or dt.datetime.now(dt.UTC)
    code = normalize_code(code)
    nonce = nonce or uuid.uuid4().hex
    with db.write() as session:
        replay = _replayed(session, nonce)
        if replay is not None:
            return replay
        found = code_holder(session, code_forms(code, event.badge_prefix), lock=True)
        if found is None:  # a resident ID card number typed or scanned: its holder
            holder = guest_by_id_number(session, code, lock=True)
            found = None if holder is None else (holder.badge_code, holder, None)
        if found is None:
            if not audit_unknown:
                return CheckInResult(Outcome.UNKNOWN_CODE, code, day, None)
            return _refused(session, desk, Outcome.UNKNOWN_CODE, code, day, now)
        code, guest, revoked = found
        if revoked is not None:
            # The holder's current code, not revoked.replaced_by: after two reissues
            # (A -> B -> C) a scan of A must name C.
            return _refused(session, desk, Outcome.BADGE_REVOKED, code, day, now, guest,
                            guest.badge_code)
        if not is_event_day(event, day):
            return _refused(session, desk, Outcome.NOT_EVENT_DAY, code, day, now, guest)
        return _admit(session, guest, day, desk, method, nonce, now)


def check_in_guest(db: Database, guest_id: str, *, day: dt.date, desk: Desk,
                   method: Method = Method.MANUAL, nonce: str | None = None,
                   now: dt.datetime | None = None) -> CheckInResult:
    """Admit a guest chosen by name at the desk (no badge scanned)."""
    event = get_event(db)
    now = now or dt.datetime.now(dt.UTC)
    nonce = nonce or uuid.uuid4().hex
    with db.write() as session:
        replay = _replayed(session, nonce)
        if replay is not None:
            return replay
        guest = session.get(GuestRow, guest_id, with_for_update=True)
        if guest is None:
            raise NotFoundError("no guest with id {id}", id=guest_id)
        if not is_event_day(event, day):
            return _refused(session, desk, Outcome.NOT_EVENT_DAY, guest.badge_code, day, now,
                            guest)
        return _admit(session, guest, day, desk, method, nonce, now)


def undo_checkin(db: Database, checkin_id: str, *, desk: Desk, reason: str = "",
                 now: dt.datetime | None = None, nonce: str | None = None) -> CheckInRecord:
    """Undo an admission: free within 2 minutes for its own operator, else with a reason."""
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        row = session.get(CheckInRow, checkin_id)
        if row is None:
            raise NotFoundError("no check-in with id {id}", id=checkin_id)
        if session.execute(select(CheckInUndoRow).where(
                CheckInUndoRow.checkin_id == checkin_id)).scalar() is not None:
            raise BadInputError("this check-in was already undone")
        needs_reason = undo_needs_reason(_record(row), desk, now)
        if needs_reason and not allowed(desk.role, Permission.UNDO_ANY):
            raise NotPermittedError("only its own operator undoes a check-in, within 2 "
                                    "minutes; any other undo needs a {role}",
                                    role=needed_role(Permission.UNDO_ANY))
        if needs_reason and not reason.strip():
            raise BadInputError("a reason is required to undo a check-in made by someone "
                                "else or more than 2 minutes ago")
        session.add(CheckInUndoRow(id=str(uuid.uuid4()), checkin_id=checkin_id, at=now,
                                   desk=desk.name, operator=desk.operator,
                                   reason=reason.strip(), nonce=nonce or uuid.uuid4().hex))
        audit.record(session, desk, "checkin_undone", guest_id=row.guest_id, now=now,
                     reason=reason.strip(), day=row.event_day.isoformat(), checkin=checkin_id)
        session.flush()
        _restore_attendance(session, row, desk, now)
        return _record(row)


def _restore_attendance(session: Session, row: CheckInRow, desk: Desk,
                        now: dt.datetime) -> None:
    """What the admission changed goes back with it: an online guest it counted on site
    is online again (recorded), unless the guest has come in person since (another
    valid admission) or someone changed the mode afterwards."""
    changed = [a for a in session.execute(select(AuditRow).where(
        AuditRow.guest_id == row.guest_id, AuditRow.action == ATTENDANCE_CHANGED,
        AuditRow.at == row.at)).scalars()
        if a.details.get("checkin", row.id) == row.id]
    if not changed:
        return
    guest = session.get_one(GuestRow, row.guest_id)
    others = select(CheckInRow.id).where(
        CheckInRow.guest_id == row.guest_id, CheckInRow.id != row.id,
        CheckInRow.id.not_in(select(CheckInUndoRow.checkin_id)))
    if guest.attendance != Attendance.ONSITE.value or session.execute(others).first():
        return
    guest.attendance = Attendance.ONLINE.value
    guest.updated_at = now
    audit.record(session, desk, ATTENDANCE_RESTORED, guest_id=guest.id, now=now,
                 before={"attendance": Attendance.ONSITE.value},
                 after={"attendance": Attendance.ONLINE.value}, day=row.event_day.isoformat(),
                 checkin=row.id)
    session.flush()
    index_write(session, [guest.id])


def find_checkin(db: Database, code: str, day: dt.date) -> CheckInRecord:
    """The valid check-in on a day of the guest holding a code (current or revoked)."""
    code = normalize_code(code)
    forms = code_forms(code, get_event(db).badge_prefix)
    with db.read() as session:
        found = code_holder(session, forms)
        if found is None:
            raise NotFoundError("unknown badge code {code}", code=code)
        guest_id = found[1].id
        row = first_checkin(session, guest_id, day)
        if row is None:
            raise NotFoundError("{code} is not checked in on {day}", code=code,
                                day=day.isoformat())
        return _record(row)


def admitted_count(db: Database, day: dt.date) -> int:
    with db.read() as session:
        sub = admitted_guest_ids(day).distinct().subquery()
        return int(session.execute(select(func.count()).select_from(sub)).scalar_one())


def expected_count(db: Database) -> int:
    """Guests expected at the venue: those registered on site."""
    return list_counts(db)[1]


def list_counts(db: Database) -> tuple[int, int]:
    """The guests on the list, and those of them expected at the venue (on site): one
    pass over the guest table."""
    onsite = func.count().filter(GuestRow.attendance == Attendance.ONSITE.value)
    with db.read() as session:
        guests, expected = session.execute(
            select(func.count(), onsite).select_from(GuestRow)).one()
        return int(guests), int(expected)


def recent_admissions(db: Database, day: dt.date, desk: str | None = None,
                      limit: int = 20) -> list[CheckInResult]:
    """The latest admissions of the day (of one desk, when named), newest first."""
    with db.read() as session:
        stmt = valid_checkins(day).order_by(CheckInRow.at.desc()).limit(limit)
        if desk is not None:
            stmt = stmt.where(CheckInRow.desk == desk)
        rows = session.execute(stmt).scalars().all()
        guests = {g.id: g for g in session.execute(select(GuestRow).where(
            GuestRow.id.in_([r.guest_id for r in rows]))).scalars()}
        return [CheckInResult(Outcome.ADMITTED, r.badge_code, day,
                              guest_from_row(guests[r.guest_id]), checkin=_record(r))
                for r in rows]
