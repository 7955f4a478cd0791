"""Contract signings: what a signing is and the rules a new or amended one obeys.

A signing is never deleted: it is recorded (status `signed`), may be amended (status
`amended`, counted at its current amount) and may be cancelled (status `cancelled`,
kept in the register but excluded from every total; see signing_totals).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from wimc_desktop.domain.errors import BadInputError, Message
from wimc_desktop.domain.money import MAX_AMOUNT, format_yuan, to_fen
from wimc_desktop.domain.money import needs_confirmation as needs_confirmation  # the window's

CNY = "CNY"
CURRENCY_ALIASES = {"RMB": CNY, "人民币": CNY, "元": CNY, "CNH": CNY}
_CURRENCY = re.compile(r"[A-Z]{3}")


class SigningStatus(StrEnum):
    """Where a signing stands; a cancelled one stays in the register, outside the totals."""

    SIGNED = "signed"
    AMENDED = "amended"
    CANCELLED = "cancelled"

    @property
    def counts_in_totals(self) -> bool:
        return self is not SigningStatus.CANCELLED


STATUS_LABELS = {SigningStatus.SIGNED: ("已签约", "Signed"),
                 SigningStatus.AMENDED: ("已变更", "Amended"),
                 SigningStatus.CANCELLED: ("已取消", "Cancelled")}
ROLE_LABELS = {"investor": ("投资方", "Investor"), "government": ("地方政府", "Government"),
               "partner": ("合作方", "Partner")}
ROLE_ALIASES = {"投资方": "investor", "投资": "investor", "甲方": "investor",
                "政府": "government", "政府方": "government", "地方政府": "government",
                "local government": "government", "乙方": "government",
                "合作方": "partner", "合作": "partner"}
LIMITS = {"project_zh": 200, "project_en": 200, "sector": 100, "location": 200,
          "ceremony": 200, "name": 200, "role": 100, "country": 100, "title": 200}
# What the messages call each checked field (pieces of a message, translated with it).
FIELD_NAMES = {"project_name": Message("project name"), "project_en": Message("project en"),
               "sector": Message("sector"), "location": Message("location"),
               "ceremony": Message("ceremony"), "name": Message("name"),
               "role": Message("role"), "country": Message("country"),
               "title": Message("title")}


def normalize_role(text: str) -> str:
    """A known role code (investor, government, partner) for its usual words, else the text."""
    key = text.strip().lower()
    return key if key in ROLE_LABELS else ROLE_ALIASES.get(key, text.strip())


def role_label(role: str, lang: str = "zh") -> str:
    labels = ROLE_LABELS.get(role)
    return (labels[0] if lang == "zh" else labels[1]) if labels else role


def status_label(status: SigningStatus, lang: str = "zh") -> str:
    zh, en = STATUS_LABELS[status]
    return zh if lang == "zh" else en


@dataclass(frozen=True, slots=True)
class SigningParty:
    """A party to a signing, optionally one of the event's guests."""

    name: str
    role: str = ""
    country: str = ""
    guest_id: str | None = None

    def describe(self, lang: str = "zh") -> str:
        """'南京市溧水区人民政府（地方政府）' / 'Siemens AG (Investor)'."""
        role = role_label(self.role, lang)
        if not role:
            return self.name
        return f"{self.name}（{role}）" if lang == "zh" else f"{self.name} ({role})"


