"""Domain errors: known failures with a clear message, distinct from bugs."""

from __future__ import annotations

from dataclasses import dataclass

from wimc_desktop.domain.problems import Reason, reason_text


class DeskError(Exception):
    """A known failure whose message can be shown to the user as is."""

    exit_code = 1


class BadInputError(DeskError):
    """The user's input (a file, an option) is wrong; nothing was written."""

    exit_code = 2


class NotFoundError(DeskError):
    """The thing asked for does not exist (no event database, no such guest)."""

    exit_code = 4


class NotAnEventDatabaseError(NotFoundError):
    """The path or URL holds no WIMC event database."""


class NewerSchemaError(DeskError):
    """The event database was written by a newer version of the app."""

    exit_code = 2


class StorageError(DeskError):
    """The database could not be written (disk full, locked, read-only)."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One reason a row of an imported file cannot be accepted.

    `reason` is the English text; `code` and `args` let the window show its own words.
    """

    row: int
    column: str
    value: str
    reason: str
    file: str = ""
    code: str = ""
    args: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, row: int, column: str, value: str, code: Reason, file: str, /,
           **args: object) -> ImportProblem:
        text_args = {k: str(v) for k, v in args.items()}
        return cls(row, column, value, reason_text(code, text_args), file, code.value,
                   tuple(text_args.items()))

    def describe(self) -> str:
        where = f"{self.file}: " if self.file else ""
        col = f", column {self.column!r}" if self.column else ""
        val = f", value {self.value!r}" if self.value else ""
        return f"{where}row {self.row}{col}{val}: {self.reason}"


class ImportRejectedError(BadInputError):
    """A guest list has problems; the whole file was rejected."""

    def __init__(self, problems: list[ImportProblem], file: str = "") -> None:
        self.problems = problems
        self.file = file
        first = problems[0].describe() if problems else "no problems listed"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{file}: rejected, nothing imported: {first}{more}")


class ImportCancelledError(DeskError):
    """The user cancelled an import before it was committed; nothing was written."""
