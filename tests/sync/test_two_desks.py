"""Two desks cut off from the hub admit the same guest: after both sync the hub holds one
admission and one flagged duplicate, both desks show the same, nothing is lost."""

from __future__ import annotations

import time

import pytest

from tests.sync.conftest import DAY, MakeDesk, admissions, all_checkins, codes, hub_events, outbox
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.sync.desk import conflicts, status, sync

pytestmark = pytest.mark.postgres


def test_two_offline_desks_admit_the_same_guest(hub_url: str, make_desk: MakeDesk) -> None:
    a, proxy_a = make_desk("A")
    b, proxy_b = make_desk("B")
    code = codes(a)[5]
    proxy_a.drop()
    proxy_b.drop()
    first = check_in(a, code, day=DAY, desk=Desk("A", "ann"))
    second = check_in(b, code, day=DAY, desk=Desk("B", "bob"))
    assert first.outcome is Outcome.ADMITTED and second.outcome is Outcome.ADMITTED
    offline = sync(a, push_timeout=2, pull_timeout=2)
    assert not offline.online and offline.pending == 1  # nothing lost, nothing sent
    assert not status(a).online
    proxy_a.restore()
    proxy_b.restore()
    assert sync(a).as_json() | {"pulled": 0} == {
        "online": True, "pushed": 1, "pulled": 0, "pending": 0, "duplicates": 0, "rejected": 0}
    report_b = sync(b)
    assert (report_b.pushed, report_b.duplicates, report_b.pending) == (1, 1, 0)
    sync(a)
    hub = open_event_database(hub_url)
    try:
        events = hub_events(hub)
        assert sorted(events.values()) == ["admitted", "duplicate"]
        assert set(events) == set(outbox(a)) | set(outbox(b))  # every event, once
        assert {st for _, st in outbox(b).values()} == {"duplicate"}
        kept = admissions(hub)
        assert list(kept.values()) == [first.checkin.id]  # the first to arrive is kept
        assert all_checkins(hub) == {first.checkin.id, second.checkin.id}  # none lost
        for desk in (a, b):  # both desks show what the hub shows
            assert admissions(desk) == kept
            assert all_checkins(desk) == all_checkins(hub)
            assert conflicts(desk) == conflicts(hub)
        found = conflicts(hub)
        assert len(found) == 1 and found[0]["kind"] == "duplicate_admission"
        assert found[0]["kept"]["desk"] == "A" and found[0]["kept"]["operator"] == "ann"
        assert found[0]["duplicate"]["desk"] == "B" and found[0]["duplicate"]["operator"] == "bob"
        assert found[0]["guest"]["badge_code"] == code and found[0]["day"] == DAY.isoformat()
    finally:
        hub.dispose()
    again = check_in(b, code, day=DAY, desk=Desk("B", "bob"))
    assert again.outcome is Outcome.ALREADY_CHECKED_IN
    assert again.first_checkin is not None and again.first_checkin.desk == "A"


def test_a_stalled_network_is_offline_within_the_timeout(hub_url: str,
                                                         make_desk: MakeDesk) -> None:
    a, proxy = make_desk("A")
    check_in(a, codes(a)[0], day=DAY, desk=Desk("A", "ann"))
    proxy.pause()
    started = time.monotonic()
    report = sync(a, push_timeout=1.5, pull_timeout=1.5)
    assert not report.online and report.pending == 1
    assert time.monotonic() - started < 15
    proxy.resume()
    proxy.drop()  # (the stalled connections go; new ones work after restore)
    proxy.restore()
    report = sync(a)
    assert report.online and report.pushed == 1 and report.pending == 0


def test_a_retry_is_stored_once_and_gets_the_earlier_receipt(hub_url: str,
                                                            make_desk: MakeDesk) -> None:
    from wimc_desktop.services.sync import hub as hub_side
    from wimc_desktop.services.sync.connect import hub_engine
    from wimc_desktop.services.sync.desk import _pending, sync_state

    a, _ = make_desk("A")
    check_in(a, codes(a)[1], day=DAY, desk=Desk("A", "ann"))
    events = _pending(a, 10)
    engine = hub_engine(sync_state(a).hub_url)
    try:
        for _ in range(3):  # the desk never heard the receipt: it sends again
            with engine.begin() as conn:
                receipts = hub_side.receive(conn, events)
            assert [r.outcome for r in receipts] == ["admitted"]
    finally:
        engine.dispose()
    hub = open_event_database(hub_url)
    try:
        assert list(hub_events(hub).values()) == ["admitted"]
        assert len(all_checkins(hub)) == 1
    finally:
        hub.dispose()
    assert sync(a).pending == 0  # receipted from the hub's copy: pushed again, once


def test_a_refused_event_is_kept_as_rejected_and_the_others_go_through(
        hub_url: str, make_desk: MakeDesk) -> None:
    from wimc_desktop.services.checkin import undo_checkin

    a, proxy_a = make_desk("A")
    b, proxy_b = make_desk("B")
    code, other = codes(a)[2], codes(a)[3]
    proxy_a.drop()
    proxy_b.drop()
    check_in(a, code, day=DAY, desk=Desk("A", "ann"))
    mine = check_in(b, code, day=DAY, desk=Desk("B", "bob"))
    assert mine.checkin is not None
    undo_checkin(b, mine.checkin.id, desk=Desk("B", "bob"), reason="wrong guest")
    later = check_in(b, other, day=DAY, desk=Desk("B", "bob"))
    proxy_a.restore()
    proxy_b.restore()
    assert sync(a).pending == 0
    report = sync(b)
    assert (report.pushed, report.duplicates, report.rejected, report.pending) == (3, 1, 1, 0)
    sync(a)  # (A hears of B's admission)
    kinds = sorted(outbox(b).values())
    assert kinds == [("checkin", "admitted"), ("checkin", "duplicate"), ("undo", "rejected")]
    hub = open_event_database(hub_url)
    try:
        assert later.checkin is not None and later.checkin.id in admissions(hub).values()
        assert admissions(a) == admissions(b) == admissions(hub)
        assert all_checkins(b) == all_checkins(hub)
    finally:
        hub.dispose()
