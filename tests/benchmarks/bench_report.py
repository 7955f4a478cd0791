"""Benchmark: the daily report on 100,000 guests and 60,000 check-ins.

Run: python3 tests/benchmarks/bench_report.py [--guests N] [--checkins M] [--repeat K]
Prints the median time of the figures (every number of the day, with the lists the files
need) beside a floor measured in the same run: one raw SQL read of the day's check-ins
joined with their guests, the least any report must do. When the file exports exist it
also times them (XLSX, PDF) and reads the peak memory of each in a fresh process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)

from tests.benchmarks.datasets import guest_rows, write_csv  # noqa: E402
from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT  # noqa: E402
from wimc_desktop.services.events import create_event  # noqa: E402
from wimc_desktop.services.importing import import_file  # noqa: E402
from wimc_desktop.services.reports import daily_report  # noqa: E402

DAY = dt.date(2020, 11, 26)


def build(folder: Path, guests: int, checkins: int) -> Path:
    path = folder / "report.wimc"
    db = create_event(path, name_zh="基准", start=DAY, end=DAY + dt.timedelta(days=2))
    import_file(db, write_csv(folder / "guests.csv", guest_rows(guests)))
    db.dispose()
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM guest")]
    rng = random.Random(3)
    chosen = rng.sample(ids, checkins)
    start = dt.datetime(2020, 11, 26, 0, 30)  # 08:30 in Nanjing
    rows = []
    for n, guest_id in enumerate(chosen):
        at = start + dt.timedelta(seconds=rng.randrange(9 * 3600))
        rows.append((str(uuid.uuid4()), guest_id, DAY.isoformat(), "",
                     at.strftime(SQLITE_DATETIME_FORMAT), f"Desk {n % 12 + 1}",
                     f"operator {n % 30}", "scan", f"B{n:07d}", uuid.uuid4().hex))
    conn.executemany("INSERT INTO checkin (id, guest_id, event_day, session, at, desk, "
                     "operator, method, badge_code, nonce) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    conn.commit()
    conn.close()
    return path


def floor(path: Path) -> float:
    conn = sqlite3.connect(path)
    start = time.perf_counter()
    conn.execute("SELECT c.at, c.desk, c.operator, g.name, g.organization, g.category "
                 "FROM checkin c JOIN guest g ON g.id = c.guest_id "
                 "WHERE c.event_day = ? ORDER BY c.at", (DAY.isoformat(),)).fetchall()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--guests", type=int, default=100_000)
    parser.add_argument("--checkins", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from wimc_desktop.services.events import open_event_database

    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp), args.guests, args.checkins)
        db = open_event_database(path)
        times, floors = [], []
        for _ in range(args.repeat):
            begin = time.perf_counter()
            report = daily_report(db, DAY)
            times.append(time.perf_counter() - begin)
            floors.append(floor(path))
        assert report.admitted == args.checkins
        med, fmed = statistics.median(times), statistics.median(floors)
        print(f"{args.guests:,} guests, {args.checkins:,} check-ins, {args.repeat} runs")
        print(f"figures of the day: median {med:.3f} s (min {min(times):.3f}); floor (raw "
              f"SQL read of the day's check-ins) {fmed:.3f} s; ratio {med / fmed:.2f}x; "
              "goal <= 0.5 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
