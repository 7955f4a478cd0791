"""Many desks: join of a 100,000-guest hub against a local import of the same list; 1,000
queued check-ins pushed and receipted; propagation desk A -> desk B (online) p99; the
hub's push round trip p99 with 20 desks scanning at once.

    WIMC_TEST_POSTGRES_URL=postgresql+psycopg://wimc:wimc@127.0.0.1:5432/DB \\
        python3 tests/benchmarks/bench_sync.py [--guests 100000] [--desks 20] [--scans 30]
        [--only round-trip|propagation] [--pace SECONDS]

The hub is that database (emptied first). Each figure is printed beside its goal; the join
beside the floor measured in the same run (the same list imported into a local file), the
push round trip beside a bare `SELECT 1` of the same processes on the same connections.
`--only round-trip` / `--only propagation`: the hub (of --guests) and that figure alone.

The 20 desks are measured twice: scanning at a desk's pace (`--pace`, default one scan
every 1.5 s, +-50% at random: a queue at a desk with a scanner; 20 desks then bring the hub
about 13 admissions a second, 48,000 an hour), and flat out (each desk scans again the
moment its push is answered: a stress loop, not a desk; with 20 desk processes and the hub
on this machine's 2 cores it mostly measures waiting for a core).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)

from sqlalchemy import make_url, select  # noqa: E402

from tests.benchmarks.datasets import guest_rows, write_csv  # noqa: E402
from wimc_desktop.db import schema as s  # noqa: E402
from wimc_desktop.domain.checkin import Desk  # noqa: E402
from wimc_desktop.services.checkin import check_in  # noqa: E402
from wimc_desktop.services.events import create_event, open_event_database  # noqa: E402
from wimc_desktop.services.importing import import_file  # noqa: E402
from wimc_desktop.services.search import search_guests  # noqa: E402
from wimc_desktop.services.sync.connect import hub_engine  # noqa: E402
from wimc_desktop.services.sync.desk import join, push, push_batch, sync_state  # noqa: E402
from wimc_desktop.services.sync.runner import DeskSync  # noqa: E402

DAY = dt.date(2020, 11, 26)
WARM_UP = 3  # each desk's first pushes, not counted (see worker)
START, END = dt.date(2020, 11, 26), dt.date(2020, 11, 28)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def reset(url: str) -> None:
    from tests.conftest import reset_postgres

    reset_postgres(url)


def codes_of(db_path: Path) -> list[str]:
    db = open_event_database(db_path)
    try:
        with db.read() as session:
            return list(session.execute(select(s.GuestRow.badge_code)).scalars())
    finally:
        db.dispose()


def make_hub(url: str, folder: Path, guests: int) -> Path:
    """The hub emptied and filled with a list of that many guests; the list's file."""
    source = write_csv(folder / "guests.csv", guest_rows(guests))
    reset(url)
    hub = create_event(url, name_zh="同步基准", start=START, end=END)
    started = time.perf_counter()
    import_file(hub, source)
    print(f"hub import of {guests:,} guests (PostgreSQL, with the feed's triggers): "
          f"{time.perf_counter() - started:.1f} s")
    hub.dispose()
    return source


def bench_join(url: str, plain: str, folder: Path, guests: int) -> Path:
    source = make_hub(url, folder, guests)
    local = create_event(folder / "local.wimc", name_zh="同步基准", start=START, end=END)
    started = time.perf_counter()
    import_file(local, source)
    floor = time.perf_counter() - started
    local.dispose()
    started = time.perf_counter()
    join(folder / "desk1.wimc", plain, "desk 1")
    desk = open_event_database(folder / "desk1.wimc")
    found = search_guests(desk, "zhang", limit=5)
    took = time.perf_counter() - started
    desk.dispose()
    assert found.total > 0
    print(f"join of a {guests:,}-guest hub, searchable: {took:.2f} s; local import of the same "
          f"list (floor): {floor:.2f} s; ratio {took / floor:.2f}x (goal within 3x)")
    return folder / "desk1.wimc"


