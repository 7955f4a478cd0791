"""Totals of contract signings: filters, exact sums by ceremony, sector, location and day.

Cancelled signings are excluded from every total (they stay in the register); amended
ones count at their current amount. Sums add integer fen, so a total is exact however
many signings it covers. Only CNY signings make up the headline total; a signing in
another currency is totalled on its own line, never converted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wimc_desktop.domain.money import format_total, format_total_en, format_yuan, from_fen, to_fen
from wimc_desktop.domain.signings import CNY, Signing, SigningStatus


class GroupBy(StrEnum):
    """What totals can be broken down by."""

    CEREMONY = "ceremony"
    SECTOR = "sector"
    LOCATION = "location"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class SigningFilter:
    """Which signings a list or total covers (None: any)."""

    ceremony: str | None = None
    sector: str | None = None
    location: str | None = None
    day: dt.date | None = None
    status: SigningStatus | None = None

    def describe(self) -> str:
        parts = [f"{name}={value}" for name, value in (
            ("ceremony", self.ceremony), ("sector", self.sector), ("location", self.location),
            ("day", self.day), ("status", self.status)) if value is not None]
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class GroupTotal:
    """The counted CNY signings of one ceremony, sector, location or day."""

    key: str
    count: int
    amount: Decimal

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "count": self.count, **money_json(self.amount)}


@dataclass(frozen=True, slots=True)
class CurrencyTotal:
    """The counted signings in a currency other than CNY (never converted)."""

    currency: str
    count: int
    amount: Decimal


@dataclass(frozen=True, slots=True)
class SigningSummary:
    """Totals of a set of signings: cancelled ones excluded, amended ones at their amount."""

    count: int
    amount: Decimal
    cancelled: int = 0
    by: GroupBy | None = None
    groups: tuple[GroupTotal, ...] = ()
    other_currencies: tuple[CurrencyTotal, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"count": self.count, **money_json(self.amount), "cancelled": self.cancelled,
                "by": self.by.value if self.by else None,
                "groups": [g.as_json() for g in self.groups],
                "other_currencies": [{"currency": c.currency, "count": c.count,
                                      "total": str(c.amount)} for c in self.other_currencies]}


def money_json(amount: Decimal) -> dict[str, object]:
    """An amount for JSON: integer fen, exact yuan as a string, and its display (never floats)."""
    return {"total_fen": to_fen(amount), "total_yuan": str(amount),
            "total_display": format_total(amount)}


def group_key(signing: Signing, by: GroupBy) -> str:
    if by is GroupBy.DAY:
        return signing.day.isoformat()
    return str(getattr(signing, by.value))


def summarize(signings: Iterable[Signing], by: GroupBy | None = None) -> SigningSummary:
    """Exact totals (adding fen) of the signings that count, broken down `by` if given."""
    fen: defaultdict[str, int] = defaultdict(int)
    count: defaultdict[str, int] = defaultdict(int)
    groups: dict[str, list[int]] = {}
    cancelled = 0
    for s in sorted(signings, key=lambda s: (s.signed_at, s.id)):
        if not s.counts_in_totals:
            cancelled += 1
            continue
        fen[s.currency] += s.amount_fen
        count[s.currency] += 1
        if by is not None and s.currency == CNY:
            group = groups.setdefault(group_key(s, by), [0, 0])
            group[0] += 1
            group[1] += s.amount_fen
    totals = [GroupTotal(k, n, from_fen(f)) for k, (n, f) in groups.items()]
    if by in (GroupBy.SECTOR, GroupBy.LOCATION):
        totals.sort(key=lambda g: (-g.amount, g.key))
    others = tuple(CurrencyTotal(c, count[c], from_fen(fen[c])) for c in sorted(fen) if c != CNY)
    return SigningSummary(count[CNY], from_fen(fen[CNY]), cancelled, by, tuple(totals), others)


def totals_line(summary: SigningSummary, lang: str = "zh") -> str:
    """'30 项，合计 536.30 亿元' / '30 signings, total 53.63 billion yuan', and what is left out."""
    if lang == "zh":
        line = f"{summary.count} 项，合计 {format_total(summary.amount, sep=' ')}"
        line += "".join(f"；另 {c.currency} {format_yuan(c.amount)}（{c.count} 项）"
                        for c in summary.other_currencies)
        return line + (f"（另有 {summary.cancelled} 项已取消，不计入合计）"
                       if summary.cancelled else "")
    noun = "signing" if summary.count == 1 else "signings"
    line = f"{summary.count} {noun}, total {format_total_en(summary.amount)}"
    line += "".join(f"; also {c.currency} {format_yuan(c.amount)} ({c.count})"
                    for c in summary.other_currencies)
    return line + (f" ({summary.cancelled} cancelled, not counted)" if summary.cancelled
                   else "")


BREAKDOWNS = (GroupBy.CEREMONY, GroupBy.SECTOR, GroupBy.LOCATION, GroupBy.DAY)


@dataclass(frozen=True, slots=True)
class SigningRegister:
    """What an export of the register shows: the signings, their totals and breakdowns."""

    event_name: str
    timezone: str
    generated_at: dt.datetime
    where: SigningFilter
    signings: tuple[Signing, ...]
    summary: SigningSummary
    breakdowns: tuple[SigningSummary, ...]  # by ceremony, sector, location and day

    @classmethod
    def of(cls, event_name: str, timezone: str, generated_at: dt.datetime,
           where: SigningFilter, signings: Iterable[Signing]) -> SigningRegister:
        listed = tuple(signings)
        return cls(event_name, timezone, generated_at, where, listed, summarize(listed),
                   tuple(summarize(listed, by) for by in BREAKDOWNS))
