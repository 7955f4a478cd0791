"""Benchmark: a scan at the check-in desk, from the Enter key to the banner on screen.

Run: python3 tests/benchmarks/bench_scan.py [--guests N] [--scans K] [--back-to-back]
Builds a 100,000-guest event (the synthetic GB18030 list of datasets.py, imported with
import_file), opens the real MainWindow (offscreen unless QT_QPA_PLATFORM says
otherwise), and replays K scans of distinct badge codes: the code is typed with QTest
key events, then the clock starts at the Enter key event and stops when the banner has
painted itself showing that code (its paintEvent). Beside it, a floor measured in the
same run on the same database: the bare check_in() service call, K other codes.

By default each scan waits until the worker is idle (a desk scans a guest every second
or two, so the recent list and the counts of the previous scan are done by then);
--back-to-back scans again as soon as the banner is painted.

--hub (many desks, POSIX only; WIMC_TEST_POSTGRES_URL names the hub, emptied first): the guests are
imported into the hub, the desk's file is a copy joined from it, and the window runs the
desk's sync (services.sync.runner.DeskSync, as it does for any desk file) while another
process admits other guests at other desks and pushes them (--traffic admissions a
second), so every scan is pushed and the others' admissions are pulled as the desk
scans. The scans alternate, in blocks of 25, between the sync running, the sync stopped
(its thread ended: checked), and the floor of the machine at that moment: the sync
stopped and the other desks paused too (the hub idle); the same window, the same file,
the same run, one every --pace seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from signal import SIGCONT, SIGSTOP

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.benchmarks.datasets import guest_rows, write_csv  # noqa: E402
from wimc_desktop.domain.checkin import Desk, Outcome  # noqa: E402
from wimc_desktop.services.checkin import check_in  # noqa: E402
from wimc_desktop.services.events import create_event, get_event  # noqa: E402
from wimc_desktop.services.importing import import_file  # noqa: E402
from wimc_desktop.ui import assets  # noqa: E402
from wimc_desktop.ui.main_window import MainWindow  # noqa: E402
from wimc_desktop.ui.opened_event import describe  # noqa: E402
from wimc_desktop.ui.settings import DeskSettings  # noqa: E402
from wimc_desktop.ui.worker import Worker  # noqa: E402

GOAL_MS = 50.0
DESK = Desk("Bench desk", "Bench")


def percentile(times: list[float], p: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(label: str, times_s: list[float], goal: str) -> None:
    ms = [t * 1000 for t in times_s]
    print(f"{label:<44} p50 {statistics.median(ms):6.2f} ms  p99 {percentile(ms, 99):6.2f} ms"
          f"  max {max(ms):6.2f} ms  (n={len(ms)})  goal: {goal}")


def build_event(folder: Path, guests: int):  # type: ignore[no-untyped-def]
    import datetime as dt

    db = create_event(folder / "bench.wimc", name_zh="扫码基准", name_en="Scan benchmark",
                      start=dt.date(2020, 11, 26), end=dt.date(2020, 11, 28))
    started = time.perf_counter()
    report = import_file(db, write_csv(folder / "guests.csv", guest_rows(guests)))
    print(f"{report.added:,} guests imported in {time.perf_counter() - started:.1f} s")
    return db


def run_until(done, *wakers, timeout_s: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop (as app.exec() would, the GIL free) until done() holds.

    done() is asked again whenever one of the `wakers` signals fires. It may hold when a
    waker fires and no longer when the loop returns (the window's change poll, a timer,
    came in the same pass): then the loop runs on, until the deadline.
    """
    loop = QEventLoop()

    def check(*_args: object) -> None:
        if done():
            loop.quit()

    for signal in wakers:
        signal.connect(check)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(timeout_s * 1000))
    while not done() and deadline.isActive():
        loop.exec()
    deadline.stop()
    for signal in wakers:
        signal.disconnect(check)
    if not done():
        raise TimeoutError("the desk did not answer in time")


class Stopwatch:
    """Stops when the banner paints itself showing the code being timed."""

    def __init__(self, window: MainWindow) -> None:
        self.banner = window.checkin_page.banner
        self.code = ""
        self.answered_at = 0.0
        self.painted_at = 0.0
        self.banner.painted.connect(self._on_banner_painted)
        window.checkin_page.outcome_shown.connect(self._on_page_outcome_shown)

    def arm(self, code: str) -> None:
        self.code, self.answered_at, self.painted_at = code, 0.0, 0.0

    def _shows_code(self) -> bool:
        result = self.banner.result
        return result is not None and result.code == self.code

    def _on_page_outcome_shown(self, _result: object) -> None:
        if self._shows_code() and not self.answered_at:
            self.answered_at = time.perf_counter()

    def _on_banner_painted(self) -> None:
        if self._shows_code() and not self.painted_at:
            self.painted_at = time.perf_counter()


