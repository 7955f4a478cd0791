"""Opening an event database: URL resolution, SQLite settings, read and write transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import Engine, create_engine, event, inspect, make_url
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from wimc_desktop.db import change_feed, outbox
from wimc_desktop.db.change_feed import ChangeFeed, WriteSession
from wimc_desktop.db.faults import domain_error
from wimc_desktop.domain.changes import Changes
from wimc_desktop.domain.errors import (
    CannotWriteError,
    DatabaseBusyError,
    NotAnEventDatabaseError,
    StorageError,
)

# How a SQLite event file is opened: for reading and writing (the desk); for reading only
# (the file cannot be written, so its -wal/-shm files must already be there); immutable
# (its folder cannot be written and no -wal file is left: SQLite could neither create the
# -shm file a WAL reader needs nor find anything newer than the file itself).
Access = Literal["read_write", "read_only", "immutable"]
# How long a desk waits for another program's lock before it says "busy" (SQLite's busy
# timeout, PostgreSQL's lock_timeout). WIMC_BUSY_TIMEOUT_MS changes it for one process.
BUSY_TIMEOUT_MS = 5000
# PostgreSQL: the longest one statement of a desk may run. A check-in takes milliseconds;
# a report's query on 100,000 guests well under a second; an import sends its rows in
# batches of statements, each bounded on its own. Migrations lift it (see db.migrate).
STATEMENT_TIMEOUT_MS = 30_000

NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "sshfs",
                       "fuse.sshfs", "davfs", "fuse.davfs2", "ncpfs"}


def resolve_url(target: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for a path to a .wimc file or for a URL given as is."""
    text = os.fspath(target)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().absolute())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another database or an in-memory one."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    path = path.split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def _mount_fs_type(path: Path) -> str:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    best, fs_type = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fs_type = parts[1], parts[2]
    return fs_type


def refuse_network_share(path: Path) -> None:
    """SQLite on a network share corrupts under several writers: refuse it plainly."""
    text = str(path)
    if text.startswith(("\\\\", "//")) or _mount_fs_type(path.parent) in NETWORK_FILESYSTEMS:
        raise StorageError(
            "{path}: the event file is on a network share. SQLite files must be on a local "
            "disk; several computers share one event through the PostgreSQL server mode.",
            path=path)


def busy_timeout_ms() -> int:
    """How long to wait for another program's lock, in milliseconds."""
    text = os.environ.get("WIMC_BUSY_TIMEOUT_MS", "")
    return int(text) if text.isdigit() else BUSY_TIMEOUT_MS


def sqlite_uri(path: Path, access: Access) -> str:
    """A SQLite URI filename that opens path with that access (percent-encoded)."""
    query = {"read_write": "", "read_only": "?mode=ro", "immutable": "?mode=ro&immutable=1"}
    return path.absolute().as_uri() + query[access]


def _set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any,
                        access: Access = "read_write") -> None:
    # pysqlite's implicit transactions are off: every transaction is begun explicitly
    # below, writes with BEGIN IMMEDIATE (a deferred read-then-write loses to "locked").
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # The busy timeout first: setting WAL waits for other programs' locks too.
    pragmas = [f"busy_timeout={busy_timeout_ms()}", "foreign_keys=ON"]
    if access == "read_write":  # (a reader neither may nor needs to set these)
        pragmas += ["journal_mode=WAL", "synchronous=FULL"]
    for pragma in pragmas:
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def open_sqlite(path: Path, access: Access = "read_write") -> sqlite3.Connection:
    """A driver connection to a SQLite file, opened with that access, with the settings of
    the event database."""
    conn = sqlite3.connect(sqlite_uri(path, access), uri=True, isolation_level=None,
                           timeout=busy_timeout_ms() / 1000, check_same_thread=False)
    try:
        _set_sqlite_pragmas(conn, None, access)
    except BaseException:
        conn.close()
        raise
    return conn


def connect_sqlite(path: Path) -> sqlite3.Connection:
    """A driver connection of its own to an event file, outside the pool, with the same
    settings (for work that must not share a pooled connection's caches)."""
    return open_sqlite(path)


