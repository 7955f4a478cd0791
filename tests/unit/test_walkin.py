"""Walk-ins never duplicate a guest on the list: same name (or pinyin) and a shared detail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow, GuestRow
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.walkin import (
    PossibleDuplicateError,
    find_possible_duplicates,
    register_walk_in,
)

DAY1 = dt.date(2020, 11, 26)
DESK = Desk("Desk 3", "王芳")


@pytest.fixture
def guests_db(event_db: Database) -> Database:
    import_records(event_db, [
        {"name": "张伟", "organization": "东南大学", "mobile": "13800138000",
         "email": "zhang.wei@seu.edu.cn", "badge_code": "W-001"},
        {"name": "张伟", "organization": "南京大学", "mobile": "13900139000",
         "badge_code": "W-002"},
        {"name": "李娜", "organization": "东南大学", "badge_code": "W-003"},
    ], source="test")
    return event_db


def _guest_count(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(GuestRow)).scalar_one())


@pytest.mark.parametrize(("name", "details", "codes", "matched"), [
    ("张伟", {"mobile": "138 0013 8000"}, ["W-001"], ("mobile",)),
    ("章伟", {"mobile": "+86 13800138000"}, ["W-001"], ("mobile",)),  # the same pinyin
    ("Zhang Wei", {"email": "Zhang.Wei@SEU.edu.cn"}, ["W-001"], ("email",)),
    ("ZhangWei", {"email": "zhang.wei@seu.edu.cn"}, ["W-001"], ("email",)),
    ("Li Na", {"organization": "东南大学"}, ["W-003"], ("organization",)),
    ("张伟", {"organization": " 南京大学 "}, ["W-002"], ("organization",)),
    ("张薇", {"organization": "东南大学"}, ["W-001"], ("organization",)),  # zhang wei too
    ("张 伟", {"organization": "东南大学", "mobile": "13800138000"}, ["W-001"],
     ("mobile", "organization")),
])
def test_a_walk_in_like_a_listed_guest_is_refused(guests_db: Database, name: str,
                                                   details: dict[str, str], codes: list[str],
                                                   matched: tuple[str, ...]) -> None:
    before = _guest_count(guests_db)
    with pytest.raises(PossibleDuplicateError) as caught:
        register_walk_in(guests_db, name=name, day=DAY1, desk=DESK, **details)
    assert caught.value.exit_code == 2
    assert [m.guest.badge_code for m in caught.value.matches] == codes
    assert caught.value.matches[0].matched_on == matched
    assert _guest_count(guests_db) == before  # nothing written
    found = find_possible_duplicates(guests_db, name=name, day=DAY1, **details)
    assert [m.guest.badge_code for m in found] == codes


@pytest.mark.parametrize(("name", "details", "codes"), [
    # Found by hand: the given name first, as a Chinese guest writes it in English, and
    # the English name a guest is listed with, were a new guest with the same mobile.
    ("Wei Zhang", {"mobile": "13800138000"}, ["W-001"]),
    ("WEI ZHANG", {"email": "zhang.wei@seu.edu.cn"}, ["W-001"]),
    ("Haotao Cai", {"organization": "东南大学"}, ["W-005"]),
    ("Abdulla Mamat", {"mobile": "13600136000"}, ["W-004"]),
    ("Mamat Abdulla", {"mobile": "13600136000"}, ["W-004"]),
    ("abdulla  mamat", {"organization": "新疆大学"}, ["W-004"]),
    ("Smith John", {"mobile": "13500135000"}, ["W-006"]),
    ("史密斯", {"mobile": "13500135000"}, ["W-006"]),
])
def test_a_walk_in_named_in_another_order_or_in_english_is_found(
        guests_db: Database, name: str, details: dict[str, str], codes: list[str]) -> None:
    import_records(guests_db, [
        {"name": "阿卜杜拉·买买提", "name_en": "Abdulla Mamat", "organization": "新疆大学",
         "mobile": "13600136000", "badge_code": "W-004"},
        {"name": "蔡浩涛", "organization": "东南大学", "badge_code": "W-005"},
        {"name": "John Smith", "name_en": "史密斯", "mobile": "13500135000",
         "badge_code": "W-006"},
    ], source="test")
    before = _guest_count(guests_db)
    with pytest.raises(PossibleDuplicateError) as caught:
        register_walk_in(guests_db, name=name, day=DAY1, desk=DESK, **details)
    assert [m.guest.badge_code for m in caught.value.matches] == codes
    assert _guest_count(guests_db) == before


@pytest.mark.parametrize(("name", "details"), [
    ("张伟", {}),  # the same name alone is common: not a match
    ("张伟", {"mobile": "13700137000", "organization": "东南大学集团"}),
    ("李娜", {"mobile": "13800138000"}),  # someone else's mobile, another name
    ("王伟", {"organization": "东南大学"}),
])
def test_a_walk_in_unlike_any_guest_is_registered(guests_db: Database, name: str,
                                                   details: dict[str, str]) -> None:
    result = register_walk_in(guests_db, name=name, day=DAY1, desk=DESK, **details)
    assert result.outcome is Outcome.ADMITTED and result.guest is not None
    assert result.guest.source == "walk-in"


def test_force_registers_anyway_and_is_recorded(guests_db: Database) -> None:
    check_in(guests_db, "W-001", day=DAY1, desk=DESK)
    found = find_possible_duplicates(guests_db, name="张伟", mobile="13800138000", day=DAY1)
    assert [(m.guest.badge_code, m.checked_in) for m in found] == [("W-001", True)]
    result = register_walk_in(guests_db, name="张伟", mobile="13800138000", day=DAY1,
                              desk=DESK, force=True)
    assert result.outcome is Outcome.ADMITTED and result.guest is not None
    with guests_db.read() as session:
        audit = session.execute(select(AuditRow).where(
            AuditRow.action == "walk_in_despite_duplicate")).scalar_one()
        assert audit.guest_id == result.guest.id
        assert audit.details["possible_duplicates"] == "W-001"
        assert (audit.desk, audit.operator) == ("Desk 3", "王芳")


def test_an_unforced_walk_in_without_a_match_records_no_override(guests_db: Database) -> None:
    register_walk_in(guests_db, name="刘洋", mobile="13600136000", day=DAY1, desk=DESK)
    with guests_db.read() as session:
        assert session.execute(select(func.count()).select_from(AuditRow).where(
            AuditRow.action == "walk_in_despite_duplicate")).scalar_one() == 0


def test_matches_are_masked_for_output(guests_db: Database) -> None:
    found = find_possible_duplicates(guests_db, name="张伟", email="zhang.wei@seu.edu.cn",
                                     day=DAY1)
    data = found[0].as_json()
    assert data["mobile"] == "138****8000" and data["email"] == "z***@seu.edu.cn"
    assert data["badge_code"] == "W-001" and data["checked_in"] is False
    assert data["matched"] == ["email"]


@pytest.mark.parametrize("field", ["name", "organization", "title", "email"])
def test_an_over_long_walk_in_field_is_refused_before_anything_is_written(
        guests_db: Database, field: str) -> None:
    # Found by hand: on PostgreSQL a 300-character name or organization ended in a
    # StringDataRightTruncation traceback (exit 1); SQLite stored it as it came.
    values = {"name": "Ann Lee", "organization": "ACME", "title": "CEO",
              "email": "ann@example.com"}
    values[field] = ("x" * 290 + "@example.com") if field == "email" else "长" * 201
    before = _guest_count(guests_db)
    with pytest.raises(BadInputError, match="too long") as caught:
        register_walk_in(guests_db, day=DAY1, desk=DESK, **values)
    assert caught.value.exit_code == 2
    assert _guest_count(guests_db) == before
    values[field] = values[field][:200] if field != "email" else "ann@example.com"
    assert register_walk_in(guests_db, day=DAY1, desk=DESK, **values).outcome is Outcome.ADMITTED