def wait(seconds: float) -> None:
    """Run the event loop for that long (timers, the sync's status, the change feed)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def replay_scans(worker: Worker, window: MainWindow, codes: list[str],
                 back_to_back: bool, pace: float = 0.0) -> tuple[list[float], list[float]]:
    page, watch = window.checkin_page, Stopwatch(window)
    to_paint, to_answer = [], []
    for code in codes:
        if pace:
            wait(pace)
        if not back_to_back:
            run_until(lambda: worker.pending == 0, worker.went_idle)
        QTest.keyClicks(page.scan_field, code)
        watch.arm(code)
        start = time.perf_counter()
        QTest.keyClick(page.scan_field, Qt.Key.Key_Return)
        run_until(lambda: bool(watch.painted_at), watch.banner.painted)
        result = page.banner.result
        assert result is not None and result.outcome == Outcome.ADMITTED, result
        assert page.scan_field.text() == "" and page.scan_field.hasFocus()
        to_paint.append(watch.painted_at - start)
        to_answer.append(watch.answered_at - start)
    return to_paint, to_answer


def floor_service(db, codes: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    event = get_event(db)
    day = event.start_date
    times = []
    for code in codes:
        start = time.perf_counter()
        result = check_in(db, code, day=day, desk=DESK, event=event)
        times.append(time.perf_counter() - start)
        assert result.outcome == Outcome.ADMITTED
    return times


def open_window(worker: Worker, db) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(worker, describe(db))
    window.resize(1360, 780)
    window.show()
    window.activateWindow()
    window.checkin_page.choose_day(window.opened.event.start_date)
    run_until(lambda: worker.pending == 0, worker.went_idle)
    assert window.checkin_page.scan_field.hasFocus()
    return window


def traffic(desk_path: str, rate: float, codes: list[str]) -> None:
    """Other desks' admissions (one process for all: a desk's file, its own name per
    admission's desk), each pushed at once, `rate` a second until killed."""
    from wimc_desktop.services.events import open_event_database
    from wimc_desktop.services.sync.connect import hub_engine
    from wimc_desktop.services.sync.desk import push_batch, sync_state

    db = open_event_database(desk_path)
    event = get_event(db)
    hub = hub_engine(sync_state(db).hub_url)
    for i, code in enumerate(codes):
        started = time.perf_counter()
        check_in(db, code, day=event.start_date, desk=Desk(f"desk {i % 19 + 2}", "op"),
                 event=event)
        push_batch(db, hub)
        time.sleep(max(0.0, 1 / rate - (time.perf_counter() - started)))


def hub_desk(folder: Path, guests: int, url: str) -> tuple[Path, Path]:
    """A hub of that many guests, and two desks joined from it (this one, the others')."""
    import datetime as dt

    from sqlalchemy import make_url

    from tests.conftest import reset_postgres
    from wimc_desktop.services.sync.desk import join

    parsed = make_url(url)
    if parsed.password:
        os.environ["PGPASSWORD"] = parsed.password
    plain = parsed.set(password=None).render_as_string(hide_password=False)
    reset_postgres(url)
    hub = create_event(url, name_zh="扫码基准", name_en="Scan benchmark",
                       start=dt.date(2020, 11, 26), end=dt.date(2020, 11, 28))
    started = time.perf_counter()
    report = import_file(hub, write_csv(folder / "guests.csv", guest_rows(guests)))
    hub.dispose()
    print(f"{report.added:,} guests imported into the hub in "
          f"{time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    join(folder / "desk.wimc", plain, DESK.name)
    join(folder / "others.wimc", plain, "others")
    print(f"two desks joined in {time.perf_counter() - started:.1f} s")
    return folder / "desk.wimc", folder / "others.wimc"


def desk_settings(app: QApplication, folder: Path) -> None:
    """The benchmark desk's own settings (in `folder`, not the user's) and the desk's look."""
    QCoreApplication.setOrganizationName("WIMC Desk Benchmark")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    settings = DeskSettings()
    settings.desk_name, settings.desk_operator = DESK.name, DESK.operator
    assets.apply_look(app)


BLOCKS = ("running", "stopped", "floor")  # --hub: the kinds of block, in turn


def stop_sync(window: MainWindow) -> None:
    """The desk's sync stopped, and its thread ended before any scan is timed."""
    sync = window.desk_sync.running
    window.desk_sync.stop()
    if sync is not None and not sync.wait(30):
        raise TimeoutError("the desk's sync did not end")
    assert not [t for t in threading.enumerate() if t.name == "desk-sync"]


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--traffic":
        traffic(sys.argv[2], float(sys.argv[3]), sys.argv[4:])
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--guests", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--back-to-back", action="store_true")
    parser.add_argument("--hub", action="store_true",
                        help="a desk of a PostgreSQL hub (WIMC_TEST_POSTGRES_URL), its sync "
                             "running, beside the same scans with the sync stopped")
    parser.add_argument("--traffic", type=float, default=10.0,
                        help="--hub: other desks' admissions a second")
    parser.add_argument("--pace", type=float, default=0.5,
                        help="--hub: seconds between two scans")
    args = parser.parse_args()
    if args.hub:
        return main_hub(args)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        desk_settings(app, folder)
        db = build_event(folder, args.guests)
        codes = [f"B{i:07d}" for i in range(0, args.guests, max(1, args.guests //
                                                                 (2 * args.scans + 20)))]
        warm, gui_codes, floor_codes = codes[:10], codes[10:10 + args.scans], codes[
            10 + args.scans:10 + 2 * args.scans]
        worker = Worker()
        window = open_window(worker, db)
        replay_scans(worker, window, warm, args.back_to_back)
        to_paint, to_answer = replay_scans(worker, window, gui_codes, args.back_to_back)
        # The floor with the window closed: open, it hears each admission through the change
        # feed and refreshes its lists on the worker beside the next call (no bare call then).
        window.close()
        run_until(lambda: worker.pending == 0, worker.went_idle)
        floor = floor_service(db, floor_codes)
        pace = "back to back" if args.back_to_back else "one at a time"
        print(f"{args.scans} scans of distinct codes, {pace}, QT_QPA_PLATFORM="
              f"{os.environ['QT_QPA_PLATFORM']}")
        line("Enter -> banner painted (the desk)", to_paint, f"<= {GOAL_MS:.0f} ms p99")
        line("  of which Enter -> result on GUI thread", to_answer, "-")
        line("  floor: bare check_in() on the same db", floor, "-")
        ratio = statistics.median(to_paint) / statistics.median(floor)
        print(f"{'ratio desk / floor (p50)':<44} {ratio:.2f}x")
        worker.shutdown()
        db.dispose()
    return 0


