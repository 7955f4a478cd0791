"""The window's background sync: another desk's admission reaches this desk (its copy and
its change feed, which the pages refresh from) within 2 s; a cut network shows as offline
and the outbox is pushed when the hub is back; stopping never waits for a hub that hangs."""

from __future__ import annotations

import threading
import time

import pytest

from tests.sync.conftest import DAY, MakeDesk, admissions, codes
from wimc_desktop.domain.changes import ChangeKind, Changes
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.sync.desk import DeskStatus, try_push
from wimc_desktop.services.sync.runner import DeskSync

pytestmark = pytest.mark.postgres


def wait_for(condition: object, seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():  # type: ignore[operator]
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"not within {seconds} s")


def test_another_desks_admission_arrives_within_two_seconds(make_desk: MakeDesk) -> None:
    a, _ = make_desk("A")
    b, proxy_b = make_desk("desk 3")
    heard: list[Changes] = []
    statuses: list[DeskStatus] = []
    b.changes.subscribe(heard.append)
    threads_before = set(threading.enumerate())
    runner = DeskSync(b, statuses.append)
    runner.start()
    try:
        wait_for(lambda: statuses, 10)  # (the first round: connected, listening)
        code = codes(a)[7]
        result = check_in(a, code, day=DAY, desk=Desk("A", "ann"))
        assert try_push(a)
        took = wait_for(lambda: result.checkin is not None and
                        result.checkin.id in admissions(b).values(), 2.0)
        assert took < 2.0
        assert any(c.kind is ChangeKind.CHECKIN and not c.here for batch in heard
                   for c in batch)
        again = check_in(b, code, day=DAY, desk=Desk("desk 3", "bob"))
        assert again.outcome is Outcome.ALREADY_CHECKED_IN
        assert again.first_checkin is not None and again.first_checkin.desk == "A"
        # cut: this desk's own admission waits in the outbox, then goes when the hub is back
        proxy_b.drop()
        mine = check_in(b, codes(b)[8], day=DAY, desk=Desk("desk 3", "bob"))
        assert mine.outcome is Outcome.ADMITTED
        wait_for(lambda: statuses and not statuses[-1].online, 10)
        assert statuses[-1].pending >= 1
        proxy_b.restore()
        wait_for(lambda: statuses[-1].online and statuses[-1].pending == 0, 40)
    finally:
        runner.stop()
    assert runner.wait(15)  # (it ends by itself: stop() does not wait)
    # No thread left behind by the runner or its pushes (a thread per push deadline once):
    # at most the one "hub-deadline" watchdog, started by the first push of the process.
    # (Threads of this test's own proxy, and of earlier tests, are not the runner's.)
    left = [t.name for t in set(threading.enumerate()) - threads_before
            if not t.name.startswith("test-proxy")]
    assert left in ([], ["hub-deadline"]), left


def test_stopping_does_not_wait_for_a_hub_that_hangs(make_desk: MakeDesk) -> None:
    b, proxy = make_desk("desk 3")
    statuses: list[DeskStatus] = []
    threads_before = set(threading.enumerate())
    runner = DeskSync(b, statuses.append)
    runner.start()
    try:
        wait_for(lambda: statuses, 10)
        proxy.pause()  # (bytes held: the push this admission asks for hangs)
        check_in(b, codes(b)[3], day=DAY, desk=Desk("desk 3", "bob"))
        time.sleep(1.0)
        started = time.monotonic()
        runner.stop()
        assert time.monotonic() - started < 0.2  # (it joined for up to 5 s before)
        assert not runner.wait(0.5)  # still inside its request to the hub
        said = len(statuses)
    finally:
        proxy.resume()
    assert runner.wait(15)  # the request answered, the thread ended by itself
    assert len(statuses) == said  # (nothing said after stop)
    left = [t.name for t in set(threading.enumerate()) - threads_before
            if not t.name.startswith("test-proxy")]
    assert left in ([], ["hub-deadline"]), left