@dataclass(frozen=True, slots=True)
class SigningWitness:
    """A leader present at a signing, optionally one of the event's guests."""

    name: str
    title: str = ""
    guest_id: str | None = None

    def describe(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name


@dataclass(frozen=True, slots=True)
class SigningDraft:
    """A signing as typed: what `add_signing` records and `amend_signing` replaces."""

    project_zh: str
    amount: Decimal
    parties: tuple[SigningParty, ...]
    signed_at: dt.datetime
    project_en: str = ""
    sector: str = ""
    location: str = ""
    currency: str = CNY
    ceremony: str = ""
    witnesses: tuple[SigningWitness, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Signing(SigningDraft):
    """A recorded signing, as read from the register (`day` is its local date)."""

    id: str
    day: dt.date
    status: SigningStatus
    recorded_by: str
    recorded_at: dt.datetime
    updated_at: dt.datetime

    @property
    def amount_fen(self) -> int:
        return to_fen(self.amount)

    @property
    def counts_in_totals(self) -> bool:
        return self.status.counts_in_totals

    def draft(self) -> SigningDraft:
        """The editable part, to amend with dataclasses.replace."""
        return SigningDraft(self.project_zh, self.amount, self.parties, self.signed_at,
                            self.project_en, self.sector, self.location, self.currency,
                            self.ceremony, self.witnesses, self.notes)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "project_zh": self.project_zh, "project_en": self.project_en,
            "sector": self.sector, "location": self.location, "amount_fen": self.amount_fen,
            "amount_yuan": str(self.amount), "currency": self.currency,
            "parties": [{"name": p.name, "role": p.role, "country": p.country,
                         "guest_id": p.guest_id} for p in self.parties],
            "witnesses": [{"name": w.name, "title": w.title, "guest_id": w.guest_id}
                          for w in self.witnesses],
            "ceremony": self.ceremony, "signed_at": self.signed_at.isoformat(),
            "day": self.day.isoformat(), "status": self.status.value, "notes": self.notes,
            "recorded_by": self.recorded_by, "recorded_at": self.recorded_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class SigningChange:
    """One entry of a signing's history: recorded, amended or cancelled, with a snapshot."""

    at: dt.datetime
    operator: str
    action: str
    reason: str
    snapshot: dict[str, object] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {"at": self.at.isoformat(), "operator": self.operator, "action": self.action,
                "reason": self.reason, "snapshot": self.snapshot}


def normalize_currency(text: str) -> str:
    code = text.strip().upper()
    code = CURRENCY_ALIASES.get(code, code)
    if not _CURRENCY.fullmatch(code):
        raise BadInputError("not a currency code: {text!r} (use CNY, USD, EUR...)", text=text)
    return code


def _checked_text(label: str, text: str, required: bool = False) -> str:
    value = text.strip()
    name = FIELD_NAMES[label]
    if required and not value:
        raise BadInputError("the signing needs a {field}", field=name)
    limit = LIMITS.get(label, 200)
    if len(value) > limit:
        raise BadInputError("the {field} is longer than {limit} characters", field=name,
                            limit=limit)
    return value


def _checked_party(party: SigningParty) -> SigningParty:
    return SigningParty(_checked_text("name", party.name, required=True),
                        normalize_role(_checked_text("role", party.role)),
                        _checked_text("country", party.country), party.guest_id or None)


def _checked_witness(witness: SigningWitness) -> SigningWitness:
    return SigningWitness(_checked_text("name", witness.name, required=True),
                          _checked_text("title", witness.title), witness.guest_id or None)


def _check_amount(amount: Decimal) -> None:
    to_fen(amount)
    if amount <= 0:
        raise BadInputError("the amount must be more than zero (got {amount})", amount=amount)
    if amount > MAX_AMOUNT:
        raise BadInputError("the amount {amount} is too large", amount=format_yuan(amount))


def validate_draft(draft: SigningDraft) -> SigningDraft:
    """The draft with its text trimmed and roles normalised, or BadInputError saying why."""
    project = _checked_text("project_name", draft.project_zh, required=True)
    parties = tuple(_checked_party(p) for p in draft.parties)
    if len(parties) < 2:
        raise BadInputError("a signing needs at least two parties (got {count})",
                            count=len(parties))
    names = [p.name for p in parties]
    if len(set(names)) < len(names):
        raise BadInputError("the same party is named twice")
    _check_amount(draft.amount)
    if draft.signed_at.tzinfo is None:
        raise BadInputError("the signing time needs a time zone")
    return SigningDraft(
        project, draft.amount.quantize(Decimal("0.01")), parties, draft.signed_at,
        _checked_text("project_en", draft.project_en), _checked_text("sector", draft.sector),
        _checked_text("location", draft.location), normalize_currency(draft.currency),
        _checked_text("ceremony", draft.ceremony),
        tuple(_checked_witness(w) for w in draft.witnesses), draft.notes.strip())
