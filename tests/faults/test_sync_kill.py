"""A desk killed while it pushes, and its hub connection killed mid-transaction: nothing
lost or doubled (two rounds here; `sync_kill_rounds.py --rounds 20` for the figures)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL

SCRIPT = Path(__file__).with_name("sync_kill_rounds.py")


@pytest.mark.postgres
def test_kill_rounds_lose_and_double_nothing() -> None:
    if not POSTGRES_URL:
        pytest.skip("WIMC_TEST_POSTGRES_URL is not set")
    done = subprocess.run([sys.executable, str(SCRIPT), "--rounds", "2"], capture_output=True,
                          text=True, timeout=600, env={**os.environ})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 of 2 rounds: nothing lost or doubled" in done.stdout
