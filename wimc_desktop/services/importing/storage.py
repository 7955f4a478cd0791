"""An import that cannot write (disk full, read-only, I/O error): told as such, with its path.

Classified by the error's type and code (SQLite's primary result code, PostgreSQL's
SQLSTATE, the system's errno), never by its words.
"""

from __future__ import annotations

import errno
import sqlite3

from wimc_desktop.domain.errors import CannotWriteError, DeskError, Message
from wimc_desktop.domain.models import ImportReport

# SQLite primary result codes: the disk is full, an I/O error, read-only, no permission.
_SQLITE_FULL, _SQLITE_IOERR, _SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN = 13, 10, 8, 3, 14
_POSTGRES = {"53100": "full", "58030": "io", "25006": "read-only"}
_ERRNO = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EIO: "io", errno.EROFS: "read-only",
          errno.EACCES: "read-only", errno.EPERM: "read-only"}
CAUSES = {"full": Message("the disk is full"),
          "io": Message("the disk could not be written (an input/output error)"),
          "read-only": Message("the file or its folder cannot be written (read-only, or no "
                               "permission)")}


def _kind(error: BaseException) -> str | None:
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        return {_SQLITE_FULL: "full", _SQLITE_IOERR: "io", _SQLITE_READONLY: "read-only",
                _SQLITE_PERM: "read-only", _SQLITE_CANTOPEN: "read-only"}.get(primary or -1)
    if isinstance(error, OSError) and error.errno in _ERRNO:
        return _ERRNO[error.errno]
    sqlstate = getattr(error, "sqlstate", None)
    return _POSTGRES.get(sqlstate) if isinstance(sqlstate, str) else None


def write_failure(exc: BaseException) -> Message | None:
    """Why nothing could be written, if `exc` (or an error it came from) says the disk is
    full, read-only or failed; None for any other failure."""
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        kind = _kind(error)
        if kind is not None:
            return CAUSES[kind]
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return None


class GuestsNotSavedError(CannotWriteError):
    """The guests' transaction could not be written: nothing was imported (exit 11)."""

    def __init__(self, where: str, file: str, cause: Message) -> None:
        super().__init__("{where}: the guest list {file} could not be saved: {cause}; "
                         "nothing was imported.", where=where, file=file, cause=cause)


class IndexNotSavedError(CannotWriteError):
    """The guests were saved, their search index not (exit 11): it is rebuilt at the next
    open of the event, and searches find the guests meanwhile (more slowly)."""

    def __init__(self, where: str, report: ImportReport, cause: Message | str) -> None:
        self.report = report
        super().__init__("{where}: the {count} guests of {file} were saved, but their search "
                         "index could not be written ({cause}); it is rebuilt the next time "
                         "the event is opened.", where=where, count=report.added
                         + report.updated, file=report.file, cause=cause)


def index_failure_cause(exc: BaseException) -> Message | str:
    """What to say of a failed index step: its cause, in words the window translates."""
    cause = write_failure(exc)
    if cause is not None:
        return cause
    return exc.message if isinstance(exc, DeskError) else str(exc)
