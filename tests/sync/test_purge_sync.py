"""The hub's purge of personal data reaches every copy: a walk-in with a mobile and an
e-mail made at desk A, its e-mail corrected at desk B, an online guest of the list admitted
at A (the event carries that guest's row); the hub purges; after both desks sync, no table
of the hub or of either desk holds any of those values in any column (the events' payloads
included), a desk's search finds nothing by them, the desks' files and -wal hold no byte of
them, and every audit chain verifies everywhere."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from tests.sync.conftest import DAY, MakeDesk, outbox
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database, sqlite_path
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.services.audit import check_chain, verify_chains
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.guest_edits import edit_guest
from wimc_desktop.services.privacy import CLEANUP_DUE, purge_personal_data
from wimc_desktop.services.search import search_guests
from wimc_desktop.services.sync.desk import sync
from wimc_desktop.services.walkin import register_walk_in

pytestmark = pytest.mark.postgres
ANN, BOB = Desk("A", "ann"), Desk("B", "bob")
OFFICE = Desk("office", "root", "admin")
AFTER = dt.datetime(2020, 12, 1, 4, tzinfo=dt.UTC)  # (the event ends 2020-11-28)
MOBILE, EMAIL, EDITED = "13987654321", "purge-test@example.org", "purge-edit@example.org"
ONLINE_GUEST = ("EN-000001", "19380927525", "user0@example.com")  # the list's, online


def _hub_tables_holding(hub: Database, value: str) -> list[str]:
    """The hub's tables with a row whose text holds the value (any column)."""
    with hub.read() as session:
        names = inspect(session.connection()).get_table_names()
        return [n for n in names if session.execute(text(
            f'SELECT count(*) FROM "{n}" t WHERE CAST(t AS text) LIKE :v'),
            {"v": f"%{value}%"}).scalar()]


def _desk_tables_holding(path: Path, value: str) -> list[str]:
    """The desk file's tables (the search index's included) with a cell holding it."""
    conn = sqlite3.connect(path)
    try:
        names = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return [n for n in names if any(value in str(row) for row in
                                        conn.execute(f'SELECT * FROM "{n}"'))]
    finally:
        conn.close()


def _file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_a_purge_on_the_hub_leaves_no_value_on_the_hub_or_any_desk(
        hub_url: str, make_desk: MakeDesk) -> None:
    a, _ = make_desk("A")
    b, _ = make_desk("B")
    walk_in = register_walk_in(a, name="郑净化", day=DAY, desk=ANN, organization="某公司",
                               mobile=MOBILE, email=EMAIL)
    assert walk_in.outcome is Outcome.ADMITTED and walk_in.code
    code, online_mobile, online_email = ONLINE_GUEST
    assert check_in(a, code, day=DAY, desk=ANN).outcome is Outcome.ADMITTED
    assert sync(a).pending == 0
    sync(b)
    edited, _ = edit_guest(b, walk_in.code, BOB, {"email": EDITED})
    assert edited.email == EDITED
    assert sync(b).pending == 0
    sync(a)
    hub = Database(hub_url)
    values = (MOBILE, EMAIL, EDITED, online_mobile, online_email)
    paths = [p for p in (sqlite_path(a.url), sqlite_path(b.url)) if p is not None]
    try:
        # Before: the events' payloads (hub_event everywhere, each desk's outbox) and the
        # files hold them: what the purge must reach.
        assert "hub_event" in _hub_tables_holding(hub, EMAIL)
        assert {"hub_event", "sync_outbox"} <= set(_desk_tables_holding(paths[1], EMAIL))
        assert "hub_event" in _hub_tables_holding(hub, online_email)
        assert MOBILE.encode() in _file_bytes(paths[0])

        result = purge_personal_data(hub, OFFICE, now=AFTER)
        assert result.events >= 3  # (the walk-in, the online guest's admission, the edit)
        for db in (a, b):
            report = sync(db)
            assert report.online and report.pending == 0

        for value in values:
            assert _hub_tables_holding(hub, value) == [], value
            for path in paths:
                assert _desk_tables_holding(path, value) == [], (path.name, value)
                assert value.encode() not in _file_bytes(path), (path.name, value)
        for db in (hub, a, b):
            check_chain(db)
            assert all(c.broken is None for c in verify_chains(db))
        for db in (a, b):
            assert [h.guest.id for h in search_guests(db, MOBILE).results] == []
            assert [h.guest.id for h in search_guests(db, "example.org").results] == []
            assert [h.guest.name for h in search_guests(db, "郑净化").results] == ["郑净化"]
            with db.read() as session:  # (the clean-up done: nothing owed)
                assert session.get(s.Meta, CLEANUP_DUE) is None
                assert session.execute(select(s.CheckInRow.id).where(
                    s.CheckInRow.badge_code == walk_in.code)).first() is not None
            assert all(status != "pending" for _, status in outbox(db).values())
        with hub.read() as session:  # (which fields an edit changed is kept)
            payloads = [p for (p,) in session.execute(select(s.HubEventRow.payload).where(
                s.HubEventRow.kind == "guest_edit"))]
        assert any(row["table"] == "guest" and row.get("before", {}).get("email") == ""
                   for p in payloads for row in p["rows"])
    finally:
        hub.dispose()


