"""What a typed query looks for: the index phrases of each rank, and the same test in Python.

Ranks: 0 badge code or external id (exact), 1 exact name (Hanzi, pinyin or Latin),
2 prefix of the name, its pinyin or its initials, 3 any other part (name, organisation,
title, Latin name, phone digits, e-mail). A phrase matches where it is a substring of the
indexed text (see documents.py): the guest's body, or, at rank 3 only, the indexed form
of its organisation or title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from wimc_desktop.domain.badge_codes import is_valid_code, normalize_code
from wimc_desktop.domain.search_keys import name_shorthand
from wimc_desktop.services.search.documents import EXACT_FIELD, TEXT_FIELDS
from wimc_desktop.services.search.forms import (
    END,
    EXTERNAL,
    INITIALS,
    NAME_START,
    PINYIN,
    SEP,
    clean,
    fold,
    has_hanzi,
    name_form,
    pinyin_key,
    separated,
    text_form,
    value_form,
)

MAX_QUERY = 1000  # longer than any indexed field: such a query matches nothing
MIN_PHONE_DIGITS = 4
MIN_SUBSTRING = 3  # trigram index: shorter Latin text only matches as a prefix of a name
RANKS = (0, 1, 2, 3)
_PHONE_LIKE = re.compile(r"[0-9+\-().\s]+")
_NOT_DIGIT = re.compile(r"[^0-9]")
CACHED_LENGTH = 100  # plans of queries up to this long are kept (1,024 of them)


@dataclass(frozen=True, slots=True)
class Plan:
    """One query, taken apart for the index (phrases by rank) and for plain SQL."""

    text: str  # the query as searched (cleaned, trimmed)
    name: str = ""  # name_form of the query
    folded: str = ""  # fold of the query
    pinyin: str = ""  # letters and digits only (no Hanzi in the query)
    digits: str = ""  # phone digits (4 or more, +86 dropped)
    code: str = ""  # badge code as typed, normalised
    external: str = ""  # external id, upper-case
    exact: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()
    substring: tuple[str, ...] = ()
    nothing: bool = False  # no guest can match (query too long)
    # every and all_phrases, worked out once (plans are kept: see make_plan)
    _every: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _shortest: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)

    @property
    def empty(self) -> bool:
        return not self.text and not self.nothing

    def phrases(self, rank: int) -> tuple[str, ...]:
        if rank == 0:
            return (EXTERNAL + self.external + END,) if self.external else ()
        return (self.exact, self.prefix, self.substring)[rank - 1]

    @property
    def every(self) -> tuple[str, ...]:
        """Every phrase of every rank."""
        if self._every is None:
            self._phrase_lists()
        return self._every  # type: ignore[return-value]

    def all_phrases(self) -> list[str]:
        """Every phrase of every rank, less those that contain another (found anyway)."""
        if self._every is None:
            self._phrase_lists()
        return list(self._shortest)

    def _phrase_lists(self) -> None:
        # Worked out once per Plan, in its own slots (functools.cached_property takes a
        # lock on every call in Python 3.11, and needs an instance dict).
        every = tuple(p for rank in RANKS for p in self.phrases(rank))
        shortest = []
        for p in every:
            for q in every:
                if q in p and q != p:
                    break
            else:
                shortest.append(p)
        object.__setattr__(self, "_shortest", tuple(shortest))
        object.__setattr__(self, "_every", every)


def _core(text: str) -> str | None:
    """The phrase that finds text anywhere: Hanzi separated, outer separators dropped."""
    spread = separated(text)
    inner = spread.strip(SEP)
    if len(inner) >= MIN_SUBSTRING:
        return inner
    return spread if len(spread) >= MIN_SUBSTRING else None


def _phone_digits(text: str) -> str:
    if not _PHONE_LIKE.fullmatch(text):
        return ""
    compact = "".join(text.split()).replace("-", "")
    for country in ("+86", "0086"):
        if compact.startswith(country):
            compact = compact[len(country):]
    digits = _NOT_DIGIT.sub("", compact)
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def _unique(items: Sequence[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(filter(None, items)))


def make_plan(query: str) -> Plan:
    """Take a typed query apart; never fails, whatever the text."""
    # A Plan is immutable, and typing and scanning repeat queries: short ones are kept.
    return _cached_plan(query) if len(query) <= CACHED_LENGTH else _make_plan(query)


def _make_plan(query: str) -> Plan:
    text = clean(query).strip()
    if len(text) > MAX_QUERY:
        return Plan(text=text[:MAX_QUERY], nothing=True)
    if not text:
        return Plan(text="")
    name, folded = name_form(text), fold(text)
    hanzi = has_hanzi(folded)
    pinyin = "" if hanzi else pinyin_key(text)
    digits = _phone_digits(text)
    code = normalize_code(text)
    exact = [NAME_START + separated(name) + END] if name else []
    prefix = [NAME_START + separated(name)] if name else []
    if pinyin:
        exact.append(PINYIN + pinyin.upper() + END)
        prefix += [PINYIN + pinyin.upper(), INITIALS + pinyin.upper()]
    return Plan(
        text=text, name=name, folded=folded, pinyin=pinyin, digits=digits,
        code=code if is_valid_code(code) else "", external=folded.upper(),
        exact=_unique(exact), prefix=_unique(prefix),
        substring=_unique([_core(name), _core(folded), digits]),
    )


_cached_plan = lru_cache(maxsize=1024)(_make_plan)


def code_matches(plan: Plan, badge_code: str) -> bool:
    """The code itself, or the code after its first '-' (WIMC-ABC2345 <- ABC2345)."""
    if not plan.code:
        return False
    return badge_code == plan.code or badge_code.partition("-")[2] == plan.code


def rank_of(plan: Plan, body: str, values: str, badge_code: str) -> int | None:
    """The rank at which a guest's indexed body (and organisation and title forms) matches,
    or None: the very test the index makes, for guests not (or not yet) in it."""
    if code_matches(plan, badge_code):
        return 0
    for rank in RANKS:
        if any(p in body for p in plan.phrases(rank)):
            return rank
    if any(p in values for p in plan.substring):
        return 3
    return None


def _field_texts(row: Any) -> Iterator[tuple[str, str, bool]]:
    """(kind, indexed text, only substrings count) of each field, best kind first (the
    parts of documents.document); `row`: a guest's columns by name."""
    exact = getattr(row, EXACT_FIELD)
    if exact:
        yield EXACT_FIELD, EXTERNAL + fold(exact).upper() + END, False
    yield "name", NAME_START + separated(name_form(row.name)) + END, False
    yield "pinyin", PINYIN + pinyin_key(row.name_pinyin).upper() + END, False
    yield "initials", INITIALS + clean(row.name_initials).upper() + END, False
    short = name_shorthand(row.name, row.name_pinyin, row.name_initials)
    if short:
        yield "initials", INITIALS + short.upper() + END, False
    yield "latin", fold(row.name_latin), False
    yield "organization", value_form(row.organization), True
    yield "title", value_form(row.title), True
    yield "phone", clean(row.phone_digits), False
    for name in TEXT_FIELDS:
        yield name, text_form(getattr(row, name)), False


def matched_field(plan: Plan, row: Any) -> str:
    """Which field of a guest the query matched (for the result list)."""
    if code_matches(plan, row.badge_code):
        return "badge_code"
    every, substring = plan.every, plan.substring
    for kind, text, substrings_only in _field_texts(row):
        for p in substring if substrings_only else every:
            if p in text:
                return kind
    return "name"
