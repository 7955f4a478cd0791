"""The working day: a rehearsal day chosen on a day outside the event survives a restart."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from wimc_desktop.db.engine import Database
from wimc_desktop.services.events import get_event
from wimc_desktop.ui import working_day
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

OUTSIDE = dt.date(2026, 6, 1)
SECOND_DAY = dt.date(2020, 11, 27)


def open_window(qtbot: QtBot, worker: Worker, db: Database,
                monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window as at a fresh start of the app (nothing remembered in memory)."""
    monkeypatch.setattr(working_day, "_session_days", {})
    window = MainWindow(worker, describe(db))
    qtbot.addWidget(window)
    window.show()
    return window


def pick(window: MainWindow, day: dt.date) -> None:
    combo = window.checkin_page.day_chooser.combo
    index = combo.findData(day.isoformat())
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_rehearsal_day_is_taken_up_again_after_a_restart(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(working_day, "event_today", lambda _event: OUTSIDE)
    first = open_window(qtbot, worker, event_db, monkeypatch)
    assert first.checkin_page.day == OUTSIDE
    pick(first, SECOND_DAY)
    assert first.checkin_page.day == SECOND_DAY
    first.close()
    again = open_window(qtbot, worker, event_db, monkeypatch)
    assert again.checkin_page.day == SECOND_DAY
    assert again.checkin_page.day_chooser.notice.text() == (
        "Rehearsal: check-ins are recorded for 27 Nov 2020, not for today (1 Jun 2026).")
    assert again.status.day_label.text() == "Working day: 27 Nov 2020"
    assert again.reports_page.day == SECOND_DAY  # the figures of the day worked on
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_going_back_to_today_is_remembered_too(qtbot: QtBot, worker: Worker,
                                               event_db: Database,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(working_day, "event_today", lambda _event: OUTSIDE)
    first = open_window(qtbot, worker, event_db, monkeypatch)
    pick(first, SECOND_DAY)
    pick(first, OUTSIDE)
    first.close()
    assert open_window(qtbot, worker, event_db, monkeypatch).checkin_page.day == OUTSIDE
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_on_a_real_event_day_the_desk_starts_on_today(qtbot: QtBot, worker: Worker,
                                                      event_db: Database,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A rehearsal remembered from before the event never records the event's check-ins."""
    DeskSettings().set_rehearsal_day(get_event(event_db).id, SECOND_DAY)
    monkeypatch.setattr(working_day, "event_today", lambda _event: dt.date(2020, 11, 26))
    window = open_window(qtbot, worker, event_db, monkeypatch)
    assert window.checkin_page.day == dt.date(2020, 11, 26)
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_the_day_is_kept_per_event(qtbot: QtBot, worker: Worker, event_db: Database,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(working_day, "event_today", lambda _event: OUTSIDE)
    DeskSettings().set_rehearsal_day("another-event", SECOND_DAY)
    window = open_window(qtbot, worker, event_db, monkeypatch)
    assert window.checkin_page.day == OUTSIDE
    qtbot.waitUntil(lambda: worker.pending == 0)
