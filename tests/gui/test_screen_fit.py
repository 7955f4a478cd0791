"""The window fits a 1024 x 700 screen: every page and the status bar, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.ui import i18n, working_day
from wimc_desktop.ui.main_window import PAGES, MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.screen_fit import FRAME_ROOM
from wimc_desktop.ui.worker import Worker

SMALL_SCREEN = QSize(1024, 700)


@pytest.mark.usefixtures("desk_look")
@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
@pytest.mark.parametrize("today", [dt.date(2026, 6, 1), dt.date(2020, 11, 27)],
                         ids=["no-event-day", "event-day"])
def test_the_window_fits_a_1024_by_700_screen(qtbot: QtBot, worker: Worker, event_db: Database,
                                              monkeypatch: pytest.MonkeyPatch, language: str,
                                              today: dt.date) -> None:
    """The minimum size (what the layouts need at the least) leaves room for a window
    frame, a title bar and a taskbar, with the longest status bar: a day outside the
    event, the live counts, a long desk and operator, a long event file path."""
    monkeypatch.setattr(working_day, "event_today", lambda _event: today)
    i18n.apply_language(language)
    add_guests(event_db, 30)
    window = MainWindow(worker, describe(event_db))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.guests_page.model.guests_loaded):
        window.show()
    window.status.show_desk(Desk("北馆2号签到台（贵宾通道）", "Alexandra Konstantinopoulou"))
    window.status.show_counts(123_456, 250_000)
    window.status.show_guest_count(250_000)
    qtbot.wait(50)  # the status bar lays its fields out again on a posted LayoutRequest
    room = SMALL_SCREEN - FRAME_ROOM
    for name in PAGES:
        window.select_page(name)
        qtbot.wait(10)
        hint = window.minimumSizeHint()
        assert hint.width() <= room.width(), (name, hint)
        assert hint.height() <= room.height(), (name, hint)
    qtbot.waitUntil(lambda: worker.pending == 0)
