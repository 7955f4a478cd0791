"""Many desks in the window: the status bar says online / offline since when, the pending
count and the last sync; a desk's duplicate admission is said on the banner; in both
languages."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY
from tests.gui.test_checkin_banner import EARLIER, GUEST, result
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Outcome
from wimc_desktop.services.events import get_event
from wimc_desktop.services.sync.desk import DeskStatus
from wimc_desktop.ui import i18n
from wimc_desktop.ui.checkin_banner import CheckInBanner
from wimc_desktop.ui.event_status_bar import EventStatusBar

# 01:20 / 01:25 UTC: 09:20 / 09:25 in Nanjing
SINCE = dt.datetime(2020, 11, 26, 1, 20, tzinfo=dt.UTC)
LAST = dt.datetime(2020, 11, 26, 1, 25, tzinfo=dt.UTC)


def status(online: bool, pending: int) -> DeskStatus:
    return DeskStatus("postgresql+psycopg://wimc@hub/wimc", "desk 3", online, SINCE, pending,
                      LAST, 0, 0, "" if online else "connection refused")


@pytest.fixture
def bar(qtbot: QtBot, event_db: Database) -> EventStatusBar:
    widget = EventStatusBar()
    qtbot.addWidget(widget)
    widget.show_event(get_event(event_db), "desk.wimc")
    widget.show()
    return widget


def test_the_status_bar_says_online_offline_pending_and_last_sync(qtbot: QtBot,
                                                                 bar: EventStatusBar) -> None:
    assert bar.sync_label.isHidden()  # (not a desk of a hub)
    bar.show_sync(status(True, 0))
    assert bar.sync_label.isVisible()
    assert bar.sync_label.text() == "Hub: online since 09:20 · 0 pending · last sync 09:25"
    bar.show_sync(status(False, 12))
    assert bar.sync_label.text() == "Hub: OFFLINE since 09:20 · 12 pending · last sync 09:25"
    assert "connection refused" in bar.sync_label.toolTip()
    i18n.apply_language(i18n.CHINESE)
    try:
        qtbot.waitUntil(lambda: bar.sync_label.text() ==
                        "中心库：09:20 起离线 · 12 条待上传 · 上次同步 09:25")
    finally:
        i18n.apply_language(i18n.ENGLISH)
    bar.show_sync(None)
    assert bar.sync_label.isHidden()


def test_the_banner_says_this_desks_admission_was_a_duplicate(qtbot: QtBot,
                                                              event_db: Database) -> None:
    banner = CheckInBanner()
    qtbot.addWidget(banner)
    banner.set_event(get_event(event_db))
    banner.show()
    mine = dt.datetime(2020, 11, 26, 1, 14, tzinfo=dt.UTC)
    banner.show_result(result(Outcome.ALREADY_CHECKED_IN, guest=GUEST, first_checkin=EARLIER,
                              duplicate_here_at=mine))
    assert banner.headline.text() == "Already checked in at 09:12 by 3号台 (李明)"
    assert banner.note.text() == ("This desk's admission at 09:14 was a duplicate: the hub "
                                  "kept the earlier one")
    i18n.apply_language(i18n.CHINESE)
    try:
        qtbot.waitUntil(lambda: banner.note.text() ==
                        "本签到台 09:14 的签到为重复签到：中心库保留了更早的一次")
    finally:
        i18n.apply_language(i18n.ENGLISH)
    assert EVENT_DAY.day == 26
