"""The reasons a guest-list row is refused, in the interface language (per Reason code)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wimc_desktop.domain.errors import ImportProblem
from wimc_desktop.domain.problems import Reason
from wimc_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "ImportProblem"


# Each reason's source text (REASON_TEXT of domain.problems with %1, %2... for its
# arguments) and the names of the arguments that fill them (one name, or several joined by
# commas); translated when shown, so a language switch holds.
_TEMPLATES: dict[str, tuple[str, str]] = {
    Reason.MISSING_NAME: (QT_TRANSLATE_NOOP("ImportProblem", "missing name"), ""),
    Reason.INVALID_MOBILE: (
        QT_TRANSLATE_NOOP("ImportProblem", "invalid mobile number (11 digits "
                          "starting with 1, or +country code)"),
        ""),
    Reason.INVALID_EMAIL: (QT_TRANSLATE_NOOP("ImportProblem", "invalid e-mail address"), ""),
    Reason.UNKNOWN_CATEGORY: (QT_TRANSLATE_NOOP("ImportProblem", "unknown category"), ""),
    Reason.UNKNOWN_ATTENDANCE: (
        QT_TRANSLATE_NOOP("ImportProblem", "unknown attendance (线下/线上, on site/online)"),
        ""),
    Reason.UNKNOWN_GENDER: (QT_TRANSLATE_NOOP("ImportProblem", "unknown gender (男/女, M/F)"), ""),
    Reason.INVALID_BADGE_CODE: (
        QT_TRANSLATE_NOOP("ImportProblem", "invalid badge code (letters, digits "
                          "and '-', at most 32)"),
        ""),
    Reason.TOO_LONG: (
        QT_TRANSLATE_NOOP("ImportProblem", "too long (more than %1 characters)"),
        "limit"),
    Reason.DUPLICATE_BADGE_CODE: (
        QT_TRANSLATE_NOOP("ImportProblem", "duplicate badge code (also on row %1)"),
        "row"),
    Reason.DUPLICATE_EXTERNAL_ID: (
        QT_TRANSLATE_NOOP("ImportProblem", "duplicate external id (also on row %1)"),
        "row"),
    Reason.BADGE_CODE_OF_ANOTHER_GUEST: (
        QT_TRANSLATE_NOOP("ImportProblem", "badge code belongs to another guest"),
        ""),
    Reason.EXTERNAL_ID_OF_ANOTHER_GUEST: (
        QT_TRANSLATE_NOOP("ImportProblem", "external id belongs to another guest"),
        ""),
    Reason.SAME_GUEST_AS_ROW: (
        QT_TRANSLATE_NOOP("ImportProblem", "the same guest as row %1"),
        "row"),
    Reason.REVOKED_BADGE_CODE: (
        QT_TRANSLATE_NOOP("ImportProblem", "badge code was revoked (replaced by %1)"),
        "code"),
    Reason.BROKEN_QUOTING: (
        QT_TRANSLATE_NOOP("ImportProblem", "broken quoting: a quote opened on "
                          "line %1 is never closed properly"),
        "line"),
    Reason.FORMULA_WITHOUT_VALUE: (
        QT_TRANSLATE_NOOP("ImportProblem", "formula with no saved value: open and "
                          "save the file in Excel, then import again"),
        ""),
    Reason.UNSAFE_CHARACTER: (
        QT_TRANSLATE_NOOP("ImportProblem", "the character %1 at position %2 is not allowed "
                          "(a control character or a text-direction override)"),
        "char,position"),
    Reason.LINE_BREAK: (
        QT_TRANSLATE_NOOP("ImportProblem", "a line break inside the cell (allowed only in "
                          "notes and extra columns)"),
        ""),
    Reason.QUOTE_RUNS_ON: (
        QT_TRANSLATE_NOOP("ImportProblem", "a line break inside the cell: the quote opened "
                          "in row %1 runs from line %2 to line %3 (a stray quote takes in "
                          "the rows after it)"),
        "row,start,end"),
    Reason.CELL_TOO_LONG: (
        QT_TRANSLATE_NOOP("ImportProblem", "a cell on line %1 is longer than %2 characters, "
                          "the most a CSV cell may hold"),
        "line,limit"),
    Reason.BADGE_CODE_CONFLICT: (
        QT_TRANSLATE_NOOP("ImportProblem", "badge code conflict: the guest already has badge "
                          "code %1, this row gives %2 (replacing it revokes the old badge)"),
        "old,new"),
}


def reason_text(code: str, args: dict[str, str] | None = None, fallback: str = "") -> str:
    """The translated text of a reason code with its argument; fallback for unknown codes."""
    template = _TEMPLATES.get(code)
    if template is None:
        return fallback
    source, names = template
    text = QCoreApplication.translate(CONTEXT, source)
    for number, name in enumerate(names.split(",") if names else [], start=1):
        text = text.replace(f"%{number}", (args or {}).get(name, ""))
    return text


def problem_text(problem: ImportProblem) -> str:
    """What to show for a problem: its reason in the interface language, else the core's text."""
    return reason_text(problem.code, dict(problem.args), problem.reason)
