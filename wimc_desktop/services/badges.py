"""Badges: looking a code up, choosing guests to print, the print log, reissuing a lost badge."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.queries import not_undone
from wimc_desktop.db.schema import (
    BadgePrintRow,
    CategoryRow,
    CheckInRow,
    GuestRow,
    RevokedBadgeRow,
)
from wimc_desktop.domain.badge_codes import code_forms, new_code, normalize_code
from wimc_desktop.domain.badges import (
    TEMPLATES,
    BadgeInfo,
    BadgeStatus,
    PrintOutput,
    PrintRecord,
    PrintStatus,
    Reissue,
    Revocation,
)
from wimc_desktop.domain.categories import category_lookup, resolve_category
from wimc_desktop.domain.checkin import CheckInResult, Desk, Outcome, local_day
from wimc_desktop.domain.errors import BadInputError, NotFoundError, NotPermittedError
from wimc_desktop.domain.models import Guest
from wimc_desktop.domain.roles import Permission, allowed, needed_role
from wimc_desktop.services import audit
from wimc_desktop.services.checkin import _record, code_holder, first_checkin
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import code_in_use, guest_from_row
from wimc_desktop.services.search import index_write

_CHUNK = 500


class ReprintNeedsReasonError(BadInputError):
    """Some of the badges were printed before: a reprint is confirmed with a reason."""

    def __init__(self, statuses: list[PrintStatus]) -> None:
        self.statuses = statuses
        codes = ", ".join(s.code for s in statuses[:5]) + (" ..." if len(statuses) > 5 else "")
        super().__init__("{count} badge(s) were printed before ({codes}); "
                         "give a reason to reprint them", count=len(statuses), codes=codes)


class RevokedCodeError(BadInputError):
    """A revoked code was given where a current one is needed."""

    def __init__(self, code: str, current: str) -> None:
        self.code, self.current = code, current
        super().__init__("{code} is revoked; the guest's current badge is {current}",
                         code=code, current=current)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _print_statuses(session: Session, guests: Sequence[GuestRow]) -> dict[str, PrintStatus]:
    """The print count and last print of each guest's current code."""
    by_code = {g.badge_code: g.id for g in guests}
    prints: dict[str, list[BadgePrintRow]] = {code: [] for code in by_code}
    for chunk in _chunks(list(by_code)):
        stmt = select(BadgePrintRow).where(BadgePrintRow.badge_code.in_(chunk))
        for row in session.execute(stmt.order_by(BadgePrintRow.printed_at)).scalars():
            prints[row.badge_code].append(row)
    result: dict[str, PrintStatus] = {}
    for code, rows in prints.items():
        last = rows[-1] if rows else None
        record = PrintRecord(last.printed_at, last.desk, last.operator, last.template,
                             last.output, last.reason) if last else None
        result[by_code[code]] = PrintStatus(by_code[code], code, len(rows), record)
    return result


def _guests(session: Session, guest_ids: Sequence[str]) -> list[GuestRow]:
    found: dict[str, GuestRow] = {}
    for chunk in _chunks(guest_ids):
        rows = session.execute(select(GuestRow).where(GuestRow.id.in_(chunk))).scalars()
        found.update((r.id, r) for r in rows)
    missing = [i for i in guest_ids if i not in found]
    if missing:
        raise NotFoundError("no guest with id {id}", id=missing[0])
    return [found[i] for i in guest_ids]


def _holder(session: Session, forms: tuple[str, ...], *, lock: bool = False
            ) -> tuple[str, GuestRow, RevokedBadgeRow | None]:
    """services.checkin.code_holder, or NotFoundError for a code nobody holds or held."""
    found = code_holder(session, forms, lock=lock)
    if found is None:
        raise NotFoundError("unknown badge code {code}", code=forms[0])
    return found


