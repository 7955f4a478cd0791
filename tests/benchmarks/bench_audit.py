"""Benchmark: `audit verify` on 100,000 audit rows.

Run: python3 tests/benchmarks/bench_audit.py [--rows N] [--repeat K]
Builds an event whose audit log holds N chained rows (check-ins, refusals, reissues with
before/after details), then times services.audit.verify_chain (read every row, rebuild its
canonical bytes, SHA-256, compare the links, compare the recorded head): the median of K
runs. Beside it, measured in the same run, two floors: SHA-256 over the same canonical
bytes in a plain loop (the hashing no verification can skip), and the rows read alone by the
driver (the reading none can skip). Goal: under 2 s for 100,000 rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)


def build(path: Path, rows: int) -> None:
    """An event whose log holds `rows` chained rows (written as record() writes them, in
    batches, so building 100,000 takes seconds)."""
    import json

    from sqlalchemy import text

    from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT
    from wimc_desktop.domain.audit_chain import GENESIS, entry_hash, sorted_details
    from wimc_desktop.services.audit import HEAD_KEY
    from wimc_desktop.services.events import create_event

    db = create_event(path, name_zh="基准", start=dt.date(2020, 11, 26),
                      end=dt.date(2020, 11, 28))
    start = dt.datetime(2020, 11, 26, 0, 30, tzinfo=dt.UTC)
    prev, params = GENESIS, []
    for seq in range(1, rows + 1):
        at = start + dt.timedelta(milliseconds=250 * seq)
        kind = seq % 10
        if kind == 9:
            action, reason = "badge_reissued", "lost"
            details: dict[str, object] = {"before": {"badge_code": f"WIMC-{seq:07d}"},
                                          "after": {"badge_code": f"WIMC-N{seq:06d}"}}
        elif kind == 8:
            action, reason = "refused:already_checked_in", ""
            details = {"code": f"WIMC-{seq:07d}", "day": "2020-11-26"}
        else:
            action, reason = "checked_in", ""
            details = {"day": "2020-11-26", "checkin": f"c{seq:035d}", "method": "scan"}
        id_ = f"{seq:036d}"
        digest = entry_hash(seq, id_, at, "王芳", "clerk", "Desk 3", action, None, reason,
                            details, prev)
        params.append({"id": id_, "seq": seq, "at": at.strftime(SQLITE_DATETIME_FORMAT),
                       "desk": "Desk 3", "operator": "王芳", "role": "clerk",
                       "action": action, "reason": reason,
                       "details": json.dumps(sorted_details(details)),
                       "prev": prev, "hash": digest})
        prev = digest
    with db.write() as session:
        session.execute(text(
            "INSERT INTO audit (id, seq, at, desk, operator, role, action, guest_id, reason, "
            "details, prev_hash, hash) VALUES (:id, :seq, :at, :desk, :operator, :role, "
            ":action, NULL, :reason, :details, :prev, :hash)"), params)
        session.execute(text("UPDATE wimc_meta SET value = :v WHERE key = :k"),
                        {"v": f"{rows}:{prev}", "k": HEAD_KEY})
    db.dispose()


def median_time(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from sqlalchemy import select

    from wimc_desktop.domain.audit_chain import canonical
    from wimc_desktop.services.audit import _COLUMNS, _RAW, verify_chain
    from wimc_desktop.services.events import open_event_database

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.wimc"
        began = time.perf_counter()
        build(path, args.rows)
        print(f"built {args.rows:,} chained audit rows in {time.perf_counter() - began:.1f} s")
        db = open_event_database(path)
        head, broken = verify_chain(db)
        assert broken is None and head.count == args.rows, (head, broken)
        with db.read() as session:
            rows = session.execute(select(*_COLUMNS).order_by(_COLUMNS[-1], _COLUMNS[0])).all()
        blobs = [canonical(*r[:11]) for r in rows]  # type: ignore[arg-type]
        del rows

        def hash_loop() -> None:
            for blob in blobs:
                hashlib.sha256(blob).hexdigest()

        def read_only() -> None:
            with db.read_raw() as raw:
                raw.cursor().execute(_RAW).fetchall()

        verify = median_time(lambda: verify_chain(db), args.repeat)
        floor = median_time(hash_loop, args.repeat)
        read = median_time(read_only, args.repeat)
        db.dispose()
    print(f"audit verify, {args.rows:,} rows: {verify:.3f} s median of {args.repeat} "
          f"(goal < 2 s: {'met' if verify < 2 else 'NOT met'})")
    print(f"floor: SHA-256 of the same canonical bytes in a plain loop: {floor:.3f} s "
          f"-> ratio {verify / floor:.1f}x")
    print(f"floor: the rows read alone by the driver (one query): {read:.3f} s "
          f"-> ratio {verify / read:.1f}x; both floors together: "
          f"{verify / (floor + read):.1f}x")


if __name__ == "__main__":
    main()
