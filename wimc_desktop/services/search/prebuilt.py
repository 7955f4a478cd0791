"""A first import's search index, built beside the guests' write (on the second core).

A large list imported into an empty event is indexed in a scratch SQLite file next to the
event: the documents are made here, in Python, and written unsorted; then a worker thread
has SQLite number them in name order, tokenise them (FTS5) and index them, in statements
that run without the GIL, while the import writes the guests into the event file. The
finished tables are copied into the event's empty index in one transaction (`copy_into`):
the same rows, FTS5's own tables included, as building the index in place gives (tested),
in a fraction of the time (0.5 s against 1.4 s after the guests' commit, 100,000 guests).

Only with SQLite's memory statistics off (db.sqlite_tuning): otherwise each allocation of
either writer takes one process-wide lock and the two slow each other 2-3x.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wimc_desktop.db import search_index as ix
from wimc_desktop.db.engine import connect_sqlite
from wimc_desktop.db.sqlite_tuning import memstatus_off
from wimc_desktop.services.search.bulk import SPACING, drop_doc_indexes, index_documents
from wimc_desktop.services.search.indexing import cursor_status, documents
from wimc_desktop.services.search.values import Values

MIN_GUESTS = 10_000  # below this, indexing in place takes a blink anyway
# Above this, in place again: the rows are made all at once for the index beside, and a
# 1,000,000-guest list gained nothing (43.0 s against 44.2 s) for 0.8 GB more memory
# (2.5 GB peak); 100,000 guests cost 70 MB more (392 MB).
MAX_GUESTS = 250_000
# Index tables copied as they are (into empty ones); search_fts_data and search_fts_idx
# hold FTS5's whole index of search_doc, search_value_fts is filled anew (small).
COPIED = ("search_doc", "search_fts_data", "search_fts_idx", "search_value", "search_pair",
          "search_tag")
_EMPTY = ("search_doc", "search_value", "search_pair", "search_tag", "search_pending")


SCRATCH_SUFFIXES = ("", "-journal", "-wal", "-shm")


def scratch_files(event_file: Path) -> list[Path]:
    """The scratch index files of imports of this event (live or left by killed ones)."""
    return sorted(event_file.parent.glob(f".{glob.escape(event_file.name)}.index-*.tmp"))


def remove_stale(event_file: Path) -> None:
    """Delete the scratch files that imports killed mid-way left beside this event.

    A live import holds its scratch file's SQLite lock from the moment the file exists
    (`_locked_scratch`), whatever its age; a file whose lock can be taken is a dead
    import's. Portable: SQLite's own locks (POSIX advisory locks, Windows file locks),
    released by the system when a process dies."""
    for path in scratch_files(event_file):
        try:
            probe = sqlite3.connect(path, timeout=0, isolation_level=None)
        except sqlite3.Error:
            continue
        try:
            probe.execute("BEGIN EXCLUSIVE")
        except sqlite3.Error as exc:
            if exc.sqlite_errorcode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                probe.close()
                continue  # (a live import's)
            # (not a database any more, say: not held either, since a lock comes first)
        _unlink_scratch(path, probe)


def _unlink_scratch(path: Path, holder: sqlite3.Connection | None) -> None:
    """Delete a scratch file and its journals, while holding its lock where the system lets
    one delete an open file (POSIX), else just after (Windows)."""
    for suffix in SCRATCH_SUFFIXES:
        try:
            Path(f"{path}{suffix}").unlink()
        except FileNotFoundError:
            pass
        except OSError:
            if holder is not None:
                holder.close()
                holder = None
            with contextlib.suppress(OSError):
                Path(f"{path}{suffix}").unlink()
    if holder is not None:
        holder.close()


def _locked_scratch(event_file: Path) -> tuple[Path, sqlite3.Connection]:
    """A new scratch file beside the event, readable by its user only (it holds names and
    full phone numbers: 0600 on POSIX), and a connection that holds its lock (exclusive
    locking mode) until it is closed: remove_stale never takes a live import's file."""
    path = event_file.with_name(f".{event_file.name}.index-{uuid.uuid4().hex}.tmp")
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        for statement in ("PRAGMA locking_mode=EXCLUSIVE", "PRAGMA journal_mode=OFF",
                          "PRAGMA synchronous=OFF", "BEGIN EXCLUSIVE", "COMMIT"):
            conn.execute(statement)
        if not path.is_file():  # (removed between its making and its lock: by remove_stale
            raise sqlite3.OperationalError("the scratch file was removed")  # of another desk)
    except BaseException:
        _unlink_scratch(path, conn)
        raise
    return path, conn


def usable(guests: int) -> bool:
    """Whether a first import of this many guests has its index built beside."""
    return MIN_GUESTS <= guests <= MAX_GUESTS and memstatus_off()