def badge_info(db: Database, code: str, day: dt.date | None = None,
               now: dt.datetime | None = None) -> BadgeInfo:
    """The card data of a badge code (typed with or without the event's prefix); a
    revoked code names the guest's current one."""
    event = get_event(db)
    forms = code_forms(normalize_code(code), event.badge_prefix)
    day = day or local_day(event, now or dt.datetime.now(dt.UTC))
    with db.read() as session:
        code, guest, revoked = _holder(session, forms)
        if revoked is None:
            prints = _print_statuses(session, [guest])[guest.id]
        else:  # the old code's own prints
            rows = session.execute(select(BadgePrintRow).where(
                BadgePrintRow.badge_code == code).order_by(BadgePrintRow.printed_at)).scalars()
            old = list(rows)
            last = PrintRecord(old[-1].printed_at, old[-1].desk, old[-1].operator,
                               old[-1].template, old[-1].output, old[-1].reason) if old else None
            prints = PrintStatus(guest.id, code, len(old), last)
        checkin = first_checkin(session, guest.id, day)
        return BadgeInfo(
            code=code, guest=guest_from_row(guest), category=event.category(guest.category),
            status=BadgeStatus.REVOKED if revoked else BadgeStatus.ACTIVE,
            current_code=guest.badge_code,
            replaced_by=guest.badge_code if revoked else None,
            revocation=Revocation(revoked.revoked_at, revoked.desk, revoked.operator,
                                  revoked.reason) if revoked else None,
            prints=prints, day=day, checkin=_record(checkin) if checkin else None)


def print_status(db: Database, guest_ids: Sequence[str]) -> dict[str, PrintStatus]:
    """Per guest id: how often the current badge was printed, and the last print."""
    with db.read() as session:
        return _print_statuses(session, _guests(session, list(guest_ids)))


def record_prints(db: Database, guest_ids: Sequence[str], desk: Desk, template: str,
                  output: PrintOutput, reason: str = "",
                  now: dt.datetime | None = None,
                  before_commit: Callable[[], object] | None = None) -> list[PrintStatus]:
    """Log one print of each guest's current badge (one transaction).

    A reprint (a badge printed before) needs a reason, or nothing is logged.
    `before_commit()` runs inside the transaction once the rows are in (a PDF moved in
    place): if it raises, nothing is logged. Returns the statuses before this print.
    """
    if template not in TEMPLATES:
        raise BadInputError("unknown badge template {template!r}", template=template)
    now = now or dt.datetime.now(dt.UTC)
    ids = list(dict.fromkeys(guest_ids))
    with db.write() as session:
        guests = _guests(session, ids)
        before = _print_statuses(session, guests)
        reprints = [before[g.id] for g in guests if before[g.id].is_reprint]
        if reprints and not allowed(desk.role, Permission.REPRINT_BADGE):
            raise NotPermittedError("{count} of these badges were printed before: a reprint "
                                    "needs a {role}", count=len(reprints),
                                    role=needed_role(Permission.REPRINT_BADGE))
        if reprints and not reason.strip():
            raise ReprintNeedsReasonError(reprints)
        session.add_all(BadgePrintRow(
            id=str(uuid.uuid4()), guest_id=g.id, badge_code=g.badge_code, printed_at=now,
            desk=desk.name, operator=desk.operator, template=template, output=output.value,
            reason=reason.strip()) for g in guests)
        for g in guests:
            audit.record(session, desk, "badge_reprinted" if before[g.id].is_reprint
                         else "badge_printed", guest_id=g.id, now=now,
                         reason=reason.strip() if before[g.id].is_reprint else "",
                         template=template, output=output.value)
        if before_commit is not None:
            session.flush()
            before_commit()
        return [before[g.id] for g in guests]


