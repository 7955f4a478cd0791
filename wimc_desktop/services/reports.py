"""The daily registration report: every figure of an event day from one service.

The page, the XLSX/CSV/PDF files and `wimc-desk report` all read a DailyReport made
here, so a figure can never differ between them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.queries import admitted_guest_ids, driver_rows, not_undone_many
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
    LISTED,
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


@dataclass
class _Day:
    """The day's valid admissions, one per guest, read once and counted in Python."""

    admissions: list[Any]  # rows (guest_id, at, desk, operator, method), oldest first
    earlier: set[str]  # guests admitted on an earlier day

    @cached_property
    def guest_ids(self) -> set[str]:
        return {r[0] for r in self.admissions}


def _utc(value: Any) -> dt.datetime:
    """A stored time read without the column type's processing (fast for 60,000 rows)."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, dt.datetime)
    return moment.replace(tzinfo=dt.UTC)


def _read_day(session: Session, day: dt.date) -> _Day:
    """The day's valid check-ins from the covering index (Core rows: no ORM work per row)."""
    conn = session.connection()
    stmt = select(CheckInRow.guest_id, type_coerce(CheckInRow.at, String), CheckInRow.desk,
                  CheckInRow.operator, CheckInRow.method).where(
        CheckInRow.event_day == day, not_undone_many()).order_by(
        CheckInRow.at, CheckInRow.id)
    seen: set[str] = set()
    admissions = []
    for row in driver_rows(conn, stmt):
        if row[0] not in seen:
            seen.add(row[0])  # two desks offline may both admit: count the guest once
            admissions.append(row)
    earlier_stmt = select(CheckInRow.guest_id).distinct().where(
        CheckInRow.event_day < day, not_undone_many())
    return _Day(admissions, set(conn.execute(earlier_stmt).scalars()))


# A guest's id and the fields of the day's lists (domain.reports.LISTED).
_DETAILS = (GuestRow.id, *(GuestRow.__table__.c[name] for name in LISTED))


def _listed(row: Sequence[Any]) -> dict[str, str]:
    """The LISTED fields of a row that starts with _DETAILS."""
    return dict(zip(LISTED, row[1:1 + len(LISTED)], strict=True))


def _matched(details: dict[str, Any], day_data: _Day) -> list[Arrival]:
    """The day's admissions of the guests in `details` (id -> _DETAILS row), oldest first."""
    out = []
    for guest_id, at, desk, operator, method in day_data.admissions:
        g = details.get(guest_id)
        if g is not None:
            out.append(Arrival(_utc(at), desk, operator, method, _listed(g)))
    return out


def _arrivals(session: Session, day: dt.date, day_data: _Day) -> list[Arrival]:
    """Every admission of the day with its guest's details, oldest first."""
    stmt = select(*_DETAILS).where(GuestRow.id.in_(admitted_guest_ids(day)))
    return _matched({row[0]: row for row in driver_rows(session.connection(), stmt)}, day_data)


def _vips(session: Session, day: dt.date, day_data: _Day, event: Event
          ) -> tuple[list[Arrival], list[MissingGuest], int]:
    """VIPs arrived (oldest first), on-site VIPs not yet here (officials first), and how
    many VIPs have arrived on any day so far.

    The VIP guests (a few thousand at most) are read once by the category index and
    matched here: cheaper than looking up every admitted guest by id.
    """
    vip = [c.code for c in event.categories if c.is_vip]
    conn = session.connection()
    stmt = select(*_DETAILS, GuestRow.attendance, GuestRow.name_sort).where(
        GuestRow.category.in_(vip))
    rows = {row[0]: row for row in driver_rows(conn, stmt)}
    later = set(conn.execute(_later_walk_ins(day)).scalars())
    today = day_data.guest_ids
    missing = [r for gid, r in rows.items()
               if r[-2] == "onsite" and gid not in today and gid not in later]
    so_far = sum(1 for gid in rows if gid in today or gid in day_data.earlier)
    return _matched(rows, day_data), _sorted_missing(missing, event), so_far


def _admitted_by_category(session: Session, day: dt.date, *, so_far: bool = False
                          ) -> Counter[str]:
    """Guests admitted on the day (or on any day up to it) per category, counted in SQL."""
    admitted = select(CheckInRow.guest_id).where(
        CheckInRow.event_day <= day if so_far else CheckInRow.event_day == day,
        not_undone_many())
    stmt = select(GuestRow.category, func.count()).where(
        GuestRow.id.in_(admitted)).group_by(GuestRow.category)
    return Counter(dict(session.execute(stmt).all()))


