"""Search: what it keeps between two searches (the driver connection of Database.read_raw,
the index's state in snapshot.py) is never stale, whoever writes to the file meanwhile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from wimc_desktop.db.engine import KEPT_RAW, Database
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.domain.errors import StorageError
from wimc_desktop.domain.search_keys import search_keys
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.importing.writer import new_guest_record
from wimc_desktop.services.search import search_guests
from wimc_desktop.services.search.snapshot import Snapshot, read_snapshot

GUESTS = [
    {"name": "张乐福", "organization": "南京大学", "title": "教授", "badge_code": "WIMC-ZL0001",
     "category": "expert"},
    {"name": "欧阳娜娜", "organization": "华为技术有限公司", "title": "工程师",
     "badge_code": "WIMC-OY0001", "category": "company_rep"},
]
STATUS = "SELECT (SELECT value FROM wimc_meta"  # the start of cursor_status's statement


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    import_records(sqlite_db, GUESTS, source="test")
    return sqlite_db


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """Another desk's process on the same file: its own engine and connections."""
    desk = Database(db.url)
    yield desk
    desk.dispose()


def _snapshot(db: Database) -> Snapshot:
    with db.read_raw() as raw:
        return read_snapshot(raw.cursor(), raw.info)


def _kept(db: Database) -> Any:
    """The driver connection read_raw keeps for the next search."""
    assert len(db.idle_raw) == 1
    return db.idle_raw[0].dbapi_connection


def _walk_in(db: Database, name: str, code: str) -> None:
    """A new guest written without refreshing the index: late until the next sync."""
    record = new_guest_record({"name": name, "badge_code": code, "category": "visitor",
                               "attendance": "onsite"}, {}, "walk-in", None,
                              dt.datetime.now(dt.UTC))
    with db.write() as session:
        session.add(GuestRow(**record))


def test_read_raw_keeps_one_connection_out_of_any_transaction(db: Database) -> None:
    with db.read_raw() as raw:
        first = raw.dbapi_connection
        assert first.in_transaction
    assert _kept(db) is first and not first.in_transaction
    with db.read_raw() as raw:
        assert raw.dbapi_connection is first and not db.idle_raw
        with db.read_raw() as nested:  # (another thread at once: a connection of its own)
            assert nested.dbapi_connection is not first
    assert len(db.idle_raw) == KEPT_RAW
    db.dispose()
    assert not db.idle_raw


def test_a_failed_read_gives_its_connection_back(db: Database) -> None:
    with pytest.raises(StorageError), db.read_raw() as raw:
        raw.cursor().execute("SELECT * FROM no_such_table")
    assert not db.idle_raw
    assert search_guests(db, "WIMC-ZL0001").total == 1


def test_an_unchanged_file_is_not_asked_for_its_state_again(db: Database) -> None:
    search_guests(db, "张")
    statements: list[str] = []
    _kept(db).set_trace_callback(statements.append)
    assert search_guests(db, "WIMC-ZL0001").results[0].guest.name == "张乐福"
    _kept(db).set_trace_callback(None)
    assert statements[:3] == ["BEGIN DEFERRED", "PRAGMA schema_version", "PRAGMA data_version"]
    assert not any(s.startswith(STATUS) for s in statements)


def test_another_desks_writes_are_seen(db: Database, other: Database) -> None:
    assert search_guests(db, "王小明").total == 0 and _snapshot(db).late == 0
    _walk_in(other, "王小明", "WIMC-W00001")  # late: not in the index yet
    assert _snapshot(db).late == 1
    assert [h.guest.name for h in search_guests(db, "W00001").results] == ["王小明"]
    assert search_guests(db, "王小明").total == 1
    import_records(other, [{**GUESTS[1], "organization": "小米科技"}], source="again")
    assert _snapshot(db).late == 0  # (the import refreshed the index)
    assert search_guests(db, "小米").total == 1 and search_guests(db, "华为").total == 0
    with other.write() as session:
        session.execute(text("DELETE FROM guest WHERE badge_code = 'WIMC-ZL0001'"))
    assert search_guests(db, "张乐福").total == 0 and search_guests(db, "ZL0001").total == 0


def test_writes_on_the_searchs_own_connection_are_seen(db: Database) -> None:
    search_guests(db, "张")
    keys = search_keys("王南京", "", "")
    with _kept(db) as conn:  # (no other connection writes: data_version stays the same)
        conn.execute("UPDATE guest SET name = '王南京', name_pinyin = ?, name_initials = ? "
                     "WHERE badge_code = 'WIMC-ZL0001'", (keys.name_pinyin, keys.name_initials))
    assert _snapshot(db).late == 1
    assert search_guests(db, "张乐福").total == 0
    assert [h.matched for h in search_guests(db, "wangnanjing").results] == ["pinyin"]


def test_a_schema_change_on_the_searchs_own_connection_is_seen(db: Database) -> None:
    assert _snapshot(db).state == "ok"
    _kept(db).execute("DROP TRIGGER search_guest_update")  # (counted by neither of the others)
    assert _snapshot(db).state == "broken"
    assert [h.guest.name for h in search_guests(db, "oynn").results] == ["欧阳娜娜"]