def select_guests_for_badges(db: Database, codes: Sequence[str] | None = None,
                             category: str | None = None, vip: bool = False,
                             not_printed: bool = False) -> list[Guest]:
    """The guests to print badges for: the filters given all apply.

    Codes keep their order (an unknown one is NotFoundError, a revoked one
    RevokedCodeError); otherwise the order is category, then the pinyin of the name.
    """
    event = get_event(db)
    stmt = select(GuestRow).join(CategoryRow, CategoryRow.code == GuestRow.category)
    if category is not None:
        cat = resolve_category(category, category_lookup(event.categories))
        if cat is None:
            raise BadInputError("unknown category {category!r}", category=category)
        stmt = stmt.where(GuestRow.category == cat)
    if vip:
        stmt = stmt.where(CategoryRow.is_vip.is_(True))
    if not_printed:
        stmt = stmt.where(~exists().where(BadgePrintRow.badge_code == GuestRow.badge_code))
    with db.read() as session:
        if codes is None:
            stmt = stmt.order_by(CategoryRow.sort_order, GuestRow.name_sort, GuestRow.name,
                                 GuestRow.badge_code)
            return [guest_from_row(r) for r in session.execute(stmt).scalars()]
        wanted = list(dict.fromkeys(normalize_code(c) for c in codes))
        found: dict[str, Guest] = {}
        for chunk in _chunks(wanted):
            rows = session.execute(stmt.where(GuestRow.badge_code.in_(chunk))).scalars()
            found.update((r.badge_code, guest_from_row(r)) for r in rows)
        for code in (c for c in wanted if c not in found):  # unknown, revoked, filtered out
            _, guest, revoked = _holder(session, (code,))
            if revoked is not None:
                raise RevokedCodeError(code, guest.badge_code)
        return [found[c] for c in wanted if c in found]


def reissue_badge(db: Database, code: str, *, reason: str, desk: Desk,
                  now: dt.datetime | None = None) -> Reissue:
    """Give the holder of a lost badge a new code; the old one is revoked at once, for good.

    The guest keeps their check-ins (they belong to the guest, not to the code).
    """
    if not allowed(desk.role, Permission.REISSUE_BADGE):
        raise NotPermittedError("a reissue needs a {role}",
                                role=needed_role(Permission.REISSUE_BADGE))
    if not reason.strip():
        raise BadInputError("a reissue needs a reason (lost, damaged, name corrected...)")
    event = get_event(db)
    code = normalize_code(code)
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        # The lock: on PostgreSQL a second desk reissuing the same badge waits, then finds
        # the code revoked (SQLite's BEGIN IMMEDIATE already serialises writers).
        _, guest, revoked = _holder(session, (code,), lock=True)  # NotFoundError: unknown
        if revoked is not None:
            raise RevokedCodeError(code, guest.badge_code)
        fresh = new_code(event.badge_prefix, lambda c: code_in_use(session, c))
        replace_code(session, guest, fresh, reason=reason.strip(), desk=desk, now=now)
        session.flush()
        index_write(session, [guest.id])
        return Reissue(code, fresh, guest_from_row(guest))


def replace_code(session: Session, guest: GuestRow, fresh: str, *, reason: str, desk: Desk,
                 now: dt.datetime) -> None:
    """The guest's current code revoked for good and `fresh` given instead, the change
    recorded (what replaced it, where, who, why) and audited: a reissue, or an import that
    was allowed to replace badge codes."""
    old = guest.badge_code
    session.add(RevokedBadgeRow(code=old, guest_id=guest.id, revoked_at=now, replaced_by=fresh,
                                desk=desk.name, operator=desk.operator, reason=reason))
    guest.badge_code = fresh
    guest.updated_at = now
    audit.record(session, desk, "badge_reissued", guest_id=guest.id, reason=reason, now=now,
                 before={"badge_code": old}, after={"badge_code": fresh})


def is_first_admission(db: Database, result: CheckInResult) -> bool:
    """True when an admission is the guest's first of the event (none valid on a day before)."""
    if result.outcome is not Outcome.ADMITTED or result.checkin is None:
        return False
    record = result.checkin
    stmt = select(CheckInRow.id).where(CheckInRow.guest_id == record.guest_id,
                                       CheckInRow.event_day < record.event_day, not_undone())
    with db.read() as session:
        return session.execute(stmt.limit(1)).first() is None
