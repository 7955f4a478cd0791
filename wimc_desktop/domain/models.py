"""Plain data that crosses layers and threads: frozen dataclasses and enums."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from wimc_desktop.domain.contact import mask_email, mask_mobile
from wimc_desktop.domain.errors import ImportProblem


class Attendance(StrEnum):
    """How a guest takes part: at the venue or online."""

    ONSITE = "onsite"
    ONLINE = "online"


@dataclass(frozen=True, slots=True)
class Category:
    """A guest category of the event, with its badge colour and VIP flag."""

    code: str
    name_zh: str
    name_en: str
    color: str
    is_vip: bool
    sort_order: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    """The conference this event database belongs to (one per database)."""

    id: str
    name_zh: str
    name_en: str
    venue: str
    city: str
    start_date: dt.date
    end_date: dt.date
    timezone: str
    badge_prefix: str
    categories: tuple[Category, ...] = ()

    @property
    def days(self) -> list[dt.date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=i) for i in range(count)]

    def category(self, code: str) -> Category | None:
        return next((c for c in self.categories if c.code == code), None)


@dataclass(frozen=True, slots=True)
class Guest:
    """One registered guest, as read from the database."""

    id: str
    name: str
    name_en: str
    gender: str
    organization: str
    title: str
    category: str
    attendance: Attendance
    country: str
    mobile: str
    email: str
    badge_code: str
    external_id: str
    notes: str
    source: str
    extra: dict[str, str] = field(default_factory=dict)

    def as_json(self, *, full_pii: bool = False) -> dict[str, object]:
        """The guest as the command line writes it: mobile and e-mail masked
        (138****5678, z***@example.com) unless `full_pii` (which the caller audits)."""
        return {
            "id": self.id,
            "name": self.name,
            "name_en": self.name_en,
            "gender": self.gender,
            "organization": self.organization,
            "title": self.title,
            "category": self.category,
            "attendance": self.attendance.value,
            "country": self.country,
            "mobile": self.mobile if full_pii or not self.mobile else mask_mobile(self.mobile),
            "email": self.email if full_pii or not self.email else mask_email(self.email),
            "badge_code": self.badge_code,
            "external_id": self.external_id,
            "notes": self.notes,
            "source": self.source,
            "extra": dict(self.extra),
        }


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did (or, with dry_run, would do)."""

    file: str
    encoding: str
    sheet: str
    header_row: int
    mapping: dict[str, str]
    total_rows: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: tuple[ImportProblem, ...] = ()
    dry_run: bool = False
    badge_codes_replaced: int = 0  # matched guests given the row's code (old ones revoked)

    def as_json(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "errors": [
                {"row": p.row, "column": p.column, "value": p.value, "reason": p.reason,
                 "code": p.code}
                for p in self.errors
            ],
            "file": self.file,
            "encoding": self.encoding,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "badge_codes_replaced": self.badge_codes_replaced,
            "mapping": dict(self.mapping),
            "dry_run": self.dry_run,
        }
