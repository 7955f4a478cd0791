"""Check-in: typed outcomes, once per guest per day, undo rules, walk-ins, many processes."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow, CheckInRow, GuestRow, RevokedBadgeRow
from wimc_desktop.domain.checkin import Desk, Method, Outcome
from wimc_desktop.domain.errors import BadInputError, NotFoundError
from wimc_desktop.services.checkin import (
    admitted_count,
    check_in,
    check_in_guest,
    find_checkin,
    recent_admissions,
    undo_checkin,
)
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.guests import list_guests
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.walkin import register_walk_in

DAY1, DAY2 = dt.date(2020, 11, 26), dt.date(2020, 11, 27)
DESK = Desk("Desk 3", "王芳")
AT_9 = dt.datetime(2020, 11, 26, 1, 12, tzinfo=dt.UTC)  # 09:12 in Nanjing


@pytest.fixture
def guests_db(event_db: Database) -> Database:
    import_records(event_db, [
        {"name": "单田芳", "organization": "南京大学", "title": "教授", "badge_code": "W-001",
         "category": "academician"},
        {"name": "Jürgen Müller", "organization": "Siemens AG", "badge_code": "W-002",
         "attendance": "线上"},
        {"name": "张伟", "organization": "东南大学", "badge_code": "W-003"},
    ], source="test")
    return event_db


def test_a_scan_admits_once_per_day(guests_db: Database) -> None:
    first = check_in(guests_db, "w-001", day=DAY1, desk=DESK, now=AT_9)
    assert first.outcome is Outcome.ADMITTED and first.guest and first.guest.name == "单田芳"
    again = check_in(guests_db, "W-001", day=DAY1, desk=Desk("Desk 5", "李娜"))
    assert again.outcome is Outcome.ALREADY_CHECKED_IN
    assert again.first_checkin is not None
    assert (again.first_checkin.desk, again.first_checkin.operator) == ("Desk 3", "王芳")
    assert again.first_checkin.at == AT_9
    assert check_in(guests_db, "W-001", day=DAY2, desk=DESK).outcome is Outcome.ADMITTED
    assert admitted_count(guests_db, DAY1) == 1


def replace_code(db: Database, old: str, new: str, revoked: bool = True) -> None:
    """Give the holder of `old` the code `new`; `old` revoked (as a reissue leaves it)."""
    with db.write() as session:
        guest = session.execute(select(GuestRow).where(GuestRow.badge_code == old)).scalar_one()
        guest.badge_code = new
        if revoked:
            session.add(RevokedBadgeRow(code=old, guest_id=guest.id, revoked_at=AT_9,
                                        replaced_by=new, reason="lost"))


def test_unknown_revoked_and_not_event_day(guests_db: Database) -> None:
    assert check_in(guests_db, "NOPE-1", day=DAY1, desk=DESK).outcome is Outcome.UNKNOWN_CODE
    replace_code(guests_db, "W-003", "W-003B")
    revoked = check_in(guests_db, "W-003", day=DAY1, desk=DESK)
    assert (revoked.outcome, revoked.replaced_by) == (Outcome.BADGE_REVOKED, "W-003B")
    assert revoked.guest is not None and revoked.guest.name == "张伟"
    outside = check_in(guests_db, "W-003B", day=dt.date(2026, 11, 25), desk=DESK)
    assert outside.outcome is Outcome.NOT_EVENT_DAY
    with guests_db.read() as session:
        refused = session.execute(select(func.count()).select_from(AuditRow).where(
            AuditRow.action.like("refused:%"))).scalar_one()
    assert refused == 3


def test_a_code_typed_without_the_event_prefix(guests_db: Database) -> None:
    """A clerk types the code printed under the QR code without 'WIMC-' and presses
    Enter before any search answer: the guest is admitted, not 'unknown'."""
    replace_code(guests_db, "W-002", "WIMC-K7QM3XA", revoked=False)
    replace_code(guests_db, "WIMC-K7QM3XA", "WIMC-K7QM3XC")
    found = check_in(guests_db, "k7qm3xc", day=DAY1, desk=DESK)
    assert found.outcome is Outcome.ADMITTED and found.code == "WIMC-K7QM3XC"
    assert find_checkin(guests_db, "K7QM3XC", DAY1).desk == "Desk 3"
    revoked = check_in(guests_db, "K7QM3XA", day=DAY1, desk=DESK)
    assert (revoked.outcome, revoked.code, revoked.replaced_by) == (
        Outcome.BADGE_REVOKED, "WIMC-K7QM3XA", "WIMC-K7QM3XC")
    assert check_in(guests_db, "K7QM3XB", day=DAY1, desk=DESK).outcome is Outcome.UNKNOWN_CODE
    # A code as typed wins over the prefixed one, even a revoked one; another prefix is
    # never guessed.
    replace_code(guests_db, "W-003", "K7QM3XC", revoked=False)
    replace_code(guests_db, "K7QM3XC", "K7QM3XD")
    typed = check_in(guests_db, "K7QM3XC", day=DAY1, desk=DESK)
    assert (typed.outcome, typed.replaced_by) == (Outcome.BADGE_REVOKED, "K7QM3XD")
    held = check_in(guests_db, "W-001", day=DAY1, desk=DESK)
    assert held.guest is not None and held.guest.name == "单田芳"
    assert check_in(guests_db, "001", day=DAY1, desk=DESK).outcome is Outcome.UNKNOWN_CODE


def test_a_nonce_admits_once(guests_db: Database) -> None:
    first = check_in(guests_db, "W-002", day=DAY1, desk=DESK, nonce="n-1")
    replay = check_in(guests_db, "W-002", day=DAY1, desk=DESK, nonce="n-1")
    assert replay.outcome is Outcome.ADMITTED
    assert first.checkin and replay.checkin and first.checkin.id == replay.checkin.id
    with guests_db.read() as session:
        assert session.execute(select(func.count()).select_from(CheckInRow)).scalar_one() == 1


def test_an_online_guest_who_comes_is_admitted_and_recorded(guests_db: Database) -> None:
    result = check_in(guests_db, "W-002", day=DAY1, desk=DESK)
    assert result.outcome is Outcome.ADMITTED and result.attendance_changed
    assert result.guest is not None and result.guest.attendance.value == "onsite"
    with guests_db.read() as session:
        actions = session.execute(select(AuditRow.action)).scalars().all()
    assert "attendance_changed" in actions


def attendance_of(db: Database, code: str) -> str:
    with db.read() as session:
        return session.execute(select(GuestRow.attendance).where(
            GuestRow.badge_code == code)).scalar_one()


def audit_actions(db: Database) -> list[tuple[str, dict[str, object]]]:
    with db.read() as session:
        rows = session.execute(select(AuditRow).order_by(AuditRow.at)).scalars().all()
        return [(r.action, dict(r.details)) for r in rows if r.action.startswith("attendance")]


def test_undo_puts_an_online_guest_back_online_and_records_it(guests_db: Database) -> None:
    """Seen: Ctrl+Z removed the check-in but left the guest marked on site."""
    made = check_in(guests_db, "W-002", day=DAY1, desk=DESK, now=AT_9)
    assert made.checkin is not None and made.attendance_changed
    assert attendance_of(guests_db, "W-002") == "onsite"
    undo_checkin(guests_db, made.checkin.id, desk=DESK, now=AT_9 + dt.timedelta(seconds=30))
    assert attendance_of(guests_db, "W-002") == "online"
    assert audit_actions(guests_db) == [
        ("attendance_changed", {"before": {"attendance": "online"},
                                "after": {"attendance": "onsite"}, "day": "2020-11-26",
                                "checkin": made.checkin.id}),
        ("attendance_restored", {"before": {"attendance": "onsite"},
                                 "after": {"attendance": "online"}, "day": "2020-11-26",
                                 "checkin": made.checkin.id})]
    again = check_in(guests_db, "W-002", day=DAY1, desk=DESK)  # and she does come after all
    assert again.attendance_changed and attendance_of(guests_db, "W-002") == "onsite"


def test_undo_keeps_on_site_a_guest_who_came_another_day(guests_db: Database) -> None:
    first = check_in(guests_db, "W-002", day=DAY1, desk=DESK, now=AT_9)
    second = check_in(guests_db, "W-002", day=DAY2, desk=DESK, now=AT_9 + dt.timedelta(days=1))
    assert first.checkin is not None and second.checkin is not None
    assert not second.attendance_changed
    undo_checkin(guests_db, first.checkin.id, desk=DESK, reason="scanned on the wrong day",
                 now=AT_9 + dt.timedelta(days=1, minutes=5))
    assert attendance_of(guests_db, "W-002") == "onsite"  # she did come in person
    undo_checkin(guests_db, second.checkin.id, desk=DESK,
                 now=AT_9 + dt.timedelta(days=1, minutes=1))
    assert attendance_of(guests_db, "W-002") == "onsite"  # this admission changed nothing


def test_undo_of_an_on_site_guest_changes_no_attendance(guests_db: Database) -> None:
    made = check_in(guests_db, "W-001", day=DAY1, desk=DESK, now=AT_9)
    assert made.checkin is not None
    undo_checkin(guests_db, made.checkin.id, desk=DESK, now=AT_9 + dt.timedelta(seconds=10))
    assert attendance_of(guests_db, "W-001") == "onsite"
    assert audit_actions(guests_db) == []


def test_undo_by_the_same_operator_within_two_minutes(guests_db: Database) -> None:
    made = check_in(guests_db, "W-001", day=DAY1, desk=DESK, now=AT_9)
    assert made.checkin is not None
    undo_checkin(guests_db, made.checkin.id, desk=DESK, now=AT_9 + dt.timedelta(seconds=90))
    assert admitted_count(guests_db, DAY1) == 0
    again = check_in(guests_db, "W-001", day=DAY1, desk=DESK)
    assert again.outcome is Outcome.ADMITTED
    with pytest.raises(BadInputError, match="already undone"):
        undo_checkin(guests_db, made.checkin.id, desk=DESK, reason="twice")


def test_undo_later_or_by_another_operator_needs_a_reason(guests_db: Database) -> None:
    made = check_in(guests_db, "W-001", day=DAY1, desk=DESK, now=AT_9)
    assert made.checkin is not None
    later = AT_9 + dt.timedelta(minutes=3)
    with pytest.raises(BadInputError, match="reason is required"):
        undo_checkin(guests_db, made.checkin.id, desk=DESK, now=later)
    with pytest.raises(BadInputError, match="reason is required"):
        undo_checkin(guests_db, made.checkin.id, desk=Desk("Desk 3", "李娜"), now=AT_9)
    undo_checkin(guests_db, made.checkin.id, desk=DESK, reason="wrong guest", now=later)
    assert admitted_count(guests_db, DAY1) == 0
    with guests_db.read() as session:  # the admission is still there, only undone
        assert session.execute(select(func.count()).select_from(CheckInRow)).scalar_one() == 1


def test_find_checkin_by_code(guests_db: Database) -> None:
    check_in(guests_db, "W-001", day=DAY1, desk=DESK)
    assert find_checkin(guests_db, "W-001", DAY1).desk == "Desk 3"
    with pytest.raises(NotFoundError):
        find_checkin(guests_db, "W-001", DAY2)


def test_manual_admission_and_recent_list(guests_db: Database) -> None:
    zhang = next(g for g in list_guests(guests_db) if g.name == "张伟")
    result = check_in_guest(guests_db, zhang.id, day=DAY1, desk=DESK)
    assert result.outcome is Outcome.ADMITTED and result.checkin
    assert result.checkin.method == Method.MANUAL.value
    check_in(guests_db, "W-001", day=DAY1, desk=Desk("Desk 9", "x"))
    assert [r.guest.name for r in recent_admissions(guests_db, DAY1, desk="Desk 3")
            if r.guest] == ["张伟"]
    assert len(recent_admissions(guests_db, DAY1)) == 2


def test_walk_in_gets_a_code_and_is_admitted(guests_db: Database) -> None:
    result = register_walk_in(guests_db, name="刘洋", organization="南京钢铁集团",
                              mobile="138 0013 8000", category="媒体", day=DAY1, desk=DESK)
    assert result.outcome is Outcome.ADMITTED and result.guest is not None
    assert result.guest.badge_code.startswith("WIMC-") and result.guest.source == "walk-in"
    assert (result.guest.mobile, result.guest.category) == ("13800138000", "media")
    assert result.checkin is not None and result.checkin.method == "walkin"
    assert check_in(guests_db, result.code, day=DAY1, desk=DESK).outcome is \
        Outcome.ALREADY_CHECKED_IN
    with pytest.raises(BadInputError, match="mobile"):
        register_walk_in(guests_db, name="x", mobile="123", day=DAY1, desk=DESK)
    with pytest.raises(BadInputError, match="name"):
        register_walk_in(guests_db, name=" ", day=DAY1, desk=DESK)


def _desk_process(path: str, codes: list[str], desk: str, queue: multiprocessing.Queue) -> None:
    db = open_event_database(path)
    outcomes: dict[str, int] = {}
    errors = 0
    for code in codes:
        try:
            result = check_in(db, code, day=DAY1, desk=Desk(desk, desk))
            outcomes[result.outcome.value] = outcomes.get(result.outcome.value, 0) + 1
        except Exception:
            errors += 1
    queue.put((outcomes, errors))


def test_four_desks_on_one_file_admit_each_guest_once(sqlite_db: Database,
                                                       tmp_path: Path) -> None:
    codes = [f"G-{i:04d}" for i in range(300)]
    import_records(sqlite_db, [{"name": f"嘉宾{i}", "badge_code": c}
                               for i, c in enumerate(codes)], source="test")
    path = sqlite_db.url.split(":///", 1)[1]
    sqlite_db.dispose()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_desk_process,
                         args=(path, codes if i % 2 == 0 else codes[::-1], f"D{i}", queue))
             for i in range(4)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    admitted = sum(r[0].get("admitted", 0) for r in results)
    duplicates = sum(r[0].get("already_checked_in", 0) for r in results)
    assert (admitted, duplicates, sum(r[1] for r in results)) == (300, 900, 0)
    db = open_event_database(path)
    with db.read() as session:
        per_guest = session.execute(select(CheckInRow.guest_id, func.count()).group_by(
            CheckInRow.guest_id)).all()
    assert len(per_guest) == 300 and all(n == 1 for _, n in per_guest)


def test_concurrent_desks_admit_each_guest_once(event_db: Database) -> None:
    """Four desks (threads, own connections) over the same 60 guests, on both databases."""
    from concurrent.futures import ThreadPoolExecutor

    codes = [f"C-{i:03d}" for i in range(60)]
    import_records(event_db, [{"name": f"嘉宾{i}", "badge_code": c}
                              for i, c in enumerate(codes)], source="test")

    def desk(n: int) -> list[str]:
        order = codes if n % 2 == 0 else codes[::-1]
        return [check_in(event_db, c, day=DAY1, desk=Desk(f"D{n}", f"op{n}")).outcome.value
                for c in order]

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = [o for result in pool.map(desk, range(4)) for o in result]
    assert (outcomes.count("admitted"), outcomes.count("already_checked_in")) == (60, 180)
    with event_db.read() as session:
        per_guest = session.execute(select(CheckInRow.guest_id, func.count()).group_by(
            CheckInRow.guest_id)).all()
    assert len(per_guest) == 60 and all(n == 1 for _, n in per_guest)
