"""kill -9 of a desk while it pushes, and the hub's connection killed in the middle of a
transaction: no event lost or doubled.

Each round queues events on a desk while it is away from the hub (check-ins of random
guests and days, some refused as already checked in, a few undone), then runs `sync` as
a process of its own and either kills it (SIGKILL) or terminates its connection on the
hub (pg_terminate_backend, the hub's side of a cut mid-transaction) at a random moment,
then syncs to the end and checks: every event of the desk's outbox is on the hub exactly
once and receipted on the desk, the hub's check-ins are exactly the desk's, no guest is
admitted twice on a day.

    WIMC_TEST_POSTGRES_URL=postgresql+psycopg://... \
        python3 tests/faults/sync_kill_rounds.py --rounds 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, select, text  # noqa: E402

from wimc_desktop.db import schema as s  # noqa: E402
from wimc_desktop.db.engine import Database  # noqa: E402
from wimc_desktop.domain.checkin import Desk, Outcome  # noqa: E402
from wimc_desktop.services.checkin import check_in, undo_checkin  # noqa: E402
from wimc_desktop.services.events import create_event, open_event_database  # noqa: E402
from wimc_desktop.services.importing import import_file  # noqa: E402
from wimc_desktop.services.sync.desk import join, sync  # noqa: E402

DAYS = [dt.date(2020, 11, 26), dt.date(2020, 11, 27), dt.date(2020, 11, 28)]
EVENTS_PER_ROUND = 300  # three push batches


def make_hub(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    db = create_event(url, name_zh="同步故障", start=DAYS[0], end=DAYS[-1])
    try:
        import_file(db, ROOT / "tests" / "data" / "guests_utf8_bom.csv")
    finally:
        db.dispose()


def queue_events(db: Database, rng: random.Random, n: int) -> None:
    with db.read() as session:
        codes = list(session.execute(select(s.GuestRow.badge_code)).scalars())
    desk = Desk("kill desk", "op")
    for _ in range(n):
        result = check_in(db, rng.choice(codes), day=rng.choice(DAYS), desk=desk)
        if result.outcome is Outcome.ADMITTED and result.checkin and rng.random() < 0.1:
            undo_checkin(db, result.checkin.id, desk=desk, reason="fault round")


def check(db: Database, hub_url: str) -> str:
    """'' when nothing is lost or doubled, else what is wrong."""
    hub = Database(hub_url)
    try:
        with db.read() as session:
            sent = dict(session.execute(select(s.OutboxRow.id, s.OutboxRow.status)).all())
            desk_checkins = set(session.execute(select(s.CheckInRow.id)).scalars())
        with hub.read() as session:
            stored = list(session.execute(select(s.HubEventRow.id)).scalars())
            hub_checkins = set(session.execute(select(s.CheckInRow.id)).scalars())
            twice = session.execute(text(
                "SELECT count(*) FROM (SELECT guest_id, event_day FROM checkin WHERE id NOT IN "
                "(SELECT checkin_id FROM checkin_undo) GROUP BY guest_id, event_day "
                "HAVING count(*) > 1) t")).scalar_one()
    finally:
        hub.dispose()
    problems = []
    if len(stored) != len(set(stored)) or set(stored) != set(sent):
        problems.append(f"hub holds {len(stored)} events, the desk sent {len(sent)}")
    if any(status == "pending" for status in sent.values()):
        problems.append("events still pending after a full sync")
    if hub_checkins != desk_checkins:
        problems.append(f"check-ins: hub {len(hub_checkins)}, desk {len(desk_checkins)}")
    if twice:
        problems.append(f"{twice} guests admitted twice on a day")
    return "; ".join(problems)


def kill_hub_connections(hub_url: str) -> int:
    engine = create_engine(hub_url)
    with engine.begin() as conn:
        killed = conn.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
            "datname = current_database() AND pid <> pg_backend_pid() AND "
            "backend_type = 'client backend'")).scalar_one()
    engine.dispose()
    return int(killed)


def wait_for_push(hub_url: str, proc: subprocess.Popen[bytes]) -> bool:
    """Until the desk's sync has a connection on the hub (or ended): the fault then lands
    inside its push, not before it starts."""
    engine = create_engine(hub_url)
    try:
        with engine.connect() as conn:
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                busy = conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
                ).scalar_one()
                conn.rollback()
                if busy:
                    return True
                time.sleep(0.005)
    finally:
        engine.dispose()
    return False


def one_round(number: int, db: Database, path: Path, hub_url: str, rng: random.Random) -> str:
    queue_events(db, rng, EVENTS_PER_ROUND)
    how = "kill -9 desk" if number % 2 == 0 else "hub connection killed"
    proc = subprocess.Popen([sys.executable, "-m", "wimc_desktop.cli", "--db", str(path),
                             "sync", "--json"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    began = wait_for_push(hub_url, proc)
    delay = rng.uniform(0.0, 0.6)  # (before, inside or between the batches)
    time.sleep(delay)
    if how.startswith("kill"):
        proc.send_signal(signal.SIGKILL)
    else:
        kill_hub_connections(hub_url)
    proc.wait(timeout=120)
    report = sync(db)
    if not report.online:
        return f"round {number}: the hub could not be reached after the fault"
    problems = check(db, hub_url)
    print(f"round {number:2d}: {how} {delay * 1000:.0f} ms after its push began "
          f"({'seen' if began else 'not seen'}; exit {proc.returncode}); "
          f"{report.pushed} receipted after; {problems or 'ok'}",
          flush=True)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    hub_url = os.environ.get("WIMC_TEST_POSTGRES_URL", "")
    if not hub_url:
        print("WIMC_TEST_POSTGRES_URL is not set", file=sys.stderr)
        return 2
    password = make_url(hub_url).password
    if password:
        os.environ["PGPASSWORD"] = password
    make_hub(hub_url)
    rng = random.Random(args.seed)
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "desk.wimc"
        join(path, make_url(hub_url).set(password=None).render_as_string(hide_password=False),
             "kill desk")
        db = open_event_database(path)
        try:
            for number in range(1, args.rounds + 1):
                failed += bool(one_round(number, db, path, hub_url, rng))
        finally:
            db.dispose()
    print(f"{args.rounds - failed} of {args.rounds} rounds: nothing lost or doubled")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
