"""The daily report's figures on an event with known check-ins over two days, three desks."""

from __future__ import annotations

import datetime as dt

import pytest

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import BadgePrintRow, SigningRow
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.checkin import check_in, find_checkin, undo_checkin
from wimc_desktop.services.guests import list_guests
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.reports import daily_report
from wimc_desktop.services.walkin import register_walk_in

DAY1, DAY2 = dt.date(2020, 11, 26), dt.date(2020, 11, 27)
D1, D2, D3 = Desk("Desk 1", "王芳"), Desk("Desk 2", "李娜"), Desk("Desk 3", "张伟")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local (Nanjing, UTC+8) time as UTC."""
    return dt.datetime(day.year, day.month, day.day, hour, minute,
                       tzinfo=dt.timezone(dt.timedelta(hours=8))).astimezone(dt.UTC)


@pytest.fixture
def report_db(event_db: Database) -> Database:
    people = [("院士甲", "academician", "线下"), ("院士乙", "academician", "线下"),
              ("领导甲", "official", "线下"), ("专家甲", "expert", "线上"),
              ("观众甲", "visitor", "线下"), ("观众乙", "visitor", "线下"),
              ("观众丙", "visitor", "线下"), ("媒体甲", "media", "线下")]
    import_records(event_db, [{"name": n, "category": c, "attendance": a,
                               "badge_code": f"R-{i}", "mobile": f"1380000000{i}"}
                              for i, (n, c, a) in enumerate(people)], source="test")
    # Day 1: four admissions on three desks, one refused duplicate, one unknown code.
    check_in(event_db, "R-0", day=DAY1, desk=D1, now=at(DAY1, 8, 30))
    check_in(event_db, "R-4", day=DAY1, desk=D1, now=at(DAY1, 8, 45))
    check_in(event_db, "R-5", day=DAY1, desk=D2, now=at(DAY1, 9, 10))
    check_in(event_db, "R-3", day=DAY1, desk=D3, now=at(DAY1, 10, 5))  # online expert came
    check_in(event_db, "R-0", day=DAY1, desk=D2, now=at(DAY1, 10, 6))  # duplicate
    check_in(event_db, "NOPE", day=DAY1, desk=D3, now=at(DAY1, 10, 7))
    # Day 2: R-0 returns, R-6 first arrives then is undone, R-2 and a walk-in arrive.
    check_in(event_db, "R-0", day=DAY2, desk=D1, now=at(DAY2, 9, 0))
    check_in(event_db, "R-6", day=DAY2, desk=D2, now=at(DAY2, 9, 5))
    undo_checkin(event_db, find_checkin(event_db, "R-6", DAY2).id, desk=D2,
                 now=at(DAY2, 9, 6))
    check_in(event_db, "R-2", day=DAY2, desk=D3, now=at(DAY2, 11, 30))
    register_walk_in(event_db, name="刘洋", organization="新华社", category="media", day=DAY2,
                     desk=D3, now=at(DAY2, 11, 45))
    guests = {g.badge_code: g.id for g in list_guests(event_db)}
    with event_db.write() as session:
        for code, when in (("R-0", at(DAY1, 7)), ("R-0", at(DAY2, 8)), ("R-1", at(DAY2, 8))):
            session.add(BadgePrintRow(id=f"p-{code}-{when.hour}", guest_id=guests[code],
                                      badge_code=code, printed_at=when, desk="Desk 1",
                                      operator="王芳", template="hanging", output="pdf"))
        for n, (when, fen, status) in enumerate(((at(DAY1, 16), 100_00, "signed"),
                                                 (at(DAY2, 15), 250_000_000_00, "signed"),
                                                 (at(DAY2, 15), 999_00, "cancelled"))):
            session.add(SigningRow(id=f"s-{n}", project_zh=f"项目{n}", amount_fen=fen,
                                   currency="CNY", signed_at=when, status=status,
                                   recorded_at=when, updated_at=when))
    return event_db


def test_day_one(report_db: Database) -> None:
    report = daily_report(report_db, DAY1, lists=True)
    assert (report.registered, report.admitted, report.first_arrivals, report.walk_ins,
            report.undos) == (8, 4, 4, 0, 0)
    assert report.refused == {"already_checked_in": 1, "unknown_code": 1}
    assert report.by_hour == {"08": 2, "09": 1, "10": 1}
    assert report.by_desk == {"Desk 1": 2, "Desk 2": 1, "Desk 3": 1}
    assert report.by_operator == {"王芳": 2, "李娜": 1, "张伟": 1}
    cats = {c.code: (c.registered, c.admitted) for c in report.by_category}
    assert cats["academician"] == (2, 1) and cats["visitor"] == (3, 2)
    assert cats["expert"] == (1, 1) and cats["official"] == (1, 0)
    assert [a.name for a in report.vip_arrived] == ["院士甲", "专家甲"]
    assert [m.name for m in report.vip_missing] == ["领导甲", "院士乙"]  # officials first
    assert (report.badges_printed, report.badges_reprinted) == (1, 0)
    assert (report.signings.count, report.signings.total_fen) == (1, 10_000)
    assert report.cumulative_admitted == 4


def test_day_two_counts_returning_guests_walk_ins_undos(report_db: Database) -> None:
    report = daily_report(report_db, DAY2, lists=True)
    assert (report.registered, report.admitted, report.first_arrivals, report.returning,
            report.walk_ins, report.undos) == (9, 3, 2, 1, 1, 1)
    assert report.by_hour == {"09": 1, "11": 2}
    assert (report.badges_printed, report.badges_reprinted) == (2, 1)
    assert (report.signings.count, report.signings.total_fen) == (1, 25_000_000_000)
    assert (report.signings.running_count, report.signings.running_total_fen) == (
        2, 25_000_010_000)
    assert (report.cumulative_admitted, report.cumulative_walk_ins) == (6, 1)
    assert [w.name for w in report.walk_in_list] == ["刘洋"]
    data = report.as_json()
    assert data["by_category"]["media"] == {"name_zh": "媒体", "name_en": "Media",
                                            "registered": 2, "admitted": 1}
    assert data["signings"] == {"count": 1, "total_fen": 25_000_000_000, "running_count": 2,
                                "running_total_fen": 25_000_010_000}


def test_figures_do_not_depend_on_the_lists(report_db: Database) -> None:
    for day in (DAY1, DAY2):
        full = daily_report(report_db, day, lists=True).as_json()
        quick = daily_report(report_db, day).as_json()
        full.pop("generated_at"), quick.pop("generated_at")
        assert quick == full
    assert daily_report(report_db, DAY2).checkins == ()
