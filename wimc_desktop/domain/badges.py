"""Badges as data: templates (geometry in mm), what a badge shows, print and status records."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo

from wimc_desktop.domain.checkin import CheckInRecord, CheckInResult, Outcome
from wimc_desktop.domain.models import Category, Event, Guest

A4_MM = (210.0, 297.0)
SHEET_MARGIN_MM = 5.0  # the unprintable edge of an office printer


# The reason recorded when an import with replaced badge codes revokes the old one.
_REPLACED_BY_LIST = "replaced by the guest list "


def replaced_by_list_reason(file: str) -> str:
    """The revocation reason of a code replaced by the guest list `file`."""
    return _REPLACED_BY_LIST + file


def replacing_list(reason: str) -> str | None:
    """The guest list a revocation reason names, if an import replaced the code."""
    return reason.removeprefix(_REPLACED_BY_LIST) if reason.startswith(_REPLACED_BY_LIST) \
        else None


class BadgeStatus(StrEnum):
    """Whether a code still admits its holder."""

    ACTIVE = "active"
    REVOKED = "revoked"


class PrintOutput(StrEnum):
    """Where a badge was printed to."""

    PRINTER = "printer"
    PDF = "pdf"


class PageLayout(StrEnum):
    """One badge per page (a badge or card printer) or many on A4 sheets (an office printer)."""

    PAGE = "page"
    SHEET = "sheet"


class PrintAtCheckIn(StrEnum):
    """The desk setting: print a badge when a guest is admitted."""

    OFF = "off"
    FIRST_ADMISSION = "first_admission"
    ALWAYS = "always"


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the badge, in millimetres from its top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class TextSlot:
    """Where a text goes and how big it may be (em size in mm); it shrinks and wraps to fit."""

    box: Box
    size_mm: float
    max_lines: int = 1
    bold: bool = False
    align: Literal["left", "center", "right"] = "center"


@dataclass(frozen=True, slots=True)
class Template:
    """A badge format: its size and where each element sits (all in mm)."""

    key: str
    width_mm: float
    height_mm: float
    header: Box
    event_name: TextSlot
    event_name_en: TextSlot
    event_dates: TextSlot
    name: TextSlot
    name_en: TextSlot
    organization: TextSlot
    title: TextSlot
    qr: Box  # a square; the symbol's quiet zone is inside it
    code: TextSlot
    band: Box
    band_text: TextSlot
    seat: TextSlot  # "座位 A区 3排 12座" on the band, when the guest has a seat
    band_text_seated: TextSlot  # the category's slot then
    default_layout: PageLayout


HANGING = Template(
    "hanging", 100.0, 140.0, header=Box(0, 0, 100, 27),
    event_name=TextSlot(Box(6, 7, 88, 9), 6.4, bold=True),
    event_name_en=TextSlot(Box(6, 16, 88, 5), 3.3),
    event_dates=TextSlot(Box(6, 21, 88, 5), 3.3),
    name=TextSlot(Box(5, 30, 90, 23), 15.0, max_lines=2, bold=True),
    name_en=TextSlot(Box(6, 53, 88, 8), 5.6, max_lines=2),
    organization=TextSlot(Box(6, 61.5, 88, 12), 4.6, max_lines=3),
    title=TextSlot(Box(6, 73.5, 88, 6.5), 4.2, max_lines=2),
    qr=Box(29, 80, 42, 42), code=TextSlot(Box(20, 120.5, 60, 5.5), 3.8),
    band=Box(0, 127, 100, 13), band_text=TextSlot(Box(4, 128.5, 92, 10), 6.2, bold=True),
    # the band's second line, under the category
    seat=TextSlot(Box(4, 134.2, 92, 5.2), 4.4, bold=True),
    band_text_seated=TextSlot(Box(4, 127.6, 92, 6.6), 5.4, bold=True),
    default_layout=PageLayout.SHEET,
)
CARD = Template(
    "card", 85.6, 54.0, header=Box(0, 0, 85.6, 10.5),
    event_name=TextSlot(Box(3, 1.0, 52, 5.2), 3.2, bold=True, align="left"),
    event_name_en=TextSlot(Box(3, 6.0, 79.6, 3.8), 2.3, align="left"),
    event_dates=TextSlot(Box(56, 1.4, 26.6, 4.4), 2.3, align="right"),
    name=TextSlot(Box(3, 12.5, 49, 14), 9.0, max_lines=2, bold=True, align="left"),
    name_en=TextSlot(Box(3, 26.5, 49, 5.5), 3.4, max_lines=2, align="left"),
    organization=TextSlot(Box(3, 32.5, 49, 8), 2.9, max_lines=3, align="left"),
    title=TextSlot(Box(3, 40.5, 49, 5), 2.7, max_lines=2, align="left"),
    qr=Box(53, 10.9, 31.5, 31.5), code=TextSlot(Box(53, 42.1, 31.5, 3.9), 2.6),
    band=Box(0, 46.5, 85.6, 7.5), band_text=TextSlot(Box(3, 47.3, 79.6, 6), 3.5, bold=True),
    # the band's right half; the category moves to its left half
    seat=TextSlot(Box(44, 47.3, 38.6, 6), 3.3, bold=True, align="right"),
    band_text_seated=TextSlot(Box(3, 47.3, 40, 6), 3.5, bold=True, align="left"),
    default_layout=PageLayout.PAGE,
)
TEMPLATES: dict[str, Template] = {t.key: t for t in (HANGING, CARD)}


@dataclass(frozen=True, slots=True)
class BadgeFace:
    """Everything printed on one badge."""

    event_name: str
    event_name_en: str
    event_dates: str
    name: str
    name_en: str
    organization: str
    title: str
    category_name: str
    category_color: str
    code: str
    seat: str = ""  # the ceremony seat, printed as "座位 A区 3排 12座"


def event_dates_text(start: dt.date, end: dt.date) -> str:
    """'2020年11月26日—28日', or across months/years the full second date."""
    text = f"{start.year}年{start.month}月{start.day}日"
    if end == start:
        return text
    if end.year != start.year:
        return f"{text}—{end.year}年{end.month}月{end.day}日"
    return f"{text}—{end.month}月{end.day}日" if end.month != start.month else f"{text}—{end.day}日"


def badge_face(event: Event, guest: Guest) -> BadgeFace:
    """What the guest's badge shows; an English name equal to the name is not repeated."""
    cat = event.category(guest.category)
    category_name = " ".join(p for p in (cat.name_zh, cat.name_en.upper()) if p) if cat else ""
    name_en = "" if guest.name_en.strip().casefold() == guest.name.strip().casefold() \
        else guest.name_en.strip()
    where = f" · {event.city}" if event.city else ""
    return BadgeFace(event.name_zh, event.name_en, event_dates_text(event.start_date,
                     event.end_date) + where, guest.name.strip(), name_en,
                     guest.organization.strip(), guest.title.strip(),
                     category_name or guest.category, cat.color if cat else "#546E7A",
                     guest.badge_code, guest.seat.strip())


