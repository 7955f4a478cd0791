"""Plain data that crosses layers and threads: frozen dataclasses and enums."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from wimc_desktop.domain.contact import mask_email, mask_mobile, mask_text
from wimc_desktop.domain.errors import ImportProblem
from wimc_desktop.domain.guest_record import FIELD, GUEST_RECORD, Mask, field_names


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


_MASKS: dict[Mask, Callable[[str], str]] = {Mask.MOBILE: mask_mobile, Mask.EMAIL: mask_email,
                                              Mask.TEXT: mask_text}


def masked(name: str, text: str) -> str:
    """A guest field's value as shown when personal data is masked (the record's Mask)."""
    mask = _MASKS.get(FIELD[name].mask)
    return text if not text or mask is None else mask(text)


@dataclass(frozen=True, slots=True)
class Guest:
    """One registered guest, as read from the database.

    Its attributes between `id` and `extra` are the fields of the guest record, in its
    order (domain.guest_record; checked when this module loads): declared here so that
    every use is typed.
    """

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
    seat: str
    dietary: str
    external_id: str
    notes: str
    source: str
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_fields(cls, guest_id: str, value: Callable[[str], Any],
                    extra: dict[str, str] | None = None) -> Guest:
        """A guest from the value of each field of the record (`value(name)`)."""
        values = {f.name: value(f.name) for f in GUEST_RECORD}
        values["attendance"] = Attendance(values["attendance"])
        return cls(id=guest_id, extra=dict(extra or {}), **values)

    def value(self, name: str, *, full_pii: bool = True) -> str:
        """A field's value as text, masked as the record says unless `full_pii`."""
        text = str(getattr(self, name))
        return text if full_pii else masked(name, text)

    def as_json(self, *, full_pii: bool = False) -> dict[str, object]:
        """The guest as the command line writes it: mobile and e-mail masked
        (138****5678, z***@example.com) unless `full_pii` (which the caller audits)."""
        return {"id": self.id,
                **{f.name: self.value(f.name, full_pii=full_pii) for f in GUEST_RECORD},
                "extra": dict(self.extra)}


def _check_guest_matches_record() -> None:
    declared = [f.name for f in fields(Guest)][1:-1]
    if declared != list(field_names()):
        raise TypeError(f"Guest's attributes {declared} differ from the guest record")


_check_guest_matches_record()


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
