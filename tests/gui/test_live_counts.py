"""The live counts: one count at a time, nothing lost, the expected count only when needed."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.ui import desk_actions
from wimc_desktop.ui.live_counts import LiveCounts
from wimc_desktop.ui.worker import Worker


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, event_db: Database) -> list[int | None]:
    """The `expected` argument of every count of this test's database (a window left by
    another test may still count its own)."""
    asked: list[int | None] = []
    real = desk_actions.desk_counts

    def counting(db: Database, day: dt.date, expected: int | None = None
                 ) -> desk_actions.DeskCounts:
        if db is event_db:
            asked.append(expected)
        return real(db, day, expected)

    monkeypatch.setattr(desk_actions, "desk_counts", counting)
    return asked


def test_counts_coalesce_and_reuse_the_expected_count(
        qtbot: QtBot, worker: Worker, event_db: Database, calls: list[int | None]) -> None:
    add_guests(event_db, 9)  # 6 on site, 3 online
    counts = LiveCounts(worker)
    counts.start(event_db)
    counts.timer.stop()  # its 10 s tick is fired by hand below: a slow machine may reach it
    with qtbot.waitSignal(counts.counted) as first:
        counts.refresh(EVENT_DAY)
        counts.refresh(EVENT_DAY)  # asked while the first is on its way: once more after it
        counts.refresh(EVENT_DAY)
    assert first.args[0].expected == 6
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert calls == [None, 6]  # the second count reused the expected number
    with qtbot.waitSignal(counts.counted):
        counts.refresh(EVENT_DAY, expected=True)
    assert calls == [None, 6, None]
    with qtbot.waitSignal(counts.counted):
        counts.timer.timeout.emit()
    assert calls[-1] is None  # the timer recounts everything (other desks, imports)
