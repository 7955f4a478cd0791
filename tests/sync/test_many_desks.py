"""20 desk processes, 50 check-ins each, half of them cut off from the hub and then
reconnected: every event on the hub exactly once, admissions = distinct guests admitted,
every later admission flagged as a duplicate, every desk the same as the hub.

WIMC_SYNC_DESKS / WIMC_SYNC_SCANS make it smaller while developing (the issue's size is
the default)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.conftest import DAY, MakeDesk, admissions, all_checkins, codes, hub_events, outbox
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.sync.desk import sync

pytestmark = pytest.mark.postgres
WORKER = Path(__file__).with_name("desk_worker.py")


def test_twenty_desks_half_offline(hub_url: str, make_desk: MakeDesk) -> None:
    desks_n = int(os.environ.get("WIMC_SYNC_DESKS", "20"))
    scans = int(os.environ.get("WIMC_SYNC_SCANS", "50"))
    desks = [make_desk(f"desk {i + 1}") for i in range(desks_n)]
    everyone = codes(desks[0][0])
    rng = random.Random(16)
    offline = set(range(0, desks_n, 2))
    for i in offline:
        desks[i][1].drop()
    procs = []
    for i, (db, _) in enumerate(desks):
        picks = [rng.choice(everyone) for _ in range(scans)]
        procs.append(subprocess.Popen(
            [sys.executable, str(WORKER), str(db.url.split("///", 1)[1]), f"desk {i + 1}",
             DAY.isoformat(), *picks], stdout=subprocess.PIPE, text=True))
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0
        results.append(json.loads(out.strip().splitlines()[-1]))
    for i in offline:
        assert results[i]["synced"] == 0
        desks[i][1].restore()
    for _ in range(2):  # the second round brings everyone the others' last rows
        for db, _ in desks:
            assert sync(db).online
    hub = open_event_database(hub_url)
    try:
        events = hub_events(hub)
        sent = {k: v for db, _ in desks for k, v in outbox(db).items()}
        assert set(events) == set(sent)  # every event, exactly once (the key is the UUID)
        assert all(status != "pending" for _, status in sent.values())
        admitted_locally = sum(r["outcomes"].get("admitted", 0) for r in results)
        checkin_events = [i for i, (kind, _) in sent.items() if kind == "checkin"]
        assert len(checkin_events) == admitted_locally
        kept = admissions(hub)
        outcomes = [events[i] for i in checkin_events]
        assert outcomes.count("admitted") == len(kept)  # admissions = distinct guests
        assert outcomes.count("duplicate") == len(checkin_events) - len(kept)
        assert len(all_checkins(hub)) == len(checkin_events)  # none lost
        assert outcomes.count("duplicate") > 0
        for db, _ in desks:
            assert admissions(db) == kept
            assert all_checkins(db) == all_checkins(hub)
    finally:
        hub.dispose()
