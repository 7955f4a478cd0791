"""The daily registration report: every figure of an event day from one service.

The page, the XLSX/CSV/PDF files and `wimc-desk report` all read a DailyReport made
here, so a figure can never differ between them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.queries import valid_checkins
from wimc_desktop.db.schema import (
    AuditRow,
    BadgePrintRow,
    CheckInRow,
    CheckInUndoRow,
    GuestRow,
    SigningRow,
)
from wimc_desktop.domain.models import Event
from wimc_desktop.domain.reports import (
    Arrival,
    CategoryFigures,
    DailyReport,
    MissingGuest,
    SigningFigures,
)
from wimc_desktop.services.events import get_event


def _local_window(event: Event, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC start and end of a local day."""
    zone = ZoneInfo(event.timezone)
    start = dt.datetime.combine(day, dt.time(), zone)
    return start.astimezone(dt.UTC), (start + dt.timedelta(days=1)).astimezone(dt.UTC)


def _arrivals(session: Session, day: dt.date) -> list[Arrival]:
    ck = valid_checkins(day).subquery()
    stmt = (select(ck.c.at, GuestRow.badge_code, GuestRow.name, GuestRow.name_en,
                   GuestRow.organization, GuestRow.title, GuestRow.category, ck.c.desk,
                   ck.c.operator, ck.c.method, GuestRow.mobile, GuestRow.email, ck.c.guest_id)
            .join_from(ck, GuestRow, GuestRow.id == ck.c.guest_id).order_by(ck.c.at))
    seen: set[str] = set()
    out = []
    for row in session.execute(stmt):
        if row[-1] not in seen:  # two desks offline may both admit: count the guest once
            seen.add(row[-1])
            out.append(Arrival(*row[:-1]))
    return out


def _guest_ids_before(session: Session, day: dt.date, inclusive: bool) -> set[str]:
    undone = select(CheckInUndoRow.checkin_id)
    bound = CheckInRow.event_day <= day if inclusive else CheckInRow.event_day < day
    stmt = select(CheckInRow.guest_id).where(bound, CheckInRow.id.not_in(undone)).distinct()
    return set(session.execute(stmt).scalars())


def _registered(session: Session, day: dt.date) -> tuple[Counter[str], Counter[str]]:
    """Guests registered as of the day: walk-ins of later days are not there yet."""
    by_category: Counter[str] = Counter()
    by_attendance: Counter[str] = Counter()
    later_walk_ins = select(CheckInRow.guest_id).where(CheckInRow.method == "walkin",
                                                       CheckInRow.event_day > day)
    stmt = select(GuestRow.category, GuestRow.attendance, func.count()).where(
        GuestRow.id.not_in(later_walk_ins)).group_by(GuestRow.category, GuestRow.attendance)
    for category, attendance, count in session.execute(stmt):
        by_category[category] += count
        by_attendance[attendance] += count
    return by_category, by_attendance


def _refused(session: Session, day: dt.date) -> dict[str, int]:
    counts: Counter[str] = Counter()
    stmt = select(AuditRow.action, AuditRow.details).where(AuditRow.action.like("refused:%"))
    for action, details in session.execute(stmt):
        if (details or {}).get("day") == day.isoformat():
            counts[action.removeprefix("refused:")] += 1
    return dict(counts)


def _undos(session: Session, day: dt.date) -> int:
    stmt = select(func.count()).select_from(CheckInUndoRow).join(
        CheckInRow, CheckInRow.id == CheckInUndoRow.checkin_id).where(
        CheckInRow.event_day == day)
    return int(session.execute(stmt).scalar_one())


def _prints(session: Session, start: dt.datetime, end: dt.datetime) -> tuple[int, int]:
    """(badges printed, of which reprints) in a time window."""
    printed = reprinted = 0
    seen: set[str] = set()
    stmt = select(BadgePrintRow.guest_id, BadgePrintRow.printed_at).where(
        BadgePrintRow.printed_at < end).order_by(BadgePrintRow.printed_at)
    for guest_id, at in session.execute(stmt):
        if at >= start:
            printed += 1
            reprinted += guest_id in seen
        seen.add(guest_id)
    return printed, reprinted


