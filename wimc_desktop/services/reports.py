"""The daily registration report: every figure of an event day from one service.

The page, the XLSX/CSV/PDF files and `wimc-desk report` all read a DailyReport made
here, so a figure can never differ between them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
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


@dataclass
class _Day:
    """The day's valid admissions, one per guest, read once and counted in Python."""

    admissions: list[Any]  # rows (id, guest_id, at, desk, operator, method), oldest first
    earlier: set[str]  # guests admitted on an earlier day
    category_of: dict[str, str]

    @property
    def guest_ids(self) -> set[str]:
        return {r.guest_id for r in self.admissions}


def _undone_ids(session: Session, *where: Any) -> set[str]:
    stmt = select(CheckInUndoRow.checkin_id).join(
        CheckInRow, CheckInRow.id == CheckInUndoRow.checkin_id).where(*where)
    return set(session.execute(stmt).scalars())


def _utc(value: Any) -> dt.datetime:
    """A stored time read without the column type's processing (fast for 60,000 rows)."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, dt.datetime)
    return moment.replace(tzinfo=dt.UTC)


def _read_day(session: Session, day: dt.date) -> _Day:
    undone = _undone_ids(session, CheckInRow.event_day <= day)
    stmt = select(CheckInRow.id, CheckInRow.guest_id, type_coerce(CheckInRow.at, String),
                  CheckInRow.desk, CheckInRow.operator, CheckInRow.method).where(
        CheckInRow.event_day == day).order_by(CheckInRow.at)
    seen: set[str] = set()
    admissions = []
    for row in session.execute(stmt):
        if row.id not in undone and row.guest_id not in seen:
            seen.add(row.guest_id)  # two desks offline may both admit: count the guest once
            admissions.append(row)
    earlier_stmt = select(CheckInRow.id, CheckInRow.guest_id).where(CheckInRow.event_day < day)
    earlier = {g for i, g in session.execute(earlier_stmt) if i not in undone}
    category_of = {gid: cat for gid, cat in session.execute(select(GuestRow.id, GuestRow.category))}
    return _Day(admissions, earlier, category_of)


def _arrivals(session: Session, day_data: _Day, guest_ids: set[str] | None = None
              ) -> list[Arrival]:
    """Admissions of the day with their guests' details, oldest first."""
    wanted = [r for r in day_data.admissions if guest_ids is None or r.guest_id in guest_ids]
    details: dict[str, Any] = {}
    ids = [r.guest_id for r in wanted]
    columns = (GuestRow.id, GuestRow.badge_code, GuestRow.name, GuestRow.name_en,
               GuestRow.organization, GuestRow.title, GuestRow.category, GuestRow.mobile,
               GuestRow.email)
    for start in range(0, len(ids), 500):
        stmt = select(*columns).where(GuestRow.id.in_(ids[start:start + 500]))
        details.update((row[0], row) for row in session.execute(stmt))
    out = []
    for r in wanted:
        g = details[r.guest_id]
        out.append(Arrival(_utc(r.at), g.badge_code, g.name, g.name_en, g.organization, g.title,
                           g.category, r.desk, r.operator, r.method, g.mobile, g.email))
    return out


def _count(session: Session, stmt: Any) -> int:
    return int(session.execute(stmt).scalar_one())


def _later_walk_ins(day: dt.date) -> Any:
    """Guests who registered at the desk on a later day: not there yet as of `day`."""
    return select(CheckInRow.guest_id).where(CheckInRow.method == "walkin",
                                             CheckInRow.event_day > day)


def _registered(session: Session, day: dt.date) -> tuple[Counter[str], Counter[str]]:
    """Guests registered as of the day: walk-ins of later days are not there yet."""
    by_category: Counter[str] = Counter()
    by_attendance: Counter[str] = Counter()
    stmt = select(GuestRow.category, GuestRow.attendance, func.count()).where(
        GuestRow.id.not_in(_later_walk_ins(day))).group_by(GuestRow.category,
                                                          GuestRow.attendance)
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


