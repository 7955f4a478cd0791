"""Money as people say it: exact amounts (Decimal yuan, integer fen) in 元, 万元 and 亿元.

Amounts are never floats. The database holds integer fen (分); Python holds `Decimal`
yuan with two places. Parsing accepts what a person types at the desk or finds in a
press release: `1234567.89`, `1,234,567.89`, `¥1,234,567.89`, `5.2亿`, `3000万`,
`5.2亿元`, `12.5 亿`, `1.2万亿`, full-width digits and commas; anything else (a float
exponent, a stray character, a fraction of a fen, a misplaced thousands separator) is
refused, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, InvalidOperation

from wimc_desktop.domain.errors import BadInputError

FEN = Decimal("0.01")
WAN = Decimal(10_000)
YI = Decimal(100_000_000)
BILLION = Decimal(1_000_000_000)
MILLION = Decimal(1_000_000)
# Below 100,000 亿 元: room to spare in a BIGINT of fen, and exact as an XLSX double.
MAX_AMOUNT = Decimal("9999999999999.99")
# 100 亿 or more is rare enough on a signing stage that a slip of the keyboard is likelier.
CONFIRM_THRESHOLD = Decimal(100) * YI

UNITS: dict[str, Decimal] = {
    "": Decimal(1), "元": Decimal(1), "万": WAN, "万元": WAN, "亿": YI, "亿元": YI,
    "万亿": WAN * YI, "万亿元": WAN * YI,
}
_AMOUNT = re.compile(
    r"(?P<number>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*"
    r"(?P<unit>万亿元|万亿|万元|亿元|万|亿|元)?")
_EXACT = Context(prec=60, traps=[Inexact, InvalidOperation])
_MAX_LENGTH = 40


class AmountError(BadInputError):
    """A typed amount that is not a well-formed, exact amount of money."""


def parse_amount(text: str) -> Decimal:
    """The exact amount in yuan (two places) that `text` says, or AmountError."""
    cleaned = unicodedata.normalize("NFKC", text).strip().removeprefix("¥").strip()
    match = _AMOUNT.fullmatch(cleaned) if len(cleaned) <= _MAX_LENGTH else None
    if match is None:
        raise AmountError("not an amount: {text!r} (write it like 1,234,567.89, 5.2亿 or "
                          "3000万)", text=text)
    number = Decimal(match["number"].replace(",", ""))
    value = _EXACT.multiply(number, UNITS[match["unit"] or ""])
    cents = value * 100
    if cents != cents.to_integral_value():
        raise AmountError("{text!r} is more precise than a fen (0.01 元)", text=text)
    if value > MAX_AMOUNT:
        raise AmountError("{text!r} is too large (at most {limit} 元)", text=text,
                          limit=format_yuan(MAX_AMOUNT))
    return value.quantize(FEN)


def to_fen(amount: Decimal) -> int:
    """The whole number of fen in an amount of yuan (refusing a fraction of a fen)."""
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise AmountError("{amount} is more precise than a fen (0.01 元)", amount=amount)
    return int(cents)


def from_fen(fen: int) -> Decimal:
    """The amount in yuan (two places) of a whole number of fen."""
    return (Decimal(fen) / 100).quantize(FEN)


def needs_confirmation(amount: Decimal) -> bool:
    """Whether an amount is large enough (100 亿 元 or more) to be confirmed before saving."""
    return amount >= CONFIRM_THRESHOLD


def format_number(value: Decimal, places: int | None = 2) -> str:
    """A number with thousands separators: rounded half up to `places`, or exact if None."""
    return _grouped(value, places)


def _grouped(value: Decimal, places: int | None) -> str:
    """`value` with thousands separators: rounded half up to `places`, or exact if None."""
    if places is not None:
        return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,.{places}f}"
    exponent = value.normalize().as_tuple().exponent
    decimals = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:,.{decimals}f}"


def format_yuan(amount: Decimal, *, unit: str = "") -> str:
    """'1,234,567.89' (two places, thousands separators), followed by `unit` if given."""
    return _grouped(amount, 2) + unit


def format_wan(amount: Decimal, places: int | None = 2, sep: str = "") -> str:
    """The amount in 万元: '5,363,000.00万元'; exact (as many places as needed) with None."""
    return _grouped(amount / WAN, places) + sep + "万元"


def format_yi(amount: Decimal, places: int | None = 2, sep: str = "") -> str:
    """The amount in 亿元: '536.30亿元'; exact (as many places as needed) with None."""
    return _grouped(amount / YI, places) + sep + "亿元"


def format_total(amount: Decimal, sep: str = "") -> str:
    """A total in the unit a Chinese report uses for its size: 亿元, 万元 or 元.

    `sep` goes between the number and the unit ('536.30 亿元' in a sentence).
    """
    if amount >= YI:
        return format_yi(amount, sep=sep)
    if amount >= WAN:
        return format_wan(amount, sep=sep)
    return format_yuan(amount, unit=sep + "元")


def format_total_en(amount: Decimal) -> str:
    """A total in English words: '53.63 billion yuan', '12.50 million yuan', '980.00 yuan'."""
    if amount >= BILLION:
        return f"{_grouped(amount / BILLION, 2)} billion yuan"
    if amount >= MILLION:
        return f"{_grouped(amount / MILLION, 2)} million yuan"
    return f"{format_yuan(amount)} yuan"