def _begin_sqlite(conn: Connection) -> None:
    mode = conn.get_execution_options().get("wimc_begin", "DEFERRED")
    # Straight to the driver: the same statement, without a SQLAlchemy execution around it
    # (half the cost of a search's fixed part was this BEGIN).
    conn.connection.driver_connection.execute(f"BEGIN {mode}")  # type: ignore[union-attr]


def _postgres_options(url: str) -> dict[str, Any]:
    """Every session's time limits, beside any options the URL gives itself: a desk never
    waits for ever on a row another desk (or a forgotten psql) holds."""
    given = make_url(url).query.get("options", "")
    limits = (f"-c lock_timeout={busy_timeout_ms()} "
              f"-c statement_timeout={STATEMENT_TIMEOUT_MS}")
    return {"options": f"{given} {limits}".strip() if isinstance(given, str) else limits}


def make_engine(url: str, access: Access = "read_write") -> Engine:
    """An engine with the settings the architecture guide prescribes for SQLite (and the
    time limits of a desk on PostgreSQL)."""
    path = sqlite_path(url)
    if path is not None:
        refuse_network_share(path)
    if url.startswith("postgresql"):
        return create_engine(url, future=True, connect_args=_postgres_options(url))
    if path is None:
        engine = create_engine(url, future=True)
    else:
        # The file as a URI with its access (the pool stays a QueuePool: it is a file).
        engine = create_engine(url, future=True, poolclass=QueuePool,
                               creator=lambda: sqlite3.connect(
                                   sqlite_uri(path, access), uri=True, isolation_level=None,
                                   timeout=busy_timeout_ms() / 1000, check_same_thread=False))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect",
                     lambda conn, record: _set_sqlite_pragmas(conn, record, access))
        event.listen(engine, "begin", _begin_sqlite)
    return engine