def test_a_desk_that_stopped_before_its_clean_up_finishes_it_at_its_next_pull(
        hub_url: str, make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch) -> None:
    from wimc_desktop.services.sync import desk as desk_side

    a, _ = make_desk("A")
    register_walk_in(a, name="郑净化", day=DAY, desk=ANN, mobile=MOBILE, email=EMAIL)
    sync(a)
    hub = Database(hub_url)
    try:
        purge_personal_data(hub, OFFICE, now=AFTER)
    finally:
        hub.dispose()
    monkeypatch.setattr(desk_side, "finish_pulled_purge", lambda db: False)  # (killed)
    assert sync(a).pulled > 0
    path = sqlite_path(a.url)
    assert path is not None
    with a.read() as session:
        assert session.get(s.Meta, CLEANUP_DUE) is not None
    monkeypatch.undo()
    assert sync(a).pulled == 0  # (nothing new: the debt alone)
    with a.read() as session:
        assert session.get(s.Meta, CLEANUP_DUE) is None
    for value in (MOBILE, EMAIL):
        assert _desk_tables_holding(path, value) == []
        assert value.encode() not in _file_bytes(path)


LATE_MOBILE, LATE_EMAIL, LATE_EDIT = "13911112222", "late-walkin@example.net", \
    "late-edit@example.net"


@pytest.mark.parametrize("pulled_first", [False, True], ids=["sync", "pull-then-sync"])
def test_an_event_made_before_the_purge_that_reaches_the_hub_after_it_brings_nothing_back(
        hub_url: str, make_desk: MakeDesk, pulled_first: bool) -> None:
    """Desk A offline through the purge: its walk-in, its edit of a guest's e-mail and its
    admission of a list guest (whose row the event carries) reach the hub after the purge.
    `pulled_first`: A pulls the purge before pushing them (its receipted copies then
    scrubbed by the clean-up the receipts make due)."""
    from wimc_desktop.services.sync import desk as desk_side
    from wimc_desktop.services.sync.connect import hub_engine

    a, proxy_a = make_desk("A")
    b, _ = make_desk("B")
    sync(a)
    sync(b)
    edited_code, admitted_code = "EN-000002", "EN-000003"
    with a.read() as session:
        admitted = session.execute(select(s.GuestRow).where(
            s.GuestRow.badge_code == admitted_code)).scalar_one()
        listed = (admitted.mobile, admitted.email)
    assert all(listed)
    proxy_a.drop()  # (A offline through the purge)
    walk_in = register_walk_in(a, name="郑迟到", day=DAY, desk=ANN, mobile=LATE_MOBILE,
                               email=LATE_EMAIL)
    assert walk_in.code
    assert edit_guest(a, edited_code, ANN, {"email": LATE_EDIT})[0].email == LATE_EDIT
    assert check_in(a, admitted_code, day=DAY, desk=ANN).outcome is Outcome.ADMITTED
    assert not sync(a).online
    hub = Database(hub_url)
    paths = [p for p in (sqlite_path(a.url), sqlite_path(b.url)) if p is not None]
    try:
        purge_personal_data(hub, OFFICE, now=AFTER)
        proxy_a.restore()
        if pulled_first:
            engine = hub_engine(desk_side.sync_state(a).hub_url)
            try:
                assert desk_side.pull(a, engine) > 0
            finally:
                engine.dispose()
            assert len([1 for _, st in outbox(a).values() if st == "pending"]) == 3
        report = sync(a)
        assert report.online and report.pending == 0 and report.rejected == 0
        assert sync(b).online
        with hub.read() as session:  # (the late events taken, their guests without values)
            late = session.execute(select(s.GuestRow).where(
                s.GuestRow.badge_code == walk_in.code)).scalar_one()
            assert (late.name, late.mobile, late.email) == ("郑迟到", "", "")
            assert session.scalar(select(func.count()).select_from(s.HubEventRow).where(
                s.HubEventRow.desk == "A")) == 3
        for value in (LATE_MOBILE, LATE_EMAIL, LATE_EDIT, *listed):
            assert _hub_tables_holding(hub, value) == [], value
            for path in paths:
                assert _desk_tables_holding(path, value) == [], (path.name, value)
                assert value.encode() not in _file_bytes(path), (path.name, value)
        for db in (a, b):
            with db.read() as session:
                assert session.get(s.Meta, CLEANUP_DUE) is None
                assert session.execute(select(s.CheckInRow.id).where(
                    s.CheckInRow.badge_code == admitted_code)).first() is not None
            assert all(status != "pending" for _, status in outbox(db).values())
        for db in (hub, a, b):
            assert all(c.broken is None for c in verify_chains(db))
    finally:
        hub.dispose()
