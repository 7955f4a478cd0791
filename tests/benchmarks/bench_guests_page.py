"""Benchmark: the Guests page opening on 100,000 guests, and the memory it holds.

Run: python3 tests/benchmarks/bench_guests_page.py [--guests N] [--repeat K]
Each run is a fresh process (so memory is its own): it opens the real main window
offscreen on the event and measures the time until the Guests page holds every row and
has painted the first screen of names, then scrolls through the whole list and reads
the peak resident memory. The floor, measured in the same run, is the bare service
work the page cannot avoid: listing the sorted ids and fetching the first page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(folder: Path, guests: int) -> Path:
    import datetime as dt

    from tests.benchmarks.datasets import guest_rows, write_csv
    from wimc_desktop.services.events import create_event
    from wimc_desktop.services.importing import import_file

    path = folder / "page.wimc"
    db = create_event(path, name_zh="基准", start=dt.date(2020, 11, 26),
                      end=dt.date(2020, 11, 28))
    import_file(db, write_csv(folder / "guests.csv", guest_rows(guests)))
    db.dispose()
    return path


def measure_open(path: str) -> dict[str, float]:
    """In this process: open the window, wait for the first painted screen, scroll all."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from wimc_desktop.services.guests import guest_ids, guests_by_ids
    from wimc_desktop.ui.main_window import MainWindow
    from wimc_desktop.ui.opened_event import open_event
    from wimc_desktop.ui.settings import DeskSettings
    from wimc_desktop.ui.worker import Worker

    app = QApplication([])
    # Settings of its own, with a desk set up: no first-start dialog waits for a person
    # (on a machine where the app has never run, it would block the benchmark).
    QCoreApplication.setOrganizationName("WIMC Desk Benchmark")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(Path(path).parent / "settings"))
    settings = DeskSettings()
    settings.desk_name, settings.desk_operator = "Desk 1", "benchmark"
    start = time.perf_counter()
    worker = Worker()
    window = MainWindow(worker, open_event(path))
    window.show()
    model = window.guests_page.model
    view = window.guests_page.view
    # Wait as the real event loop does (sleeping until an event comes): spinning
    # processEvents() here would hold the GIL against the worker thread.
    while model.rowCount() == 0 or model.guest_at(max(view.rowAt(0), 0)) is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    view.viewport().repaint()
    opened = time.perf_counter() - start
    rss_open = peak_rss_mb()
    for row in range(0, model.rowCount(), 2000):  # scroll through the whole list
        view.scrollTo(model.index(row, 0))
        view.viewport().repaint()
        while model.guest_at(row) is None:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    rss_scrolled = peak_rss_mb()
    db = window.opened.db
    begin = time.perf_counter()
    ids = guest_ids(db)
    guests_by_ids(db, ids[:100])
    floor = time.perf_counter() - begin
    worker.shutdown()
    return {"open_s": opened, "floor_s": floor, "rows": model.rowCount(),
            "rss_open_mb": rss_open, "rss_scrolled_mb": rss_scrolled}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--guests", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_open(args.measure)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp), args.guests)
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, __file__, "--measure", str(path)],
                                 capture_output=True, text=True, check=True, cwd=ROOT)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"{int(med['rows']):,} guests, {args.repeat} fresh processes")
    print(f"Guests page open (window shown -> first screen painted): median "
          f"{med['open_s']:.3f} s; floor (sorted ids + first page, bare service) "
          f"{med['floor_s']:.3f} s; ratio {med['open_s'] / med['floor_s']:.2f}x; goal < 1 s")
    print(f"peak RSS after opening {med['rss_open_mb']:.0f} MB, after scrolling through "
          f"every row {med['rss_scrolled_mb']:.0f} MB; goal < 300 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