def _signings(session: Session, start: dt.datetime, end: dt.datetime) -> SigningFigures:
    def figures(*where: Any) -> tuple[int, int]:
        stmt = select(func.count(), func.coalesce(func.sum(SigningRow.amount_fen), 0)).where(
            SigningRow.status != "cancelled", *where)
        count, total = session.execute(stmt).one()
        return int(count), int(total)

    count, total = figures(SigningRow.signed_at >= start, SigningRow.signed_at < end)
    running_count, running_total = figures(SigningRow.signed_at < end)
    return SigningFigures(count, total, running_count, running_total)


def _missing(session: Session, admitted_ids: set[str], event: Event) -> list[MissingGuest]:
    """On-site guests not admitted yet: VIP categories first (officials, academicians...)."""
    order = {c.code: (not c.is_vip, c.sort_order) for c in event.categories}
    stmt = select(GuestRow.id, GuestRow.badge_code, GuestRow.name, GuestRow.organization,
                  GuestRow.title, GuestRow.category, GuestRow.mobile, GuestRow.email,
                  GuestRow.name_pinyin).where(GuestRow.attendance == "onsite")
    rows = [r for r in session.execute(stmt) if r[0] not in admitted_ids]
    rows.sort(key=lambda r: (order.get(r[5], (True, 999)), r[8], r[2]))
    return [MissingGuest(*r[1:8]) for r in rows]


def _hours(arrivals: list[Arrival], zone: ZoneInfo) -> dict[str, int]:
    hours = Counter(a.at.astimezone(zone).strftime("%H") for a in arrivals)
    return dict(sorted(hours.items()))


def daily_report(db: Database, day: dt.date, *, now: dt.datetime | None = None) -> DailyReport:
    """All the figures of one event day, and the lists the files need."""
    event = get_event(db)
    start, end = _local_window(event, day)
    vip = {c.code for c in event.categories if c.is_vip}
    with db.read() as session:
        by_category, by_attendance = _registered(session, day)
        arrivals = _arrivals(session, day)
        cumulative = _guest_ids_before(session, day, inclusive=True)
        first_ids = cumulative - _guest_ids_before(session, day, inclusive=False)
        today_ids = set(session.execute(valid_checkins(day).with_only_columns(
            CheckInRow.guest_id)).scalars())
        walk_in_stmt = select(func.count(func.distinct(CheckInRow.guest_id))).where(
            CheckInRow.method == "walkin", CheckInRow.event_day <= day,
            CheckInRow.id.not_in(select(CheckInUndoRow.checkin_id)))
        cumulative_walk_ins = int(session.execute(walk_in_stmt).scalar_one())
        missing = _missing(session, today_ids, event)
        printed, reprinted = _prints(session, start, end)
        signings = _signings(session, start, end)
        refused, undos = _refused(session, day), _undos(session, day)
    admitted_by_category = Counter(a.category for a in arrivals)
    walk_ins = [a for a in arrivals if a.method == "walkin"]
    return DailyReport(
        day=day, generated_at=now or dt.datetime.now(dt.UTC), event_name=event.name_zh,
        timezone=event.timezone, registered=sum(by_category.values()),
        registered_by_attendance=dict(by_attendance), admitted=len(arrivals),
        first_arrivals=len(first_ids), walk_ins=len(walk_ins), undos=undos,
        refused=refused,
        by_category=tuple(CategoryFigures(c.code, c.name_zh, c.name_en, c.is_vip,
                                          by_category[c.code], admitted_by_category[c.code])
                          for c in event.categories),
        by_hour=_hours(arrivals, ZoneInfo(event.timezone)),
        by_desk=dict(Counter(a.desk for a in arrivals).most_common()),
        by_operator=dict(Counter(a.operator for a in arrivals).most_common()),
        vip_arrived=tuple(a for a in arrivals if a.category in vip),
        vip_missing=tuple(m for m in missing if m.category in vip),
        badges_printed=printed, badges_reprinted=reprinted, signings=signings,
        cumulative_admitted=len(cumulative), cumulative_walk_ins=cumulative_walk_ins,
        checkins=tuple(arrivals), missing=tuple(missing), walk_in_list=tuple(walk_ins))
