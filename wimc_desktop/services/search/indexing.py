"""Keeping the SQLite search index right: the two entry points of every write, rebuilds,
rids in name order.

New guests lie above the watermark; changed and deleted ones are logged by triggers (see
schema.py). A write brings the index up to date before its commit with ``index_write``
(a walk-in, a badge reissue, an attendance change); an import calls ``index_import`` once,
in a transaction of its own after the guests' commit. Until then the search treats those
guests as not indexed and checks them one by one, so results stay right, only slower.
``open_index`` (services.events, at every open) creates, rebuilds or catches up the index.
"""

from __future__ import annotations

import bisect
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import StorageError
from wimc_desktop.services.search import bulk
from wimc_desktop.services.search import schema as ix
from wimc_desktop.services.search.bulk import fill_empty_index
from wimc_desktop.services.search.documents import INDEX_COLUMNS, IndexedColumns, IndexedGuest
from wimc_desktop.services.search.tagging import IndexDoc, documents
from wimc_desktop.services.search.values import Values

log = logging.getLogger("wimc_desktop.services")
LOWEST, HIGHEST = -(1 << 62), 1 << 62
_CHUNK = 500
_SCHEMA_CHECKED = "wimc_search_schema"  # pool-connection info: schema version found complete


def raw_cursor(conn: Connection) -> Any:
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


def index_state(conn: Connection) -> str:
    """'none' (not SQLite), 'absent' (no index yet), 'broken' (to rebuild) or 'ok'."""
    return index_status(conn)[0]


def index_status(conn: Connection) -> tuple[str, int]:
    """The index state, and how many guest writes it has not caught up with (if 'ok')."""
    if conn.dialect.name != "sqlite":
        return "none", 0
    return cursor_status(raw_cursor(conn), conn.connection.info)