def main_hub(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import open_event_database

    url = os.environ.get("WIMC_TEST_POSTGRES_URL", "")
    if not url:
        print("--hub: WIMC_TEST_POSTGRES_URL is not set", file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        desk_settings(app, folder)
        mine, others = hub_desk(folder, args.guests, url)
        codes = [f"B{i:07d}" for i in range(args.guests)]
        wanted = len(BLOCKS) * args.scans
        step = max(1, args.guests // 2 // (wanted + 20))
        scans = codes[0:args.guests // 2:step][:wanted + 10]
        warm, measured = scans[:10], scans[10:10 + wanted]
        db = open_event_database(mine)
        worker = Worker()
        window = open_window(worker, db)
        status: list[object] = []
        window.desk_sync.status_changed.connect(status.append)
        wait(2.0)  # (the sync's first round: connected, listening)
        load = subprocess.Popen([sys.executable, __file__, "--traffic", str(others),
                                 str(args.traffic), *codes[args.guests // 2:]])
        times: dict[str, list[float]] = {kind: [] for kind in BLOCKS}
        try:
            replay_scans(worker, window, warm, False, args.pace)
            for block in range(0, len(measured), 25 * len(BLOCKS)):
                for n, kind in enumerate(BLOCKS):
                    part = measured[block + 25 * n:block + 25 * (n + 1)]
                    if kind == "running":
                        load.send_signal(SIGCONT)
                        window.desk_sync.set_database(db)
                        wait(1.0)  # (its first round done, its LISTEN open)
                    else:
                        stop_sync(window)
                    if kind == "floor":
                        load.send_signal(SIGSTOP)
                    times[kind] += replay_scans(worker, window, part, False, args.pace)[0]
            load.send_signal(SIGCONT)
            window.desk_sync.set_database(db)
            wait(2.0)
        finally:
            load.send_signal(SIGCONT)
            load.terminate()
            load.wait()
        pending = [s.pending for s in status if hasattr(s, "pending")]
        window.close()
        run_until(lambda: worker.pending == 0, worker.went_idle)
        print(f"{sum(map(len, times.values()))} scans of distinct codes on a desk of a "
              f"PostgreSQL hub, one every {args.pace} s, other desks admitting "
              f"{args.traffic:g} guests a second, QT_QPA_PLATFORM="
              f"{os.environ['QT_QPA_PLATFORM']}")
        line("Enter -> banner painted, sync running", times["running"],
             f"<= {GOAL_MS:.0f} ms p99")
        line("Enter -> banner painted, sync stopped", times["stopped"], "-")
        line("  floor: sync stopped, other desks paused", times["floor"], "-")
        for other in ("stopped", "floor"):
            ratio = percentile(times["running"], 99) / percentile(times[other], 99)
            print(f"{f'ratio running / {other} (p99)':<44} {ratio:.2f}x")
        print(f"outbox pending at the end: {pending[-1] if pending else '?'}")
        worker.shutdown()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