def _count(session: Session, stmt: Any) -> int:
    return int(session.execute(stmt).scalar_one())


def _later_walk_ins(day: dt.date) -> Any:
    """Guests who registered at the desk on a later day: not there yet as of `day`."""
    return select(CheckInRow.guest_id).where(CheckInRow.method == "walkin",
                                             CheckInRow.event_day > day)


def _registered(session: Session, day: dt.date) -> tuple[Counter[str], Counter[str]]:
    """Guests registered as of the day: walk-ins of later days are not there yet.

    Counted from the (category, attendance) index, then the few later walk-ins taken off.
    """
    by_category: Counter[str] = Counter()
    by_attendance: Counter[str] = Counter()
    stmt = select(GuestRow.category, GuestRow.attendance, func.count()).group_by(
        GuestRow.category, GuestRow.attendance)
    later = select(GuestRow.category, GuestRow.attendance, func.count()).where(
        GuestRow.id.in_(_later_walk_ins(day))).group_by(GuestRow.category, GuestRow.attendance)
    for sign, query in ((1, stmt), (-1, later)):
        for category, attendance, count in session.execute(query):
            by_category[category] += sign * count
            by_attendance[attendance] += sign * count
    return (Counter({k: n for k, n in by_category.items() if n}),
            Counter({k: n for k, n in by_attendance.items() if n}))


def _refused(session: Session, day: dt.date) -> tuple[dict[str, int], dict[str, int]]:
    """Refused scans by outcome: on the day, and on every day up to it."""
    today: Counter[str] = Counter()
    so_far: Counter[str] = Counter()
    stmt = select(AuditRow.action, AuditRow.details).where(AuditRow.action.like("refused:%"))
    for action, details in session.execute(stmt):
        when = str((details or {}).get("day", ""))
        if when and when <= day.isoformat():  # ISO dates sort as text
            outcome = action.removeprefix("refused:")
            so_far[outcome] += 1
            today[outcome] += when == day.isoformat()
    return {k: n for k, n in today.items() if n}, dict(so_far)


def _undos(session: Session, day: dt.date) -> tuple[int, int]:
    """Check-ins undone: of the day, and of every day up to it."""
    def undone(*where: Any) -> int:
        stmt = select(func.count()).select_from(CheckInUndoRow).join(
            CheckInRow, CheckInRow.id == CheckInUndoRow.checkin_id).where(*where)
        return int(session.execute(stmt).scalar_one())

    return undone(CheckInRow.event_day == day), undone(CheckInRow.event_day <= day)


def _prints(session: Session, start: dt.datetime, end: dt.datetime) -> tuple[int, ...]:
    """Badges printed and of them reprints: in a time window, and in all before its end."""
    printed = reprinted = all_printed = all_reprinted = 0
    seen: set[str] = set()
    stmt = select(BadgePrintRow.guest_id, BadgePrintRow.printed_at).where(
        BadgePrintRow.printed_at < end).order_by(BadgePrintRow.printed_at)
    for guest_id, at in session.execute(stmt):
        again = guest_id in seen
        all_printed += 1
        all_reprinted += again
        if at >= start:
            printed += 1
            reprinted += again
        seen.add(guest_id)
    return printed, reprinted, all_printed, all_reprinted


def _signings(session: Session, start: dt.datetime, end: dt.datetime) -> SigningFigures:
    def figures(*where: Any) -> tuple[int, int]:
        stmt = select(func.count(), func.coalesce(func.sum(SigningRow.amount_fen), 0)).where(
            SigningRow.status != "cancelled", *where)
        count, total = session.execute(stmt).one()
        return int(count), int(total)

    count, total = figures(SigningRow.signed_at >= start, SigningRow.signed_at < end)
    running_count, running_total = figures(SigningRow.signed_at < end)
    return SigningFigures(count, total, running_count, running_total)


def _sorted_missing(rows: list[Any], event: Event) -> list[MissingGuest]:
    """Rows (_DETAILS ..., name_sort) as MissingGuests, VIP categories first (officials,
    academicians...), then by name."""
    order = {c.code: (not c.is_vip, c.sort_order) for c in event.categories}
    guests = [(_listed(r), r[-1]) for r in rows]
    guests.sort(key=lambda g: (order.get(g[0]["category"], (True, 999)), g[1], g[0]["name"]))
    return [MissingGuest(g) for g, _ in guests]


