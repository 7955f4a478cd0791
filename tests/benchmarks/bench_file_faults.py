"""Measure: every export against a full disk, a read-only disk and a read-only file.

Run (as root on Linux: it mounts a tmpfs): python3 tests/benchmarks/bench_file_faults.py
    [--size-mb 30] [--tries 12] [--guests 1000] [--checkins 600]

The demo event (GUESTS guests, CHECKINS of them checked in on its first day) writes
each export of the command line once to a probe folder (for its size and a real
previous file), then, on a SIZE_MB tmpfs, TRIES times per fault over that previous file:
- disk full: the disk filled so that between 4% and 96% of the new file fits (the
  write breaks partway, as on a disk that fills up during the export);
- read-only disk: the tmpfs remounted read-only;
- read-only file: the previous file made read-only (chmod 444).
Each try passes when the command exits 11 with "cannot write PATH: CAUSE" and without
"Wrote", the previous file's bytes are unchanged, no temporary file is left, and no badge
print or full-data audit row was recorded. "Lost" counts tries whose previous file was
changed or removed, or that recorded a print or an audit row for a file not written.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402

from wimc_desktop.app import main as cli  # noqa: E402
from wimc_desktop.db.schema import AuditRow, BadgePrintRow  # noqa: E402
from wimc_desktop.domain.checkin import Desk  # noqa: E402
from wimc_desktop.services.checkin import check_in  # noqa: E402
from wimc_desktop.services.demo import create_demo_event  # noqa: E402
from wimc_desktop.services.events import open_event_database  # noqa: E402
from wimc_desktop.services.guests import list_guests  # noqa: E402

DAY = "2020-11-26"
EXPORTS = {
    "report.csv": ["report", "--day", DAY, "--format", "csv"],
    "report.xlsx": ["report", "--day", DAY, "--format", "xlsx"],
    "report.pdf": ["report", "--day", DAY, "--format", "pdf"],
    "report-full.xlsx": ["report", "--day", DAY, "--format", "xlsx", "--full-pii"],
    "signings.csv": ["signing", "export", "--format", "csv"],
    "signings.xlsx": ["signing", "export", "--format", "xlsx"],
    "signings.pdf": ["signing", "export", "--format", "pdf"],
    "badge-one.pdf": ["badge", "pdf", "{code}"],
    "badges-category.pdf": ["badge", "pdf", "--category", "academician"],
    "badges-not-printed.pdf": ["badge", "pdf", "--not-printed"],
    "badges-all.pdf": ["badge", "pdf", "--all", "--template", "card"],
}
FAULTS = ("disk full", "read-only disk", "read-only file")
CAUSES = {"disk full": "the disk is full", "read-only disk": "the disk is read-only",
          "read-only file": "the file is read-only"}


def sh(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def run(db: str, name: str, out: Path, code: str) -> tuple[int, str]:
    args = [a.replace("{code}", code) for a in EXPORTS[name]]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            rc = cli(["--db", db, *args, "--out", str(out)])
        except BaseException as exc:  # a traceback: counted as a failed try
            rc, _ = -1, err.write(f"Traceback: {exc!r}")
    return rc, err.getvalue()


def recorded(db: str) -> tuple[int, int]:
    event = open_event_database(db)
    try:
        with event.read() as session:
            return (int(session.scalar(select(func.count()).select_from(BadgePrintRow)) or 0),
                    int(session.scalar(select(func.count()).select_from(AuditRow).where(
                        AuditRow.action == "export_full_pii")) or 0))
    finally:
        event.dispose()


def free_bytes(folder: Path) -> int:
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


def fill_leaving(folder: Path, free: int) -> None:
    """Fill the disk of `folder` until about `free` bytes are left."""
    need = max(0, free_bytes(folder) - free)
    block = b"\0" * (1 << 20)
    with (folder / "filler.bin").open("wb") as out:
        while need > 0:
            n = out.write(block[:min(need, len(block))])
            need -= n


def build(tmp: Path, guests: int, checkins: int) -> tuple[str, str]:
    path = tmp / "event.wimc"
    db = create_demo_event(path, count=guests)
    try:
        people = list_guests(db)
        start = dt.datetime(2020, 11, 26, 1, 0, tzinfo=dt.UTC)
        for n, guest in enumerate(people[:checkins]):
            check_in(db, guest.badge_code, day=dt.date(2020, 11, 26), desk=Desk("Desk 1", "bench"),
                     now=start + dt.timedelta(seconds=20 * n))
        return str(path), people[0].badge_code
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=30)
    parser.add_argument("--tries", type=int, default=12)
    parser.add_argument("--guests", type=int, default=1000)
    parser.add_argument("--checkins", type=int, default=600)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="wimc-faults-"))
    disk = tmp / "disk"
    disk.mkdir()
    db, code = build(tmp, args.guests, args.checkins)
    probe_db = str(tmp / "probe.wimc")
    shutil.copy(db, probe_db)
    probe = tmp / "probe"
    probe.mkdir()
    previous: dict[str, bytes] = {}
    for name in EXPORTS:
        rc, err = run(probe_db, name, probe / name, code)
        assert rc == 0, (name, err)
        previous[name] = (probe / name).read_bytes()
        print(f"{name:24} {len(previous[name]):>10,} bytes", flush=True)
    sh("mount", "-t", "tmpfs", "-o", f"size={args.size_mb}m", "tmpfs", str(disk))
    results: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    try:
        for fault in FAULTS:
            for name in EXPORTS:
                for i in range(args.tries):
                    target = disk / name
                    target.write_bytes(previous[name])
                    if fault == "disk full":
                        fill_leaving(disk, len(previous[name]) * (2 * i + 1) // (2 * args.tries))
                    elif fault == "read-only disk":
                        sh("mount", "-o", "remount,ro", str(disk))
                    else:
                        target.chmod(0o444)
                    before = recorded(db)
                    rc, err = run(db, name, target, code)
                    if fault == "read-only disk":
                        sh("mount", "-o", "remount,rw", str(disk))
                    intact = target.read_bytes() == previous[name] if target.exists() else False
                    clean = sorted(p.name for p in disk.iterdir()) in (
                        [name], sorted([name, "filler.bin"]))
                    quiet = recorded(db) == before
                    told = (rc == 11 and f"cannot write {target}: {CAUSES[fault]}" in err
                            and "Wrote" not in err and "Traceback" not in err)
                    r = results[(fault, name)]
                    r[0] += 1
                    r[1] += told and intact and clean and quiet
                    r[2] += not (intact and quiet)
                    r[3] += rc == 11
                    if not (told and intact and clean and quiet):
                        print(f"  FAILED {fault} {name} try {i}: rc={rc} intact={intact} "
                              f"clean={clean} quiet={quiet}\n    {err.strip()[:300]}")
                    target.chmod(0o644)
                    (disk / "filler.bin").unlink(missing_ok=True)
                    for p in disk.iterdir():
                        p.unlink()
            totals = [sum(results[(fault, n)][k] for n in EXPORTS) for k in range(4)]
            print(f"{fault}: {totals[0]} tries, {totals[3]} exit 11, {totals[1]} passed, "
                  f"{totals[2]} lost", flush=True)
    finally:
        sh("umount", str(disk))
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{'export':24} " + " ".join(f"{f:>16}" for f in FAULTS))
    for name in EXPORTS:
        cells = [f"{results[(f, name)][1]}/{results[(f, name)][0]}, lost {results[(f, name)][2]}"
                 for f in FAULTS]
        print(f"{name:24} " + " ".join(f"{c:>16}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
