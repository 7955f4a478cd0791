"""Opening an event database: URL resolution, SQLite settings, read and write transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from wimc_desktop.db.sqlite_tuning import switch_memstatus_off
from wimc_desktop.domain.errors import Message, NotAnEventDatabaseError, StorageError

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


def _set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's implicit transactions are off: every transaction is begun explicitly
    # below, writes with BEGIN IMMEDIATE (a deferred read-then-write loses to "locked").
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "busy_timeout=5000"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def connect_sqlite(path: Path) -> sqlite3.Connection:
    """A driver connection of its own to an event file, outside the pool, with the same
    settings (for work that must not share a pooled connection's caches)."""
    conn = sqlite3.connect(path, isolation_level=None)
    _set_sqlite_pragmas(conn, None)
    return conn


def _begin_sqlite(conn: Connection) -> None:
    mode = conn.get_execution_options().get("wimc_begin", "DEFERRED")
    # Straight to the driver: the same statement, without a SQLAlchemy execution around it
    # (half the cost of a search's fixed part was this BEGIN).
    conn.connection.driver_connection.execute(f"BEGIN {mode}")  # type: ignore[union-attr]


def make_engine(url: str) -> Engine:
    """An engine with the settings the architecture guide prescribes for SQLite."""
    path = sqlite_path(url)
    if path is not None:
        refuse_network_share(path)
    if url.startswith("sqlite"):
        switch_memstatus_off()  # (once, before the first connection: see sqlite_tuning)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def storage_message(exc: Exception, where: str) -> Message:
    """The plain-words reason a database operation failed (a whole template per case)."""
    error = getattr(exc, "orig", exc)
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return Message("{where}: the event database is busy (locked by another desk); "
                       "try again.", where=where)
    if "disk" in text and "full" in text:
        return Message("{where}: the disk is full; nothing was saved. Free some space and "
                       "try again.", where=where)
    if "readonly" in text or "read-only" in text:
        return Message("{where}: the event database is read-only; nothing was saved.",
                       where=where)
    if "not a database" in text or "malformed" in text:
        return Message("{where}: this file is not a WIMC event database (or it is damaged).",
                       where=where)
    return Message("{where}: the database failed: {error}", where=where, error=error)


class Database:
    """A handle on one event database: sessions for reading and writing."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        # read_raw's driver connections between two reads, still checked out of the pool:
        # a checkout and a checkin cost 6 us of a 0.1 ms badge-code search. Only from a
        # QueuePool (a file), whose connections serve any thread; closed by dispose().
        self.idle_raw: list[Any] = []
        self.keep_raw = isinstance(self.engine.pool, QueuePool)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        path = sqlite_path(self.url)
        return str(path) if path else self.engine.url.render_as_string(hide_password=True)

    def table_names(self) -> list[str]:
        try:
            with self.engine.connect() as conn:
                return list(inspect(conn).get_table_names())
        except DatabaseError as exc:
            raise NotAnEventDatabaseError(storage_message(exc, self.display_name)) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for one read-only user action."""
        with self._translated(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A Core connection in one read transaction: one snapshot, without the ORM session
        (half the fixed cost of a read; the search runs on it at every keystroke)."""
        with self._translated(), self.engine.connect() as conn, conn.begin():
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
        with self._translated(), self.engine.connect() as conn:
            conn = conn.execution_options(wimc_begin="IMMEDIATE")
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                yield session

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise StorageError(storage_message(exc, self.display_name)) from exc

    def dispose(self) -> None:
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
            try:
                fairy = self._db.engine.raw_connection()
            except OperationalError as exc:
                raise StorageError(storage_message(exc, self._db.display_name)) from exc
        try:
            fairy.dbapi_connection.execute("BEGIN DEFERRED")
        except sqlite3.OperationalError as exc:
            fairy.close()
            raise StorageError(storage_message(exc, self._db.display_name)) from exc
        self._fairy = fairy
        return fairy

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        fairy, self._fairy = self._fairy, None
        try:
            fairy.dbapi_connection.execute("COMMIT")  # (only read: nothing to keep or lose)
        except sqlite3.OperationalError as error:
            exc = exc or error  # (the first error is the one to tell)
        idle = self._db.idle_raw
        if exc is None and self._db.keep_raw and len(idle) < KEPT_RAW:
            idle.append(fairy)  # out of any transaction: it holds no lock
        else:
            fairy.close()  # (back to the pool, which resets it)
        if isinstance(exc, OperationalError | sqlite3.OperationalError):
            raise StorageError(storage_message(exc, self._db.display_name)) from exc
