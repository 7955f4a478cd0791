"""Turning the cells of one file row into checked, normalised guest fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from wimc_desktop.domain.badge_codes import is_valid_code, normalize_code
from wimc_desktop.domain.categories import resolve_category
from wimc_desktop.domain.contact import normalize_email, normalize_mobile
from wimc_desktop.domain.fields import GUEST_FIELDS
from wimc_desktop.domain.models import Attendance

DEFAULT_CATEGORY = "visitor"
MAX_LENGTH = {"name": 200, "name_en": 200, "organization": 200, "title": 200,
              "country": 100, "external_id": 100, "notes": 4000}

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
    """One accepted row: normalised field values, extra columns, its Excel row number."""

    row: int
    values: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class RowIssue:
    """A problem with one cell, before the file name and row are attached."""

    field: str
    value: str
    reason: str


def _fold(value: str) -> str:
    return " ".join(value.lower().split())


def check_mobile(value: str, _ctx: dict[str, str]) -> tuple[str, str | None]:
    mobile = normalize_mobile(value)
    if mobile is None:
        return value, "invalid mobile number (11 digits starting with 1, or +country code)"
    return mobile, None


def check_email(value: str, _ctx: dict[str, str]) -> tuple[str, str | None]:
    email = normalize_email(value)
    return (value, "invalid e-mail address") if email is None else (email, None)


def check_category(value: str, ctx: dict[str, str]) -> tuple[str, str | None]:
    if not value:
        return "", None
    code = resolve_category(value, ctx)
    return (value, "unknown category") if code is None else (code, None)


def check_attendance(value: str, _ctx: dict[str, str]) -> tuple[str, str | None]:
    if not value:
        return "", None
    mode = _ATTENDANCE.get(_fold(value))
    return (value, "unknown attendance (线下/线上, on site/online)") if mode is None \
        else (mode.value, None)


def check_gender(value: str, _ctx: dict[str, str]) -> tuple[str, str | None]:
    if not value:
        return "", None
    gender = _GENDER.get(_fold(value).rstrip("."))
    return (value, "unknown gender (男/女, M/F)") if gender is None else (gender, None)


def check_badge(value: str, _ctx: dict[str, str]) -> tuple[str, str | None]:
    if not value:
        return "", None
    code = normalize_code(value)
    if not is_valid_code(code):
        return value, "invalid badge code (letters, digits and '-', at most 32)"
    return code, None


Checker = Callable[[str, dict[str, str]], tuple[str, str | None]]
CHECKS: dict[str, Checker] = {
    "mobile": check_mobile, "email": check_email, "category": check_category,
    "attendance": check_attendance, "gender": check_gender, "badge_code": check_badge,
}
Memo = dict[str, tuple[str, str | None]]
PlanItem = tuple[str, int, Checker | None, Memo | None, int]
# Fields with few distinct values: each distinct cell is checked once per file.
MEMO_FIELDS = frozenset({"category", "attendance", "gender"})


class RowConverter:
    """Checks and normalises the cells of each row of one file (built once per import)."""

    def __init__(self, mapping: dict[str, int], extra_columns: dict[int, str],
                 categories: dict[str, str]) -> None:
        self.plan: list[PlanItem] = [
            (name, index, CHECKS.get(name), {} if name in MEMO_FIELDS else None,
             MAX_LENGTH.get(name, 0)) for name, index in mapping.items()]
        self.extra_columns = list(extra_columns.items())
        self.categories = categories
        self.blank = dict.fromkeys(GUEST_FIELDS, "")

    def convert(self, cells: list[str]) -> tuple[dict[str, str], dict[str, str],
                                                  list[RowIssue]]:
        """The normalised values, the extra columns and the problems of one row."""
        values = self.blank.copy()
        issues: list[RowIssue] = []
        width = len(cells)
        for name, index, check, memo, limit in self.plan:
            raw = cells[index].strip() if index < width else ""
            value = raw
            if check is not None and raw:
                hit = memo.get(raw) if memo is not None else None
                if hit is None:
                    hit = check(raw, self.categories)
                    if memo is not None:
                        memo[raw] = hit
                value, reason = hit
                if reason:
                    issues.append(RowIssue(name, raw, reason))
            if limit and len(value) > limit:
                issues.append(RowIssue(name, raw[:40], f"too long (more than {limit} "
                                                       "characters)"))
            values[name] = value
        if not values["name"]:
            issues.append(RowIssue("name", "", "missing name"))
        extra = {h: cells[i].strip() for i, h in self.extra_columns
                 if i < width and cells[i].strip()}
        return values, extra, issues
