"""Domain errors: known failures with a clear message, distinct from bugs.

A message is a template with named arguments, never a finished f-string::

    raise BadInputError("the last day {end} is before the first day {start}",
                        end=end, start=start)

`str(exc)` is the English text (the command line, the logs and the tests use it); the
window translates `exc.template` (listed in ui/error_texts.py) and fills in `exc.params`.
An argument may itself be a `Message` (a translatable piece of a composed text), and a
template may use `!r` on an argument that was a string (`{value!r}` quotes it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wimc_desktop.domain.problems import REASON_TEXT, Reason, reason_text


def fill(template: str, params: Mapping[str, str]) -> str:
    """A template with its arguments filled in (as is when there are none)."""
    return template.format_map(params) if params else template


class Message:
    """A message template with its named arguments; an argument may be a Message too."""

    __slots__ = ("args", "template")

    def __init__(self, template: str, /, **args: object) -> None:
        self.template = template
        self.args: dict[str, str | Message] = {
            k: v if isinstance(v, Message) else str(v) for k, v in args.items()}

    @property
    def params(self) -> dict[str, str]:
        """The arguments as English text."""
        return {k: str(v) for k, v in self.args.items()}

    def __str__(self) -> str:
        return fill(self.template, self.params)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.args!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Message) and self.template == other.template
                and self.args == other.args)

    def __hash__(self) -> int:
        return hash((self.template, tuple(self.args)))


class DeskError(Exception):
    """A known failure whose message can be shown to the user as is.

    `DeskError(template, **params)` or `DeskError(message)`; `.template` and `.params`
    (dict of str) let the window show its own words, `.message` keeps composed pieces.
    """

    exit_code = 1

    def __init__(self, template: str | Message = "", /, **params: object) -> None:
        self.message = template if isinstance(template, Message) else Message(template, **params)
        super().__init__(str(self.message))

    @property
    def template(self) -> str:
        return self.message.template

    @property
    def params(self) -> dict[str, str]:
        return self.message.params


class BadInputError(DeskError):
    """The user's input (a file, an option) is wrong; nothing was written."""

    exit_code = 2


class NotFoundError(DeskError):
    """The thing asked for does not exist (no event database, no such guest)."""

    exit_code = 4


class NotAnEventDatabaseError(NotFoundError):
    """The path or URL holds no WIMC event database."""


class NotPermittedError(DeskError):
    """The operator is unknown, disabled, gave a wrong password, or their role does not
    allow the action (exit 8); nothing was changed."""

    exit_code = 8


class NewerSchemaError(DeskError):
    """The event database was written by a newer version of the app."""

    exit_code = 2


class StorageError(DeskError):
    """The database could not be written (disk full, locked, read-only)."""

    exit_code = 1


class DatabaseBusyError(StorageError):
    """Another program holds the database longer than we wait; safe to retry (exit 10)."""

    exit_code = 10


class CannotWriteError(StorageError):
    """The app cannot write: disk full, read-only, permission (exit 11).

    The message names the path and the cause."""

    exit_code = 11


class HubUnreachableError(StorageError):
    """The database server (the hub of several desks) cannot be reached (exit 7)."""

    exit_code = 7


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

    def reason_message(self) -> Message | str:
        """The reason as a Message of its code's template, else its English text."""
        try:
            code = Reason(self.code)
        except ValueError:
            return self.reason
        message = Message(REASON_TEXT[code], **dict(self.args))
        return message if str(message) == self.reason else self.reason

    def message(self) -> Message:
        """Where the problem is and why, as a translatable message."""
        row, column, value, reason = self.row, self.column, self.value, self.reason_message()
        if column and value:
            where = Message("row {row}, column {column!r}, value {value!r}: {reason}",
                            row=row, column=column, value=value, reason=reason)
        elif column:
            where = Message("row {row}, column {column!r}: {reason}",
                            row=row, column=column, reason=reason)
        elif value:
            where = Message("row {row}, value {value!r}: {reason}",
                            row=row, value=value, reason=reason)
        else:
            where = Message("row {row}: {reason}", row=row, reason=reason)
        return Message("{file}: {problem}", file=self.file, problem=where) if self.file \
            else where

    def describe(self) -> str:
        return str(self.message())


class ImportRejectedError(BadInputError):
    """A guest list has problems; the whole file was rejected."""

    def __init__(self, problems: list[ImportProblem], file: str = "") -> None:
        self.problems = problems
        self.file = file
        if not problems:
            super().__init__("{file}: rejected, nothing imported: no problems listed",
                             file=file)
        elif len(problems) == 1:
            super().__init__("{file}: rejected, nothing imported: {problem}",
                             file=file, problem=problems[0].message())
        else:
            super().__init__("{file}: rejected, nothing imported: {problem} "
                             "(and {more} more)",
                             file=file, problem=problems[0].message(), more=len(problems) - 1)


class ImportCancelledError(DeskError):
    """The user cancelled an import before it was committed; nothing was written."""
