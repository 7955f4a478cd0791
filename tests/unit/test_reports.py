"""The daily report's figures on an event with known check-ins over two days, three desks."""

from __future__ import annotations

import pytest

from tests.unit.test_report_exports import DAY1, DAY2, build_report_event
from wimc_desktop.db.engine import Database
from wimc_desktop.services.reports import daily_report


@pytest.fixture
def report_db(event_db: Database) -> Database:
    """8 guests, check-ins on two days at three desks, prints and signings."""
    return build_report_event(event_db)


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
    # Day one is the first: its figures so far are its own.
    assert (report.cumulative_undos, report.cumulative_refused) == (0, report.refused)
    assert (report.cumulative_badges_printed, report.cumulative_badges_reprinted) == (1, 0)
    assert report.cumulative_vip_arrived == 2
    assert all(c.admitted_so_far == c.admitted for c in report.by_category)


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
    assert report.cumulative_undos == 1
    assert report.cumulative_refused == {"already_checked_in": 1, "unknown_code": 1}
    assert (report.cumulative_badges_printed, report.cumulative_badges_reprinted) == (3, 1)
    assert report.cumulative_vip_arrived == 3  # the academician, the expert, the official
    so_far = {c.code: c.admitted_so_far for c in report.by_category if c.admitted_so_far}
    assert so_far == {"official": 1, "academician": 1, "expert": 1, "media": 1, "visitor": 2}
    assert sum(so_far.values()) == report.cumulative_admitted
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
