"""An import that cannot write (disk full, read-only, I/O error): told as such, with its path.

Classified by the error's type and code (SQLite's primary result code, PostgreSQL's
SQLSTATE, the system's errno), never by its words.
"""

from __future__ import annotations

import errno

from wimc_desktop.db.faults import Fault, classify
from wimc_desktop.domain.errors import CannotWriteError, DeskError, Message
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.services.safe_file import DISK_FULL, NO_PERMISSION

# What the system's errno says; a database error's kind comes from db.faults (its code).
_ERRNO = {**dict.fromkeys(DISK_FULL, "full"), **dict.fromkeys(NO_PERMISSION, "read-only"),
          errno.EROFS: "read-only", errno.EIO: "io"}
_FAULTS = {Fault.FULL: "full", Fault.IO: "io", Fault.READ_ONLY: "read-only",
           Fault.PERMISSION: "read-only", Fault.CANT_OPEN: "read-only"}
CAUSES = {"full": Message("the disk is full"),
          "io": Message("the disk could not be written (an input/output error)"),
          "read-only": Message("the file or its folder cannot be written (read-only, or no "
                               "permission)")}


def _kind(error: BaseException) -> str | None:
    if isinstance(error, OSError) and error.errno in _ERRNO:
        return _ERRNO[error.errno]
    fault = classify(error)
    return _FAULTS.get(fault) if fault is not None else None


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