def _missing(session: Session, day: dt.date, admitted: set[str], event: Event,
             categories: set[str] | None = None) -> list[MissingGuest]:
    """On-site guests not admitted yet: VIP categories first (officials, academicians...)."""
    order = {c.code: (not c.is_vip, c.sort_order) for c in event.categories}
    stmt = select(GuestRow.id, GuestRow.badge_code, GuestRow.name, GuestRow.organization,
                  GuestRow.title, GuestRow.category, GuestRow.mobile, GuestRow.email,
                  GuestRow.name_pinyin).where(GuestRow.attendance == "onsite",
                                              GuestRow.id.not_in(_later_walk_ins(day)))
    if categories is not None:
        stmt = stmt.where(GuestRow.category.in_(categories))
    rows = [r for r in session.execute(stmt) if r[0] not in admitted]
    rows.sort(key=lambda r: (order.get(r[5], (True, 999)), r[8], r[2]))
    return [MissingGuest(*r[1:8]) for r in rows]


def _hours(day_data: _Day, zone: ZoneInfo, window: tuple[dt.datetime, dt.datetime]
           ) -> dict[str, int]:
    """Admissions per local hour ("09": n)."""
    first, last = (w.astimezone(zone).utcoffset() for w in window)
    texts = [r.at for r in day_data.admissions]
    if first == last and first is not None and all(isinstance(t, str) for t in texts):
        # One offset all day (no clock change): read the hour off the stored text.
        shift = int(first.total_seconds()) // 60
        hours = Counter((int(t[11:13]) * 60 + int(t[14:16]) + shift) // 60 % 24 for t in texts)
    else:
        hours = Counter(_utc(t).astimezone(zone).hour for t in texts)
    return {f"{h:02d}": n for h, n in sorted(hours.items())}


def _tally(values: Any) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def daily_report(db: Database, day: dt.date, *, now: dt.datetime | None = None,
                 lists: bool = False) -> DailyReport:
    """All the figures of one event day; with `lists`, also every row the files need."""
    event = get_event(db)
    start, end = _local_window(event, day)
    vip = {c.code for c in event.categories if c.is_vip}
    with db.read() as session:
        by_category, by_attendance = _registered(session, day)
        data = _read_day(session, day)
        today = data.guest_ids
        vip_today = {g for g in today if data.category_of.get(g) in vip}
        walk_in_stmt = select(func.count(func.distinct(CheckInRow.guest_id))).where(
            CheckInRow.method == "walkin", CheckInRow.event_day <= day,
            CheckInRow.id.not_in(select(CheckInUndoRow.checkin_id)))
        figures: dict[str, Any] = dict(
            vip_arrived=tuple(_arrivals(session, data, vip_today)),
            vip_missing=tuple(_missing(session, day, today, event, vip)),
            cumulative_walk_ins=_count(session, walk_in_stmt),
            signings=_signings(session, start, end), refused=_refused(session, day),
            undos=_undos(session, day))
        printed, reprinted = _prints(session, start, end)
        if lists:
            arrivals = _arrivals(session, data)
            figures.update(checkins=tuple(arrivals),
                           missing=tuple(_missing(session, day, today, event)),
                           walk_in_list=tuple(a for a in arrivals if a.method == "walkin"))
    admitted_by_category = Counter(data.category_of.get(g, "") for g in today)
    return DailyReport(
        day=day, generated_at=now or dt.datetime.now(dt.UTC), event_name=event.name_zh,
        timezone=event.timezone, registered=sum(by_category.values()),
        registered_by_attendance=dict(by_attendance), admitted=len(today),
        first_arrivals=len(today - data.earlier),
        walk_ins=sum(r.method == "walkin" for r in data.admissions),
        by_category=tuple(CategoryFigures(c.code, c.name_zh, c.name_en, c.is_vip,
                                          by_category[c.code], admitted_by_category[c.code])
                          for c in event.categories),
        by_hour=_hours(data, ZoneInfo(event.timezone), (start, end - dt.timedelta(seconds=1))),
        by_desk=_tally(r.desk for r in data.admissions),
        by_operator=_tally(r.operator for r in data.admissions),
        badges_printed=printed, badges_reprinted=reprinted,
        cumulative_admitted=len(today | data.earlier), **figures)
