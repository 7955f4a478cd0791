"""Badges: lookup, revoked codes, reissue, print counting, batch selection (SQLite and PG)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
from sqlalchemy import func, select

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow, BadgePrintRow, RevokedBadgeRow
from wimc_desktop.domain import badge_codes
from wimc_desktop.domain.badges import (
    CARD,
    HANGING,
    BadgeStatus,
    PrintAtCheckIn,
    PrintOutput,
    badge_face,
    event_dates_text,
    sheet_slots,
    should_print_at_checkin,
)
from wimc_desktop.domain.checkin import CheckInResult, Desk, Outcome
from wimc_desktop.domain.errors import BadInputError, NotFoundError
from wimc_desktop.services import badges
from wimc_desktop.services.badges import (
    ReprintNeedsReasonError,
    RevokedCodeError,
    badge_info,
    is_first_admission,
    print_status,
    record_prints,
    reissue_badge,
    select_guests_for_badges,
)
from wimc_desktop.services.checkin import check_in, undo_checkin
from wimc_desktop.services.events import get_event
from wimc_desktop.services.importing import import_records

DAY1, DAY2 = dt.date(2020, 11, 26), dt.date(2020, 11, 27)
DESK = Desk("Desk 3", "王芳")
AT_9 = dt.datetime(2020, 11, 26, 1, 12, tzinfo=dt.UTC)  # 09:12 in Nanjing


@pytest.fixture
def guests_db(event_db: Database) -> Database:
    import_records(event_db, [
        {"name": "单田芳", "name_en": "Shan Tianfang", "organization": "南京大学",
         "title": "中国工程院院士", "badge_code": "W-001", "category": "academician"},
        {"name": "Jürgen Müller", "name_en": "Jürgen Müller", "organization": "Siemens AG",
         "badge_code": "W-002", "category": "expert", "attendance": "线上"},
        {"name": "阿卜杜拉·买买提", "organization": "新疆大学", "badge_code": "W-003",
         "category": "company_rep"},
        {"name": "张伟", "organization": "东南大学", "badge_code": "W-004", "category": "visitor"},
    ], source="test")
    return event_db


def ids(db: Database, *codes: str) -> list[str]:
    return [badge_info(db, c, day=DAY1).guest.id for c in codes]


def test_lookup_gives_the_card_data(guests_db: Database) -> None:
    info = badge_info(guests_db, " w-001 ", day=DAY1)
    assert (info.code, info.status, info.replaced_by) == ("W-001", BadgeStatus.ACTIVE, None)
    assert info.guest.name == "单田芳" and info.guest.title == "中国工程院院士"
    assert info.category is not None and info.category.color == "#6A1B9A"
    assert info.category.is_vip and info.guest.attendance.value == "onsite"
    assert (info.prints.count, info.prints.last, info.checkin) == (0, None, None)
    check_in(guests_db, "W-001", day=DAY1, desk=DESK, now=AT_9)
    info = badge_info(guests_db, "W-001", day=DAY1)
    assert info.checkin is not None and (info.checkin.desk, info.checkin.at) == ("Desk 3", AT_9)
    assert badge_info(guests_db, "W-001", day=DAY2).checkin is None
    assert info.as_json()["status"] == "active"
    assert set(info.as_json()) == {"guest", "status", "replaced_by", "print_count",
                                   "last_printed_at", "day", "checked_in"}
    assert (info.as_json()["day"], info.as_json()["checked_in"]) == ("2020-11-26", True)
    assert badge_info(guests_db, "W-001", day=DAY2).as_json()["checked_in"] is False
    with pytest.raises(NotFoundError, match="unknown badge code NOPE"):
        badge_info(guests_db, "nope", day=DAY1)


def test_reissue_revokes_the_old_code_and_keeps_the_checkins(guests_db: Database) -> None:
    check_in(guests_db, "W-003", day=DAY1, desk=DESK, now=AT_9)
    done = reissue_badge(guests_db, "w-003", reason="lost at lunch", desk=DESK,
                         now=AT_9 + dt.timedelta(hours=3))
    assert done.old_code == "W-003" and done.new_code.startswith("WIMC-")
    assert badge_codes.has_valid_check(done.new_code, "WIMC")
    assert done.as_json() == {"old_code": "W-003", "new_code": done.new_code}
    old = badge_info(guests_db, "W-003", day=DAY1)
    assert (old.status, old.replaced_by, old.current_code) == (
        BadgeStatus.REVOKED, done.new_code, done.new_code)
    assert old.revocation is not None and old.revocation.reason == "lost at lunch"
    assert old.checkin is not None  # the guest's check-in, whatever code they hold
    refused = check_in(guests_db, "W-003", day=DAY2, desk=DESK)
    assert (refused.outcome, refused.replaced_by) == (Outcome.BADGE_REVOKED, done.new_code)
    again = check_in(guests_db, done.new_code, day=DAY1, desk=DESK)
    assert again.outcome is Outcome.ALREADY_CHECKED_IN  # the morning's admission is kept
    assert check_in(guests_db, done.new_code, day=DAY2, desk=DESK).outcome is Outcome.ADMITTED
    with guests_db.read() as session:
        row = session.get_one(RevokedBadgeRow, "W-003")
        assert (row.replaced_by, row.desk, row.operator) == (done.new_code, "Desk 3", "王芳")
        audit = session.execute(select(AuditRow).where(
            AuditRow.action == "badge_reissued")).scalar_one()
        assert audit.details == {"before": {"badge_code": "W-003"},
                                 "after": {"badge_code": done.new_code}}
        assert audit.reason == "lost at lunch"


def test_lookup_of_a_code_typed_without_the_event_prefix(guests_db: Database) -> None:
    first = reissue_badge(guests_db, "W-004", reason="lost", desk=DESK, now=AT_9).new_code
    second = reissue_badge(guests_db, first, reason="lost again", desk=DESK, now=AT_9).new_code
    info = badge_info(guests_db, second.removeprefix("WIMC-").lower(), day=DAY1)
    assert (info.code, info.status, info.guest.name) == (second, BadgeStatus.ACTIVE, "张伟")
    old = badge_info(guests_db, first.removeprefix("WIMC-"), day=DAY1)
    assert (old.code, old.status, old.replaced_by) == (first, BadgeStatus.REVOKED, second)
    with pytest.raises(NotFoundError, match="unknown badge code 004"):
        badge_info(guests_db, "004", day=DAY1)  # another prefix is never guessed


def test_reissuing_a_revoked_code_names_the_current_one(guests_db: Database) -> None:
    first = reissue_badge(guests_db, "W-004", reason="lost", desk=DESK)
    second = reissue_badge(guests_db, first.new_code, reason="lost again", desk=DESK)
    with pytest.raises(RevokedCodeError, match=f"current badge is {second.new_code}") as exc:
        reissue_badge(guests_db, "W-004", reason="lost", desk=DESK)
    assert exc.value.exit_code == 2
    assert badge_info(guests_db, "W-004", day=DAY1).replaced_by == second.new_code
    with pytest.raises(NotFoundError):
        reissue_badge(guests_db, "NOPE-1", reason="lost", desk=DESK)
    with pytest.raises(BadInputError, match="reason"):
        reissue_badge(guests_db, second.new_code, reason="  ", desk=DESK)


def test_a_new_code_never_reuses_a_current_or_revoked_one(guests_db: Database,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    def drawing(*values: int) -> None:  # new_code draws these digits, then 2s forever
        draws = itertools.chain(*([v] * 6 for v in values), itertools.repeat(len(values)))
        monkeypatch.setattr(badges, "new_code", functools.partial(
            badge_codes.new_code, randbelow=lambda n: next(draws)))

    def code(digit: str) -> str:
        return f"WIMC-{digit * 6}{badge_codes.check_char(digit * 6)}"

    drawing()
    first = reissue_badge(guests_db, "W-001", reason="lost", desk=DESK)
    assert first.new_code == code("2")
    drawing(0)  # 222222 is the guest's current code: the next draw is taken
    second = reissue_badge(guests_db, first.new_code, reason="lost", desk=DESK)
    assert second.new_code == code("3")
    drawing(0, 1)  # 222222 is revoked now, 333333 current: both are skipped
    third = reissue_badge(guests_db, second.new_code, reason="lost", desk=DESK)
    assert third.new_code == code("4")


def test_prints_are_counted_and_a_reprint_needs_a_reason(guests_db: Database) -> None:
    guest_ids = ids(guests_db, "W-001", "W-002")
    before = record_prints(guests_db, guest_ids, DESK, "hanging", PrintOutput.PRINTER,
                           now=AT_9)
    assert [s.count for s in before] == [0, 0]
    status = print_status(guests_db, guest_ids)
    assert status[guest_ids[0]].count == 1 and status[guest_ids[0]].is_reprint
    with pytest.raises(ReprintNeedsReasonError, match="W-001, W-002"):
        record_prints(guests_db, guest_ids, DESK, "card", PrintOutput.PDF)
    record_prints(guests_db, guest_ids[:1], Desk("Desk 5", "李娜"), "card", PrintOutput.PDF,
                  reason="ink smudged", now=AT_9 + dt.timedelta(minutes=30))
    status = print_status(guests_db, guest_ids)[guest_ids[0]]
    assert status.count == 2 and status.last is not None
    assert (status.last.desk, status.last.operator, status.last.template,
            status.last.output, status.last.reason) == ("Desk 5", "李娜", "card", "pdf",
                                                         "ink smudged")
    assert status.describe("Asia/Shanghai") == \
        "already printed 2 times, last at 09:42 by desk Desk 5"
    info = badge_info(guests_db, "W-001", day=DAY1)
    assert info.as_json()["print_count"] == 2
    assert info.as_json()["last_printed_at"] == "2020-11-26T01:42:00+00:00"
    with guests_db.read() as session:
        assert session.execute(select(func.count()).select_from(BadgePrintRow)).scalar() == 3
    new = reissue_badge(guests_db, "W-001", reason="lost", desk=DESK)
    assert badge_info(guests_db, new.new_code, day=DAY1).prints.count == 0  # a new badge
    assert badge_info(guests_db, "W-001", day=DAY1).prints.count == 2  # the old one's log
    with pytest.raises(BadInputError, match="template"):
        record_prints(guests_db, guest_ids, DESK, "poster", PrintOutput.PDF, reason="x")
    with pytest.raises(NotFoundError):
        record_prints(guests_db, ["no-such-id"], DESK, "card", PrintOutput.PDF)


def test_selecting_guests_for_a_batch(guests_db: Database) -> None:
    pick = select_guests_for_badges
    assert [g.badge_code for g in pick(guests_db, codes=["w-004", "W-001", "W-004"])] == [
        "W-004", "W-001"]
    assert [g.name for g in pick(guests_db, category="院士")] == ["单田芳"]
    assert [g.badge_code for g in pick(guests_db, category="academician")] == ["W-001"]
    assert [g.badge_code for g in pick(guests_db, vip=True)] == ["W-001", "W-002", "W-003"]
    assert len(pick(guests_db)) == 4
    record_prints(guests_db, ids(guests_db, "W-001", "W-004"), DESK, "card", PrintOutput.PDF)
    assert [g.badge_code for g in pick(guests_db, not_printed=True)] == ["W-002", "W-003"]
    assert [g.badge_code for g in pick(guests_db, vip=True, not_printed=True)] == [
        "W-002", "W-003"]
    with pytest.raises(BadInputError, match="unknown category"):
        pick(guests_db, category="astronaut")
    with pytest.raises(NotFoundError, match="NOPE"):
        pick(guests_db, codes=["W-001", "NOPE"])
    new = reissue_badge(guests_db, "W-002", reason="lost", desk=DESK)
    with pytest.raises(RevokedCodeError, match=new.new_code):
        pick(guests_db, codes=["W-002"])
    assert [g.badge_code for g in pick(guests_db, not_printed=True)] == [new.new_code, "W-003"]


def test_print_at_checkin_setting(guests_db: Database) -> None:
    day1 = check_in(guests_db, "W-001", day=DAY1, desk=DESK, now=AT_9)
    repeat = check_in(guests_db, "W-001", day=DAY1, desk=DESK)
    day2 = check_in(guests_db, "W-001", day=DAY2, desk=DESK)
    revoked = CheckInResult(Outcome.BADGE_REVOKED, "X", DAY1)
    assert is_first_admission(guests_db, day1) and not is_first_admission(guests_db, day2)
    assert not is_first_admission(guests_db, repeat)

    def prints(setting: PrintAtCheckIn, result: CheckInResult) -> bool:
        return should_print_at_checkin(setting, result,
                                       first_of_event=is_first_admission(guests_db, result))

    assert [prints(PrintAtCheckIn.FIRST_ADMISSION, r) for r in (day1, repeat, day2)] == [
        True, False, False]
    assert [prints(PrintAtCheckIn.ALWAYS, r) for r in (day1, repeat, day2, revoked)] == [
        True, False, True, False]
    assert not any(prints(PrintAtCheckIn.OFF, r) for r in (day1, day2))
    assert day1.checkin is not None
    undo_checkin(guests_db, day1.checkin.id, desk=DESK, reason="wrong guest")
    assert is_first_admission(guests_db, day2)  # the undone day-1 admission does not count


def test_the_badge_face_and_the_sheets(guests_db: Database) -> None:
    event = get_event(guests_db)
    guests = {g.badge_code: g for g in select_guests_for_badges(guests_db)}
    face = badge_face(event, guests["W-001"])
    assert (face.name, face.name_en, face.category_name, face.category_color, face.code) == (
        "单田芳", "Shan Tianfang", "院士 ACADEMICIAN", "#6A1B9A", "W-001")
    assert face.event_dates == "2020年11月26日—28日"
    assert badge_face(event, guests["W-002"]).name_en == ""  # not the name twice
    assert event_dates_text(dt.date(2020, 11, 30), dt.date(2020, 12, 1)) == \
        "2020年11月30日—12月1日"
    assert event_dates_text(dt.date(2020, 11, 30), dt.date(2020, 11, 30)) == "2020年11月30日"
    assert len(sheet_slots(HANGING)) == 4 and len(sheet_slots(CARD)) == 10
    for slot in sheet_slots(CARD):
        assert slot.x >= 5 and slot.x + slot.w <= 205 and 5 <= slot.y <= 297 - 5 - slot.h
