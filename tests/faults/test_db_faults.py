"""The database's failures as the core sees them: each kind classified by its error code,
a lock held by another process or connection, foreign and empty files, read-only files
and folders."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.faults.conftest import DAY, file_state, lock_held, read_only
from wimc_desktop.db.engine import Database
from wimc_desktop.db.faults import Fault, classify, storage_error
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import (
    BadInputError,
    CannotWriteError,
    DatabaseBusyError,
    HubUnreachableError,
    NotAnEventDatabaseError,
)
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.events import create_event, open_event_database
from wimc_desktop.services.guests import list_guests

DESK = Desk("Desk 1", "tester")
EVENT_DAY = dt.date.fromisoformat(DAY)


def _sqlite_error(path: Path, *statements: str, uri: bool = False) -> sqlite3.Error:
    try:
        conn = sqlite3.connect(str(path), uri=uri, isolation_level=None, timeout=0)
    except sqlite3.Error as exc:
        return exc
    try:
        for statement in statements:
            conn.execute(statement)
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError(f"no error from {statements}")


# --- classified by code, never by text ---------------------------------------------------

def test_sqlite_errors_are_classified_by_their_codes(tmp_path: Path) -> None:
    db_file = tmp_path / "x.db"
    sqlite3.connect(db_file).execute("CREATE TABLE t (x)").connection.commit()
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    busy = _sqlite_error(db_file, "BEGIN IMMEDIATE")
    holder.execute("ROLLBACK")
    holder.close()
    read_only_error = _sqlite_error(Path(db_file.as_uri() + "?mode=ro"),
                                    "INSERT INTO t VALUES (1)", uri=True)
    # A full disk, really: the file may not grow past 2 pages.
    full = _sqlite_error(db_file, "PRAGMA max_page_count = 2",
                         "INSERT INTO t SELECT zeroblob(100000)")
    (tmp_path / "text.db").write_text("not a database\n" * 100)
    not_a_db = _sqlite_error(tmp_path / "text.db", "SELECT * FROM sqlite_master")
    cant_open = _sqlite_error(tmp_path / "no" / "such" / "folder.db", "SELECT 1")
    assert [classify(e) for e in (busy, read_only_error, full, not_a_db, cant_open)] == [
        Fault.BUSY, Fault.READ_ONLY, Fault.FULL, Fault.NOT_A_DATABASE, Fault.CANT_OPEN]
    assert [type(storage_error(e, "x.db")) for e in (busy, read_only_error, full)] == [
        DatabaseBusyError, CannotWriteError, CannotWriteError]
    wrapped = sa.exc.OperationalError("BEGIN", {}, busy)
    assert classify(wrapped) is Fault.BUSY


def test_the_message_text_plays_no_part() -> None:
    worded = sqlite3.OperationalError("database is locked")  # the text, without a code
    assert classify(worded) is None
    coded = sqlite3.OperationalError("something else entirely")
    coded.sqlite_errorcode = 13  # SQLITE_FULL
    assert classify(coded) is Fault.FULL
    assert classify(ValueError("database is locked")) is None


@pytest.mark.postgres
def test_postgres_errors_are_classified_by_sqlstate(postgres_event: str) -> None:
    engine = sa.create_engine(postgres_event)
    errors = []
    with engine.connect() as holder:
        holder.execute(sa.text("SELECT id FROM guest FOR UPDATE"))
        with engine.connect() as other:
            for statement in ("SELECT id FROM guest FOR UPDATE NOWAIT",
                              "SET LOCAL statement_timeout = 50; SELECT pg_sleep(2)",
                              "SET TRANSACTION READ ONLY; DELETE FROM guest"):
                with pytest.raises(sa.exc.DBAPIError) as caught:
                    other.exec_driver_sql(statement)
                errors.append(caught.value)
                other.rollback()
        holder.rollback()
    engine.dispose()
    assert [classify(e) for e in errors] == [Fault.BUSY, Fault.BUSY, Fault.READ_ONLY]
    nowhere = sa.create_engine("postgresql+psycopg://wimc:wimc@127.0.0.1:1/none")
    with pytest.raises(sa.exc.OperationalError) as caught:
        nowhere.connect()
    assert isinstance(storage_error(caught.value, "hub"), HubUnreachableError)


# --- busy: another program holds the lock ------------------------------------------------

def test_a_writer_held_past_the_busy_timeout_is_busy_and_changes_nothing(
        event_file: str, short_busy: str) -> None:
    db = open_event_database(event_file)
    with lock_held(event_file), pytest.raises(DatabaseBusyError) as caught:
        check_in(db, "F-001", day=EVENT_DAY, desk=DESK)
    assert caught.value.exit_code == 10
    assert "another program is using the event database" in str(caught.value)
    assert "safe to try again" in str(caught.value) and event_file in str(caught.value)
    assert check_in(db, "F-001", day=EVENT_DAY, desk=DESK).outcome == "admitted"
    db.dispose()


def test_an_exclusive_lock_is_busy_not_missing(event_file: str, short_busy: str) -> None:
    with lock_held(event_file, "exclusive"), pytest.raises(DatabaseBusyError):
        open_event_database(event_file)


def test_the_busy_timeout_comes_from_the_environment(event_file: str, short_busy: str) -> None:
    db = open_event_database(event_file)
    with db.read() as session:
        assert session.execute(sa.text("PRAGMA busy_timeout")).scalar() == int(short_busy)
    db.dispose()


@pytest.mark.postgres
def test_postgres_sessions_have_time_limits(postgres_event: str) -> None:
    db = open_event_database(postgres_event)
    with db.read() as session:
        limits = [session.execute(sa.text(f"SHOW {name}")).scalar()
                  for name in ("lock_timeout", "statement_timeout")]
    db.dispose()
    assert limits == ["5s", "30s"]


@pytest.mark.postgres
def test_a_locked_guest_row_on_postgres_is_busy_within_the_bound(
        postgres_event: str, short_busy: str) -> None:
    db = open_event_database(postgres_event)
    other = sa.create_engine(postgres_event)
    outcome: list[object] = []
    with other.connect() as holder:
        holder.execute(sa.text("SELECT id FROM guest WHERE badge_code = 'F-001' FOR UPDATE"))

        def scan() -> None:
            try:
                outcome.append(check_in(db, "F-001", day=EVENT_DAY, desk=DESK))
            except Exception as exc:  # (told to the test below)
                outcome.append(exc)

        started = time.monotonic()
        desk = threading.Thread(target=scan)
        desk.start()
        desk.join(timeout=15)
        waited = time.monotonic() - started
        holder.rollback()  # (lets a desk that waits for ever end, so the test can fail)
    desk.join(timeout=30)
    other.dispose()
    assert waited < 15, "the check-in waited on the locked row with no limit"
    assert len(outcome) == 1 and isinstance(outcome[0], DatabaseBusyError), outcome
    assert check_in(db, "F-001", day=EVENT_DAY, desk=DESK).outcome == "admitted"
    db.dispose()


# --- files that are not event databases --------------------------------------------------

def _foreign(folder: Path, journal: str) -> Path:
    path = folder / f"other-{journal}.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('keep me')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["empty", "foreign-delete", "foreign-wal", "text"])
def test_a_file_that_is_not_an_event_database_is_never_changed(tmp_path: Path,
                                                                kind: str) -> None:
    folder = tmp_path / kind
    folder.mkdir()
    if kind == "empty":
        path = folder / "event.wimc"
        path.touch()
    elif kind == "text":
        path = folder / "notes.wimc"
        path.write_text("hello\n" * 100)
    else:
        path = _foreign(folder, kind.split("-")[1])
    before = file_state(folder)
    with pytest.raises(NotAnEventDatabaseError):
        open_event_database(path)
    with pytest.raises(BadInputError, match="not a WIMC event database") as caught:
        create_event(path, name_zh="不该写入", start=EVENT_DAY, end=EVENT_DAY)
    assert caught.value.exit_code == 2 and "init leaves it unchanged" in str(caught.value)
    assert file_state(folder) == before  # (the same files, byte for byte: none added)


def test_init_fills_a_sqlite_database_with_nothing_in_it(tmp_path: Path) -> None:
    blank = tmp_path / "blank.wimc"  # (as an init killed before its first commit leaves it)
    conn = sqlite3.connect(blank)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert blank.stat().st_size > 0
    with pytest.raises(NotAnEventDatabaseError):
        open_event_database(blank)
    db = create_event(blank, name_zh="重新创建", start=EVENT_DAY, end=EVENT_DAY)
    assert list_guests(db) == []
    db.dispose()


@pytest.mark.postgres
def test_init_adds_nothing_to_a_postgres_database_of_another_program(
        postgres_event: str) -> None:
    from tests.conftest import reset_postgres

    reset_postgres(postgres_event)
    engine = sa.create_engine(postgres_event)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE their_orders (id int)")
    with pytest.raises(BadInputError, match="another program's tables"):
        create_event(postgres_event, name_zh="不该写入", start=EVENT_DAY, end=EVENT_DAY)
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == ["their_orders"]
    engine.dispose()


# --- read-only -----------------------------------------------------------------------

def test_a_read_only_folder_is_read_and_a_write_says_why_not(event_file: str) -> None:
    folder = Path(event_file).parent
    before = file_state(folder)
    assert list(before) == ["event.wimc"]  # (closed cleanly: no -wal, no -shm)
    with read_only(folder):
        db = open_event_database(event_file)
        assert db.read_only
        assert sorted(g.badge_code for g in list_guests(db)) == ["F-001", "F-002", "F-003",
                                                                  "F-004"]
        with pytest.raises(CannotWriteError) as caught:
            check_in(db, "F-001", day=EVENT_DAY, desk=DESK)
        db.dispose()
    assert caught.value.exit_code == 11
    assert event_file in str(caught.value) and "read-only" in str(caught.value)
    assert file_state(folder) == before


def test_a_read_only_file_is_read_and_a_write_says_why_not(event_file: str) -> None:
    path = Path(event_file)
    with read_only(path):
        db = open_event_database(event_file)
        assert len(list_guests(db)) == 4
        with pytest.raises(CannotWriteError) as caught:
            check_in(db, "F-002", day=EVENT_DAY, desk=DESK)
        db.dispose()
    assert event_file in str(caught.value) and "read-only" in str(caught.value)
    db = open_event_database(event_file)
    assert check_in(db, "F-002", day=EVENT_DAY, desk=DESK).outcome == "admitted"
    db.dispose()


def test_a_new_event_in_a_read_only_folder_cannot_be_written(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder), pytest.raises(CannotWriteError) as caught:
        create_event(folder / "new.wimc", name_zh="新活动", start=EVENT_DAY, end=EVENT_DAY)
    assert str(folder / "new.wimc") in str(caught.value)
    assert list(folder.iterdir()) == []


def test_a_read_only_handle_refuses_writes_before_beginning(event_file: str) -> None:
    db = Database(f"sqlite:///{event_file}", "read_only")
    with pytest.raises(CannotWriteError, match="read-only"), db.write():
        raise AssertionError("a write began on a read-only handle")
    db.dispose()
