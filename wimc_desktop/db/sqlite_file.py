"""Looking at a SQLite file before opening it: is it an event database, and can it be written?

Opening a file the ordinary way already changes it: the first PRAGMA journal_mode=WAL
rewrites the header of another program's database, and gives a 0-byte file a first page.
So a file is looked at first, without writing anything to it or beside it: its header
read as bytes, its tables through a connection that cannot write. Only an event database
is then opened for writing.

That connection is `immutable` when no -wal or -journal file lies beside the file: the
file itself then holds every commit, and SQLite touches nothing (even a read-only WAL
reader would create the -wal and -shm files: sqlite.org/wal.html#readonly). Beside such
a file it is `mode=ro`, which reads the newer pages they hold and creates nothing more.
"""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path

from wimc_desktop.db.engine import Access, busy_timeout_ms, sqlite_uri
from wimc_desktop.db.faults import storage_error
from wimc_desktop.db.migrate import MARKER_TABLE
from wimc_desktop.domain.errors import CannotWriteError

SQLITE_HEADER = b"SQLite format 3\x00"


class FileKind(enum.Enum):
    EMPTY = "empty"  # 0 bytes
    NOT_SQLITE = "not_sqlite"  # some other file
    BLANK = "blank"  # a SQLite database with nothing in it (as a killed init leaves one)
    FOREIGN = "foreign"  # another program's SQLite database
    EVENT = "event"  # a WIMC event database


def sidecars(path: Path) -> list[Path]:
    """The -wal and -journal files SQLite keeps beside a database that are there."""
    found = (path.with_name(path.name + suffix) for suffix in ("-wal", "-journal"))
    return [side for side in found if side.exists()]


def inspect_sqlite_file(path: Path) -> FileKind:
    """What an existing file holds, found without writing anything to it or beside it."""
    where = str(path)
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        return FileKind.NOT_SQLITE
    except OSError as exc:
        raise CannotWriteError("{where}: cannot be read: {reason}", where=where,
                               reason=exc.strerror or exc) from exc
    if not header:
        return FileKind.EMPTY
    if header != SQLITE_HEADER:
        return FileKind.NOT_SQLITE
    try:
        schema = _read_schema(path, "read_only" if sidecars(path) else "immutable")
    except sqlite3.Error as exc:
        raise storage_error(exc, where) from exc
    if ("table", MARKER_TABLE) in schema:
        return FileKind.EVENT
    return FileKind.FOREIGN if schema else FileKind.BLANK


def _read_schema(path: Path, access: Access) -> set[tuple[str, str]]:
    """Every (type, name) of the file's schema: tables, indexes, views, triggers."""
    conn = sqlite3.connect(sqlite_uri(path, access), uri=True, isolation_level=None,
                           timeout=busy_timeout_ms() / 1000)
    try:
        rows = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
    finally:
        conn.close()
    return {(str(kind), str(name)) for kind, name in rows}
