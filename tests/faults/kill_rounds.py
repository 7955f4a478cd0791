"""kill -9 at a random moment of an import and of a check-in loop, then look at the file.

Each round runs the work as a process of its own, kills it (SIGKILL: no cleanup of any
kind), and checks what a desk relies on: SQLite's integrity_check is ok, an import's
guests are all there or none, and every check-in the loop printed as confirmed (after
check_in returned) is in the file, once.

The test suite runs a few rounds (tests/faults/test_kill.py); for the figures, many:

    python3 tests/faults/kill_rounds.py --rounds 30
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2020, 11, 26)
CHECKIN_GUESTS = 3000


@dataclass(frozen=True)
class Round:
    kind: str  # "import" or "checkin"
    killed_after: float  # seconds after the start
    integrity: str  # integrity_check's answer ("ok")
    rows: int  # guests in the file (import) / check-ins in the file (check-in loop)
    expected: tuple[int, ...]  # the counts allowed (import: 0 or all)
    confirmed: int = 0  # check-ins the loop printed as confirmed
    lost: int = 0  # of those, missing from the file
    doubled: int = 0  # guests admitted twice on the day

    @property
    def passed(self) -> bool:
        return (self.integrity == "ok" and self.lost == 0 and self.doubled == 0
                and (not self.expected or self.rows in self.expected))


def _env() -> dict[str, str]:
    return {**os.environ, "WIMC_NO_BOOTSTRAP": "1", "PYTHONPATH": str(ROOT)}


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path, isolation_level=None)  # (it recovers a hot WAL: as a desk)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def new_event(path: Path, guests: int = 0) -> None:
    from wimc_desktop.services.events import create_event
    from wimc_desktop.services.importing import import_records

    db = create_event(path, name_zh="断电测试", start=DAY, end=DAY + dt.timedelta(days=2))
    if guests:
        import_records(db, ({"name": f"来宾{n}", "organization": f"单位{n % 40}",
                             "badge_code": f"L-{n:05d}"} for n in range(guests)),
                       source="kill rounds")
    db.dispose()


def write_guest_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("姓名,单位,手机,邮箱,胸卡号\n")
        for n in range(rows):
            out.write(f"嘉宾{n},测试单位{n % 50},139{n:08d},g{n}@example.com,K-{n:06d}\n")
    return path


def import_round(folder: Path, csv: Path, rows: int, rng: random.Random,
                 longest: float) -> Round:
    """An import killed after a random time up to `longest` seconds."""
    event = folder / f"import-{rng.randrange(10**9)}.wimc"
    new_event(event)
    started = time.monotonic()
    with subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(event),
                           "import", str(csv)], env=_env(), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as work:
        wait = rng.uniform(0.1, longest)
        try:
            work.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            work.send_signal(signal.SIGKILL)
            work.wait()
    killed_after = time.monotonic() - started
    return Round("import", killed_after, _integrity(event),
                 _count(event, "SELECT count(*) FROM guest"), (0, rows))


LOOP = """
import datetime as dt, sys
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.guests import list_guests

db = open_event_database(sys.argv[1])
day = dt.date.fromisoformat(sys.argv[2])
desk = Desk("Desk 9", "kill -9")
print("ready", flush=True)
for guest in list_guests(db):
    result = check_in(db, guest.badge_code, day=day, desk=desk)
    if result.outcome == "admitted":
        print(guest.badge_code, flush=True)  # confirmed: check_in returned
"""


def checkin_round(folder: Path, template: Path, rng: random.Random, longest: float) -> Round:
    """A check-in loop over every guest killed after a random time up to `longest` s."""
    event = folder / f"checkin-{rng.randrange(10**9)}.wimc"
    event.write_bytes(template.read_bytes())
    with subprocess.Popen([sys.executable, "-c", LOOP, str(event), DAY.isoformat()],
                          env=_env(), stdout=subprocess.PIPE, text=True) as work:
        assert work.stdout is not None
        assert work.stdout.readline().strip() == "ready"
        started = time.monotonic()
        time.sleep(rng.uniform(0.05, longest))
        work.send_signal(signal.SIGKILL)
        work.wait()
        killed_after = time.monotonic() - started
        confirmed = [line.strip() for line in work.stdout if line.strip()]
    conn = sqlite3.connect(event, isolation_level=None)
    try:
        stored = {code for (code,) in conn.execute(
            "SELECT g.badge_code FROM checkin c JOIN guest g ON g.id = c.guest_id "
            "WHERE c.event_day = ?", (DAY.isoformat(),))}
        doubled = int(conn.execute(
            "SELECT count(*) FROM (SELECT guest_id FROM checkin WHERE event_day = ? "
            "GROUP BY guest_id HAVING count(*) > 1)", (DAY.isoformat(),)).fetchone()[0])
        rows = int(conn.execute("SELECT count(*) FROM checkin").fetchone()[0])
    finally:
        conn.close()
    lost = len(set(confirmed) - stored)
    return Round("checkin", killed_after, _integrity(event), rows, (), len(confirmed), lost,
                 doubled)


def run_rounds(folder: Path, rounds: int, seed: int, rows: int = 20_000) -> list[Round]:
    rng = random.Random(seed)
    csv = write_guest_csv(folder / "guests.csv", rows)
    template = folder / "template.wimc"
    new_event(template, CHECKIN_GUESTS)
    # How long a whole import takes here: kills fall anywhere in it (and a little after).
    full = import_round(folder, csv, rows, rng, longest=600)
    assert full.rows == rows, full
    results = []
    for _ in range(rounds):
        results.append(import_round(folder, csv, rows, rng, longest=full.killed_after * 1.1))
        results.append(checkin_round(folder, template, rng, longest=3.0))
    return results


def summary(results: list[Round]) -> str:
    lines = ["kind     rounds  integrity ok  passed  rows all/none/other  "
             "confirmed  lost  doubled"]
    for kind in ("import", "checkin"):
        mine = [r for r in results if r.kind == kind]
        ok = sum(r.integrity == "ok" for r in mine)
        passed = sum(r.passed for r in mine)
        if kind == "import":
            counts = (sum(r.rows == r.expected[-1] for r in mine),
                      sum(r.rows == 0 for r in mine),
                      sum(r.rows not in r.expected for r in mine))
            spread = "/".join(map(str, counts))
        else:
            spread = "-"
        lines.append(f"{kind:8} {len(mine):6}  {ok:12}  {passed:6}  {spread:>19}  "
                     f"{sum(r.confirmed for r in mine):9}  {sum(r.lost for r in mine):4}  "
                     f"{sum(r.doubled for r in mine):7}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="rounds of each kind")
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the imported list")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="wimc-kill-") as folder:
        results = run_rounds(Path(folder), args.rounds, args.seed, args.rows)
    print(f"seed {args.seed}, {args.rows} rows per import, {CHECKIN_GUESTS} guests per loop")
    print(summary(results))
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
