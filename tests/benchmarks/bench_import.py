"""Benchmark: importing 100,000-row guest lists (CSV and XLSX), beside floors measured now.

Run: python3 tests/benchmarks/bench_import.py [--rows N] [--repeat K]
Prints the median time of each import end to end (decode, map, validate, derive search
keys, write, index, commit) and its ratio to the plainest way of doing the unavoidable
part in the same run: a raw sqlite3 executemany of the very same rows, and calamine's
bare read of the same workbook.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)

from tests.benchmarks.datasets import guest_rows, write_csv, write_xlsx  # noqa: E402
from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT  # noqa: E402
from wimc_desktop.services.events import create_event, get_event  # noqa: E402
from wimc_desktop.services.importing import _convert as convert_batch  # noqa: E402
from wimc_desktop.services.importing import import_file, resolve_mapping  # noqa: E402
from wimc_desktop.services.importing.readers import read_table  # noqa: E402
from wimc_desktop.services.importing.writer import COLUMNS, _rows, json_object  # noqa: E402


def new_event(folder: Path, name: str):  # type: ignore[no-untyped-def]
    return create_event(folder / name, name_zh="基准", start=dt.date(2020, 11, 26),
                        end=dt.date(2020, 11, 28))


def time_import(folder: Path, source: Path, repeat: int) -> tuple[list[float], list[float]]:
    """End-to-end times, and for each the part spent on the search index after the guests
    are committed: the import's second transaction (copying in the index built beside the
    guests' write, or indexing in place)."""
    import wimc_desktop.services.importing as importing

    originals = {"sync_search_index": importing.sync_search_index,
                 "_copied": importing._copied}
    spent: list[float] = []

    def timed(name: str) -> Any:
        def call(*args: Any) -> Any:
            begin = time.perf_counter()
            try:
                return originals[name](*args)  # type: ignore[operator]
            finally:
                spent[-1] += time.perf_counter() - begin
        return call

    times, index_times = [], []
    for name in originals:
        setattr(importing, name, timed(name))
    try:
        for i in range(repeat):
            db = new_event(folder, f"{source.name}-{i}.wimc")
            spent.append(0.0)
            start = time.perf_counter()
            report = import_file(db, source)
            times.append(time.perf_counter() - start)
            index_times.append(spent[-1])
            assert report.added > 0 and not report.errors
            db.dispose()
    finally:
        for name, function in originals.items():
            setattr(importing, name, function)
    return times, index_times


def floor_executemany(folder: Path, source: Path, repeat: int) -> list[float]:
    """The same rows, already prepared, written with one raw executemany and committed."""
    db = new_event(folder, "rows.wimc")
    table = read_table(source)
    mapping = resolve_mapping(table.headers, None, table.file)
    batch, _ = convert_batch(table, mapping, get_event(db))
    db.dispose()
    rows = _rows(batch, "bench", None, list(map(json_object, batch.extra)),
                 dt.datetime.now(dt.UTC).strftime(SQLITE_DATETIME_FORMAT))
    sql = f"INSERT INTO guest ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    times = []
    for i in range(repeat):
        empty = new_event(folder, f"floor-{i}.wimc")
        path = empty.url.split(":///", 1)[1]
        empty.dispose()
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
        conn.close()
    return times


def floor_calamine(source: Path, repeat: int) -> list[float]:
    from python_calamine import CalamineWorkbook

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()
        times.append(time.perf_counter() - start)
    return times


def line(label: str, times: list[float], floor: list[float] | None, goal: str) -> None:
    med = statistics.median(times)
    text = f"{label:<34} median {med:6.3f} s  (min {min(times):.3f}, max {max(times):.3f})"
    if floor:
        fmed = statistics.median(floor)
        text += f"  floor {fmed:.3f} s  ratio {med / fmed:4.2f}x"
    print(f"{text}  goal: {goal}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = guest_rows(args.rows)
        csv_file = write_csv(folder / "guests.csv", rows)
        xlsx_file = write_xlsx(folder / "guests.xlsx", rows)
        print(f"{args.rows:,} guests, {args.repeat} runs each")
        csv_times, csv_index = time_import(folder, csv_file, args.repeat)
        floor = floor_executemany(folder, csv_file, args.repeat)
        line("import CSV (GB18030)", csv_times, floor, "<= 2 s, ratio < 4x")
        committed = [t - i for t, i in zip(csv_times, csv_index, strict=True)]
        line("  of which guests committed", committed, floor, "-")
        line("  of which search index after it", csv_index, None, "-")
        line("  floor: raw executemany, same rows", floor, None, "-")
        xlsx_times, xlsx_index = time_import(folder, xlsx_file, args.repeat)
        cal = floor_calamine(xlsx_file, args.repeat)
        line("import XLSX", xlsx_times, cal, "<= 4 s")
        committed = [t - i for t, i in zip(xlsx_times, xlsx_index, strict=True)]
        line("  of which guests committed", committed, None, "-")
        line("  of which search index after it", xlsx_index, None, "-")
        line("  floor: calamine read only", cal, None, "-")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
