"""The event database: SQLite settings, write transactions, schema versions, refusals."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from wimc_desktop.db.engine import Database, refuse_network_share, resolve_url
from wimc_desktop.db.migrate import head_revision, include_name
from wimc_desktop.db.schema import Base
from wimc_desktop.domain.errors import (
    BadInputError,
    NewerSchemaError,
    NotAnEventDatabaseError,
    StorageError,
)
from wimc_desktop.services.events import create_event, get_event, open_event_database


def test_sqlite_connections_use_the_safe_settings(sqlite_db: Database) -> None:
    with sqlite_db.read() as session:
        pragma = {p: session.execute(text(f"PRAGMA {p}")).scalar()
                  for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                      "busy_timeout": 5000}


def test_write_transactions_take_the_lock_at_begin(sqlite_db: Database) -> None:
    path = sqlite_db.url.split(":///", 1)[1]
    with sqlite_db.write() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_failed_action_writes_nothing(sqlite_db: Database) -> None:
    with pytest.raises(RuntimeError), sqlite_db.write() as session:
        session.execute(text("UPDATE event SET name_zh = 'changed'"))
        raise RuntimeError("crash in the middle")
    assert get_event(sqlite_db).name_zh == "测试大会"


def test_the_scripts_read_without_alembic_give_alembic_s_revisions() -> None:
    from wimc_desktop.db.migrate import known_revisions, script_revisions

    assert script_revisions() == (frozenset(known_revisions()), head_revision())


def test_migrations_match_the_tables(event_db: Database) -> None:
    with event_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []


def test_event_round_trips(event_db: Database) -> None:
    event = get_event(event_db)
    assert event.name_zh == "测试大会" and event.timezone == "Asia/Shanghai"
    assert [d.day for d in event.days] == [26, 27, 28]
    assert [c.name_zh for c in event.categories][:3] == ["领导", "院士", "专家"]
    assert {c.code for c in event.categories if c.is_vip} == {
        "official", "academician", "expert", "company_rep"}


def test_an_existing_event_is_not_overwritten(event_db: Database) -> None:
    with pytest.raises(BadInputError, match="already holds"):
        create_event(event_db.url, name_zh="又一个", start=dt.date(2021, 1, 1),
                     end=dt.date(2021, 1, 2))


def test_init_refuses_bad_dates_and_zones(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="before"):
        create_event(tmp_path / "a.wimc", name_zh="x", start=dt.date(2020, 11, 28),
                     end=dt.date(2020, 11, 26))
    with pytest.raises(BadInputError, match="time zone"):
        create_event(tmp_path / "b.wimc", name_zh="x", start=dt.date(2020, 11, 26),
                     end=dt.date(2020, 11, 26), timezone="Mars/Olympus")


def test_a_missing_file_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(NotAnEventDatabaseError):
        open_event_database(tmp_path / "missing.wimc")
    assert not (tmp_path / "missing.wimc").exists()


def test_other_files_are_refused_clearly(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.wimc"
    text_file.write_text("hello, this is not a database\n" * 50)
    with pytest.raises(NotAnEventDatabaseError, match="not a WIMC event database"):
        open_event_database(text_file)
    assert text_file.read_text().startswith("hello")
    other_db = tmp_path / "other.sqlite"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotAnEventDatabaseError, match="holds no WIMC event database"):
        open_event_database(other_db)


def test_a_newer_schema_is_refused(sqlite_db: Database) -> None:
    with sqlite_db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(NewerSchemaError, match="newer WIMC Desk"):
        open_event_database(sqlite_db.url)


def test_network_shares_are_refused() -> None:
    with pytest.raises(StorageError, match="network share"):
        refuse_network_share(Path("//fileserver/share/event.wimc"))


def test_paths_and_urls() -> None:
    assert resolve_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("x.wimc").startswith("sqlite:////")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_new_event_file_and_its_folder_are_the_users_alone(tmp_path: Path) -> None:
    """The event file holds names, mobiles and e-mails: it was created 0644 (and its -wal
    and -shm with it), readable by every account on the desk's computer."""
    import stat

    from wimc_desktop.services.events import create_event

    target = tmp_path / "new folder" / "event.wimc"
    db = create_event(target, name_zh="世界智能制造大会", start=dt.date(2020, 11, 26),
                      end=dt.date(2020, 11, 28))
    try:
        with db.read_connection() as conn:  # (a reader makes the -shm, if not there yet)
            conn.exec_driver_sql("SELECT count(*) FROM guest").scalar()
        files = [f for f in target.parent.iterdir() if f.name.startswith("event.wimc")]
        assert {f.name for f in files} >= {"event.wimc", "event.wimc-wal", "event.wimc-shm"}
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
        assert stat.S_IMODE(target.parent.stat().st_mode) & 0o077 == 0
    finally:
        db.dispose()


def test_bulk_settings_go_back_as_they_were_also_after_an_error() -> None:
    import sqlite3

    from wimc_desktop.db.bulk import BULK_CACHE_KIB, bulk_settings

    raw = sqlite3.connect(":memory:", isolation_level=None)
    before = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute("BEGIN")
    with pytest.raises(ZeroDivisionError), bulk_settings(raw):
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == -BULK_CACHE_KIB
        _ = 1 / 0
    assert raw.execute("PRAGMA cache_size").fetchone()[0] == before
    raw.close()
