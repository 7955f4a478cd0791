"""Benchmark: a cold `wimc-desk import` of a 100,000-row list, beside its floor, as processes.

Run: python3 tests/benchmarks/bench_import.py [--rows N] [--repeat K] [--code DIR]
                                             [--profile FILE]

For the GB18030 CSV and the XLSX of the same guests, each repetition times two cold
processes, one after the other, by their wall time from start to exit:

- the import: `wimc-desk --db EVENT import FILE` into an empty event (made beforehand,
  not timed), exactly the console script's entry point (wimc_desktop.app:main);
- the floor (import_floor.py): the plainest process that makes the same rows searchable:
  parse the file (csv module, or calamine for the workbook), one executemany into SQLite,
  one trigram FTS5 index over name, English name, organisation, mobile and e-mail, commit;
- for reference, the same floor with `--pinyin`: it also finds names by their pinyin,
  whole and as initials (pypinyin), as a desk in China must; printed beside, not the goal.

It prints, per file, the median floor and import seconds, their ratio (goal: <= 3x) and the
import's peak memory (the child's maximum resident set size, from wait4; goal < 400 MB).
`--code DIR` runs the import of another checkout (say, an older commit unpacked with
`git archive`) in the same run; `--profile FILE` also runs one CSV import under cProfile
and prints where its time goes.
"""

from __future__ import annotations

import argparse
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)

from tests.benchmarks.datasets import guest_rows, write_csv, write_xlsx  # noqa: E402

FLOOR = Path(__file__).with_name("import_floor.py")
ENTRY = "import sys; from wimc_desktop.app import main; sys.exit(main())"


@dataclass(frozen=True)
class Run:
    """One child process: its wall time and its peak resident memory."""

    seconds: float
    peak_mb: float


def run_child(args: list[str], cwd: Path) -> Run:
    """Start a cold process, wait for it; its wall time and peak RSS (wait4's rusage)."""
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({child.returncode}): {error}")
    return Run(seconds, usage.ru_maxrss / 1024)


def new_event(code: Path, path: Path) -> Path:
    run_child([sys.executable, "-c", ENTRY, "--db", str(path), "init", "--name", "基准",
               "--start", "2020-11-26", "--end", "2020-11-28"], code)
    return path


def check_import(path: Path, rows: int) -> None:
    """The import is complete and searchable: every guest, every guest in the index."""
    with sqlite3.connect(path) as conn:
        guests = conn.execute("SELECT count(*) FROM guest").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM search_doc").fetchone()[0]
        late = conn.execute("SELECT count(*) FROM search_pending").fetchone()[0]
    if guests != rows or indexed != rows or late:
        raise SystemExit(f"{path}: {guests} guests, {indexed} indexed, {late} late")


def check_floor(path: Path, rows: int) -> None:
    with sqlite3.connect(path) as conn:
        guests = conn.execute("SELECT count(*) FROM guest").fetchone()[0]
        found = conn.execute("SELECT count(*) FROM guest_fts WHERE guest_fts MATCH "
                             "'\"example.com\"'").fetchone()[0]
    if guests != rows or not found:
        raise SystemExit(f"{path}: floor wrote {guests} rows, found {found}")


def one_round(kind: str, source: Path, folder: Path, code: Path, i: int,
              rows: int) -> tuple[Run, Run, Run]:
    floor_db = folder / f"floor-{kind}-{i}.sqlite"
    floor = run_child([sys.executable, str(FLOOR), kind, str(source), str(floor_db)], ROOT)
    check_floor(floor_db, rows)
    floor_db.unlink()
    pinyin = run_child([sys.executable, str(FLOOR), kind, str(source), str(floor_db),
                        "--pinyin"], ROOT)
    check_floor(floor_db, rows)
    event = new_event(code, folder / f"import-{kind}-{i}.wimc")
    done = run_child([sys.executable, "-c", ENTRY, "--db", str(event), "import",
                      str(source)], code)
    check_import(event, rows)
    for path in folder.glob(f"*-{kind}-{i}.*"):
        path.unlink()
    return floor, done, pinyin


def report(label: str, floors: list[Run], imports: list[Run]) -> None:
    floor = statistics.median(r.seconds for r in floors)
    done = statistics.median(r.seconds for r in imports)
    peak = max(r.peak_mb for r in imports)
    ratios = sorted(d.seconds / f.seconds for f, d in zip(floors, imports, strict=True))
    print(f"{label:<26} floor {floor:5.2f} s  import {done:5.2f} s  ratio {done / floor:4.2f}x"
          f"  (runs {min(r.seconds for r in imports):.2f}-{max(r.seconds for r in imports):.2f}"
          f" s, per-run ratios {ratios[0]:.2f}-{ratios[-1]:.2f}x)  peak RSS {peak:4.0f} MB"
          f"  (floor {max(r.peak_mb for r in floors):.0f} MB)  goal <= 3x, < 400 MB")


def report_pinyin(floors: list[Run], imports: list[Run]) -> None:
    """Beside the floor that also derives the names' pinyin (not the goal's floor)."""
    floor = statistics.median(r.seconds for r in floors)
    done = statistics.median(r.seconds for r in imports)
    print(f"{'':<26} floor with the names' pinyin {floor:5.2f} s  ratio {done / floor:4.2f}x"
          "  (for reference: the issue's floor is the one above)")


def profile(source: Path, folder: Path, code: Path, out: Path) -> None:
    event = new_event(code, folder / "profiled.wimc")
    entry = folder / "wimc_desk_entry.py"  # (cProfile runs a script, not -c)
    entry.write_text(ENTRY.replace("; ", "\n") + "\n")
    run_child([sys.executable, "-m", "cProfile", "-o", str(out), str(entry), "--db",
               str(event), "import", str(source)], code)
    stats = pstats.Stats(str(out))
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(30)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="the checkout whose import runs (default: this one)")
    parser.add_argument("--only", choices=("csv", "xlsx"), default=None)
    parser.add_argument("--profile", type=Path, default=None,
                        help="also profile one CSV import into this file (cProfile)")
    args = parser.parse_args()
    code = args.code.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = guest_rows(args.rows)
        sources = {"csv": write_csv(folder / "guests.csv", rows),
                   "xlsx": write_xlsx(folder / "guests.xlsx", rows)}
        print(f"{args.rows:,} guests, {args.repeat} runs each, import of {code}")
        for kind, source in sources.items():
            if args.only not in (None, kind):
                continue
            results = [one_round(kind, source, folder, code, i, args.rows)
                       for i in range(args.repeat)]
            label = "CSV (GB18030)" if kind == "csv" else "XLSX (calamine floor)"
            report(label, [f for f, _, _ in results], [d for _, d, _ in results])
            report_pinyin([p for _, _, p in results], [d for _, d, _ in results])
        if args.profile is not None:
            profile(sources["csv"], folder, code, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
