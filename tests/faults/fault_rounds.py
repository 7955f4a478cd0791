"""The command line under each fault, as real processes, many times: tries, passed, lost.

For the README's reliability table (the test suite runs each case once):

    python3 tests/faults/fault_rounds.py --rounds 5

A try passes when the process exits with the code the contract gives (10 busy, 11 cannot
write, 2 usage, 4 not an event database, 0 a read), prints no traceback, and the event
file (or the foreign file) is as it was: "lost" counts tries that changed or lost data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.faults.conftest import (  # noqa: E402
    DAY,
    file_state,
    guest_csv,
    lock_held,
    make_event,
    read_only,
    run_process,
)


@dataclass
class Tally:
    tries: int = 0
    passed: int = 0
    lost: int = 0
    notes: set[str] = field(default_factory=set)


def _state(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        rows = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("guest", "checkin", "checkin_undo", "audit")]
    finally:
        conn.close()
    return "/".join(map(str, rows))


def _try(tally: Tally, done: object, want: int, unchanged: bool) -> None:
    code = done.returncode  # type: ignore[attr-defined]
    err = done.stderr.decode("utf-8", "replace")  # type: ignore[attr-defined]
    tally.tries += 1
    ok = code == want and "Traceback" not in err
    tally.passed += ok and unchanged
    tally.lost += not unchanged
    if not ok:
        tally.notes.add(f"exit {code}: {err.strip()[-160:]}")


BUSY = {"checkin": ("checkin", "F-001", "--day", DAY),
        "walkin": ("walkin", "--name", "赵六", "--day", DAY),
        "undo-checkin": ("undo-checkin", "F-002", "--day", DAY, "--reason", "wrong badge"),
        "import": ("import", "{csv}")}


def busy_rounds(folder: Path, rounds: int) -> dict[str, Tally]:
    event = Path(make_event(str(folder / "busy.wimc"), folder))
    assert run_process("--db", str(event), "checkin", "F-002", "--day", DAY).returncode == 0
    (folder / "more").mkdir()
    more = guest_csv(folder / "more", [("新来宾", "F-100")])
    tallies: dict[str, Tally] = {}
    env = {"WIMC_BUSY_TIMEOUT_MS": "300"}
    for name, args in BUSY.items():
        tally = tallies.setdefault(f"busy (write lock held): {name}", Tally())
        full = [a.replace("{csv}", str(more)) for a in args]
        for _ in range(rounds):
            before = _state(event)
            with lock_held(str(event)):
                done = run_process("--db", str(event), *full, env=env)
            _try(tally, done, 10, _state(event) == before)
    tally = tallies.setdefault("busy (exclusive lock): guests", Tally())
    for _ in range(rounds):
        with lock_held(str(event), "exclusive"):
            done = run_process("--db", str(event), "guests", env=env)
        _try(tally, done, 10, True)
    return tallies


def postgres_rounds(folder: Path, rounds: int) -> dict[str, Tally]:
    """checkin on a guest row that another connection holds FOR UPDATE (skipped without
    WIMC_TEST_POSTGRES_URL); a try fails when it waits past 20 s (the desk's bound: 5 s)."""
    import subprocess

    import sqlalchemy as sa

    from tests.conftest import POSTGRES_URL, reset_postgres

    if not POSTGRES_URL:
        return {}
    reset_postgres(POSTGRES_URL)
    make_event(POSTGRES_URL, folder)
    tally = Tally()
    engine = sa.create_engine(POSTGRES_URL)
    for _ in range(rounds):
        with engine.connect() as holder:
            holder.execute(sa.text("SELECT id FROM guest WHERE badge_code = 'F-001' "
                                   "FOR UPDATE"))
            started = time.monotonic()
            try:
                done: object = run_process("--db", POSTGRES_URL, "checkin", "F-001", "--day",
                                           DAY, timeout=20)
            except subprocess.TimeoutExpired:
                done = subprocess.CompletedProcess([], -1, b"", b"waited past 20 s")
            tally.notes.add(f"waited {time.monotonic() - started:.1f} s (process included)")
            holder.rollback()
        with engine.connect() as conn:
            admitted = conn.execute(sa.text("SELECT count(*) FROM checkin")).scalar()
        _try(tally, done, 10, admitted == 0)
    engine.dispose()
    return {"busy (PostgreSQL row held FOR UPDATE): checkin": tally}


READS = [("guests", "--json"), ("search", "张伟", "--day", DAY, "--json"),
         ("badge", "show", "F-001", "--json"), ("report", "--day", DAY, "--json")]


def read_only_rounds(folder: Path, rounds: int) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for what in ("folder", "file"):
        home = folder / f"ro-{what}"
        home.mkdir()
        event = Path(make_event(str(home / "event.wimc"), home))
        reads = tallies.setdefault(f"read-only {what}: reads", Tally())
        writes = tallies.setdefault(f"read-only {what}: checkin", Tally())
        before = _state(event)
        for _ in range(rounds):
            with read_only(home if what == "folder" else event):
                for args in READS:
                    _try(reads, run_process("--db", str(event), *args), 0, True)
                done = run_process("--db", str(event), "checkin", "F-003", "--day", DAY)
            _try(writes, done, 11, _state(event) == before)
    return tallies


def foreign_rounds(folder: Path) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    csv = guest_csv(folder)
    for kind in ("0-byte", "foreign SQLite"):
        home = folder / kind.replace(" ", "-")
        home.mkdir()
        target = home / "target.wimc"
        if kind == "0-byte":
            target.touch()
        else:
            conn = sqlite3.connect(target)
            conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
            conn.execute("INSERT INTO orders (item) VALUES ('keep me')")
            conn.commit()
            conn.close()
        tally = tallies.setdefault(f"{kind} file: every command", Tally())
        commands: list[tuple[tuple[str, ...], int]] = [
            (("guests",), 4), (("search", "张"), 4), (("checkin", "F-001", "--day", DAY), 4),
            (("walkin", "--name", "赵六", "--day", DAY), 4), (("import", str(csv)), 4),
            (("badge", "show", "F-001"), 4), (("report", "--day", DAY, "--json"), 4),
            (("signing", "list"), 4), (("demo",), 2),
            (("init", "--name", "x", "--start", DAY, "--end", DAY), 2)]
        for args, want in commands:
            before = file_state(home)
            done = run_process("--db", str(target), *args)
            _try(tally, done, want, file_state(home) == before)
    return tallies


def utf8_rounds(folder: Path) -> dict[str, Tally]:
    from tests.faults.test_cli_faults import BAD_ARGUMENTS

    event = Path(make_event(str(folder / "utf8.wimc"), folder))
    tally = Tally()
    for _, args in BAD_ARGUMENTS:
        raw = [a.encode("utf-8", "surrogateescape") for a in args]
        full = raw if args[0] == "--db" else [b"--db", str(event).encode(), *raw]
        before = _state(event)
        _try(tally, run_process(*full, timeout=120), 2, _state(event) == before)
    return {"invalid UTF-8 in an argument (every command)": tally}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, Tally] = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wimc-faults-") as tmp:
        folder = Path(tmp)
        steps: list[Callable[[Path], dict[str, Tally]]] = [
            lambda f: busy_rounds(f, args.rounds), lambda f: postgres_rounds(f, args.rounds),
            lambda f: read_only_rounds(f, args.rounds),
            foreign_rounds, utf8_rounds]
        for n, step in enumerate(steps):
            home = folder / f"step{n}"
            home.mkdir()
            results.update(step(home))
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {time.monotonic() - started:.0f} s")
    print(f"{'fault':52} tries passed lost")
    for name, tally in results.items():
        print(f"{name:52} {tally.tries:5} {tally.passed:6} {tally.lost:4}")
        for note in sorted(tally.notes)[:6]:
            print(f"    {note}")
    return 0 if all(t.passed == t.tries for t in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
