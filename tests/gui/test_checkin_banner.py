"""The outcome banner: every outcome in words, icon and colour, in both languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import CheckInRecord, CheckInResult, Outcome
from wimc_desktop.domain.models import Attendance, Guest
from wimc_desktop.services.events import get_event
from wimc_desktop.ui import assets, i18n
from wimc_desktop.ui.checkin_banner import CheckInBanner

GUEST = Guest(id="g1", name="周济", name_en="Zhou Ji", gender="M", organization="中国工程院",
              title="院士", category="academician", attendance=Attendance.ONSITE, country="",
              mobile="", email="", badge_code="WIMC-ABCDEF2", seat="", dietary="",
              external_id="", notes="",
              source="tests")
# 01:12 UTC is 09:12 in Nanjing (Asia/Shanghai, UTC+8)
EARLIER = CheckInRecord("c1", "g1", EVENT_DAY, dt.datetime(2020, 11, 26, 1, 12, tzinfo=dt.UTC),
                        "3号台", "李明", "scan")


@pytest.fixture
def banner(qtbot: QtBot, event_db: Database) -> CheckInBanner:
    widget = CheckInBanner()
    qtbot.addWidget(widget)
    widget.set_event(get_event(event_db))
    widget.show()
    return widget


def result(outcome: Outcome, **details: object) -> CheckInResult:
    return CheckInResult(outcome, str(details.pop("code", GUEST.badge_code)), EVENT_DAY,
                         **details)  # type: ignore[arg-type]


def test_idle(banner: CheckInBanner) -> None:
    assert banner.tone == "idle"
    assert banner.headline.text() == "Ready — scan a badge or type a name"
    assert banner.name.isHidden() and banner.undo_button.isHidden()


def test_admitted_shows_the_guest_in_large_type(banner: CheckInBanner) -> None:
    record = CheckInRecord("c2", "g1", EVENT_DAY, dt.datetime.now(dt.UTC), "Desk 3", "Li", "scan")
    banner.show_result(result(Outcome.ADMITTED, guest=GUEST, checkin=record))
    assert (banner.tone, banner.headline.text(), banner.name.text()) == (
        "admitted", "Admitted", "周济")
    assert banner.details.text() == "Zhou Ji  ·  中国工程院  ·  院士"
    assert banner.category.text() == "Academician" and banner.vip.text() == "★ VIP"
    assert banner.vip.isVisible() and banner.undo_button.isVisible()


def test_the_desk_style_makes_the_name_large(qapp: QApplication, banner: CheckInBanner) -> None:
    qapp.setStyleSheet(assets.stylesheet())
    try:
        banner.show_result(result(Outcome.ADMITTED, guest=GUEST))
        assert banner.name.font().pointSizeF() >= 36
        assert banner.headline.font().pointSizeF() >= 18
    finally:
        qapp.setStyleSheet("")


def test_already_checked_in_gives_local_time_desk_and_operator(banner: CheckInBanner) -> None:
    banner.show_result(result(Outcome.ALREADY_CHECKED_IN, guest=GUEST, first_checkin=EARLIER))
    assert banner.tone == "already"
    assert banner.headline.text() == "Already checked in at 09:12 by 3号台 (李明)"
    assert banner.undo_button.isHidden()


def test_unknown_and_revoked_codes(banner: CheckInBanner) -> None:
    banner.show_result(result(Outcome.UNKNOWN_CODE, code="WIMC-ZZZZZZZ"))
    assert (banner.tone, banner.headline.text()) == ("refused",
                                                     "Unknown badge code WIMC-ZZZZZZZ")
    banner.show_result(result(Outcome.UNKNOWN_CODE, code="王大锤"))
    assert banner.headline.text() == "No badge code or guest matches “王大锤”"
    banner.show_result(result(Outcome.BADGE_REVOKED, code="WIMC-OLD2345", guest=GUEST,
                              replaced_by="WIMC-ABCDEF2"))
    assert banner.tone == "refused"
    assert banner.headline.text() == "Badge revoked — the current badge is WIMC-ABCDEF2"
    assert banner.name.text() == "周济"


def test_not_an_event_day(banner: CheckInBanner) -> None:
    banner.show_result(CheckInResult(Outcome.NOT_EVENT_DAY, GUEST.badge_code,
                                     dt.date(2026, 6, 1), GUEST))
    assert banner.tone == "info"
    assert banner.headline.text() == ("1 Jun 2026 is not a day of this event — choose the "
                                      "event day")


def test_an_online_guest_turning_up_is_noted(banner: CheckInBanner) -> None:
    banner.show_result(result(Outcome.ADMITTED, guest=GUEST, attendance_changed=True))
    assert banner.note.text() == "Registered online — now counted on site"


def test_the_banner_follows_the_language(qtbot: QtBot, banner: CheckInBanner) -> None:
    banner.show_result(result(Outcome.ALREADY_CHECKED_IN, guest=GUEST, first_checkin=EARLIER))
    i18n.apply_language(i18n.CHINESE)
    qtbot.waitUntil(lambda: banner.headline.text() == "已于 09:12 在 3号台 签到（李明）")
    assert banner.category.text() == "院士"
    assert banner.vip.text() == "★ 贵宾"
    banner.show_result(result(Outcome.ADMITTED, guest=GUEST, attendance_changed=True))
    assert banner.headline.text() == "签到成功"
    assert banner.note.text() == "原为线上参会 — 现计入线下"
    banner.show_result(result(Outcome.UNKNOWN_CODE, code="WIMC-ZZZZZZZ"))
    assert banner.headline.text() == "未知胸卡号 WIMC-ZZZZZZZ"
    banner.show_result(CheckInResult(Outcome.NOT_EVENT_DAY, "X", dt.date(2026, 6, 1)))
    assert banner.headline.text() == "2026年6月1日 不是本次活动的会期，请选择会期中的日期"


def test_a_paint_is_announced(qtbot: QtBot, banner: CheckInBanner) -> None:
    with qtbot.waitSignal(banner.painted):
        banner.show_result(result(Outcome.UNKNOWN_CODE, code="WIMC-ZZZZZZZ"))


def test_a_vip_is_told_their_seat(qtbot: QtBot, banner: CheckInBanner) -> None:
    seated = replace(GUEST, seat="A区 3排 12座")
    banner.show_result(result(Outcome.ADMITTED, guest=seated))
    assert banner.seat.isVisible() and banner.seat.text() == "Seat A区 3排 12座"
    i18n.apply_language(i18n.CHINESE)
    qtbot.waitUntil(lambda: banner.seat.text() == "座位 A区 3排 12座")
    banner.show_result(result(Outcome.ALREADY_CHECKED_IN, guest=seated, first_checkin=EARLIER))
    assert banner.seat.isVisible() and banner.seat.text() == "座位 A区 3排 12座"


def test_no_seat_line_without_a_seat_or_for_other_guests(banner: CheckInBanner) -> None:
    banner.show_result(result(Outcome.ADMITTED, guest=GUEST))  # a VIP without a seat
    assert banner.seat.isHidden()
    visitor = replace(GUEST, category="visitor", seat="C区 9排 1座")
    banner.show_result(result(Outcome.ADMITTED, guest=visitor))
    assert banner.seat.isHidden() and not banner.vip.isVisible()
    banner.show_result(result(Outcome.UNKNOWN_CODE, code="WIMC-ZZZZZZZ"))
    assert banner.seat.isHidden()
