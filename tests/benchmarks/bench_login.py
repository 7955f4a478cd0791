"""Measure: an operator's login, the argon2id verify of services.operators, on this machine.

Run: python3 tests/benchmarks/bench_login.py [--tries 20]

Prints the median and p99 of one verify with the desk's parameters, and the same for
OWASP's minimum (19 MiB, 2 iterations, 1 lane) measured in the same run as the floor,
with their ratio (the desk's parameters must cost at least the floor: ratio >= 1), and
a whole authenticate() (read, verify, no write) on a fresh event file. The goal: ~50-200
ms, slow for a guesser, unnoticed by a clerk.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)

import datetime as dt  # noqa: E402

from argon2 import PasswordHasher, Type  # noqa: E402

from wimc_desktop.domain.checkin import Desk  # noqa: E402
from wimc_desktop.services.events import create_event  # noqa: E402
from wimc_desktop.services.operators import (  # noqa: E402
    HASHER,
    MEMORY_KIB,
    OWASP_MINIMUM,
    PARALLELISM,
    TIME_COST,
    add_operator,
    authenticate,
)

PASSWORD = "an-operator-password"


def timed(fn: Callable[[], object], tries: int) -> tuple[float, float]:
    """(median, p99) in milliseconds."""
    times = []
    for _ in range(tries):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.99 * len(times)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tries", type=int, default=20)
    tries = parser.parse_args().tries
    floor = PasswordHasher(time_cost=OWASP_MINIMUM["time_cost"],
                           memory_cost=OWASP_MINIMUM["memory_kib"],
                           parallelism=OWASP_MINIMUM["parallelism"], type=Type.ID)
    desk_hash, floor_hash = HASHER.hash(PASSWORD), floor.hash(PASSWORD)
    desk = timed(lambda: HASHER.verify(desk_hash, PASSWORD), tries)
    owasp = timed(lambda: floor.verify(floor_hash, PASSWORD), tries)
    with tempfile.TemporaryDirectory() as folder:
        db = create_event(str(Path(folder) / "e.wimc"), name_zh="基准", name_en="",
                          start=dt.date(2020, 11, 26), end=dt.date(2020, 11, 28))
        add_operator(db, "chief", "admin", PASSWORD, by=Desk("Desk 1", "setup"))
        login = timed(lambda: authenticate(db, "chief", PASSWORD), tries)
        db.dispose()
    print(f"argon2id verify, desk parameters ({MEMORY_KIB // 1024} MiB, {TIME_COST} "
          f"iterations, {PARALLELISM} lane): p50 {desk[0]:.0f} ms, p99 {desk[1]:.0f} ms")
    print(f"argon2id verify, OWASP minimum (19 MiB, 2 iterations, 1 lane), the floor: "
          f"p50 {owasp[0]:.0f} ms, p99 {owasp[1]:.0f} ms")
    print(f"ratio desk / floor (p50): {desk[0] / owasp[0]:.2f} (>= 1: at or above the minimum)")
    print(f"authenticate() on an event file: p50 {login[0]:.0f} ms, p99 {login[1]:.0f} ms "
          f"({tries} tries; goal ~50-200 ms)")


if __name__ == "__main__":
    main()