def missing_guests(session: Session, day: dt.date, event: Event) -> list[MissingGuest]:
    """On-site guests registered by the day (a walk-in of a later day is not missing yet)
    and not admitted on it: VIP categories first (officials, academicians...)."""
    stmt = select(*_DETAILS, GuestRow.name_sort).where(
        GuestRow.attendance == "onsite", GuestRow.id.not_in(admitted_guest_ids(day)),
        GuestRow.id.not_in(_later_walk_ins(day)))
    return _sorted_missing(driver_rows(session.connection(), stmt), event)


def _hours(day_data: _Day, zone: ZoneInfo, window: tuple[dt.datetime, dt.datetime]
           ) -> dict[str, int]:
    """Admissions per local hour ("09": n)."""
    first, last = (w.astimezone(zone).utcoffset() for w in window)
    texts = [r[1] for r in day_data.admissions]
    hours: Counter[int] = Counter()
    if first == last and first is not None and all(isinstance(t, str) for t in texts):
        # One offset all day (no clock change): count the stored "HH:MM" texts, then
        # move each minute of the day (at most 1,440) to its local hour.
        shift = int(first.total_seconds()) // 60
        for minute, n in Counter(t[11:16] for t in texts).items():
            hours[(int(minute[:2]) * 60 + int(minute[3:]) + shift) // 60 % 24] += n
    else:
        hours.update(_utc(t).astimezone(zone).hour for t in texts)
    return {f"{h:02d}": n for h, n in sorted(hours.items())}


def _tally(values: Any) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def daily_report(db: Database, day: dt.date, *, now: dt.datetime | None = None,
                 lists: bool = False) -> DailyReport:
    """All the figures of one event day; with `lists`, also every row the files need."""
    event = get_event(db)
    start, end = _local_window(event, day)
    with db.read() as session:
        by_category, by_attendance = _registered(session, day)
        data = _read_day(session, day)
        today = data.guest_ids
        vip_arrived, vip_missing, vips_so_far = _vips(session, day, data, event)
        admitted_by_category = _admitted_by_category(session, day)
        # Nobody admitted on an earlier day: the figures so far are the day's.
        so_far_by_category = (_admitted_by_category(session, day, so_far=True)
                              if data.earlier else admitted_by_category)
        walk_in_stmt = select(func.count(func.distinct(CheckInRow.guest_id))).where(
            CheckInRow.method == "walkin", CheckInRow.event_day <= day,
            not_undone_many())
        refused, refused_so_far = _refused(session, day)
        undos, undos_so_far = _undos(session, day)
        printed, reprinted, printed_so_far, reprinted_so_far = _prints(session, start, end)
        figures: dict[str, Any] = dict(
            vip_arrived=tuple(vip_arrived), vip_missing=tuple(vip_missing),
            cumulative_walk_ins=_count(session, walk_in_stmt),
            signings=_signings(session, start, end), refused=refused, undos=undos,
            badges_printed=printed, badges_reprinted=reprinted,
            cumulative_undos=undos_so_far, cumulative_refused=refused_so_far,
            cumulative_badges_printed=printed_so_far,
            cumulative_badges_reprinted=reprinted_so_far, cumulative_vip_arrived=vips_so_far)
        if lists:
            arrivals = _arrivals(session, day, data)
            figures.update(checkins=tuple(arrivals),
                           missing=tuple(missing_guests(session, day, event)),
                           walk_in_list=tuple(a for a in arrivals if a.method == "walkin"))
    return DailyReport(
        day=day, generated_at=now or dt.datetime.now(dt.UTC), event_name=event.name_zh,
        timezone=event.timezone, registered=sum(by_category.values()),
        registered_by_attendance=dict(by_attendance), admitted=len(today),
        first_arrivals=len(today - data.earlier),
        walk_ins=sum(r[4] == "walkin" for r in data.admissions),
        by_category=tuple(CategoryFigures(c.code, c.name_zh, c.name_en, c.is_vip,
                                          by_category[c.code], admitted_by_category[c.code],
                                          so_far_by_category[c.code])
                          for c in event.categories),
        by_hour=_hours(data, ZoneInfo(event.timezone), (start, end - dt.timedelta(seconds=1))),
        by_desk=_tally(r[2] for r in data.admissions),
        by_operator=_tally(r[3] for r in data.admissions),
        cumulative_admitted=len(today | data.earlier), **figures)
