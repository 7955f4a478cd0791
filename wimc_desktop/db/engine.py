"""Opening an event database: URL resolution, SQLite settings, read and write transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

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

    @contextmanager
    def read_raw(self) -> Iterator[Any]:
        """SQLite only: the pool's driver connection in one read transaction, with no
        SQLAlchemy Connection around it (that costs 15 us of a 0.17 ms badge-code search,
        which runs at every keystroke). It has `.cursor()` and `.info`."""
        with self._translated():
            fairy = self.engine.raw_connection()
            try:
                driver: Any = fairy.driver_connection
                driver.execute("BEGIN DEFERRED")
                try:
                    yield fairy
                finally:
                    driver.execute("COMMIT")  # (only read: nothing to keep or lose)
            except sqlite3.OperationalError as exc:
                raise StorageError(storage_message(exc, self.display_name)) from exc
            finally:
                fairy.close()

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
        self.engine.dispose()
