"""The live counts: one count at a time, nothing lost, the list counted only when needed,
and counted again from the change feed."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import Change, ChangeKind
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.walkin import register_walk_in
from wimc_desktop.ui import desk_actions
from wimc_desktop.ui.change_hub import ChangeHub
from wimc_desktop.ui.live_counts import LiveCounts
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.worker import Worker


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, event_db: Database) -> list[tuple[int, int] | None]:
    """The `list_known` argument of every count of this test's database (a window left by
    another test may still count its own)."""
    asked: list[tuple[int, int] | None] = []
    real = desk_actions.desk_counts

    def counting(db: Database, day: dt.date, list_known: tuple[int, int] | None = None
                 ) -> desk_actions.DeskCounts:
        if db is event_db:
            asked.append(list_known)
        return real(db, day, list_known)

    monkeypatch.setattr(desk_actions, "desk_counts", counting)
    return asked


def test_counts_coalesce_and_reuse_the_list_counts(
        qtbot: QtBot, worker: Worker, event_db: Database,
        calls: list[tuple[int, int] | None]) -> None:
    add_guests(event_db, 9)  # 6 on site, 3 online
    counts = LiveCounts(worker)
    counts.start(event_db)
    with qtbot.waitSignal(counts.counted) as first:
        counts.refresh(EVENT_DAY)
        counts.refresh(EVENT_DAY)  # asked while the first is on its way: once more after it
        counts.refresh(EVENT_DAY)
    assert (first.args[0].expected, first.args[0].guests) == (6, 9)
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert calls == [None, (9, 6)]  # the second count reused the list's counts
    with qtbot.waitSignal(counts.counted):
        counts.refresh(EVENT_DAY, expected=True)
    assert calls == [None, (9, 6), None]


def test_counts_follow_the_feed(qtbot: QtBot, worker: Worker, event_db: Database,
                                calls: list[tuple[int, int] | None]) -> None:
    """An admission counts the admitted again; a walk-in (a guest on the list) the list too;
    a signing nothing."""
    add_guests(event_db, 9)
    counts = LiveCounts(worker)
    counts.start(event_db)
    with qtbot.waitSignal(counts.counted):
        counts.refresh(EVENT_DAY)
    with qtbot.waitSignal(counts.counted) as admitted:
        check_in(event_db, "T-000001", day=EVENT_DAY, desk=Desk("Desk 1", "Li"))
    assert admitted.args[0].admitted == 1 and calls[-1] == (9, 6)  # the list's kept
    with qtbot.waitSignal(counts.counted) as walked_in:
        register_walk_in(event_db, name="钱多多", organization="南京大学", day=EVENT_DAY,
                         desk=Desk("Desk 1", "Li"))
    assert calls[-1] is None  # counted again
    assert (walked_in.args[0].guests, walked_in.args[0].admitted) == (10, 2)
    qtbot.waitUntil(lambda: worker.pending == 0)
    asked = len(calls)
    ChangeHub.of(worker).post((Change(ChangeKind.SIGNING, here=False),))
    qtbot.wait(300)
    assert len(calls) == asked
    counts.stop()
    ChangeHub.of(worker).post((Change(ChangeKind.CHECKIN, here=False),))
    qtbot.wait(300)
    assert len(calls) == asked  # stopped: counts nothing


def test_counts_start_from_the_list_counted_at_opening(
        qtbot: QtBot, worker: Worker, event_db: Database,
        calls: list[tuple[int, int] | None]) -> None:
    """Opening an event counts its guests once: the window's first live count reuses the
    counts describe took; a walk-in at another desk between the opening and the window
    still reaches the status bar (the feed's cursor was set before the count)."""
    add_guests(event_db, 9)  # 6 on site, 3 online
    opened = describe(event_db)
    assert (opened.guest_count, opened.expected) == (9, 6)
    other = Database(event_db.url)  # another desk, before the window hears the feed
    try:
        register_walk_in(other, name="钱多多", organization="南京大学", day=EVENT_DAY,
                         desk=Desk("Desk 1", "Li"))
    finally:
        other.dispose()
    window = MainWindow(worker, opened)
    qtbot.addWidget(window)
    assert window.status.count_label.text() == "Guests: 9"  # (as counted at opening)
    qtbot.waitUntil(lambda: window.status.count_label.text() == "Guests: 10", timeout=5000)
    assert calls[0] == (9, 6)  # the first count took the opening's list counts
    assert None in calls  # the walk-in's change counted the list again
    qtbot.waitUntil(lambda: worker.pending == 0)
    window.close()
