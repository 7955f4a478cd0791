"""The change feed on SQLite and PostgreSQL: every service write says what it changed, in
change_log in the same transaction and to the subscribers after the commit; other handles
(processes, desks) read it by poll; nothing a service writes goes unsaid."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, insert, select, text

from tests.unit.test_signings import draft
from wimc_desktop.db import change_feed
from wimc_desktop.db.change_feed import TABLE_KINDS, written_table
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import ChangeLogRow, GuestRow
from wimc_desktop.domain.changes import Change, ChangeKind, Changes, coalesced
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.services.badges import PrintOutput, record_prints, reissue_badge
from wimc_desktop.services.checkin import check_in, undo_checkin
from wimc_desktop.services.guests import record_contact_revealed
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.signings import add_signing, amend_signing, cancel_signing
from wimc_desktop.services.walkin import register_walk_in

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2020, 11, 26)
DESK = Desk("Desk 2", "王芳")
GUESTS = [{"name": f"嘉宾{n}", "category": "expert", "badge_code": f"C-{n:04d}",
           "attendance": "online" if n == 1 else "onsite", "mobile": f"1390000{n:04d}"}
          for n in range(5)]


class Heard:
    """What a handle's subscribers heard, and which watched tables each write wrote (a
    statement spy of the test's own, beside the feed's): every table written must be
    said by a change of its kind."""

    def __init__(self, db: Database) -> None:
        self.batches: list[Changes] = []
        self.tables: set[str] = set()
        db.changes.subscribe(self._on_changes)
        event.listen(db.engine, "before_cursor_execute", self._on_statement)
        self._engine = db.engine

    def _on_statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        table = written_table(statement)
        if table in TABLE_KINDS:
            self.tables.add(table)

    def _on_changes(self, changes: Changes) -> None:
        said = {c.kind for c in changes}
        unsaid = {t for t in self.tables if TABLE_KINDS[t] not in said}
        assert not unsaid or (ChangeKind.IMPORT in said and unsaid <= {"guest", "revoked_badge"}), \
            f"written without a change: {unsaid}"
        self.tables.clear()
        self.batches.append(changes)

    def take(self) -> Changes:
        """Everything heard since the last take, as one batch."""
        found = coalesced(c for batch in self.batches for c in batch)
        self.batches.clear()
        self.tables.clear()
        return found

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._on_statement)


@pytest.fixture
def db(event_db: Database) -> Iterator[Database]:
    import_records(event_db, GUESTS, source="tests")
    yield event_db


@pytest.fixture
def heard(db: Database) -> Iterator[Heard]:
    spy = Heard(db)
    yield spy
    spy.close()


def guest_id(db: Database, code: str) -> str:
    with db.read() as session:
        return str(session.execute(select(GuestRow.id).where(GuestRow.badge_code == code))
                   .scalar_one())


def by_kind(changes: Changes) -> dict[ChangeKind, Change]:
    found = {c.kind: c for c in changes}
    assert len(found) == len(changes), changes
    return found


def audited(changes: Changes, guest: str | None = None) -> Changes:
    """The changes but the audit log's one: every write is audited (issue 17), so its
    change is there too, naming the guest when the audit row does."""
    audit = [c for c in changes if c.kind is ChangeKind.AUDIT]
    assert len(audit) == 1, changes
    assert audit[0].ids == (frozenset({guest}) if guest else frozenset()), audit
    return tuple(c for c in changes if c.kind is not ChangeKind.AUDIT)


def logged(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [(r.kind, r.ids) for r in session.execute(
            select(ChangeLogRow).order_by(ChangeLogRow.id)).scalars()]


def test_a_checkin_is_one_change_with_its_guest_and_day(db: Database, heard: Heard) -> None:
    gid = guest_id(db, "C-0002")
    before = len(logged(db))
    assert check_in(db, "C-0002", day=DAY, desk=DESK).outcome is Outcome.ADMITTED
    changes = audited(heard.take(), gid)
    assert changes == (Change(ChangeKind.CHECKIN, frozenset({gid}), DAY),)
    assert sorted(logged(db)[before:]) == [("audit", gid), ("checkin", gid)]  # (same commit)


def test_an_undo_says_the_guest_and_the_day(db: Database, heard: Heard) -> None:
    gid = guest_id(db, "C-0002")
    result = check_in(db, "C-0002", day=DAY, desk=DESK)
    assert result.checkin is not None
    heard.take()
    undo_checkin(db, result.checkin.id, desk=DESK)
    assert by_kind(heard.take())[ChangeKind.CHECKIN] == Change(
        ChangeKind.CHECKIN, frozenset({gid}), DAY)


def test_an_online_guest_admitted_changes_the_guest_too(db: Database, heard: Heard) -> None:
    gid = guest_id(db, "C-0001")
    assert check_in(db, "C-0001", day=DAY, desk=DESK).attendance_changed
    changes = by_kind(heard.take())
    assert changes[ChangeKind.GUEST].ids == {gid}  # attendance: on site now
    assert changes[ChangeKind.CHECKIN].ids == {gid}
    assert ChangeKind.AUDIT in changes


def test_a_refused_scan_changes_only_the_audit(db: Database, heard: Heard) -> None:
    check_in(db, "C-0003", day=DAY, desk=DESK)
    heard.take()
    assert check_in(db, "C-0003", day=DAY, desk=DESK).outcome is Outcome.ALREADY_CHECKED_IN
    assert [c.kind for c in heard.take()] == [ChangeKind.AUDIT]


def test_a_walk_in_is_a_new_guest_and_an_admission(db: Database, heard: Heard) -> None:
    result = register_walk_in(db, name="赵敏", day=DAY, desk=DESK, mobile="13912345678",
                              category="expert")
    assert result.guest is not None
    changes = by_kind(heard.take())
    assert changes[ChangeKind.GUEST].ids == {result.guest.id}
    assert changes[ChangeKind.CHECKIN] == Change(ChangeKind.CHECKIN,
                                                 frozenset({result.guest.id}), DAY)


def test_badge_prints_and_a_reissue(db: Database, heard: Heard) -> None:
    gid = guest_id(db, "C-0004")
    record_prints(db, [gid], DESK, "card", PrintOutput.PDF)
    assert audited(heard.take(), gid) == (Change(ChangeKind.BADGE, frozenset({gid})),)
    record_prints(db, [gid], DESK, "card", PrintOutput.PDF, reason="damaged")  # a reprint
    assert audited(heard.take(), gid) == (Change(ChangeKind.BADGE, frozenset({gid})),)
    reissue_badge(db, "C-0004", reason="lost", desk=DESK)  # revoked, replaced, audited
    changes = by_kind(heard.take())
    assert changes[ChangeKind.BADGE].ids == changes[ChangeKind.GUEST].ids == {gid}


def test_signings_added_amended_cancelled(db: Database, heard: Heard) -> None:
    signing = add_signing(db, draft(), operator="王芳")
    assert audited(heard.take()) == (Change(ChangeKind.SIGNING, frozenset({signing.id})),)
    amend_signing(db, signing.id, dataclasses.replace(draft(), sector="智能制造"),
                  operator="王芳", reason="sector corrected")
    assert audited(heard.take()) == (Change(ChangeKind.SIGNING, frozenset({signing.id})),)
    cancel_signing(db, signing.id, operator="王芳", reason="withdrawn")
    assert audited(heard.take()) == (Change(ChangeKind.SIGNING, frozenset({signing.id})),)


def test_an_import_is_one_change_however_many_guests(db: Database, heard: Heard) -> None:
    before = len(logged(db))
    import_records(db, [{"name": f"新嘉宾{n}", "category": "media"} for n in range(300)],
                   source="tests")
    assert audited(heard.take()) == (Change(ChangeKind.IMPORT),)
    assert sorted(logged(db)[before:]) == [("audit", ""), ("import", "")]


def test_contact_details_shown_are_an_audit_change(db: Database, heard: Heard) -> None:
    record_contact_revealed(db, DESK, "guests_page")
    assert heard.take() == (Change(ChangeKind.AUDIT),)


def test_a_write_no_service_said_is_still_a_change(db: Database, heard: Heard) -> None:
    """A statement that writes guests behind the ORM's back (as the import's bulk insert
    does) still makes a change of its kind: no write can forget it."""
    with db.write() as session:
        session.execute(text("UPDATE guest SET title = 'x' WHERE badge_code = 'C-0000'"))
    assert heard.take() == (Change(ChangeKind.GUEST),)  # (which guest: not known, so many)


def test_a_bulk_write_beside_a_row_write_is_still_said(db: Database, heard: Heard) -> None:
    """One guest changed through the ORM and every guest by a statement in the same
    transaction: the statement's change is not hidden behind the row's."""
    with db.write() as session:
        guest = session.execute(select(GuestRow).where(GuestRow.badge_code == "C-0000")
                                ).scalar_one()
        guest.title = "y"
        session.flush()
        session.execute(text("UPDATE guest SET notes = 'z'"))
    assert heard.take() == (Change(ChangeKind.GUEST),)  # many, not just the one


def test_a_rolled_back_write_says_nothing(db: Database, heard: Heard) -> None:
    before = len(logged(db))
    with pytest.raises(BadInputError), db.write() as session:
        session.execute(text("UPDATE guest SET title = 'x'"))
        raise BadInputError("changed my mind")
    assert heard.take() == ()
    assert len(logged(db)) == before


def test_a_dry_run_import_says_nothing(db: Database, heard: Heard) -> None:
    before = len(logged(db))
    from wimc_desktop.services.importing import import_table
    from wimc_desktop.services.importing.readers import RawTable

    table = RawTable("dry", "", "", [], [["name", "category"], ["干跑", "media"]])
    assert import_table(db, table, dry_run=True).added == 1
    assert heard.take() == ()
    assert len(logged(db)) == before


def test_another_handle_hears_by_poll_and_the_writer_not_twice(db: Database) -> None:
    other = Database(db.url)
    try:
        assert other.poll_changes() == ()  # the first poll sets the cursor: not news
        gid = guest_id(db, "C-0002")
        check_in(db, "C-0002", day=DAY, desk=DESK)
        news = audited(other.poll_changes(), gid)
        assert news == (Change(ChangeKind.CHECKIN, frozenset({gid}), DAY, here=False),)
        assert other.poll_changes() == ()  # read once
        db.poll_changes()  # (its cursor)
        check_in(db, "C-0003", day=DAY, desk=DESK)
        assert db.poll_changes() == ()  # its own: heard at the commit, not again
    finally:
        other.dispose()


def test_a_change_committed_late_is_heard_once_on_postgres(db: Database) -> None:
    """PostgreSQL gives ids before commit: a transaction holding a small id commits after
    300 larger ones were read (more than any window a reader might look back on). Its
    change is heard at the next poll all the same, and no row is read twice."""
    if db.is_sqlite:
        pytest.skip("SQLite has one writer at a time: its ids follow its commits")
    table = change_feed.CHANGE_LOG
    other = Database(db.url)
    try:
        assert other.poll_changes() == ()  # the cursor
        row = {"at": dt.datetime.now(dt.UTC), "writer": "another-desk"}
        with db.engine.connect() as late:
            late.begin()
            late.execute(insert(table).values(**row, kind="checkin", day=DAY, ids="g-late"))
            with db.engine.begin() as quick:  # 300 ids after it, committed first
                quick.execute(insert(table), [{**row, "kind": "signing", "ids": f"s{n}"}
                                              for n in range(300)])
            news = other.poll_changes()
            assert [c.kind for c in news] == [ChangeKind.SIGNING]
            assert len(news[0].ids) == 0  # (300 ids: "many")
            assert other.poll_changes() == ()
            late.commit()
        assert other.poll_changes() == (
            Change(ChangeKind.CHECKIN, frozenset({"g-late"}), DAY, here=False),)
        assert other.poll_changes() == ()
        assert other.changes.rows_read == 301  # each row once, none again at rest
    finally:
        other.dispose()


def test_the_sqlite_poll_reads_each_row_once(db: Database) -> None:
    other = Database(db.url)
    try:
        other.poll_changes()
        before = len(logged(db))
        check_in(db, "C-0001", day=DAY, desk=DESK)
        assert other.poll_changes() != ()
        assert other.poll_changes() == ()
        assert other.changes.rows_read == len(logged(db)) - before > 0
    finally:
        other.dispose()


def test_changes_from_elsewhere_enter_through_publish(db: Database) -> None:
    """The entry point of the many-desks sync: pulled changes reach the same subscribers."""
    got: list[Changes] = []
    db.changes.subscribe(got.append)
    db.changes.publish([Change(ChangeKind.CHECKIN, frozenset({"g1"}), DAY)], here=False)
    assert got == [(Change(ChangeKind.CHECKIN, frozenset({"g1"}), DAY, here=False),)]


def test_the_log_is_pruned(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(change_feed, "KEEP_ROWS", 10)
    monkeypatch.setattr(change_feed, "PRUNE_EVERY", 5)
    for _ in range(30):
        record_contact_revealed(db, DESK, "guests_page")
    with db.read() as session:
        rows = session.execute(select(func.count()).select_from(ChangeLogRow)).scalar_one()
    assert rows <= 10 + 5


def test_coalesced_merges_and_caps_ids() -> None:
    many = [Change(ChangeKind.CHECKIN, frozenset({f"g{n}"}), DAY) for n in range(300)]
    assert coalesced(many) == (Change(ChangeKind.CHECKIN, frozenset(), DAY),)
    few = coalesced([Change(ChangeKind.GUEST, frozenset({"a"})),
                     Change(ChangeKind.GUEST, frozenset({"b"}))])
    assert few == (Change(ChangeKind.GUEST, frozenset({"a", "b"})),)
    assert coalesced([Change(ChangeKind.IMPORT), Change(ChangeKind.GUEST)]) == \
        (Change(ChangeKind.IMPORT),)


def test_written_table_reads_every_form_of_write() -> None:
    assert written_table('INSERT INTO guest (id) VALUES (?)') == "guest"
    assert written_table("INSERT OR IGNORE INTO search_code_prefix (prefix) VALUES (?)") == \
        "search_code_prefix"
    assert written_table('UPDATE "checkin" SET x = 1') == "checkin"
    assert written_table("DELETE FROM signing_party WHERE signing_id = ?") == "signing_party"
    assert written_table("SELECT * FROM guest") is None


def test_a_cli_walk_in_in_another_process_is_heard_by_poll(tmp_path: Path) -> None:
    from wimc_desktop.services.events import create_event

    db = create_event(tmp_path / "event.wimc", name_zh="测试大会", start=DAY,
                      end=dt.date(2020, 11, 28))
    try:
        db.poll_changes()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "wimc_desktop", "--db", str(tmp_path / "event.wimc"),
             "walkin", "--name", "钱多多", "--day", DAY.isoformat(), "--json"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        kinds = {c.kind: c for c in db.poll_changes()}
        assert set(kinds) >= {ChangeKind.GUEST, ChangeKind.CHECKIN}
        assert not kinds[ChangeKind.CHECKIN].here and kinds[ChangeKind.CHECKIN].day == DAY
    finally:
        db.dispose()