def cursor_status(cur: Any, info: dict[Any, Any]) -> tuple[str, int]:
    """index_status on a SQLite driver cursor; `info`: its pool connection's info dict."""
    # The tables and triggers are looked for once per schema version of this connection's
    # file (any CREATE or DROP, from any connection, bumps the version).
    version = cur.execute("PRAGMA schema_version").fetchone()[0]
    if info.get(_SCHEMA_CHECKED) != version:
        names = {r[0] for r in cur.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'search%'")}
        if not set(ix.TABLES) <= names:
            return "absent", 0
        if not set(ix.TRIGGERS) <= names:
            return "broken", 0
        info[_SCHEMA_CHECKED] = version
    row = cur.execute(
        "SELECT (SELECT value FROM wimc_meta WHERE key = ?), s.n, s.text, "
        "(SELECT id FROM guest WHERE rowid = s.n), "
        "(SELECT count(*) FROM search_pending) + (SELECT count(*) FROM guest WHERE rowid > s.n) "
        "FROM search_stat s WHERE s.key = 'watermark'", (ix.FORMAT_KEY,)).fetchone()
    if row is None or row[0] != ix.FORMAT or (row[1] != 0 and row[3] != row[2]):
        return "broken", 0  # (or guest rowids renumbered, a dump restored: new rows could hide)
    return "ok", int(row[4])


def late_ids(cur: Any) -> list[str]:
    """Guests the index has not seen as they are now: newer than the watermark, or logged."""
    mark = cur.execute("SELECT n FROM search_stat WHERE key = 'watermark'").fetchone()[0]
    ids = [r[0] for r in cur.execute("SELECT DISTINCT guest_id FROM search_pending")]
    return list(dict.fromkeys(ids + [r[0] for r in cur.execute(
        "SELECT id FROM guest WHERE rowid > ?", (mark,))]))


def _set_watermark(cur: Any) -> None:
    row = cur.execute("SELECT rowid, id FROM guest ORDER BY rowid DESC LIMIT 1").fetchone()
    cur.execute("UPDATE search_stat SET n = ?, text = ? WHERE key = 'watermark'",
                row or (0, None))


def open_index(db: Database) -> None:
    """At every open of an event (services.events): the index made where it is missing
    (a new event, or one made before it existed), rebuilt where it is broken or of an
    older format, caught up where an import saved its guests but not their index (a full
    disk). Nothing where the event is read-only, off SQLite, or nothing is to be done;
    where this write fails (the disk still full), searches still find every guest (late
    ones one by one, more slowly) and the next open tries again."""
    if not db.is_sqlite or db.read_only:
        return
    with db.read_connection() as conn:
        state, late = index_status(conn)
    if state == "ok" and late == 0:
        return
    try:
        with db.write() as session:
            index_import(session)
    except (StorageError, sqlite3.Error, OSError) as exc:
        log.warning("the search index is not brought up to date: %s", exc)


def index_import(session: Session, written: IndexedColumns | None = None) -> None:
    """The import's entry point, once after its guests' commit (in a transaction of its
    own): every guest the index has not seen. A first list, or one larger than the list so
    far, fills the index anew in one pass (100,000 guests into a 5,000-guest event: 2.4 s
    one by one, 1.5 s anew); a few updated rows are indexed one by one. `written`: the
    new guests as the import wrote them (IndexedColumns.named of its columns), spared a
    read back when they are the whole list (a first import)."""
    _catch_up(session.connection(), bulk_fill=True, written=written)


def index_rebuild(session: Session) -> None:
    """The entry point of a write that changed every guest's searchable text at once (the
    purge of personal data): every guest indexed anew, in the caller's transaction (a
    no-op off SQLite)."""
    conn = session.connection()
    if index_state(conn) != "none":
        rebuild_search_index(conn)


def index_write(session: Session, guest_ids: Iterable[str] = ()) -> None:
    """The entry point of a single write (walk-in, badge reissue, attendance change),
    before its commit: these guests and any other the index has not seen, one by one
    (a no-op off SQLite; repairs a missing or broken index)."""
    conn = session.connection()
    if _catch_up(conn, bulk_fill=False):
        ids = list(dict.fromkeys(guest_ids))
        if ids:
            _reindex(conn, ids, [])


def _catch_up(conn: Connection, *, bulk_fill: bool,
              written: IndexedColumns | None = None) -> bool:
    """Index every guest written since the last catch-up; False if the index had to be
    made or rebuilt instead (then every guest is in it)."""
    state = index_state(conn)
    if state != "ok":
        _repair(conn, state)
        return False
    cur = raw_cursor(conn)
    mark, docs = cur.execute("SELECT (SELECT n FROM search_stat WHERE key = 'watermark'), "
                             "(SELECT n FROM search_stat WHERE key = 'docs')").fetchone()
    if bulk_fill and (docs == 0 or cur.execute(
            "SELECT count(*) FROM guest WHERE rowid > ?", (mark,)).fetchone()[0] > docs):
        rebuild_search_index(conn, written)
        return False
    rows = [IndexedGuest.from_sql(r) for r in cur.execute(
        f"SELECT {INDEX_COLUMNS} FROM guest WHERE rowid > ?", (mark,))]
    logged = [r[0] for r in cur.execute("SELECT DISTINCT guest_id FROM search_pending")]
    if rows or logged:
        _reindex(conn, [r.id for r in rows] + logged, rows)
        cur.execute("DELETE FROM search_pending")
        _set_watermark(cur)
    return True


def _repair(conn: Connection, state: str) -> None:
    if state == "absent":
        create_search_index(conn)
    elif state == "broken":
        rebuild_search_index(conn)


def create_search_index(conn: Connection) -> None:
    """Create the index where it is missing (a SQLite with FTS5 only) and fill it."""
    if conn.dialect.name != "sqlite" or not ix.fts5_available(conn):
        return
    ix.drop_search_index(conn)
    ix.create_search_index(conn)
    rebuild_search_index(conn)


def rebuild_search_index(conn: Connection, written: IndexedColumns | None = None) -> None:
    """Empty the index and index every guest again (its triggers made anew too);
    `written`: see fill_empty_index."""
    ix.renew_triggers(conn)
    cur = raw_cursor(conn)
    for table in ("search_fts", "search_value_fts"):
        cur.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    for table in ("search_doc", "search_value", "search_pair", "search_pending"):
        cur.execute(f"DELETE FROM {table}")
    cur.execute("UPDATE search_stat SET n = 0")
    _set_watermark(cur)
    cur.execute("INSERT OR REPLACE INTO wimc_meta (key, value) VALUES (?, ?)",
                (ix.FORMAT_KEY, ix.FORMAT))
    fill_empty_index(cur, written)


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _marks(chunk: Sequence[object]) -> str:
    return ",".join("?" * len(chunk))


def _reindex(conn: Connection, ids: list[str], rows: list[IndexedGuest]) -> None:
    """Index these guests again; `rows` holds some of them already read from guest."""
    cur = raw_cursor(conn)
    values = Values(cur)
    ids = list(dict.fromkeys(ids))
    if cur.execute("SELECT 1 FROM search_doc LIMIT 1").fetchone():
        for chunk in _chunks(ids):
            old = cur.execute(f"SELECT rid, body, org_vid, title_vid FROM search_doc "
                              f"WHERE guest_id IN ({_marks(chunk)})", chunk).fetchall()
            cur.executemany("INSERT INTO search_fts (search_fts, rowid, body) "
                            "VALUES ('delete', ?, ?)", [r[:2] for r in old])
            cur.executemany("DELETE FROM search_doc WHERE rid = ?", [(r[0],) for r in old])
            values.count([r[2] for r in old], [r[3] for r in old], -1)
    have = {r.id for r in rows}
    rest = [i for i in ids if i not in have]
    rows = list(rows)
    for chunk in _chunks(rest):
        rows += map(IndexedGuest.from_sql, cur.execute(
            f"SELECT {INDEX_COLUMNS} FROM guest WHERE id IN ({_marks(chunk)})", chunk))
    docs = sorted(documents(cur, IndexedColumns.of(rows), values).rows())
    if docs:
        _insert(conn, docs, values)
    values.save()


def _gaps(cur: Any, docs: list[IndexDoc], values: Values) -> list[tuple[int | None, int | None]]:
    """For each new document, the rids of its existing neighbours in sort-key order."""
    count = cur.execute("SELECT n FROM search_stat WHERE key = 'docs'").fetchone()[0]
    count += values.docs  # documents already taken out by this write
    if count == 0:
        return [(None, None)] * len(docs)
    if len(docs) * 16 < count:
        return [(_neighbour(cur, d.skey, "<", "DESC"), _neighbour(cur, d.skey, ">", "ASC"))
                for d in docs]
    existing = cur.execute("SELECT skey, rid FROM search_doc ORDER BY rid").fetchall()
    keys = [k for k, _ in existing]
    gaps = []
    for doc in docs:
        at = bisect.bisect_left(keys, doc.skey)
        gaps.append((existing[at - 1][1] if at else None,
                     existing[at][1] if at < len(existing) else None))
    return gaps


def _neighbour(cur: Any, key: str, op: str, order: str) -> int | None:
    row = cur.execute(f"SELECT rid FROM search_doc WHERE skey {op} ? ORDER BY skey {order} "
                      "LIMIT 1", (key,)).fetchone()
    return None if row is None else int(row[0])


def _allocate(gaps: list[tuple[int | None, int | None]]) -> list[int] | None:
    """Evenly spread rids for runs of documents sharing a gap; None when a gap is full."""
    rids: list[int] = []
    start = 0
    while start < len(gaps):
        end = start
        while end < len(gaps) and gaps[end] == gaps[start]:
            end += 1
        low, high = gaps[start]
        count = end - start
        room = bulk.SPACING * (count + 1)
        low = (high if high is not None else 0) - room if low is None else low
        high = low + room if high is None else high
        if high - low <= count or low < LOWEST or high > HIGHEST:
            return None
        rids += [low + (high - low) * (i + 1) // (count + 1) for i in range(count)]
        start = end
    return rids


def _insert(conn: Connection, docs: list[IndexDoc], values: Values) -> None:
    """Insert sorted documents at rids that keep the sort-key order of the whole index."""
    cur = raw_cursor(conn)
    rids = _allocate(_gaps(cur, docs, values))
    if rids is None:
        values.discard()
        rebuild_search_index(conn)  # a gap is full: spread every rid out again
        return
    cur.executemany("INSERT INTO search_doc (rid, skey, guest_id, body, org_vid, title_vid) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(rid, *doc) for rid, doc in zip(rids, docs, strict=True)])
    cur.executemany("INSERT INTO search_fts (rowid, body) VALUES (?, ?)",
                    [(rid, doc.body) for rid, doc in zip(rids, docs, strict=True)])
    values.count([d.org_vid for d in docs], [d.title_vid for d in docs], 1)
