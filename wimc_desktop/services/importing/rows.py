"""Turning the cells of a file into checked, normalised guest fields, column by column."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter, not_

from wimc_desktop.domain.badge_codes import is_valid_code, normalize_code
from wimc_desktop.domain.categories import resolve_category
from wimc_desktop.domain.contact import normalize_email, normalize_mobile
from wimc_desktop.domain.fields import GUEST_FIELDS
from wimc_desktop.domain.guest_record import GUEST_RECORD, Kind, field_names
from wimc_desktop.domain.models import Attendance
from wimc_desktop.domain.problems import Reason
from wimc_desktop.domain.text_safety import LINE_BREAK, unsafe_character, visible
from wimc_desktop.services.importing.readers import DataRows

DEFAULT_CATEGORY = "visitor"
# Free text is held to its field's length; the other kinds are checked by their form.
_FREE_TEXT = (Kind.TEXT, Kind.LONG_TEXT, Kind.EMAIL)
MAX_LENGTH = {f.name: f.max_length for f in GUEST_RECORD if f.kind in _FREE_TEXT}

_ATTENDANCE = {
    **dict.fromkeys(("线下", "现场", "线下参会", "现场参会", "offline", "on site", "onsite",
                     "on-site", "in person", "in-person", "venue"), Attendance.ONSITE),
    **dict.fromkeys(("线上", "在线", "云端", "线上参会", "网络参会", "online", "virtual",
                     "remote", "cloud"), Attendance.ONLINE),
}
_GENDER = {**dict.fromkeys(("男", "m", "male", "男性", "先生", "mr"), "M"),
           **dict.fromkeys(("女", "f", "female", "女性", "女士", "ms", "mrs"), "F")}


@dataclass(slots=True)
class GuestDraft:
    """One row matched to an existing guest: its normalised values and extra columns
    (header -> value, the filled ones)."""

    row: int
    values: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class GuestBatch:
    """The rows of a file, checked and normalised, column by column.

    Column-wise work lets the builtins do the per-row loops: a 100,000-row list is checked
    and written several times faster than one dict per row would allow.
    """

    rows: list[int]  # the Excel row number of each row
    columns: dict[str, list[str]]  # every guest field -> its normalised values
    extra: dict[str, list[str]]  # each unmapped column with a value (its header) -> values

    def __len__(self) -> int:
        return len(self.rows)

    def values(self, index: int) -> dict[str, str]:
        return {f: col[index] for f, col in self.columns.items()}

    def extra_of(self, index: int) -> dict[str, str]:
        """One row's unmapped columns that hold a value."""
        return {h: col[index] for h, col in self.extra.items() if col[index]}

    def draft(self, index: int) -> GuestDraft:
        return GuestDraft(self.rows[index], self.values(index), self.extra_of(index))

    def subset(self, indices: list[int]) -> GuestBatch:
        if len(indices) == len(self.rows):
            return self
        return GuestBatch([self.rows[i] for i in indices],
                          {f: [c[i] for i in indices] for f, c in self.columns.items()},
                          {h: [c[i] for i in indices] for h, c in self.extra.items()})


@dataclass(slots=True)
class CellIssue:
    """A problem with one cell: the row's index in the batch, field, value, reason."""

    index: int
    field: str
    value: str
    reason: Reason
    limit: int = 0
    args: dict[str, str] = dataclasses.field(default_factory=dict)  # (`field` is taken)


def _fold(value: str) -> str:
    return " ".join(value.lower().split())


def check_mobile(value: str, _ctx: dict[str, str]) -> tuple[str, Reason | None]:
    mobile = normalize_mobile(value)
    if mobile is None:
        return value, Reason.INVALID_MOBILE
    return mobile, None


def check_email(value: str, _ctx: dict[str, str]) -> tuple[str, Reason | None]:
    email = normalize_email(value)
    return (value, Reason.INVALID_EMAIL) if email is None else (email, None)


def check_category(value: str, ctx: dict[str, str]) -> tuple[str, Reason | None]:
    if not value:
        return "", None
    code = resolve_category(value, ctx)
    return (value, Reason.UNKNOWN_CATEGORY) if code is None else (code, None)


def check_attendance(value: str, _ctx: dict[str, str]) -> tuple[str, Reason | None]:
    if not value:
        return "", None
    mode = _ATTENDANCE.get(_fold(value))
    return (value, Reason.UNKNOWN_ATTENDANCE) if mode is None \
        else (mode.value, None)


def check_gender(value: str, _ctx: dict[str, str]) -> tuple[str, Reason | None]:
    if not value:
        return "", None
    gender = _GENDER.get(_fold(value).rstrip("."))
    return (value, Reason.UNKNOWN_GENDER) if gender is None else (gender, None)


def check_badge(value: str, _ctx: dict[str, str]) -> tuple[str, Reason | None]:
    if not value:
        return "", None
    code = normalize_code(value)
    if not is_valid_code(code):
        return value, Reason.INVALID_BADGE_CODE
    return code, None