def sheet_slots(template: Template, page_mm: tuple[float, float] = A4_MM) -> list[Box]:
    """Where badges go on one sheet: a centred grid inside the printer's margin, row by row."""
    page_w, page_h = page_mm
    cols = max(1, math.floor((page_w - 2 * SHEET_MARGIN_MM) / template.width_mm))
    rows = max(1, math.floor((page_h - 2 * SHEET_MARGIN_MM) / template.height_mm))
    left = (page_w - cols * template.width_mm) / 2
    top = (page_h - rows * template.height_mm) / 2
    return [Box(left + c * template.width_mm, top + r * template.height_mm, template.width_mm,
                template.height_mm) for r in range(rows) for c in range(cols)]


@dataclass(frozen=True, slots=True)
class PrintRecord:
    """One logged print of a badge."""

    at: dt.datetime
    desk: str
    operator: str
    template: str
    output: str
    reason: str


@dataclass(frozen=True, slots=True)
class PrintStatus:
    """How often a guest's current badge was printed: the window warns before a reprint."""

    guest_id: str
    code: str
    count: int
    last: PrintRecord | None

    @property
    def is_reprint(self) -> bool:
        return self.count > 0

    def describe(self, timezone: str) -> str:
        """'already printed 2 times, last at 09:12 by desk 3' (the time in the event's zone)."""
        if self.last is None:
            return "not printed yet"
        times = "once" if self.count == 1 else f"{self.count} times"
        local = self.last.at.astimezone(ZoneInfo(timezone))
        return f"already printed {times}, last at {local:%H:%M} by desk {self.last.desk}"


@dataclass(frozen=True, slots=True)
class Revocation:
    """Why and by whom a code was revoked."""

    at: dt.datetime
    desk: str
    operator: str
    reason: str


@dataclass(frozen=True, slots=True)
class BadgeInfo:
    """What the desk knows about a badge code: the guest, the status, prints, today's check-in."""

    code: str
    guest: Guest
    category: Category | None
    status: BadgeStatus
    current_code: str
    replaced_by: str | None  # a revoked code: the guest's current code
    revocation: Revocation | None
    prints: PrintStatus
    day: dt.date
    checkin: CheckInRecord | None  # the guest's valid check-in on `day`

    def as_json(self, *, full_pii: bool = False) -> dict[str, object]:
        last = self.prints.last
        return {"guest": self.guest.as_json(full_pii=full_pii), "status": self.status.value,
                "replaced_by": self.replaced_by, "print_count": self.prints.count,
                "last_printed_at": last.at.isoformat() if last else None,
                "day": self.day.isoformat(), "checked_in": self.checkin is not None}


@dataclass(frozen=True, slots=True)
class Reissue:
    """A lost badge replaced: the old code revoked, the new one current."""

    old_code: str
    new_code: str
    guest: Guest

    def as_json(self) -> dict[str, str]:
        return {"old_code": self.old_code, "new_code": self.new_code}


def should_print_at_checkin(setting: PrintAtCheckIn, result: CheckInResult, *,
                            first_of_event: bool) -> bool:
    """Whether the desk prints a badge after this check-in.

    Only an admission prints (never a refusal or a repeated scan); FIRST_ADMISSION prints
    on the guest's first admission of the event (`first_of_event`, from
    services.badges.is_first_admission), ALWAYS on every day's admission.
    """
    if setting is PrintAtCheckIn.OFF or result.outcome is not Outcome.ADMITTED:
        return False
    return setting is PrintAtCheckIn.ALWAYS or first_of_event
