"""The figures of an event day, as plain data the page, the files and the CLI all share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from wimc_desktop.domain.guest_record import field_names

RATE_DECIMALS = 1  # 12.5%: the one precision of every rate, on screen and in the files


def rate_text(part: int, whole: int) -> str:
    """`part` of `whole` as a percentage, one decimal, halves rounded up (1/8 -> "12.5%",
    1/16 -> "6.3%"): the page, the dashboard and the PDF all write rates with this."""
    if not whole:
        return f"{0:.{RATE_DECIMALS}f}%"
    exact = Decimal(part) * 100 / Decimal(whole)
    return f"{exact.quantize(Decimal(1).scaleb(-RATE_DECIMALS), ROUND_HALF_UP)}%"


@dataclass(frozen=True, slots=True)
class CategoryFigures:
    """Registered and admitted guests of one category."""

    code: str
    name_zh: str
    name_en: str
    is_vip: bool
    registered: int
    admitted: int
    admitted_so_far: int = 0  # guests of the category admitted on any day up to this one

    @property
    def share(self) -> float:
        return self.admitted / self.registered if self.registered else 0.0


# The guest's fields in the day's lists (check-ins, walk-ins, not arrived): the record's
# exported ones, the badge code first (what the desk looks a line up by).
LISTED: tuple[str, ...] = ("badge_code", *field_names(lambda f: f.exported
                                                       and f.name != "badge_code"))


class _Listed:
    """The fields a listed guest is read by elsewhere (the VIP lists, the dashboard)."""

    __slots__ = ()
    guest: dict[str, str]  # LISTED field -> value

    @property
    def badge_code(self) -> str:
        return self.guest["badge_code"]

    @property
    def name(self) -> str:
        return self.guest["name"]

    @property
    def organization(self) -> str:
        return self.guest["organization"]

    @property
    def title(self) -> str:
        return self.guest["title"]

    @property
    def category(self) -> str:
        return self.guest["category"]

    @property
    def mobile(self) -> str:
        return self.guest["mobile"]


@dataclass(frozen=True, slots=True)
class Arrival(_Listed):
    """One admitted guest (for the check-in list, the VIP list and walk-ins)."""

    at: dt.datetime  # UTC
    desk: str
    operator: str
    method: str
    guest: dict[str, str]  # the guest's LISTED fields


@dataclass(frozen=True, slots=True)
class MissingGuest(_Listed):
    """A registered (on-site) guest who has not arrived yet."""

    guest: dict[str, str]  # the guest's LISTED fields


@dataclass(frozen=True, slots=True)
class SigningFigures:
    """Signings of the day and the event's running total (exact, in fen)."""

    count: int
    total_fen: int
    running_count: int
    running_total_fen: int


@dataclass(frozen=True)
class DailyReport:
    """Everything the organising committee asks the desk for about one event day."""

    day: dt.date
    generated_at: dt.datetime
    event_name: str
    timezone: str
    registered: int
    registered_by_attendance: dict[str, int]
    admitted: int
    first_arrivals: int
    walk_ins: int
    undos: int
    refused: dict[str, int]  # outcome -> count (already_checked_in, unknown_code, ...)
    by_category: tuple[CategoryFigures, ...]
    by_hour: dict[str, int]  # "09" -> admissions in that local hour
    by_desk: dict[str, int]
    by_operator: dict[str, int]
    vip_arrived: tuple[Arrival, ...]
    vip_missing: tuple[MissingGuest, ...]
    badges_printed: int
    badges_reprinted: int
    signings: SigningFigures
    cumulative_admitted: int  # distinct guests admitted on any day up to this one
    cumulative_walk_ins: int
    cumulative_undos: int = 0  # the figures of every day up to this one (below too)
    cumulative_refused: dict[str, int] = field(default_factory=dict)
    cumulative_badges_printed: int = 0
    cumulative_badges_reprinted: int = 0
    cumulative_vip_arrived: int = 0  # VIP guests admitted on any day so far
    checkins: tuple[Arrival, ...] = field(default=(), repr=False)
    missing: tuple[MissingGuest, ...] = field(default=(), repr=False)
    walk_in_list: tuple[Arrival, ...] = field(default=(), repr=False)

    @property
    def returning(self) -> int:
        return self.admitted - self.first_arrivals

    def as_json(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "generated_at": self.generated_at.isoformat(),
            "registered": self.registered,
            "registered_by_attendance": dict(self.registered_by_attendance),
            "admitted": self.admitted,
            "first_arrivals": self.first_arrivals,
            "returning": self.returning,
            "walk_ins": self.walk_ins,
            "undos": self.undos,
            "refused": dict(self.refused),
            "by_category": {c.code: {"name_zh": c.name_zh, "name_en": c.name_en,
                                     "registered": c.registered, "admitted": c.admitted}
                            for c in self.by_category},
            "by_hour": dict(self.by_hour),
            "by_desk": dict(self.by_desk),
            "by_operator": dict(self.by_operator),
            "vip": {"arrived": len(self.vip_arrived), "missing": len(self.vip_missing)},
            "badges": {"printed": self.badges_printed, "reprinted": self.badges_reprinted},
            "signings": {"count": self.signings.count, "total_fen": self.signings.total_fen,
                         "running_count": self.signings.running_count,
                         "running_total_fen": self.signings.running_total_fen},
            "cumulative": {"admitted": self.cumulative_admitted,
                           "walk_ins": self.cumulative_walk_ins,
                           "undos": self.cumulative_undos,
                           "refused": dict(self.cumulative_refused),
                           "badges": {"printed": self.cumulative_badges_printed,
                                      "reprinted": self.cumulative_badges_reprinted},
                           "vip_arrived": self.cumulative_vip_arrived,
                           "by_category": {c.code: c.admitted_so_far
                                           for c in self.by_category}},
        }
