"""Why a row of a guest list is refused: stable reason codes with their English text.

The code and its arguments cross to the GUI, which shows its own translation; the
English text goes to the command line, the JSON and the logs.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """A reason a cell or a row of an imported file cannot be accepted."""

    MISSING_NAME = "missing_name"
    INVALID_MOBILE = "invalid_mobile"
    INVALID_EMAIL = "invalid_email"
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_ATTENDANCE = "unknown_attendance"
    UNKNOWN_GENDER = "unknown_gender"
    INVALID_BADGE_CODE = "invalid_badge_code"
    TOO_LONG = "too_long"
    DUPLICATE_BADGE_CODE = "duplicate_badge_code"
    DUPLICATE_EXTERNAL_ID = "duplicate_external_id"
    BADGE_CODE_OF_ANOTHER_GUEST = "badge_code_of_another_guest"
    EXTERNAL_ID_OF_ANOTHER_GUEST = "external_id_of_another_guest"
    SAME_GUEST_AS_ROW = "same_guest_as_row"
    REVOKED_BADGE_CODE = "revoked_badge_code"
    BROKEN_QUOTING = "broken_quoting"
    FORMULA_WITHOUT_VALUE = "formula_without_value"
    UNSAFE_CHARACTER = "unsafe_character"
    LINE_BREAK = "line_break"
    QUOTE_RUNS_ON = "quote_runs_on"
    CELL_TOO_LONG = "cell_too_long"
    BADGE_CODE_CONFLICT = "badge_code_conflict"
    INVALID_ID_NUMBER = "invalid_id_number"


REASON_TEXT: dict[Reason, str] = {
    Reason.MISSING_NAME: "missing name",
    Reason.INVALID_MOBILE: "invalid mobile number (11 digits starting with 1, or +country code)",
    Reason.INVALID_EMAIL: "invalid e-mail address",
    Reason.UNKNOWN_CATEGORY: "unknown category",
    Reason.UNKNOWN_ATTENDANCE: "unknown attendance (线下/线上, on site/online)",
    Reason.UNKNOWN_GENDER: "unknown gender (男/女, M/F)",
    Reason.INVALID_BADGE_CODE: "invalid badge code (letters, digits and '-', at most 32)",
    Reason.TOO_LONG: "too long (more than {limit} characters)",
    Reason.DUPLICATE_BADGE_CODE: "duplicate badge code (also on row {row})",
    Reason.DUPLICATE_EXTERNAL_ID: "duplicate external id (also on row {row})",
    Reason.BADGE_CODE_OF_ANOTHER_GUEST: "badge code belongs to another guest",
    Reason.EXTERNAL_ID_OF_ANOTHER_GUEST: "external id belongs to another guest",
    Reason.SAME_GUEST_AS_ROW: "the same guest as row {row}",
    Reason.REVOKED_BADGE_CODE: "badge code was revoked (replaced by {code})",
    Reason.BROKEN_QUOTING: "broken quoting: a quote opened on line {line} is never closed "
                           "properly",
    Reason.FORMULA_WITHOUT_VALUE: "formula with no saved value: open and save the file in "
                                  "Excel, then import again",
    Reason.UNSAFE_CHARACTER: "the character {char} at position {position} is not allowed "
                             "(a control character or a text-direction override)",
    Reason.LINE_BREAK: "a line break inside the cell (allowed only in notes and extra "
                       "columns)",
    Reason.QUOTE_RUNS_ON: "a line break inside the cell: the quote opened in row {row} runs "
                          "from line {start} to line {end} (a stray quote takes in the rows "
                          "after it)",
    Reason.CELL_TOO_LONG: "a cell on line {line} is longer than {limit} characters, the "
                          "most a CSV cell may hold",
    Reason.BADGE_CODE_CONFLICT: "badge code conflict: the guest already has badge code "
                                "{old}, this row gives {new} (replacing it revokes the old "
                                "badge)",
    Reason.INVALID_ID_NUMBER: "invalid resident ID card number (18 characters, the last a "
                              "check digit 0-9 or X)",
}


def reason_text(code: Reason, args: dict[str, str] | None = None) -> str:
    """The English text of a reason with its arguments filled in."""
    return REASON_TEXT[code].format(**(args or {}))