def bench_push(plain: str, folder: Path, codes: list[str], n: int) -> set[str]:
    join(folder / "desk2.wimc", plain, "desk 2")
    db = open_event_database(folder / "desk2.wimc")
    chosen = random.Random(2).sample(codes, n)
    try:
        for code in chosen:  # queued while away: no push
            check_in(db, code, day=DAY, desk=Desk("desk 2", "op"))
        hub = hub_engine(sync_state(db).hub_url)
        started = time.perf_counter()
        receipts = push(db, hub)
        took = time.perf_counter() - started
        hub.dispose()
        assert len(receipts) == n
        print(f"{n:,} queued check-ins pushed and receipted: {took:.2f} s (goal under 2 s)")
    finally:
        db.dispose()
    return set(chosen)


def bench_propagation(plain: str, folder: Path, codes: list[str], samples: int) -> None:
    join(folder / "a.wimc", plain, "A")
    join(folder / "b.wimc", plain, "B")
    a, b = open_event_database(folder / "a.wimc"), open_event_database(folder / "b.wimc")
    seen: dict[str, float] = {}
    b.changes.subscribe(lambda changes: [seen.setdefault(i, time.perf_counter())
                                         for c in changes if not c.here for i in c.ids])
    ready = threading.Event()
    runner = DeskSync(b, lambda _status: ready.set())
    runner.start()
    hub = hub_engine(sync_state(a).hub_url)
    times = []
    try:
        ready.wait(30)  # (the runner's first round, then its LISTEN)
        time.sleep(0.5)
        for code in random.Random(3).sample(codes, samples):
            result = check_in(a, code, day=DAY, desk=Desk("A", "op"))
            started = time.perf_counter()
            push_batch(a, hub)
            assert result.guest is not None
            deadline = started + 5
            while result.guest.id not in seen and time.perf_counter() < deadline:
                time.sleep(0.002)
            times.append(seen.get(result.guest.id, deadline) - started)
    finally:
        runner.stop()
        runner.wait(40)
        hub.dispose()
        a.dispose()
        b.dispose()
    print(f"propagation desk A -> desk B (commit on A to B's change feed, {samples} scans): "
          f"p50 {statistics.median(times) * 1000:.0f} ms, p99 {p99(times) * 1000:.0f} ms "
          "(goal p99 under 1 s)")


def worker(path: str, name: str, pace: float, codes: list[str]) -> None:
    """One of the 20 desks: scans, each pushed at once; prints its push round trips and,
    as floors, on the same hub connection right after each: a bare `SELECT 1`, and the
    plainest durable write (one row inserted and committed). `pace`: the mean seconds
    between two scans (0: flat out)."""
    from sqlalchemy import text

    db = open_event_database(path)
    hub = hub_engine(sync_state(db).hub_url)
    trips, floors, writes = [], [], []
    rng = random.Random(name)
    next_scan = time.monotonic() + rng.uniform(0, pace)  # desks do not start in step
    for code in codes:
        if pace:
            time.sleep(max(0.0, next_scan - time.monotonic()))
            next_scan += pace * rng.uniform(0.5, 1.5)
        check_in(db, code, day=DAY, desk=Desk(name, "op"))
        started = time.perf_counter()
        push_batch(db, hub)
        trips.append(time.perf_counter() - started)
        started = time.perf_counter()
        with hub.connect() as conn:
            conn.execute(text("SELECT 1"))
            conn.rollback()
        floors.append(time.perf_counter() - started)
        started = time.perf_counter()
        with hub.connect() as conn:
            conn.execute(text("INSERT INTO bench_floor VALUES (:d)"), {"d": name})
            conn.commit()
        writes.append(time.perf_counter() - started)
    # A desk's first pushes open its hub connection and have the server plan the receiving
    # function for that session: a desk does that once a day, before its queue, not per scan.
    print(json.dumps([trips[WARM_UP:], floors[WARM_UP:], writes[WARM_UP:]]))


