"""The change hub in the window: pages refresh from what any page or process changed."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, add_guests
from tests.gui.test_sync_status import status
from wimc_desktop.db.engine import Database, sqlite_path
from wimc_desktop.domain.changes import Change, ChangeKind
from wimc_desktop.ui import ceremony_view, dashboard
from wimc_desktop.ui.change_hub import COALESCE_MS, OTHERS_GAP_MS, ChangeHub
from wimc_desktop.ui.desk_actions import DeskCounts
from wimc_desktop.ui.guest_table_model import COLUMNS
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.worker import Worker

ROOT = Path(__file__).resolve().parents[2]
GUESTS = 10
WAIT = 10_000
FEED_BOUND_MS = 2000  # the desk's promise: another process's change shows within 2 s


@pytest.fixture
def window(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[MainWindow]:
    add_guests(event_db, GUESTS)
    main = MainWindow(worker, describe(event_db))
    qtbot.addWidget(main)
    main.show()
    main.checkin_page.choose_day(EVENT_DAY)
    qtbot.waitUntil(lambda: main.guests_page.model.rowCount() == GUESTS, timeout=WAIT)
    yield main
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=WAIT)


def cli(db: Database, *args: str) -> None:
    """A command of the desk's CLI in a process of its own, on the same event file."""
    path = sqlite_path(db.url)
    assert path is not None
    done = subprocess.run([sys.executable, "-m", "wimc_desktop", "--db", str(path), *args],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def shown_code(window: MainWindow, guest_id: str) -> str | None:
    """The badge code the Guests page shows for a guest (None while not fetched)."""
    model = window.guests_page.model
    row = model._row_of[guest_id]
    if model.guest_at(row) is None:
        return None
    return str(model.index(row, COLUMNS.index("badge_code")).data())


def test_a_reissue_on_the_badges_page_shows_on_the_guests_page_at_once(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.select_page("guests")
    guests = window.guests_page.model
    qtbot.waitUntil(lambda: all(guests.guest_at(r) is not None for r in range(GUESTS)),
                    timeout=WAIT)
    window.select_page("badges")
    page = window.badges_page
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT) as shown:
        qtbot.keyClicks(page.scan_field, "T-000002")
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    guest_id = shown.args[0].guest.id
    assert shown_code(window, guest_id) == "T-000002"  # cached by the Guests page
    monkeypatch.setattr(page, "_ask_reissue_reason", lambda info: "lost")
    with qtbot.waitSignal(page.badge_reissued, timeout=WAIT) as reissued:
        page.reissue_button.click()
    new_code = reissued.args[0].new_code
    window.select_page("guests")
    qtbot.waitUntil(lambda: shown_code(window, guest_id) == new_code, timeout=1000)
    assert "T-000002" not in [guests.index(r, COLUMNS.index("badge_code")).data()
                              for r in range(guests.rowCount())]


def test_a_cli_walk_in_shows_in_the_guests_page_and_the_checkin_search_within_2_s(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    page = window.checkin_page
    with qtbot.waitSignal(page.search_answered, timeout=WAIT):
        page.scan_field.insert("钱多多")  # (typed by an input method: QTest types no Hanzi)
    assert page.results.model.rowCount() == 0
    cli(event_db, "walkin", "--name", "钱多多", "--organization", "南京大学",
        "--day", EVENT_DAY.isoformat())
    qtbot.waitUntil(lambda: page.results.model.rowCount() == 1, timeout=FEED_BOUND_MS)
    found = page.results.model.guest_at(0)
    assert found is not None and found.name == "钱多多"
    qtbot.waitUntil(lambda: window.status.count_label.text() == f"Guests: {GUESTS + 1}",
                    timeout=FEED_BOUND_MS)
    guests = window.guests_page.model
    assert guests.rowCount() == GUESTS  # hidden: listed again when shown, not before
    window.select_page("guests")  # (its rows are fetched as they are painted)
    qtbot.waitUntil(lambda: guests.rowCount() == GUESTS + 1, timeout=FEED_BOUND_MS)
    qtbot.waitUntil(lambda: "钱多多" in {g.name for g in (
        guests.guest_at(r) for r in range(guests.rowCount())) if g is not None}, timeout=WAIT)


def periodic_timers(widget: QObject) -> list[QTimer]:
    """The repeating timers running in a widget (a feed-driven one needs none)."""
    return [t for t in widget.findChildren(QTimer) if t.isActive() and not t.isSingleShot()]


def test_the_status_bar_follows_a_cli_walk_in_with_a_search_typed_on_the_guests_page(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """The status bar's figures come from the feed, not from the page in front: a search
    typed on the Guests page (which shows its matches, not the list) changes nothing."""
    window.select_page("guests")
    page = window.guests_page
    with qtbot.waitSignal(page.model.searched, timeout=WAIT):
        page.search_field.insert("钱")
    assert page.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.status.count_label.text() == f"Guests: {GUESTS}",
                    timeout=WAIT)
    qtbot.waitUntil(lambda: window.status.admitted_label.text() != "", timeout=WAIT)
    admitted = window.status.admitted_label.text()
    assert admitted.startswith("Admitted today: 0 ")
    cli(event_db, "walkin", "--name", "钱多多", "--organization", "南京大学",
        "--day", EVENT_DAY.isoformat())
    qtbot.waitUntil(lambda: window.status.count_label.text() == f"Guests: {GUESTS + 1}",
                    timeout=FEED_BOUND_MS)
    qtbot.waitUntil(lambda: window.status.admitted_label.text().startswith(
        "Admitted today: 1 "), timeout=FEED_BOUND_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=FEED_BOUND_MS)  # its match
    assert page.search_field.text() == "钱"
    assert periodic_timers(window.checkin_page.counts) == []  # (the feed, no timer of its own)


def test_a_checkin_by_another_process_shows_in_the_dashboard_and_the_status_bar(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    window.open_dashboard()
    board = window.dashboard
    assert board is not None
    qtbot.waitUntil(lambda: board.figures is not None, timeout=WAIT)
    assert board.figures is not None and board.figures.admitted == 0
    assert periodic_timers(board) == []  # it reads when the feed says, on no timer
    qtbot.waitUntil(lambda: window.status.admitted_label.text() != "", timeout=WAIT)
    before = window.status.admitted_label.text()
    cli(event_db, "checkin", "T-000004", "--day", EVENT_DAY.isoformat())
    qtbot.waitUntil(lambda: board.figures is not None and board.figures.admitted == 1,
                    timeout=FEED_BOUND_MS)
    qtbot.waitUntil(lambda: window.status.admitted_label.text() != before,
                    timeout=FEED_BOUND_MS)
    board.close()


def test_a_checkin_by_another_process_reaches_the_live_counts_behind_another_page(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    window.select_page("reports")
    counts = window.checkin_page.counts
    qtbot.waitUntil(lambda: window._worker.pending == 0, timeout=WAIT)
    heard: list[DeskCounts] = []
    counts.counted.connect(heard.append)
    cli(event_db, "checkin", "T-000005", "--day", EVENT_DAY.isoformat())
    qtbot.waitUntil(lambda: any(c.admitted == 1 for c in heard), timeout=FEED_BOUND_MS)
    assert heard[-1].guests == GUESTS and heard[-1].day == EVENT_DAY
    assert window.status.admitted_label.text().startswith("Admitted today: 1 ")
    assert periodic_timers(counts) == []


def test_a_signing_by_another_process_reaches_the_stage_screen(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    window.select_page("signings")
    view = window.signings_page.open_ceremony_view()
    assert view is not None
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.state is not None, timeout=WAIT)
    assert view.state is not None and view.state.summary.count == 0
    assert periodic_timers(view) == []
    cli(event_db, "signing", "add", "--project", "智能工厂项目", "--party", "南京市",
        "--party", "某科技公司", "--amount", "5.2亿")
    qtbot.waitUntil(lambda: view.state is not None and view.state.summary.count == 1,
                    timeout=FEED_BOUND_MS)
    assert "1" in view.count.text()
    view.close()


def test_hidden_windows_read_nothing_until_shown(
        qtbot: QtBot, window: MainWindow, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A closed dashboard or stage screen notes a change and reads when shown again."""
    window.open_dashboard()
    board = window.dashboard
    assert board is not None
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.figures is not None, timeout=WAIT)
    view = window.signings_page.open_ceremony_view()
    assert view is not None
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.state is not None, timeout=WAIT)
    board.close()
    view.close()
    qtbot.waitUntil(lambda: window._worker.pending == 0, timeout=WAIT)
    reads: list[str] = []
    real_figures, real_state = dashboard.read_figures, ceremony_view.ceremony_state

    def read_figures(db: Database, day: dt.date) -> dashboard.DashboardFigures:
        reads.append("board")
        return real_figures(db, day)

    def ceremony_state(db: Database) -> ceremony_view.CeremonyState:
        reads.append("stage")
        return real_state(db)

    monkeypatch.setattr(dashboard, "read_figures", read_figures)
    monkeypatch.setattr(ceremony_view, "ceremony_state", ceremony_state)
    window.change_hub.post((Change(ChangeKind.CHECKIN, frozenset({"g"}), EVENT_DAY,
                                   here=False),
                            Change(ChangeKind.SIGNING, here=False)))
    qtbot.wait(500)
    assert reads == []
    window.open_dashboard()
    qtbot.waitUntil(lambda: reads == ["board"], timeout=WAIT)
    window.signings_page.open_ceremony_view()
    qtbot.waitUntil(lambda: sorted(reads) == ["board", "stage"], timeout=WAIT)
    board.close()
    view.close()


def test_the_window_s_status_bar_hears_the_desk_sync(window: MainWindow) -> None:
    """The sync's status reaches the window's status bar (its connection had been left
    unreachable, after a return)."""
    assert window.status.sync_label.isHidden()
    window.desk_sync.status_changed.emit(status(True, 3))
    assert window.status.sync_label.isVisible()
    assert "3 pending" in window.status.sync_label.text()


def test_a_burst_from_elsewhere_is_one_refresh(qtbot: QtBot, worker: Worker,
                                                event_db: Database) -> None:
    hub = ChangeHub.of(worker)
    assert ChangeHub.of(worker) is hub  # one hub for the app
    hub.set_database(event_db)
    batches: list[object] = []
    hub.changed.connect(batches.append)
    for n in range(50):  # 50 scans at another desk, as a poll hands them in
        hub.post((Change(ChangeKind.CHECKIN, frozenset({f"g{n}"}), EVENT_DAY, here=False),))
    qtbot.waitUntil(lambda: len(batches) >= 1, timeout=WAIT)
    qtbot.wait(300)
    assert len(batches) == 1
    (change,) = batches[0]  # type: ignore[misc]
    assert change.kind is ChangeKind.CHECKIN and len(change.ids) == 50
    hub.stop()


def test_a_stream_from_elsewhere_comes_at_most_once_a_gap(qtbot: QtBot, worker: Worker,
                                                         event_db: Database) -> None:
    """A desk of a hub pulls other desks' admissions every 0.3 s: the pages get them at
    most once per OTHERS_GAP_MS (each batch is the lists and counts read again on the
    worker a scan needs), every change in them; a lone change after a quiet spell still
    comes after COALESCE_MS."""
    hub = ChangeHub.of(worker)
    hub.set_database(event_db)
    batches: list[tuple[float, object]] = []
    hub.changed.connect(lambda batch: batches.append((time.monotonic(), batch)))
    posted = QTimer()
    sent: list[float] = []

    def pull() -> None:  # (a pull every 0.3 s, each with one admission)
        sent.append(time.monotonic())
        n = len(sent)
        hub.post((Change(ChangeKind.CHECKIN, frozenset({f"g{n}"}), EVENT_DAY, here=False),))
        if n == 10:
            posted.stop()

    posted.timeout.connect(pull)
    posted.start(300)
    qtbot.waitUntil(lambda: sum(len(next(iter(b)).ids) for _, b in batches) == 10,
                    timeout=WAIT)
    assert batches[0][0] - sent[0] < COALESCE_MS / 1000 + 0.25
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(batches)]
    assert gaps and min(gaps) >= OTHERS_GAP_MS / 1000 - 0.02, gaps
    # (one batch per pull before: 10)
    assert len(batches) <= math.ceil((sent[-1] - sent[0]) / (OTHERS_GAP_MS / 1000)) + 1
    hub.stop()


def test_the_desk_s_own_admission_reaches_the_lists_after_the_banner_painted(
        qtbot: QtBot, worker: Worker, window: MainWindow) -> None:
    """A scan's banner paints before the lists and counts are asked again: the hub gives
    this desk's own change after the answer and its repaint, never before them."""
    page, order = window.checkin_page, []

    def on_banner_painted() -> None:
        if page.banner.result is not None and "painted" not in order:
            order.append("painted")

    page.outcome_shown.connect(lambda _result: order.append("answered"))
    page.banner.painted.connect(on_banner_painted)
    ChangeHub.of(worker).changed.connect(lambda _batch: order.append("changed"))
    qtbot.keyClicks(page.scan_field, "T-000004")
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "changed" in order, timeout=WAIT)
    assert order[:3] == ["answered", "painted", "changed"]
    assert page.banner.result is not None and page.banner.result.code == "T-000004"