Checker = Callable[[str, dict[str, str]], tuple[str, Reason | None]]
_KIND_CHECKS: dict[Kind, Checker] = {
    Kind.MOBILE: check_mobile, Kind.EMAIL: check_email, Kind.CATEGORY: check_category,
    Kind.BADGE_CODE: check_badge,
}
_CHOICE_CHECKS: dict[str, Checker] = {  # each choice field's own words
    "attendance": check_attendance, "gender": check_gender,
}
CHECKS: dict[str, Checker] = {
    f.name: _CHOICE_CHECKS[f.name] if f.kind is Kind.CHOICE else _KIND_CHECKS[f.kind]
    for f in GUEST_RECORD if f.imported and (f.kind is Kind.CHOICE or f.kind in _KIND_CHECKS)
}
# Fields with few distinct values: each distinct cell is checked once per file.
MEMO_FIELDS = frozenset(field_names(lambda f: f.kind in (Kind.CHOICE, Kind.CATEGORY)))
# Per kind, the common form a cell already has when it is valid and normalised (a mobile of
# 11 digits, an e-mail with a lower-case domain, a badge code in capitals): such cells are
# found by one C-level pass over the column; only the others go through their check.
_PLAIN_FORMS: dict[Kind, re.Pattern[str]] = {
    Kind.MOBILE: re.compile("1[3-9][0-9]{9}"),
    Kind.EMAIL: re.compile(r"[^@\s]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+"),
    Kind.BADGE_CODE: re.compile("[A-Z0-9][A-Z0-9-]{1,31}"),
}
PLAIN_FORMS = {f.name: _PLAIN_FORMS[f.kind] for f in GUEST_RECORD
               if f.name in CHECKS and f.kind in _PLAIN_FORMS}


def _check_column(name: str, raw: list[str], categories: dict[str, str],
                  issues: list[CellIssue]) -> list[str]:
    check = CHECKS.get(name)
    if check is None:
        return raw
    if name in MEMO_FIELDS:
        results = {v: check(v, categories) for v in set(raw) if v}
        if all(reason is None for _, reason in results.values()):
            return [results[v][0] if v else "" for v in raw]
    plain = PLAIN_FORMS.get(name)
    # (the cells to check: not empty, and not in the plain form; found at C speed)
    indices = compress(range(len(raw)), raw if plain is None else
                       map(not_, map(plain.fullmatch, raw)))
    out = list(raw)
    for index in indices:
        if not raw[index]:
            continue
        out[index], reason = check(raw[index], categories)
        if reason:
            issues.append(CellIssue(index, name, raw[index], reason))
    return out


def _length_issues(name: str, column: list[str], raw: list[str],
                   issues: list[CellIssue]) -> None:
    limit = MAX_LENGTH.get(name, 0)
    if limit and max(map(len, column), default=0) > limit:
        issues.extend(CellIssue(i, name, raw[i][:40], Reason.TOO_LONG, limit)
                      for i, v in enumerate(column) if len(v) > limit)


MULTILINE_FIELDS = frozenset(field_names(lambda f: f.kind is Kind.LONG_TEXT))  # (and extras)


def _unsafe_issues(name: str, raw: list[str], rows: list[int],
                   spans: dict[int, tuple[int, int]], issues: list[CellIssue],
                   multiline: bool) -> set[int]:
    """A cell holding a control or text-direction character, or (outside notes and extra
    columns) a line break: a CSV row that spans lines names them (a stray quote). The
    indices of the cells found. Whole columns are looked at first: the rare bad cell is
    then searched for."""
    joined = "".join(raw)
    if joined.isprintable() or unsafe_character(joined, multiline=multiline) is None:
        return set()
    found: set[int] = set()
    for index, value in enumerate(raw):
        where = unsafe_character(value, multiline=multiline)
        if where is None:
            continue
        found.add(index)
        position, char = where
        span = spans.get(rows[index] - 1)
        if not LINE_BREAK.match(value[position - 1]):
            issue = CellIssue(index, name, visible(value, 40), Reason.UNSAFE_CHARACTER,
                              args={"char": char, "position": str(position)})
        elif span is not None:
            issue = CellIssue(index, name, visible(value, 40), Reason.QUOTE_RUNS_ON,
                              args={"row": str(rows[index]), "start": str(span[0]),
                                    "end": str(span[1])})
        else:
            issue = CellIssue(index, name, visible(value, 40), Reason.LINE_BREAK)
        issues.append(issue)
    return found


def convert_rows(data: DataRows, mapping: dict[str, int],
                 extra_columns: dict[int, str], categories: dict[str, str],
                 line_spans: dict[int, tuple[int, int]] | None = None
                 ) -> tuple[GuestBatch, list[CellIssue]]:
    """Check and normalise every row; problems name the row's index and the field.

    `line_spans`: the (first, last) lines of CSV rows that span several, by row index."""
    width = max([*mapping.values(), *extra_columns, -1]) + 1
    cells = [c if len(c) >= width else c + [""] * (width - len(c)) for c in data.cells]
    rows = list(data.numbers)
    spans = line_spans or {}
    issues: list[CellIssue] = []
    unsafe: list[CellIssue] = []
    bad: set[tuple[int, str]] = set()
    columns: dict[str, list[str]] = {}
    for name in GUEST_FIELDS:
        if name not in mapping:
            columns[name] = [""] * len(cells)
            continue
        raw = list(map(str.strip, map(itemgetter(mapping[name]), cells)))
        bad.update((i, name) for i in _unsafe_issues(name, raw, rows, spans, unsafe,
                                                      name in MULTILINE_FIELDS))
        columns[name] = _check_column(name, raw, categories, issues)
        _length_issues(name, columns[name], raw, issues)
    if not all(columns["name"]):
        issues.extend(CellIssue(i, "name", "", Reason.MISSING_NAME)
                      for i, v in enumerate(columns["name"]) if not v)
    extra: dict[str, list[str]] = {}
    for i, header in extra_columns.items():
        raw = list(map(itemgetter(i), cells))
        _unsafe_issues(header, raw, rows, spans, unsafe, True)
        column = list(map(str.strip, raw))
        if header in extra:  # (two columns of one header: the later value, where it has one)
            column = [b or a for a, b in zip(extra[header], column, strict=True)]
        if any(column):
            extra[header] = column
    # A cell with an unsafe character is told once, for that (its other checks would only
    # repeat that it is wrong).
    issues = unsafe + [i for i in issues if (i.index, i.field) not in bad]
    return GuestBatch(rows, columns, extra), issues