def bench_many(plain: str, folder: Path, codes: list[str], desks: int, scans: int,
               pace: float) -> None:
    from sqlalchemy import text

    rng = random.Random(4 if pace else 5)
    paths = []
    for i in range(desks):
        paths.append(folder / f"m{i}-{pace}.wimc")
        join(paths[-1], plain, f"desk m{i}")
    hub = hub_engine(plain)
    with hub.begin() as conn:
        conn.execute(text("CREATE TABLE bench_floor (desk text)"))
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", str(p), f"desk m{i}",
                               str(pace), *rng.sample(codes, scans + WARM_UP)],
                              stdout=subprocess.PIPE, text=True)
             for i, p in enumerate(paths)]
    trips: list[float] = []
    floors: list[float] = []
    writes: list[float] = []
    for proc in procs:
        out, _ = proc.communicate(timeout=900)
        got = json.loads(out.strip().splitlines()[-1])
        trips += got[0]
        floors += got[1]
        writes += got[2]
    with hub.begin() as conn:
        conn.execute(text("DROP TABLE bench_floor"))
    hub.dispose()

    def ms(values: list[float]) -> str:
        return (f"p50 {statistics.median(values) * 1000:.0f} ms, "
                f"p99 {p99(values) * 1000:.0f} ms")

    how = (f"each a scan every {pace:g} s +-50%" if pace else
           "flat out: each scans again the moment its push is answered")
    print(f"push round trip with {desks} desks scanning at once, {how} ({len(trips)} "
          f"pushes, after each desk's first {WARM_UP}): {ms(trips)} (goal p99 under 50 ms)")
    print(f"  floor, a bare SELECT 1 of the same processes: {ms(floors)}; "
          f"ratio p99 {p99(trips) / p99(floors):.1f}x")
    print(f"  floor, one row inserted and committed (a durable write): {ms(writes)}; "
          f"ratio p99 {p99(trips) / p99(writes):.1f}x")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5:])
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--guests", type=int, default=100_000)
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--scans", type=int, default=30)
    parser.add_argument("--only", choices=("round-trip", "propagation"))
    parser.add_argument("--pace", type=float, default=1.5,
                        help="mean seconds between a desk's scans in the paced run")
    args = parser.parse_args()
    url = os.environ.get("WIMC_TEST_POSTGRES_URL", "")
    if not url:
        print("WIMC_TEST_POSTGRES_URL is not set", file=sys.stderr)
        return 2
    parsed = make_url(url)
    if parsed.password:
        os.environ["PGPASSWORD"] = parsed.password
    plain = parsed.set(password=None).render_as_string(hide_password=False)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only:
            make_hub(url, folder, args.guests)
            hub = open_event_database(url)
            try:
                with hub.read() as session:
                    codes = list(session.execute(select(s.GuestRow.badge_code)).scalars())
            finally:
                hub.dispose()
            if args.only == "propagation":
                bench_propagation(plain, folder, codes, 50)
            else:
                half = len(codes) // 2  # (each run admits guests of its own)
                bench_many(plain, folder, codes[:half], args.desks, args.scans, args.pace)
                bench_many(plain, folder, codes[half:], args.desks, args.scans, 0.0)
            return 0
        first = bench_join(url, plain, folder, args.guests)
        codes = codes_of(first)
        used = bench_push(plain, folder, codes, 1000)
        fresh = [c for c in codes if c not in used]  # (not admitted yet: an admission each)
        bench_propagation(plain, folder, fresh, 50)
        half = len(codes) // 2  # (each run admits guests of its own)
        bench_many(plain, folder, codes[:half], args.desks, args.scans, args.pace)
        bench_many(plain, folder, codes[half:], args.desks, args.scans, 0.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