class PrebuiltIndex:
    """The index of `rows` (guest rows in indexing.GUEST_COLUMNS order), being built."""

    def __init__(self, event_file: Path, rows: Sequence[Any]) -> None:
        remove_stale(event_file)
        self._error: BaseException | None = None
        self.last_guest: tuple[int, str] | None = None  # rowid, id: set by the writer
        self.path, self._conn = _locked_scratch(event_file)
        try:
            self._fill(rows)
        except BaseException:
            self.discard()
            raise
        self._thread = threading.Thread(target=self._build, name="wimc-prebuilt-index",
                                        daemon=True)
        self._thread.start()

    def _fill(self, rows: Sequence[Any]) -> None:
        """The scratch file's tables, tags, values and documents (Python: the GIL). The
        documents go in unsorted: the worker numbers them in sort-key order."""
        cur = self._conn.cursor()
        for statement in ix.TABLE_DDL:  # (no triggers: they watch the guest table)
            cur.execute(statement)
        drop_doc_indexes(cur)  # made after the rows, on the worker
        cur.execute("CREATE TABLE new_doc (skey TEXT, guest_id TEXT, body TEXT, "
                    "org_vid INTEGER, title_vid INTEGER)")
        cur.execute("BEGIN")
        self._values = Values(cur)
        docs = documents(cur, rows, self._values)  # (writes tags and values through cur)
        self._conn.cursor().executemany("INSERT INTO new_doc VALUES (?, ?, ?, ?, ?)", docs)

    def _build(self) -> None:
        """On the worker thread, in statements that run without the GIL: the documents
        numbered in sort-key order and tokenised, their organisations and titles counted,
        and search_doc's indexes made as the event has them (copying the table is then a
        copy of its pages: SQLite's transfer optimisation)."""
        try:
            cur = self._conn.cursor()
            cur.execute("INSERT INTO search_doc (rid, skey, guest_id, body, org_vid, title_vid) "
                        "SELECT (row_number() OVER (ORDER BY skey)) * ?, skey, guest_id, body, "
                        "org_vid, title_vid FROM new_doc ORDER BY skey", (SPACING,))
            cur.execute("DROP TABLE new_doc")
            index_documents(cur, self._values)
            cur.execute("COMMIT")
        except BaseException as exc:  # (re-raised by wait(), on the importing thread)
            self._error = exc

    def wait(self) -> None:
        """Until the scratch index is complete; its error, if it failed."""
        self._thread.join()
        if self._error is not None:
            raise self._error

    def _release(self) -> None:
        """Close the scratch connection, its lock let go now: in exclusive locking mode the
        lock goes once the mode is back to normal and the file read again (a closed
        connection whose cursor still holds a statement lives on, locked, until collected)."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA locking_mode=NORMAL")
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        self._conn.close()

    def discard(self) -> None:
        """Stop the build (if running) and delete the scratch file."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.interrupt()
        thread = getattr(self, "_thread", None)
        if thread is not None:
            thread.join()
        _unlink_scratch(self.path, self._conn)

    def copy_into(self, event_file: Path) -> bool:
        """Copy the index into the event's empty one, in one transaction of its own.

        On a connection of its own: FTS5 keeps the index structure it read in each
        connection, and a pooled one may have read the empty index. The import's last
        guest (`last_guest`) becomes the watermark. False, and nothing copied, when guests
        were written since the import or the index is not empty.
        """
        self.wait()
        last_guest = self.last_guest
        if last_guest is None:
            return False
        # The scratch connection lets go of the file's lock for the copy to read it; the
        # copy's own read then holds it (another desk's remove_stale finds it in use).
        self._release()
        event = connect_sqlite(event_file)
        try:
            event.execute("ATTACH DATABASE ? AS prebuilt", (str(self.path),))
            event.execute("BEGIN IMMEDIATE")
            try:
                copied = self._copy(event.cursor(), last_guest)
                event.execute("COMMIT" if copied else "ROLLBACK")
            except BaseException:
                event.execute("ROLLBACK")
                raise
            event.execute("DETACH DATABASE prebuilt")
        finally:
            event.close()
        return copied

    @staticmethod
    def _copy(cur: Any, last_guest: tuple[int, str]) -> bool:
        if cursor_status(cur, {})[0] != "ok":
            return False  # (missing, damaged or of another format: sync_search_index fixes it)
        last = cur.execute("SELECT max(rowid) FROM main.guest").fetchone()[0]
        if last != last_guest[0] or any(cur.execute(f"SELECT 1 FROM main.{t} LIMIT 1")
                                        .fetchone() for t in _EMPTY):
            return False  # guests written since, or an index no longer empty
        for table in ("search_fts_data", "search_fts_idx"):  # the empty index's records
            cur.execute(f"DELETE FROM main.{table}")
        for table in COPIED:
            cur.execute(f"INSERT INTO main.{table} SELECT * FROM prebuilt.{table}")
        cur.execute("INSERT OR IGNORE INTO main.search_code_prefix "
                    "SELECT * FROM prebuilt.search_code_prefix")
        cur.execute("INSERT INTO main.search_value_fts (rowid, body) "
                    "SELECT vid, body FROM main.search_value")
        cur.execute("UPDATE main.search_stat SET n = (SELECT n FROM prebuilt.search_stat "
                    "WHERE key = 'docs') WHERE key = 'docs'")
        cur.execute("UPDATE main.search_stat SET n = ?, text = ? WHERE key = 'watermark'",
                    last_guest)
        return True
