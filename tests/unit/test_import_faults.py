"""An import on a disk that fills up: a clear CannotWriteError (exit 11) naming the path,
never a traceback; nothing half-written; guests saved without their index are said to be
saved, and their index is made at the next open.

The disk fills up for real, as far as SQLite can tell: the connection's max_page_count is
set to the pages the file has (SQLite then answers SQLITE_FULL, "database or disk is
full", exactly as on a full disk), at the step under test.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wimc_desktop.cli.dispatch import main
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import CannotWriteError
from wimc_desktop.services import importing
from wimc_desktop.services.events import create_event, open_event_database
from wimc_desktop.services.guests import count_guests
from wimc_desktop.services.importing import import_file
from wimc_desktop.services.search import prebuilt, search_guests


def new_event(folder: Path) -> Database:
    return create_event(folder / "event.wimc", name_zh="测试大会", start=dt.date(2020, 11, 26),
                        end=dt.date(2020, 11, 28))


def guest_list(path: Path, count: int) -> Path:
    path.write_text("姓名,工作单位,手机\n" + "".join(
        f"嘉宾{i},第{i % 97}研究所,139{i:08d}\n" for i in range(count)), encoding="utf-8")
    return path


def disk_full(conn: Any) -> None:
    """No page more for this connection's file: SQLITE_FULL from SQLite itself."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def space_again(conn: Any) -> None:
    conn.execute("PRAGMA max_page_count = 4294967294")


def full_during(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[bool]:
    """The disk is full while module.name runs (its first argument holds the session)."""
    real: Callable[..., Any] = getattr(module, name)
    calls: list[bool] = []

    def filled(session: Any, *args: Any, **kwargs: Any) -> Any:
        raw = session.connection().connection.driver_connection
        disk_full(raw)
        calls.append(True)
        try:
            return real(session, *args, **kwargs)
        finally:
            space_again(raw)
    monkeypatch.setattr(module, name, filled)
    return calls


def test_a_full_disk_while_writing_the_guests_saves_nothing_and_names_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = new_event(tmp_path)
    calls = full_during(monkeypatch, importing, "write_plan")
    with pytest.raises(CannotWriteError) as caught:
        import_file(db, guest_list(tmp_path / "list.csv", 3000))
    assert calls and caught.value.exit_code == 11
    assert str(tmp_path / "event.wimc") in str(caught.value)
    assert "the disk is full" in str(caught.value) and "nothing was imported" in str(caught.value)
    assert count_guests(db) == 0
    db.dispose()


@pytest.mark.parametrize("count", [3000, 12000], ids=["index-in-place", "index-beside"])
def test_a_full_disk_in_the_index_step_says_the_guests_were_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    """The guests are committed; the index step fails: the error says they were saved, the
    scratch file is gone, searches still find them, and the next open indexes them."""
    from wimc_desktop.services.importing.storage import IndexNotSavedError

    db = new_event(tmp_path)
    calls = full_during(monkeypatch, importing, "sync_search_index")
    monkeypatch.setattr(prebuilt.PrebuiltIndex, "copy_into", lambda self, event_file: False)
    with pytest.raises(IndexNotSavedError) as caught:
        import_file(db, guest_list(tmp_path / "list.csv", count))
    assert calls and caught.value.exit_code == 11
    message = str(caught.value)
    assert f"the {count} guests of list.csv were saved" in message
    assert "the disk is full" in message and str(tmp_path / "event.wimc") in message
    assert caught.value.report.added == count
    assert count_guests(db) == count
    assert [f.name for f in tmp_path.iterdir() if ".index-" in f.name] == []
    assert search_guests(db, "嘉宾11").total >= 1  # (late guests are searched one by one)
    db.dispose()
    monkeypatch.undo()
    reopened = open_event_database(tmp_path / "event.wimc")
    conn = sqlite3.connect(tmp_path / "event.wimc")
    try:
        indexed = conn.execute("SELECT count(*) FROM search_doc").fetchone()[0]
        mark = conn.execute("SELECT n FROM search_stat WHERE key = 'watermark'").fetchone()[0]
        last = conn.execute("SELECT max(rowid) FROM guest").fetchone()[0]
    finally:
        conn.close()
    assert (indexed, mark) == (count, last)
    assert search_guests(reopened, "嘉宾11").total >= 1
    reopened.dispose()


def test_a_full_disk_for_the_scratch_index_falls_back_to_the_index_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = prebuilt._locked_scratch
    made: list[Path] = []

    def full_scratch(event_file: Path) -> tuple[Path, sqlite3.Connection]:
        path, conn = real(event_file)
        made.append(path)
        disk_full(conn)
        return path, conn
    monkeypatch.setattr(prebuilt, "_locked_scratch", full_scratch)
    db = new_event(tmp_path)
    report = import_file(db, guest_list(tmp_path / "list.csv", 12000))
    assert made and report.added == 12000
    assert [f.name for f in tmp_path.iterdir() if ".index-" in f.name] == []
    assert search_guests(db, "嘉宾11999").total >= 1
    db.dispose()


def test_the_import_command_exits_11_on_a_full_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    new_event(tmp_path).dispose()
    full_during(monkeypatch, importing, "write_plan")
    code = main(["--db", str(tmp_path / "event.wimc"), "import",
                 str(guest_list(tmp_path / "list.csv", 50))])
    err = capsys.readouterr().err
    assert code == 11
    assert "Traceback" not in err and str(tmp_path / "event.wimc") in err
    assert "disk is full" in err


def test_an_open_on_a_disk_still_full_reads_on(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The catch-up of the index at open is a write: on a disk still full it is left for
    the next open, and the event opens and reads as ever (by hand: a 34 MB tmpfs and
    25,000 guests gave this; `guests` then ended in a traceback)."""
    from wimc_desktop.services.importing.storage import IndexNotSavedError
    from wimc_desktop.services.search import indexing

    db = new_event(tmp_path)
    full_during(monkeypatch, importing, "sync_search_index")
    with pytest.raises(IndexNotSavedError):
        import_file(db, guest_list(tmp_path / "list.csv", 300))
    db.dispose()
    full_during(monkeypatch, indexing, "sync_search_index")
    reopened = open_event_database(tmp_path / "event.wimc")
    assert count_guests(reopened) == 300
    assert search_guests(reopened, "嘉宾299").total == 1
    reopened.dispose()
