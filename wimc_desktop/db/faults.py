"""Database failures classified by the driver's error code, and the domain error for each.

SQLite errors carry their (extended) result code, PostgreSQL errors their SQLSTATE: the
kind of failure is read from those, never from the message text, which changes between
versions and languages. A failure that is not one of the known kinds stays a plain
StorageError (exit 1: worth a look, as a bug would be).
"""

from __future__ import annotations

import enum
import sqlite3
import sys
from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError

from wimc_desktop.domain.errors import (
    CannotWriteError,
    DatabaseBusyError,
    DeskError,
    HubUnreachableError,
    NotAnEventDatabaseError,
    StorageError,
)


class Fault(enum.Enum):
    """What went wrong, as far as the user can do something about it."""

    BUSY = "busy"  # another program holds a lock: safe to try again
    FULL = "full"  # the disk (or the server's disk) is full
    READ_ONLY = "read_only"  # the file, folder or server allows reading only
    PERMISSION = "permission"  # no right to write (or to open) it
    CANT_OPEN = "cant_open"  # the file cannot be opened or created
    IO = "io"  # the disk failed to read or write
    NOT_A_DATABASE = "not_a_database"  # not a database file, or a damaged one
    UNREACHABLE = "unreachable"  # the database server cannot be reached


# SQLite primary result codes (the low byte of an extended code): sqlite.org/rescode.html
SQLITE_FAULTS = {
    3: Fault.PERMISSION,  # SQLITE_PERM
    5: Fault.BUSY,  # SQLITE_BUSY (and _RECOVERY, _SNAPSHOT, _TIMEOUT)
    6: Fault.BUSY,  # SQLITE_LOCKED (and _SHAREDCACHE, _VTAB)
    8: Fault.READ_ONLY,  # SQLITE_READONLY (and _RECOVERY, _CANTLOCK, _ROLLBACK, _DBMOVED...)
    10: Fault.IO,  # SQLITE_IOERR (and its 30-odd extended codes)
    11: Fault.NOT_A_DATABASE,  # SQLITE_CORRUPT
    13: Fault.FULL,  # SQLITE_FULL
    14: Fault.CANT_OPEN,  # SQLITE_CANTOPEN
    23: Fault.PERMISSION,  # SQLITE_AUTH
    26: Fault.NOT_A_DATABASE,  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATEs: postgresql.org/docs/current/errcodes-appendix.html
SQLSTATE_FAULTS = {
    "55P03": Fault.BUSY,  # lock_not_available (lock_timeout, NOWAIT)
    "57014": Fault.BUSY,  # query_canceled (statement_timeout)
    "40P01": Fault.BUSY,  # deadlock_detected (the transaction was rolled back)
    "40001": Fault.BUSY,  # serialization_failure
    "55006": Fault.BUSY,  # object_in_use
    "53300": Fault.BUSY,  # too_many_connections
    "57P03": Fault.BUSY,  # cannot_connect_now (the server is starting)
    "53100": Fault.FULL,  # disk_full
    "25006": Fault.READ_ONLY,  # read_only_sql_transaction (a standby, or set read-only)
    "42501": Fault.PERMISSION,  # insufficient_privilege
    "57P01": Fault.UNREACHABLE,  # admin_shutdown
    "57P02": Fault.UNREACHABLE,  # crash_shutdown
}


def _psycopg() -> Any:
    """The PostgreSQL driver if it was loaded (a psycopg error cannot exist otherwise):
    importing it here would add a few hundred ms to every start of a desk on SQLite."""
    return sys.modules.get("psycopg")


def driver_error(exc: BaseException) -> BaseException | None:
    """The database driver's own exception behind exc (wrapped by SQLAlchemy or not)."""
    if isinstance(exc, DBAPIError):
        return exc.orig
    psycopg = _psycopg()
    if isinstance(exc, sqlite3.Error) or (psycopg is not None and isinstance(exc, psycopg.Error)):
        return exc
    return None


def classify(exc: BaseException) -> Fault | None:
    """The kind of a database failure, from its error code; None when it is not a known
    kind (or not a database failure at all)."""
    error = driver_error(exc)
    if isinstance(error, sqlite3.Error):
        code: Any = getattr(error, "sqlite_errorcode", None)
        return SQLITE_FAULTS.get(code & 0xFF) if isinstance(code, int) else None
    psycopg = _psycopg()
    if psycopg is not None and isinstance(error, psycopg.Error):
        state: str | None = getattr(error, "sqlstate", None)
        if state is None:  # refused or dropped before the server said anything
            return Fault.UNREACHABLE if isinstance(error, psycopg.OperationalError) else None
        if state.startswith("08"):  # connection_exception and its subclasses
            return Fault.UNREACHABLE
        return SQLSTATE_FAULTS.get(state)
    return None


def storage_error(exc: BaseException, where: str) -> DeskError:
    """The domain error for a failed database operation on `where` (a path or a URL)."""
    fault = classify(exc)
    if fault is Fault.BUSY:
        return DatabaseBusyError("{where}: another program is using the event database; "
                                 "nothing was changed. It is safe to try again.", where=where)
    if fault is Fault.FULL:
        return CannotWriteError("{where}: cannot write: the disk is full; nothing was saved. "
                                "Free some space and try again.", where=where)
    if fault is Fault.READ_ONLY:
        return CannotWriteError("{where}: cannot write: the event database is read-only; "
                                "nothing was saved.", where=where)
    if fault is Fault.PERMISSION:
        return CannotWriteError("{where}: cannot write: permission denied; nothing was saved.",
                                where=where)
    if fault is Fault.CANT_OPEN:
        return CannotWriteError("{where}: cannot open the event database (no permission, or "
                                "its folder cannot be written); nothing was saved.",
                                where=where)
    if fault is Fault.IO:
        return CannotWriteError("{where}: cannot write: the disk reported an input/output "
                                "error; nothing was saved. Check the disk (is it full, or "
                                "removed?) and try again.", where=where)
    if fault is Fault.NOT_A_DATABASE:
        return NotAnEventDatabaseError("{where}: this file is not a WIMC event database (or "
                                       "it is damaged).", where=where)
    if fault is Fault.UNREACHABLE:
        return HubUnreachableError("{where}: the database server cannot be reached; nothing "
                                   "was saved. Check the network and try again.", where=where)
    error = driver_error(exc) or exc
    return StorageError("{where}: the database failed: {error}", where=where, error=error)


def is_database_error(exc: BaseException) -> bool:
    """Whether exc comes from the database driver (wrapped by SQLAlchemy or not)."""
    return driver_error(exc) is not None


def domain_error(exc: BaseException, where: str) -> DeskError | None:
    """A database error as the domain error of its kind; None for an error that is a bug
    (a constraint broken, a bad statement: not a database error that a user can mend)."""
    if isinstance(exc, DeskError) or not is_database_error(exc):
        return None
    error = storage_error(exc, where)
    if type(error) is StorageError and not isinstance(
            exc, OperationalError | sqlite3.OperationalError):
        return None
    return error
