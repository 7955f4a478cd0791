"""The search index of a first large import, built beside the guests' write (search.prebuilt).

The lists here are short: the thresholds are lowered so that they take the same path as a
100,000-guest list does.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_search import _records, reference
from wimc_desktop.db.engine import Database
from wimc_desktop.services.events import create_event
from wimc_desktop.services.importing import import_records, writer
from wimc_desktop.services.search import prebuilt, search_guests

QUERIES = ("wang", "欧阳", "zh", "jm", "1380", "@nju", "WIMC-00001", "REG-5", "研究", "总工",
           "ou yang", "B000012", "")
REPO = Path(__file__).resolve().parents[2]


def new_event(folder: Path, name: str) -> Database:
    return create_event(folder / name, name_zh="测试大会", start=dt.date(2020, 11, 26),
                        end=dt.date(2020, 11, 28))


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[prebuilt.PrebuiltIndex]:
    """The path taken from 50 guests up; the indexes built beside, as they start."""
    assert prebuilt.memstatus_off(), "SQLite's memory statistics should be off (conftest)"
    monkeypatch.setattr(prebuilt, "MIN_GUESTS", 50)
    monkeypatch.setattr(writer, "DEFER_INDEXES_FROM", 50)
    started: list[prebuilt.PrebuiltIndex] = []
    real = prebuilt.PrebuiltIndex._build

    def build(self: prebuilt.PrebuiltIndex) -> None:
        started.append(self)
        real(self)
    monkeypatch.setattr(prebuilt.PrebuiltIndex, "_build", build)
    return started


def _index(db: Database) -> dict[str, Any]:
    """The index's tables, with guest ids told as badge codes (ids differ per import)."""
    path = db.url.split(":///", 1)[1]
    conn = sqlite3.connect(path)
    try:
        code = dict(conn.execute("SELECT id, badge_code FROM guest"))
        docs = conn.execute("SELECT rid, guest_id, skey, body, org_vid, title_vid "
                            "FROM search_doc ORDER BY rid").fetchall()
        keys = [d[2] for d in docs]
        assert keys == sorted(keys)  # rids follow the sort keys
        return {
            "docs": sorted((code[g], s.rsplit("\x01", 1)[0], b, o, t)
                           for _, g, s, b, o, t in docs),
            "rids": [d[0] for d in docs],
            **{table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
               for table in ("search_value", "search_pair", "search_tag",
                             "search_code_prefix")},
            "docs_stat": conn.execute("SELECT n FROM search_stat WHERE key = 'docs'").fetchone(),
        }
    finally:
        conn.close()


def _agrees(db: Database) -> None:
    for query in QUERIES:
        found = search_guests(db, query)
        assert (found.total, [h.guest.id for h in found.results]) == reference(db, query), query


def _leftovers(folder: Path) -> list[str]:
    return [f.name for f in folder.iterdir() if ".index-" in f.name]


