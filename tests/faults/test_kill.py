"""kill -9 at random moments of an import and of a check-in loop (a few rounds; many with
tests/faults/kill_rounds.py): integrity ok, an import all or nothing, no confirmed
check-in lost, none doubled."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.faults.kill_rounds import (
    CHECKIN_GUESTS,
    checkin_round,
    import_round,
    new_event,
    write_guest_csv,
)

pytestmark = pytest.mark.slow
ROUNDS = 3
ROWS = 20_000


def test_an_import_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(20201126)
    csv = write_guest_csv(tmp_path / "guests.csv", ROWS)
    full = import_round(tmp_path, csv, ROWS, rng, longest=600)
    assert (full.integrity, full.rows) == ("ok", ROWS)
    rounds = [import_round(tmp_path, csv, ROWS, rng, longest=full.killed_after)
              for _ in range(ROUNDS)]
    assert [(r.integrity, r.rows in (0, ROWS)) for r in rounds] == [("ok", True)] * ROUNDS


def test_a_checkin_loop_killed_at_random_moments_loses_no_confirmed_checkin(
        tmp_path: Path) -> None:
    rng = random.Random(20201127)
    template = tmp_path / "template.wimc"
    new_event(template, CHECKIN_GUESTS)
    rounds = [checkin_round(tmp_path, template, rng, longest=2.0) for _ in range(ROUNDS)]
    assert [(r.integrity, r.lost, r.doubled) for r in rounds] == [("ok", 0, 0)] * ROUNDS
    assert all(r.rows >= r.confirmed for r in rounds)
    assert sum(r.confirmed for r in rounds) > 0  # (the kills fell inside the loop)