class Database:
    """A handle on one event database: sessions for reading and writing, and its change
    feed (`changes`: what every write changed, this process's and, polled, others')."""

    def __init__(self, url: str, access: Access = "read_write") -> None:
        self.url = url
        self.access = access
        self.engine = make_engine(url, access)
        # read_raw's driver connections between two reads, still checked out of the pool:
        # a checkout and a checkin cost 6 us of a 0.1 ms badge-code search. Only from a
        # QueuePool (a file), whose connections serve any thread; closed by dispose().
        self.idle_raw: list[Any] = []
        self.keep_raw = isinstance(self.engine.pool, QueuePool)
        self.changes = ChangeFeed(url, sqlite_path(url))
        change_feed.watch(self.engine)
        self._is_desk: bool | None = None  # a desk of a hub (has an outbox): see db.outbox

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        path = sqlite_path(self.url)
        return str(path) if path else self.engine.url.render_as_string(hide_password=True)

    @property
    def read_only(self) -> bool:
        """Whether this handle can only read (the file or its folder cannot be written)."""
        return self.access != "read_write"

    def table_names(self) -> list[str]:
        try:
            with self.engine.connect() as conn:
                return list(inspect(conn).get_table_names())
        except DatabaseError as exc:
            error = domain_error(exc, self.display_name)
            if error is not None and type(error) is not StorageError:
                raise error from exc  # (busy, cannot write: said as they are)
            raise NotAnEventDatabaseError("{where}: this file is not a WIMC event database "
                                          "(or it is damaged).", where=self.display_name
                                          ) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for one read-only user action."""
        with self.translated(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A Core connection in one read transaction: one snapshot, without the ORM session
        (half the fixed cost of a read; the search runs on it at every keystroke)."""
        with self.translated(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in one write transaction (taken at BEGIN), outside write():
        nothing collected for the change feed or queued for the hub (rows that came from
        the hub, a file's own clean-up); the caller publishes what it changed."""
        with self.translated(), self.engine.connect() as conn:
            conn = conn.execution_options(wimc_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    def read_raw(self) -> RawRead:
        """SQLite only: the pool's driver connection in one read transaction, with no
        SQLAlchemy Connection around it (that costs 15 us of a 0.17 ms badge-code search,
        which runs at every keystroke). It has `.cursor()` and `.info`; it stays checked
        out for the next read (see RawRead)."""
        return RawRead(self)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose one transaction is the user action; committed on success."""
        self.refuse_if_read_only()
        changes: Changes = ()
        with self.translated(), self.engine.connect() as conn:
            conn = conn.execution_options(wimc_begin="IMMEDIATE")
            collector = None
            try:
                with WriteSession(bind=conn, expire_on_commit=False) as session, \
                        session.begin():
                    collector = change_feed.begin_collecting(session, conn)
                    yield session
                    if session.in_transaction():  # (not rolled back by the caller)
                        session.flush()
                        changes = collector.result()
                        if self.is_desk(session):
                            outbox.record(session, collector, changes)
                        change_feed.log_changes(session, self.changes.writer, changes)
            finally:
                if collector is not None:
                    change_feed.stop_collecting(conn)
        self.changes.publish(changes)  # (committed: subscribers hear of it)

    def is_desk(self, session: Session | None = None) -> bool:
        """Whether this is a desk's copy of a hub (db.outbox.is_desk), asked once per
        handle (a file becomes a desk only when `join` makes it); in `session` if given."""
        if self._is_desk is None:
            if session is not None:
                self._is_desk = self.is_sqlite and outbox.is_desk(session)
            else:
                with self.read() as reading:
                    self._is_desk = self.is_sqlite and outbox.is_desk(reading)
        return self._is_desk

    def poll_changes(self) -> Changes:
        """Other processes' and desks' changes logged since the last poll, handed to the
        subscribers (and returned). Cheap when nothing changed (SQLite: PRAGMA
        data_version); a busy database skips this poll (the next one catches up)."""
        feed = self.changes
        if feed.nothing_new():
            return ()
        try:
            with self.read_connection() as conn:
                news = feed.read_news(conn)
        except DatabaseBusyError:
            return ()
        return feed.publish(news, here=False)

    def refuse_if_read_only(self) -> None:
        """A write on a handle that can only read: say why, before anything is begun."""
        if self.read_only:
            raise CannotWriteError("{where}: cannot write: the event database is read-only "
                                   "here (the file or its folder cannot be written); nothing "
                                   "was saved.", where=self.display_name)

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Database errors inside as domain errors: busy, cannot write, not a database..."""
        try:
            yield
        except Exception as exc:
            error = domain_error(exc, self.display_name)
            if error is None:
                raise
            raise error from exc

    def dispose(self) -> None:
        self.changes.close()
        while self.idle_raw:
            self.idle_raw.pop().close()
        self.engine.dispose()


KEPT_RAW = 2  # idle connections Database.read_raw keeps (one per thread that reads at once)


class RawRead:
    """Database.read_raw: a context manager written as a class (two generator-based ones
    cost 3 us of a 0.1 ms search). Errors of the driver are StorageErrors, as elsewhere."""

    __slots__ = ("_db", "_fairy")

    def __init__(self, db: Database) -> None:
        self._db = db
        self._fairy: Any = None

    def __enter__(self) -> Any:
        try:
            fairy = self._db.idle_raw.pop()  # (atomic: threads never share one)
        except IndexError:
            with self._db.translated():
                fairy = self._db.engine.raw_connection()
        try:
            with self._db.translated():
                fairy.dbapi_connection.execute("BEGIN DEFERRED")
        except BaseException:
            fairy.close()
            raise
        self._fairy = fairy
        return fairy

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        given = exc
        fairy, self._fairy = self._fairy, None
        try:
            fairy.dbapi_connection.execute("COMMIT")  # (only read: nothing to keep or lose)
        except sqlite3.Error as failed:
            exc = exc or failed  # (the first error is the one to tell)
        idle = self._db.idle_raw
        if exc is None and self._db.keep_raw and len(idle) < KEPT_RAW:
            idle.append(fairy)  # out of any transaction: it holds no lock
        else:
            fairy.close()  # (back to the pool, which resets it)
        if exc is not None:
            error = domain_error(exc, self._db.display_name)
            if error is not None:
                raise error from exc
            if exc is not given:  # (the COMMIT's own error, a bug: told as it is)
                raise exc