def test_built_beside_is_the_index_built_in_place(tmp_path: Path,
                                                  builds: list[prebuilt.PrebuiltIndex],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    records = _records(240)
    beside = new_event(tmp_path, "beside.wimc")
    import_records(beside, records, source="list")
    assert len(builds) == 1
    monkeypatch.setattr(prebuilt, "MIN_GUESTS", 10**9)
    in_place = new_event(tmp_path, "in_place.wimc")
    import_records(in_place, records, source="list")
    assert len(builds) == 1
    assert _index(beside) == _index(in_place)
    path = beside.url.split(":///", 1)[1]
    conn = sqlite3.connect(path)
    try:  # FTS5's own check of its tables against search_doc
        conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
        watermark = conn.execute("SELECT n, text FROM search_stat WHERE key = 'watermark'"
                                 ).fetchone()
        assert watermark == conn.execute("SELECT rowid, id FROM guest ORDER BY rowid DESC "
                                         "LIMIT 1").fetchone()
    finally:
        conn.close()
    _agrees(beside)
    assert _leftovers(tmp_path) == []
    beside.dispose()
    in_place.dispose()


def test_a_desk_that_searched_the_empty_list_finds_the_import(
        tmp_path: Path, builds: list[prebuilt.PrebuiltIndex]) -> None:
    """FTS5 keeps the index structure it read per connection: the search's kept connection
    read the empty index, and must not answer from it after the copy."""
    db = new_event(tmp_path, "event.wimc")
    assert search_guests(db, "wang").total == 0
    import_records(db, _records(240), source="list")
    assert len(builds) == 1
    assert search_guests(db, "wang").total == reference(db, "wang")[0] > 0
    _agrees(db)
    db.dispose()


def test_guests_written_before_the_copy_make_it_index_in_place(
        tmp_path: Path, builds: list[prebuilt.PrebuiltIndex],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = new_event(tmp_path, "event.wimc")
    other_desk = Database(db.url)
    real = prebuilt.PrebuiltIndex.copy_into
    copied: list[bool] = []

    def late_walk_in(self: prebuilt.PrebuiltIndex, event_file: Path) -> bool:
        monkeypatch.setattr(prebuilt, "MIN_GUESTS", 10**9)
        import_records(other_desk, [{"name": "欧阳测试", "badge_code": "W-000001"}],
                       source="walk-in")
        copied.append(real(self, event_file))
        return copied[-1]
    monkeypatch.setattr(prebuilt.PrebuiltIndex, "copy_into", late_walk_in)
    import_records(db, _records(240), source="list")
    assert copied == [False]
    assert search_guests(db, "ouyangce").total == 1
    _agrees(db)
    assert _leftovers(tmp_path) == []
    other_desk.dispose()
    db.dispose()


def test_a_failed_build_leaves_the_index_to_be_made_in_place(
        tmp_path: Path, builds: list[prebuilt.PrebuiltIndex],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def failing(self: prebuilt.PrebuiltIndex) -> None:
        builds.append(self)
        self._error = sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(prebuilt.PrebuiltIndex, "_build", failing)
    db = new_event(tmp_path, "event.wimc")
    with caplog.at_level(logging.WARNING):
        report = import_records(db, _records(240), source="list")
    assert report.added == 240 and len(builds) == 1
    assert "disk is full" in caplog.text
    _agrees(db)
    assert _leftovers(tmp_path) == []
    db.dispose()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/maps")
@pytest.mark.parametrize(("before", "expected"), [("", "True"),
                                                  ("c = sqlite3.connect(':memory:'); "
                                                   "c.execute('SELECT 1')", "False")])
def test_memory_statistics_go_off_only_before_any_connection(before: str,
                                                             expected: str) -> None:
    """With a connection open, SQLite may not be shut down: the switch leaves it alone."""
    code = ("import sqlite3\n" + before + "\n"
            "from wimc_desktop.db.sqlite_tuning import switch_memstatus_off, memstatus_off\n"
            "print(switch_memstatus_off(), memstatus_off())\n"
            "d = sqlite3.connect(':memory:'); print(d.execute('SELECT 41 + 1').fetchone()[0])")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == [expected, expected, "42"]


def test_only_lists_of_a_middling_size_are_indexed_beside(
        builds: list[prebuilt.PrebuiltIndex], monkeypatch: pytest.MonkeyPatch) -> None:
    """Small lists are indexed in place in a blink; huge ones would hold all their rows at
    once (a million: 0.8 GB more, and no faster)."""
    monkeypatch.setattr(prebuilt, "MAX_GUESTS", 1000)
    assert [prebuilt.usable(n) for n in (49, 50, 1000, 1001)] == [False, True, True, False]


def test_a_killed_import_s_scratch_file_goes_at_the_next_one(
        tmp_path: Path, builds: list[prebuilt.PrebuiltIndex]) -> None:
    """By its lock, not its age: a file no import holds goes at once, one another import
    holds (however old) stays."""
    import os
    import time

    db = new_event(tmp_path, "event.wimc")
    stale = tmp_path / ".event.wimc.index-0123abcd.tmp"  # (no one holds it: just now left)
    other = tmp_path / ".other.wimc.index-89abcdef.tmp"  # (another event's)
    for path in (stale, other):
        path.write_bytes(b"x")
    live, holder = prebuilt._locked_scratch(tmp_path / "event.wimc")  # (another import)
    hours_ago = time.time() - 5 * 3600
    os.utime(live, (hours_ago, hours_ago))
    import_records(db, _records(240), source="list")
    assert len(builds) == 1
    assert sorted(_leftovers(tmp_path)) == sorted([live.name, other.name])
    holder.close()
    db.dispose()


KILLED_IMPORT = """
import sys, time
from pathlib import Path
from wimc_desktop.services.search import prebuilt
path, conn = prebuilt._locked_scratch(Path(sys.argv[1]))
conn.execute("CREATE TABLE names (name TEXT, mobile TEXT)")
conn.execute("INSERT INTO names VALUES ('张三', '13800138000')")
print(path.name, flush=True)
time.sleep(600)
"""


def test_a_scratch_file_is_its_user_s_alone_and_goes_when_its_import_is_killed(
        tmp_path: Path) -> None:
    """Held while its import lives (open keeps it), removed at the next open once the
    import was killed (kill -9: no clean-up of its own ran)."""
    from wimc_desktop.services.events import open_event_database

    new_event(tmp_path, "event.wimc").dispose()
    child = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(tmp_path / "event.wimc")],
                             cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        name = child.stdout.readline().strip()
        scratch = tmp_path / name
        if sys.platform != "win32":
            assert scratch.stat().st_mode & 0o777 == 0o600
        open_event_database(tmp_path / "event.wimc").dispose()
        assert _leftovers(tmp_path) == [name]  # (the import is alive: its file stays)
    finally:
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    open_event_database(tmp_path / "event.wimc").dispose()
    assert _leftovers(tmp_path) == []


def test_the_scratch_file_of_a_running_import_is_0600(
        tmp_path: Path, builds: list[prebuilt.PrebuiltIndex],
        monkeypatch: pytest.MonkeyPatch) -> None:
    modes: list[int] = []
    real = prebuilt.PrebuiltIndex._fill

    def fill(self: prebuilt.PrebuiltIndex, rows: Any) -> None:
        real(self, rows)
        modes.append(self.path.stat().st_mode & 0o777)
    monkeypatch.setattr(prebuilt.PrebuiltIndex, "_fill", fill)
    db = new_event(tmp_path, "event.wimc")
    import_records(db, _records(240), source="list")
    assert len(builds) == 1
    if sys.platform != "win32":
        assert modes == [0o600]
    assert _leftovers(tmp_path) == []
    db.dispose()
