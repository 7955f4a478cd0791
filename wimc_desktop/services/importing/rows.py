"""Turning the cells of one file row into checked, normalised guest fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from wimc_desktop.domain.badge_codes import is_valid_code, normalize_code
from wimc_desktop.domain.categories import resolve_category
from wimc_desktop.domain.contact import normalize_email, normalize_mobile
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


def check_name(value: str, _ctx: dict[str, str]) -> tuple[str, str | None]:
    return value, (None if value else "missing name")


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
    "name": check_name, "mobile": check_mobile, "email": check_email,
    "category": check_category, "attendance": check_attendance, "gender": check_gender,
    "badge_code": check_badge,
}


def convert_row(cells: list[str], mapping: dict[str, int], extra_columns: dict[int, str],
                categories: dict[str, str]) -> tuple[dict[str, str], dict[str, str],
                                                     list[RowIssue]]:
    """The normalised values, the extra columns and the problems of one row."""
    values: dict[str, str] = {}
    issues: list[RowIssue] = []
    width = len(cells)
    for name, index in mapping.items():
        raw = cells[index].strip() if index < width else ""
        check = CHECKS.get(name)
        if check is not None:
            value, reason = check(raw, categories)
            if reason:
                issues.append(RowIssue(name, raw, reason))
        else:
            value = raw
        limit = MAX_LENGTH.get(name)
        if limit and len(value) > limit:
            issues.append(RowIssue(name, raw[:40], f"too long (more than {limit} characters)"))
        values[name] = value
    if "name" not in mapping:
        issues.append(RowIssue("name", "", "missing name"))
    extra = {h: cells[i].strip() for i, h in extra_columns.items()
             if i < width and cells[i].strip()}
    return values, extra, issues
