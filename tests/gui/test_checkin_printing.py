"""Print at check-in: off, first admission of the event only, or every admission."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.gui.gui_helpers import EVENT_DAY, add_guests
from tests.gui.test_checkin_page import WAIT, scan
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import BadgePrintRow
from wimc_desktop.domain.badges import PrintAtCheckIn
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.worker import Worker


@pytest.fixture
def window(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[MainWindow]:
    add_guests(event_db, 10)
    win = MainWindow(worker, describe(event_db))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.checkin_page.counts_refreshed, timeout=WAIT):
        win.checkin_page.choose_day(EVENT_DAY)
    qtbot.waitUntil(lambda: worker.pending == 0)
    yield win


@pytest.fixture
def printed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    sent: list[str] = []
    monkeypatch.setattr(window.checkin_printer, "_send_to_printer",
                        lambda faces: sent.extend(f.code for f in faces))
    return sent


def choose(window: MainWindow, setting: PrintAtCheckIn) -> None:
    action = next(a for a in window._print_group.actions() if a.data() == setting.value)
    action.trigger()
    assert window.checkin_printer.setting is setting


def prints_logged(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(BadgePrintRow)).scalar_one())


def test_off_prints_nothing(qtbot: QtBot, window: MainWindow, printed: list[str],
                            worker: Worker, event_db: Database) -> None:
    choose(window, PrintAtCheckIn.OFF)
    scan(qtbot, window.checkin_page, "T-000001")
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert printed == [] and prints_logged(event_db) == 0


def test_first_admission_prints_once_per_event(qtbot: QtBot, window: MainWindow,
                                               printed: list[str], worker: Worker,
                                               event_db: Database) -> None:
    choose(window, PrintAtCheckIn.FIRST_ADMISSION)
    page = window.checkin_page
    with qtbot.waitSignal(window.checkin_printer.badge_sent, timeout=WAIT):
        scan(qtbot, page, "T-000002")
    scan(qtbot, page, "T-000002")  # a duplicate scan never prints
    with qtbot.waitSignal(page.counts_refreshed, timeout=WAIT):
        page.choose_day(EVENT_DAY + dt.timedelta(days=1))
    scan(qtbot, page, "T-000002")  # the next day: admitted, but not the first admission
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert printed == ["T-000002"] and prints_logged(event_db) == 1


def test_every_admission_prints_each_day(qtbot: QtBot, window: MainWindow, printed: list[str],
                                         worker: Worker, event_db: Database) -> None:
    choose(window, PrintAtCheckIn.ALWAYS)
    page = window.checkin_page
    with qtbot.waitSignal(window.checkin_printer.badge_sent, timeout=WAIT):
        scan(qtbot, page, "T-000003")
    with qtbot.waitSignal(page.counts_refreshed, timeout=WAIT):
        page.choose_day(EVENT_DAY + dt.timedelta(days=1))
    with qtbot.waitSignal(window.checkin_printer.badge_sent, timeout=WAIT):
        scan(qtbot, page, "T-000003")
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert printed == ["T-000003", "T-000003"] and prints_logged(event_db) == 2
